import { expect } from 'chai';
import pino from 'pino';
import { formatLine, isStructuredLogger, type AttemptRecord } from '@sdk-events/logging';

describe('logging: formatting (unit)', () => {
  it('writes logfmt pairs in record order, skipping undefined, quoting what needs it', () => {
    const record: AttemptRecord = {
      kind: 'attempt',
      service: 'lambda',
      operation: 'Invoke',
      attempt: 2,
      method: 'POST',
      host: '127.0.0.1:4010',
      path: '/2015-03-31/functions/my fn/invocations',
      query: { Qualifier: 'a b' },
      bodyBytes: 13,
      status: 500,
      error: 'ServiceUnavailable',
      errorMessage: 'Please "retry"\nlater',
      retrying: true,
      requestId: undefined,
    };
    expect(formatLine(record)).to.equal(
      'sdk-events attempt service=lambda operation=Invoke attempt=2 method=POST host=127.0.0.1:4010 ' +
        'path="/2015-03-31/functions/my fn/invocations" query={"Qualifier":"a b"} bodyBytes=13 status=500 ' +
        'error=ServiceUnavailable errorMessage="Please \\"retry\\"\\nlater" retrying=true',
    );
  });

  it('a value cannot fake a key or break the line', () => {
    const line = formatLine({ kind: 'call', service: 's3', operation: 'x status=200', outcome: 'error', attempts: 1, durationMs: 1, error: 'a\r\nb' });
    expect(line).to.not.match(/[\r\n]/);
    expect(line).to.contain('operation="x status=200"');
  });

  it('detects pino as structured, console and plain objects as text', () => {
    expect(isStructuredLogger(pino({ level: 'silent' }))).to.equal(true);
    expect(isStructuredLogger(console)).to.equal(false);
    expect(isStructuredLogger({ debug() {}, info() {}, warn() {}, error() {} })).to.equal(false);
    expect(isStructuredLogger({ debug() {}, info() {}, warn() {}, error() {}, child() {}, fields: {} })).to.equal(true);
  });
});
