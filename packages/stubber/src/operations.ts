import { describeValue } from '@sdk-events/core/internal';

/**
 * A v3 command class, such as `PutMetricDataCommand` or lib-dynamodb's
 * `PutCommand`: what `client.send(new C(input))` takes.
 */
export type CommandClass = abstract new (...args: any[]) => {
  input: object;
  resolveMiddleware(...args: any[]): (...args: any[]) => Promise<{ output: object }>;
};

/** An operation as the stubber's methods take it: its name (`'PutMetricData'`) or its command class. */
export type OperationRef = string | CommandClass;

/** The input type of a command class (`Record<string, any>` for an operation name). */
export type InputOf<C> = C extends abstract new (...args: any[]) => { input: infer I } ? I : Record<string, any>;

/** The output type of a command class, `$metadata` optional (`Record<string, any>` for an operation name). */
export type OutputOf<C> = C extends abstract new (...args: any[]) => { resolveMiddleware(...args: any[]): (...args: any[]) => Promise<{ output: infer O }> }
  ? Omit<O, '$metadata'> & { $metadata?: Partial<Extract<O, { $metadata: unknown }>['$metadata']> }
  : Record<string, any>;

/** A Smithy operation schema as schema-based clients carry it: `[9, namespace, name, traits, input, output]`. */
export type OperationSchema = readonly [9, string, string, unknown, unknown, unknown];

/** What an operation reference resolves to: its Smithy name and, for a command class, its schema. */
export interface ResolvedOperation {
  name: string;
  schema: OperationSchema | undefined;
}

/**
 * The operation `ref` names. A name must be spelled as the API spells it
 * (`PutMetricData`); a command class gives its operation schema's name, so
 * wrapping commands (lib-dynamodb's `PutCommand`) give the operation they
 * send (`PutItem`).
 */
export function resolveOperation(ref: unknown, method: string): ResolvedOperation {
  if (typeof ref === 'string') {
    if (/^[A-Z][A-Za-z0-9]*$/.test(ref)) return { name: ref, schema: undefined };
    throw new TypeError(`${method}: ${JSON.stringify(ref)} is not an operation name; name it as the API does (${suggestName(ref)}) or pass its command class`);
  }
  if (typeof ref === 'function' && typeof ref.prototype?.resolveMiddleware === 'function') {
    const schema = schemaOfCommand(ref as new (input: object) => unknown);
    if (schema) return { name: schema[2], schema };
    const name = ref.name.replace(/Command$/, '');
    if (name) return { name, schema: undefined };
  }
  throw new TypeError(`${method}: the operation must be an operation name ('PutMetricData') or a command class (PutMetricDataCommand); got ${describeValue(ref)}`);
}

/** The operation schema of a command, from an instance (commands keep it there; lib-dynamodb's keep it on the command they wrap). */
function schemaOfCommand(Command: new (input: object) => unknown): OperationSchema | undefined {
  let instance: any;
  try {
    instance = new Command({});
  } catch {
    return undefined;
  }
  const schema = instance?.schema ?? instance?.clientCommand?.schema;
  return isOperationSchema(schema) ? schema : undefined;
}

/** Whether `value` is an operation schema. */
export function isOperationSchema(value: unknown): value is OperationSchema {
  return Array.isArray(value) && value[0] === 9 && typeof value[2] === 'string';
}

/**
 * The top-level member names of an operation's output, or undefined when
 * the schema does not say (a client without schemas). A unit output has none.
 */
export function outputMembersOf(schema: OperationSchema): readonly string[] | undefined {
  const output = typeof schema[5] === 'function' ? (schema[5] as () => unknown)() : schema[5];
  if (output === 'unit') return [];
  if (Array.isArray(output) && output[0] === 3 && Array.isArray(output[4])) return output[4] as string[];
  return undefined;
}

/**
 * Why `output` cannot be `operation`'s output (botocore validates stubbed
 * responses against the model the same way), or undefined when it can.
 */
export function outputProblem(operation: ResolvedOperation, output: unknown): string | undefined {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) return `the output must be an object; got ${describeValue(output)}`;
  const members = operation.schema && outputMembersOf(operation.schema);
  if (!members) return undefined;
  const unknown = Object.keys(output).filter((key) => key !== '$metadata' && !members.includes(key));
  if (unknown.length === 0) return undefined;
  const allowed = members.length ? `it has: ${members.join(', ')}` : 'it has no members';
  return `the output of ${operation.name} has no member ${unknown.map((k) => JSON.stringify(k)).join(', ')} (${allowed})`;
}

/** `put_metric_data`, `putMetricData` → `PutMetricData`. */
function suggestName(name: string): string {
  const pascal = name.replace(/(?:^|[_-])([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[a-z]/, (c) => c.toUpperCase());
  return /^[A-Z][A-Za-z0-9]*$/.test(pascal) ? `'${pascal}'` : `e.g. 'PutMetricData'`;
}
