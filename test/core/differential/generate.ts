// Random operation sequences over a small alphabet of names, so that registrations
// collide, nest, overlap through `*` and meet their alias twins.

import type { EmitterKind, HandlerSpec, Json, Operation, RegisterOp, Sequence, UnregisterOp } from './operations.js';
import { Random } from './prng.js';

const EVENT_TYPES = ['before-call', 'after-call', 'needs-retry', 'before-sign'] as const;

// Service parts: botocore's EVENT_ALIASES keys next to the service ids they map to
// (keys present in every botocore from 1.29 on, in the table's order), plus a few
// plain ids. Dotted keys ('data.iot') take two segments and alias to one.
const ALIAS_TWINS: ReadonlyArray<readonly [string, string]> = [
  ['apigateway', 'api-gateway'],
  ['autoscaling', 'auto-scaling'],
  ['data.iot', 'iot-data-plane'],
  ['events', 'eventbridge'],
  ['logs', 'cloudwatch-logs'],
  ['monitoring', 'cloudwatch'],
  ['runtime.sagemaker', 'sagemaker-runtime'],
  ['api.pricing', 'pricing'],
];
const SERVICES: readonly string[] = ['s3', 'ec2', 'lambda', ...ALIAS_TWINS.flat()];
const OPERATIONS = ['PutObject', 'Invoke', 'PutMetricData'] as const;
const EXTRA_SEGMENTS = ['extra', 'Invoke'] as const;
/** Every single segment, for the odd name that puts a segment where it does not belong. */
const ANY_SEGMENT: readonly string[] = [
  ...EVENT_TYPES,
  ...SERVICES.flatMap((service) => service.split('.')),
  ...OPERATIONS,
];

const HANDLER_COUNT = 10;
const UNIQUE_IDS = ['u0', 'u1', 'u2', 'u3'] as const;

/** What a run generates; the defaults are what the test uses. */
export interface GenerateOptions {
  /** Operations per sequence, both ends included. */
  minOps: number;
  maxOps: number;
}

const DEFAULT_OPTIONS: GenerateOptions = { minOps: 20, maxOps: 60 };

/** The alias twin of a service part, or undefined when it has none. */
function twinOf(service: string): string | undefined {
  for (const [alias, id] of ALIAS_TWINS) {
    if (service === alias) return id;
    if (service === id) return alias;
  }
  return undefined;
}

/** A name's parts: one per position (event type, service, operation, extra); a part may hold a dot. */
type NameParts = string[];

/** A registration the generator made, to unregister later. */
interface Registration {
  parts: NameParts;
  handler: string;
  uniqueId?: string;
}

function joinParts(parts: NameParts): string {
  return parts.join('.');
}

/** The same name with its service part spelled the other way (`apigateway` ↔ `api-gateway`), when it has one. */
function withTwinService(parts: NameParts): NameParts {
  const twin = parts.length > 1 ? twinOf(parts[1]!) : undefined;
  return twin === undefined ? [...parts] : [parts[0]!, twin, ...parts.slice(2)];
}

/** Generates sequences for one emitter kind from one seed. */
class SequenceGenerator {
  private readonly random: Random;
  private readonly options: GenerateOptions;

  constructor(random: Random, options: GenerateOptions) {
    this.random = random;
    this.options = options;
  }

  /** A part for `position`: usually from that position's alphabet, sometimes `*` or a stray segment. */
  private part(position: number, allowWildcard: boolean): string {
    const r = this.random;
    if (allowWildcard && r.chance(0.14)) return '*';
    if (r.chance(0.05)) return r.pick(ANY_SEGMENT);
    switch (position) {
      case 0:
        return r.pick(EVENT_TYPES);
      case 1:
        return r.pick(SERVICES);
      case 2:
        return r.pick(OPERATIONS);
      default:
        return r.pick(EXTRA_SEGMENTS);
    }
  }

  private randomParts(depth: number, allowWildcard: boolean): NameParts {
    return Array.from({ length: depth }, (_, position) => this.part(position, allowWildcard));
  }

