/**
 * Section 4: the payload guard. What a guarded call costs next to sending the
 * same chunks directly (budget: 1.3×, process CPU time, the local endpoint's
 * work included on both sides); and 10,000 metrics in one PutMetricData call
 * against a local endpoint that answers 413 to a request over 1 MB or over
 * 1000 metrics (the inspector), pessimistic vs optimistic: requests sent,
 * time, and that every datum arrived exactly once.
 */
import { CloudWatchClient, PutMetricDataCommand, type PutMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { eventsOf, type EventsPlugin } from '@sdk-events/core';
import { largeMetricInput, manyMetricInput } from '../lib/cloudwatch.js';
import { compareVariants } from '../lib/rounds.js';
import { pick } from '../lib/settings.js';
import { median } from '../lib/stats.js';
import { formatNs, formatRatio, type Row } from '../lib/table.js';

const METRICS = 10_000;
const LIMITS = { maxBytes: 1_000_000, maxItems: 1000 };
/** A guarded call may cost at most this much more than sending the same chunks directly. */
const COST_BUDGET = 1.3;

type Strategy = 'pessimistic' | 'optimistic';
type PluginFactory = (options: { strategy: Strategy }) => EventsPlugin;
interface ReportLike {
  requests: Array<{ start: number; count: number }>;
  dryRuns: number;
}
type ReportOf = (output: unknown) => ReportLike | undefined;

/** The parts of an inspector record this section reads. */
interface RecordSeen {
  status: number;
  metricCount?: number;
  decodedBody: Buffer;
}
interface InspectorLike {
  url: string;
  records: RecordSeen[];
  clear(): void;
  close(): Promise<void>;
}
type StartInspector = (options: { maxBytes: number; maxItems: number }) => Promise<InspectorLike>;
interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** One scenario: which metrics, and whether the SDK compresses the body itself. */
interface Scenario {
  label: string;
  input: PutMetricDataCommandInput;
  disableRequestCompression: boolean;
  rounds: number;
}

/** What one guarded call did. */
interface Outcome {
  ms: number;
  requests: number;
  rejected: number;
}

/** The average JSON size of one datum of `input`, in bytes. */
function datumBytes(input: PutMetricDataCommandInput): number {
  const data = input.MetricData ?? [];
  return Math.round(JSON.stringify(data).length / Math.max(1, data.length));
}

/** The Host dimension of each accepted datum: every one of the 10,000 must be there exactly once. */
function deliveredHosts(records: readonly RecordSeen[]): string[] {
  const hosts: string[] = [];
  for (const record of records) {
    if (record.status !== 200) continue;
    const body = JSON.parse(record.decodedBody.toString('utf8')) as { MetricData?: Array<{ Dimensions?: Array<{ Name: string; Value: string }> }> };
    for (const datum of body.MetricData ?? []) hosts.push(datum.Dimensions?.find((d) => d.Name === 'Host')?.Value ?? '?');
  }
  return hosts;
}

async function sendOnce(client: CloudWatchClient, inspector: InspectorLike, input: PutMetricDataCommandInput): Promise<Outcome> {
  inspector.clear();
  const started = performance.now();
  await client.send(new PutMetricDataCommand(input));
  const ms = performance.now() - started;
  const hosts = deliveredHosts(inspector.records);
  if (hosts.length !== METRICS || new Set(hosts).size !== METRICS) {
    throw new Error(`payload guard bench: ${hosts.length} data delivered (${new Set(hosts).size} distinct), expected each of ${METRICS} exactly once`);
  }
  return { ms, requests: inspector.records.length, rejected: inspector.records.filter((record) => record.status === 413).length };
}

/** The cost scenarios: the item limit binds (the common case), and the byte limit binds (chunks measured by dry runs). */
function costScenarios(): Array<{ label: string; input: PutMetricDataCommandInput; disableRequestCompression: boolean }> {
  return [
    { label: `2,500 ~${datumBytes(manyMetricInput(100))} B metrics, SDK gzip (1000 binds)`, input: manyMetricInput(2500), disableRequestCompression: false },
    { label: `10,000 ~${datumBytes(manyMetricInput(100))} B metrics, SDK gzip (1000 binds)`, input: manyMetricInput(METRICS), disableRequestCompression: false },
    { label: `2,500 ~${datumBytes(largeMetricInput(100))} B metrics, uncompressed (1 MB binds)`, input: largeMetricInput(2500), disableRequestCompression: true },
  ];
}

/**
 * The pessimistic guard against the same chunks sent directly (what the
 * guard's report says it sent, one `send` each, on a client without it),
 * side by side in rounds, in process CPU time.
 */
async function costRows(inspector: InspectorLike, credentials: Credentials, payloadGuardPlugin: PluginFactory, reportOf: ReportOf): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scenario of costScenarios()) {
    const client = (guarded: boolean) => {
      const c = new CloudWatchClient({ region: 'us-east-1', endpoint: inspector.url, credentials: { ...credentials }, disableRequestCompression: scenario.disableRequestCompression });
      if (guarded) eventsOf(c).use(payloadGuardPlugin({ strategy: 'pessimistic' }));
      return c;
    };
    const guarded = client(true);
    const direct = client(false);
    const report = reportOf(await guarded.send(new PutMetricDataCommand(scenario.input)));
    if (!report) throw new Error(`payload guard bench: ${scenario.label} was not split`);
    const data = scenario.input.MetricData!;
    const chunks = report.requests.map(({ start, count }) => ({ ...scenario.input, MetricData: data.slice(start, start + count) }));
    const [, result] = await compareVariants(
      [
        {
          name: 'the same chunks sent directly',
          run: async (ops) => {
            for (let i = 0; i < ops; i++) for (const chunk of chunks) await direct.send(new PutMetricDataCommand(chunk));
            inspector.clear();
          },
        },
        {
          name: 'pessimistic guard',
          run: async (ops) => {
            for (let i = 0; i < ops; i++) await guarded.send(new PutMetricDataCommand(scenario.input));
            inspector.clear();
          },
        },
      ],
      { rounds: pick(15, 5), opsPerRound: 1, warmupOps: 1, clock: 'cpu' },
    );
    rows.push({
      section: '4 payload guard',
      case: `${scenario.label}: pessimistic guard / the same ${chunks.length} chunks sent directly`,
      result: formatRatio(result!.ratio),
      budget: `≤ ${formatRatio(COST_BUDGET)}`,
      status: result!.ratio <= COST_BUDGET ? 'PASS' : 'MISS',
      detail: `CPU time, the endpoint's included; ${formatNs(result!.nsPerOp)} per guarded call; ${report.dryRuns} dry runs; IQR ${formatRatio(result!.ratioLow)}–${formatRatio(result!.ratioHigh)}`,
    });
  }
  return rows;
}

