import { CloudWatchClient, PutMetricDataCommand, type CloudWatchClientConfig, type PutMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';

/** Credentials the bench clients sign with (nothing verifies them: no request leaves the process). */
export const BENCH_CREDENTIALS = { accessKeyId: 'AKIDBENCHEXAMPLE', secretAccessKey: 'bench/secret/key/EXAMPLEKEY' };

/** `{}`, the AWS JSON 1.0 body of a successful PutMetricData. */
const EMPTY_JSON = new TextEncoder().encode('{}');

/**
 * A request handler that answers every request at once, without a network:
 * what CloudWatch answers to a successful PutMetricData in AWS JSON 1.0.
 * The JSON deserializer reads the body (bytes are collected as they are;
 * `{}` is the empty output) and takes the request id from
 * `x-amzn-requestid`; `content-type` is what CloudWatch sends.
 */
export class StubCloudWatchHandler {
  /** How many requests it answered. */
  handled = 0;
  /** The last request it was given. */
  lastRequest: HttpRequest | undefined;

  /** Requests still to hold (see `park`), and the releases of those held. */
  #toPark = 0;
  #parked: Array<() => void> = [];

  /** Holds the next `count` requests unanswered until `release()`: calls kept in flight. */
  park(count: number): void {
    this.#toPark = count;
  }

  /** How many requests are held now. */
  get parked(): number {
    return this.#parked.length;
  }

  /** Answers every held request. */
  release(): void {
    for (const answer of this.#parked.splice(0)) answer();
  }

  /** Answers `request` with a successful PutMetricData response: at once, unless it is to be held. */
  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    if (this.#toPark > 0) {
      this.#toPark--;
      await new Promise<void>((resolve) => this.#parked.push(resolve));
    }
    this.handled++;
    this.lastRequest = request;
    return {
      response: new HttpResponse({
        statusCode: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': '2', 'x-amzn-requestid': 'bench-request-id' },
        body: EMPTY_JSON,
      }),
    };
  }

  /** Part of the SDK's request handler interface: nothing to configure. */
  updateHttpClientConfig(): void {}

  /** Part of the SDK's request handler interface: no settings. */
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** A real CloudWatch client whose requests never leave the process. */
export function stubbedCloudWatchClient(extra: Partial<CloudWatchClientConfig> = {}): { client: CloudWatchClient; handler: StubCloudWatchHandler } {
  const handler = new StubCloudWatchHandler();
  const client = new CloudWatchClient({
    region: 'us-east-1',
    credentials: BENCH_CREDENTIALS,
    requestHandler: handler,
    ...extra,
  });
  return { client, handler };
}

/**
 * A small, realistic PutMetricData input: five latency and count metrics of
 * a service with two dimensions (about 900 bytes of JSON on the wire, well
 * under the 10 KiB from which the SDK compresses the body itself).
 */
export function smallMetricInput(): PutMetricDataCommandInput {
  const timestamp = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
  const names = ['Latency', 'Latency', 'Requests', 'Errors', 'Throttles'];
  return {
    Namespace: 'Shop/Checkout',
    MetricData: names.map((name, i) => ({
      MetricName: name,
      Dimensions: [
        { Name: 'Service', Value: 'checkout' },
        { Name: 'Stage', Value: i === 1 ? 'canary' : 'prod' },
      ],
      Timestamp: timestamp,
      Value: name === 'Latency' ? 12.5 + i : i,
      Unit: name === 'Latency' ? 'Milliseconds' : 'Count',
    })),
  };
}

/** `count` metric data of a realistic shape (distinct names, dimensions, values), for batch tests. */
export function manyMetricInput(count: number, namespace = 'Shop/Checkout'): PutMetricDataCommandInput {
  const timestamp = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
  return {
    Namespace: namespace,
    MetricData: Array.from({ length: count }, (_, i) => ({
      MetricName: `Latency${i % 97}`,
      Dimensions: [
        { Name: 'Service', Value: `service-${i % 13}` },
        { Name: 'Host', Value: `host-${String(i).padStart(5, '0')}` },
      ],
      Timestamp: timestamp,
      Value: (i * 7.31) % 500,
      Unit: 'Milliseconds',
    })),
  };
}

/** Sends `input` once and throws unless the SDK parsed a 200 answer. */
export async function putOnce(client: CloudWatchClient, input: PutMetricDataCommandInput): Promise<void> {
  const output = await client.send(new PutMetricDataCommand(input));
  if (output.$metadata.httpStatusCode !== 200) throw new Error(`PutMetricData answered ${String(output.$metadata.httpStatusCode)}`);
}

/** Sends `input` `count` times, one after another: the per-call cost. */
export async function putSequentially(client: CloudWatchClient, input: PutMetricDataCommandInput, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await client.send(new PutMetricDataCommand(input));
}

/**
 * `count` large metric data (about 1 KB of JSON each: ten long dimensions
 * and a 60-value distribution), so that the 1 MB limit binds before the
 * 1000-metric one when bodies go uncompressed.
 */
export function largeMetricInput(count: number, namespace = 'Shop/Checkout'): PutMetricDataCommandInput {
  const timestamp = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
  return {
    Namespace: namespace,
    MetricData: Array.from({ length: count }, (_, i) => ({
      MetricName: `RequestLatencyDistribution${i % 17}`,
      Dimensions: [
        { Name: 'Host', Value: `host-${String(i).padStart(5, '0')}` },
        ...Array.from({ length: 9 }, (_, d) => ({ Name: `Dimension${d}`, Value: `value-${d}-${(i * 31 + d) % 1000}-of-a-realistic-length` })),
      ],
      Timestamp: timestamp,
      Values: Array.from({ length: 60 }, (_, v) => Math.round(((i + v) * 13.7) % 900) / 10),
      Unit: 'Milliseconds',
    })),
  };
}