  /** A registration name, 1 to 3 parts deep. */
  private registrationName(known: NameParts[]): NameParts {
    const r = this.random;
    if (known.length > 0 && r.chance(0.4)) {
      // The same name again, now and then with the other spelling of its service.
      const parts = r.pick(known);
      return r.chance(0.4) ? withTwinService(parts) : [...parts];
    }
    return this.randomParts(Number(r.weighted({ '1': 1, '2': 3, '3': 5 })), true);
  }

  /**
   * An emitted name, 1 to 4 parts deep, often one that some registration matches.
   * Now and then it holds a literal `*` (botocore then reaches a `*` registration
   * both as the exact segment and as the wildcard, and calls its handlers twice).
   */
  private emitName(known: NameParts[]): string {
    const r = this.random;
    const literalStar = r.chance(0.04);
    let parts: NameParts;
    if (known.length > 0 && r.chance(0.8)) {
      parts = r.pick(known).map((part, position) => (part === '*' && !literalStar ? this.part(position, false) : part));
      if (r.chance(0.25)) parts = withTwinService(parts);
      while (parts.length < 4 && r.chance(0.45)) parts.push(this.part(parts.length, literalStar));
    } else {
      parts = this.randomParts(r.int(1, 4), literalStar);
    }
    return joinParts(parts);
  }

  private handlers(): HandlerSpec[] {
    const r = this.random;
    return Array.from({ length: HANDLER_COUNT }, (_, index) => {
      const kind = r.weighted({ none: 4, string: 3, number: 1, zero: 1, empty: 1, false: 1 });
      const responses: Record<typeof kind, Json> = {
        none: null,
        string: `r${index}`,
        number: index * 10 + 1,
        zero: 0,
        empty: '',
        false: false,
      };
      return {
        name: `h${index}`,
        response: responses[kind],
        tsNullish: r.chance(0.5) ? 'undefined' : 'null',
        async: r.chance(0.3),
      };
    });
  }

  /** Handlers for a sequence; in one sequence of eight, one of them throws. */
  private handlersMaybeThrowing(): HandlerSpec[] {
    const specs = this.handlers();
    if (this.random.chance(0.125)) specs[this.random.int(0, HANDLER_COUNT - 1)]!.throws = true;
    return specs;
  }

  /** One sequence of `minOps`..`maxOps` operations. */
  sequence(label: string, emitter: EmitterKind): Sequence {
    const r = this.random;
    const handlers = this.handlersMaybeThrowing();
    const handlerName = (): string => `h${r.int(0, HANDLER_COUNT - 1)}`;
    // Whether each unique id is normally used with a count; a flip makes botocore raise.
    const counted = new Map<string, boolean>(UNIQUE_IDS.map((id) => [id, r.chance(0.5)]));
    const countFlag = (id: string): boolean => (r.chance(0.88) ? counted.get(id)! : !counted.get(id)!);

    const known: NameParts[] = [];
    const registrations: Registration[] = [];
    const ops: Operation[] = [];
    let copies = 0;
    const length = r.int(this.options.minOps, this.options.maxOps);

    while (ops.length < length) {
      const kind = r.weighted({
        register: 24,
        registerFirst: 8,
        registerLast: 8,
        unregister: 22,
        emit: 22,
        emitUntilResponse: 12,
        copy: copies < 2 ? 1.5 : 0,
        emitOriginal: copies > 0 ? 4 : 0,
      });
      switch (kind) {
        case 'register':
        case 'registerFirst':
        case 'registerLast': {
          const parts = this.registrationName(known);
          const op: RegisterOp = { op: kind, name: joinParts(parts), handler: handlerName() };
          if (r.chance(0.35)) {
            op.uniqueId = r.pick(UNIQUE_IDS);
            const count = countFlag(op.uniqueId);
            if (count || r.chance(0.5)) op.uniqueIdUsesCount = count;
          } else if (r.chance(0.03)) {
            op.uniqueIdUsesCount = true; // a count without an id: botocore ignores it
          }
          known.push(parts);
          registrations.push({ parts, handler: op.handler, ...(op.uniqueId === undefined ? {} : { uniqueId: op.uniqueId }) });
          ops.push(op);
          break;
        }
        case 'unregister':
          ops.push(this.unregister(registrations, handlerName, countFlag));
          break;
        case 'emit':
        case 'emitUntilResponse':
          ops.push({
            op: kind,
            name: this.emitName(known),
            tag: ops.length,
            ...(r.chance(0.15) ? { spoofEventName: true } : {}),
          });
          break;
        case 'copy':
          copies += 1;
          ops.push({ op: 'copy' });
          break;
        case 'emitOriginal':
          ops.push({ op: 'emitOriginal', name: this.emitName(known), tag: ops.length });
          break;
      }
    }
    return { label, emitter, handlers, ops };
  }

