"""Runs the stubber scenarios of mismatches.test.ts through botocore's Stubber and prints
what each call gave, as JSON: {scenario: {"error": class name or null, "message": str, "pending": n}}."""
import json

import botocore.session
from botocore.stub import ANY, Stubber


def run():
    session = botocore.session.get_session()
    client = session.create_client('cloudwatch', region_name='us-east-1', aws_access_key_id='a', aws_secret_access_key='b')
    stubber = Stubber(client)
    results = {}

    def call(name, fn):
        try:
            fn()
            results[name] = {'error': None, 'message': '', 'pending': len(stubber._queue)}
        except Exception as e:  # what the call raised, whatever it is
            results[name] = {'error': type(e).__name__, 'message': str(e), 'pending': len(stubber._queue)}

    stubber.activate()
    stubber.add_response('list_metrics', {'Metrics': []}, {'Namespace': 'A'})
    call('params mismatch', lambda: client.list_metrics(Namespace='B'))
    call('operation mismatch', lambda: client.describe_alarms())
    call('match', lambda: client.list_metrics(Namespace='A'))
    call('nothing queued', lambda: client.list_metrics(Namespace='A'))
    stubber.add_response('list_metrics', {'Metrics': []}, {'Namespace': ANY, 'MetricName': 'x'})
    call('ANY', lambda: client.list_metrics(Namespace='Z', MetricName='x'))
    stubber.add_response('list_metrics', {'Metrics': []}, {'Namespace': 'A'})
    call('missing param', lambda: client.list_metrics())
    call('extra param', lambda: client.list_metrics(Namespace='A', MetricName='m'))
    call('pending', stubber.assert_no_pending_responses)
    stubber.deactivate()
    call('deactivated', lambda: None)
    return results


print(json.dumps(run()))