/** Section 4 rows. */
export async function benchPayloadGuard(): Promise<Row[]> {
  const guardModule: Record<string, unknown> = await import('@sdk-events/payload-guard');
  const inspectorModule: Record<string, unknown> = await import('@sdk-events/inspector');
  const payloadGuardPlugin = guardModule.payloadGuardPlugin as PluginFactory | undefined;
  const reportOf = guardModule.payloadGuardReportOf as ReportOf | undefined;
  const startInspector = inspectorModule.startInspector as StartInspector | undefined;
  const credentials = inspectorModule.TEST_CREDENTIALS as Credentials | undefined;
  if (typeof payloadGuardPlugin !== 'function' || typeof reportOf !== 'function' || typeof startInspector !== 'function' || credentials === undefined) {
    return [{ section: '4 payload guard', case: 'payloadGuardPlugin / startInspector', result: 'not exported', budget: '—', status: 'skip', detail: 'a package is not there yet' }];
  }

  const scenarios: Scenario[] = [
    { label: `~${datumBytes(manyMetricInput(100))} B metrics, SDK gzip (1000 binds)`, input: manyMetricInput(METRICS), disableRequestCompression: false, rounds: pick(5, 2) },
    { label: `~${datumBytes(largeMetricInput(100))} B metrics, uncompressed (1 MB binds)`, input: largeMetricInput(METRICS), disableRequestCompression: true, rounds: pick(3, 1) },
  ];
  const inspector = await startInspector(LIMITS);
  const rows: Row[] = [];
  try {
    rows.push(...(await costRows(inspector, credentials, payloadGuardPlugin, reportOf)));
    for (const scenario of scenarios) {
      const clients = Object.fromEntries(
        (['pessimistic', 'optimistic'] as const).map((strategy) => {
          const client = new CloudWatchClient({
            region: 'us-east-1',
            endpoint: inspector.url,
            // A copy: the SDK marks the credentials object it is given (the exported one is frozen).
            credentials: { ...credentials },
            disableRequestCompression: scenario.disableRequestCompression,
          });
          eventsOf(client).use(payloadGuardPlugin({ strategy }));
          return [strategy, client];
        }),
      ) as Record<Strategy, CloudWatchClient>;
      // Warm up both (first-call costs: connections, JIT), then alternate.
      await sendOnce(clients.pessimistic, inspector, scenario.input);
      await sendOnce(clients.optimistic, inspector, scenario.input);
      const outcomes: Record<Strategy, Outcome[]> = { pessimistic: [], optimistic: [] };
      const ratios: number[] = [];
      for (let round = 0; round < scenario.rounds; round++) {
        const order: Strategy[] = round % 2 === 0 ? ['pessimistic', 'optimistic'] : ['optimistic', 'pessimistic'];
        for (const strategy of order) outcomes[strategy].push(await sendOnce(clients[strategy], inspector, scenario.input));
        ratios.push(outcomes.optimistic[round]!.ms / outcomes.pessimistic[round]!.ms);
      }
      for (const strategy of ['pessimistic', 'optimistic'] as const) {
        const last = outcomes[strategy][outcomes[strategy].length - 1]!;
        rows.push({
          section: '4 payload guard',
          case: `${METRICS.toLocaleString('en-US')} ${scenario.label}: ${strategy}`,
          result: `${last.requests} requests`,
          budget: '—',
          status: 'info',
          detail: `${last.rejected} rejected with 413; ${median(outcomes[strategy].map((o) => o.ms)).toFixed(0)} ms per call (median of ${scenario.rounds}); every datum delivered once`,
        });
      }
      rows.push({
        section: '4 payload guard',
        case: `${METRICS.toLocaleString('en-US')} ${scenario.label}: time optimistic / pessimistic`,
        result: formatRatio(median(ratios)),
        budget: '—',
        status: 'info',
        detail: `median of ${scenario.rounds} alternating rounds`,
      });
    }
  } finally {
    await inspector.close();
  }
  return rows;
}
