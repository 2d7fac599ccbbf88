"""Runs one Lambda Invoke through botocore against a local endpoint and prints
the lifecycle event types botocore emitted, in order, as JSON.

usage: botocore_lifecycle.py ENDPOINT_URL SCENARIO
SCENARIO: success | retry | failure | before-call | before-send | needs-retry | unsigned
          | throws-in-<event type> (a handler on that event raises)
"""
import json
import sys

import botocore
import botocore.session
from botocore.awsrequest import AWSResponse
from botocore.config import Config

TYPES = [
    'provide-client-params', 'before-parameter-build', 'before-call', 'request-created',
    'choose-signer', 'before-sign', 'before-send', 'before-parse', 'response-received',
    'needs-retry', 'after-call', 'after-call-error',
]


class _Raw:
    def __init__(self, body):
        self._body = body

    def stream(self, **kwargs):
        yield self._body


def main(url, scenario):
    session = botocore.session.get_session()
    client = session.create_client(
        'lambda', region_name='us-east-1', endpoint_url=url,
        config=Config(retries={'mode': 'standard', 'max_attempts': 3}),
    )
    seen = []
    # On the full name: botocore's own signer listens on request-created.lambda, and a
    # more specific registration runs first, so request-created is seen when it is emitted.
    for event_type in TYPES:
        client.meta.events.register(
            event_type + '.lambda.Invoke', lambda event_name, **kw: seen.append(event_name.split('.')[0]))

    if scenario == 'before-call':
        class Http:
            status_code = 200
        client.meta.events.register('before-call.lambda.Invoke', lambda **kw: (Http(), {'StatusCode': 200}))
    elif scenario == 'before-send':
        client.meta.events.register(
            'before-send.lambda.Invoke',
            lambda request, **kw: AWSResponse(request.url, 200, {}, _Raw(b'{}')))
    elif scenario == 'needs-retry':
        calls = []

        def retry_once(attempts, **kw):
            calls.append(attempts)
            return 0.01 if attempts == 1 else None
        client.meta.events.register_first('needs-retry.lambda.Invoke', retry_once)
    elif scenario == 'unsigned':
        client.meta.events.register('choose-signer.lambda.Invoke', lambda **kw: botocore.UNSIGNED)
    elif scenario.startswith('throws-in-'):
        def boom(**kw):
            raise RuntimeError('boom')
        client.meta.events.register(scenario[len('throws-in-'):] + '.lambda.Invoke', boom)

    try:
        client.invoke(FunctionName='probe', Payload=b'{"x":1}')
    except Exception:
        pass
    print(json.dumps(seen))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