  private unregister(
    registrations: readonly Registration[],
    handlerName: () => string,
    countFlag: (id: string) => boolean,
  ): UnregisterOp {
    const r = this.random;
    const withIds = registrations.filter((entry) => entry.uniqueId !== undefined);
    const way = r.weighted({
      sameName: registrations.length > 0 ? 38 : 0,
      twinName: registrations.length > 0 ? 5 : 0,
      prefixOrOtherName: registrations.length > 0 ? 12 : 0,
      byUniqueId: withIds.length > 0 ? 28 : 0,
      unknownUniqueId: 4,
      neverRegistered: 8,
      noHandler: 5,
    });
    switch (way) {
      case 'sameName':
      case 'twinName': {
        const entry = r.pick(registrations);
        const parts = way === 'twinName' ? withTwinService(entry.parts) : entry.parts;
        return { op: 'unregister', name: joinParts(parts), handler: r.chance(0.85) ? entry.handler : handlerName() };
      }
      case 'prefixOrOtherName': {
        // A prefix of a registered name (botocore's AttributeError) or a longer one.
        const entry = r.pick(registrations);
        const parts =
          r.chance(0.5) && entry.parts.length > 1
            ? entry.parts.slice(0, r.int(1, entry.parts.length - 1))
            : [...entry.parts, this.part(entry.parts.length, true)];
        return { op: 'unregister', name: joinParts(parts), handler: entry.handler };
      }
      case 'byUniqueId':
      case 'unknownUniqueId': {
        const entry = way === 'byUniqueId' ? r.pick(withIds) : undefined;
        const uniqueId = entry?.uniqueId ?? r.pick(UNIQUE_IDS);
        // Mostly the name it was registered under; else its twin spelling or any name.
        const roll = r.next();
        const parts =
          entry === undefined || roll >= 0.75
            ? this.randomParts(r.int(1, 3), true)
            : roll < 0.65
              ? entry.parts
              : withTwinService(entry.parts);
        const op: UnregisterOp = { op: 'unregister', name: joinParts(parts), uniqueId };
        const handlerRoll = r.next();
        if (handlerRoll < 0.25 && entry !== undefined) op.handler = entry.handler;
        else if (handlerRoll < 0.5) op.handler = handlerName();
        const count = countFlag(uniqueId);
        if (count || r.chance(0.5)) op.uniqueIdUsesCount = count;
        return op;
      }
      case 'neverRegistered':
        return { op: 'unregister', name: joinParts(this.randomParts(r.int(1, 4), true)), handler: handlerName() };
      case 'noHandler': {
        const parts =
          registrations.length > 0 && r.chance(0.7) ? r.pick(registrations).parts : this.randomParts(r.int(1, 3), true);
        return { op: 'unregister', name: joinParts(parts) };
      }
    }
  }
}

/**
 * `count` random sequences for `emitter`, all determined by `seed`
 * (the same seed and count give the same sequences).
 */
export function generateSequences(
  seed: number,
  emitter: EmitterKind,
  count: number,
  options: GenerateOptions = DEFAULT_OPTIONS,
): Sequence[] {
  // One seed, two streams: the two kinds get different sequences.
  const random = new Random(seed ^ (emitter === 'aliased' ? 0x9e3779b9 : 0));
  const generator = new SequenceGenerator(random, options);
  return Array.from({ length: count }, (_, index) => generator.sequence(`random #${index}`, emitter));
}
