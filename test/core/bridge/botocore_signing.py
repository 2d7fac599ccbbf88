"""Prints, as JSON, the signing details botocore gives choose-signer and before-sign
handlers, and the events it emits, for one scenario against a local endpoint.

usage: botocore_signing.py ENDPOINT_URL SCENARIO
SCENARIO: s3-get | sts-web-identity | presign-get | presign-put
Nothing needs an answer from the endpoint: a before-send handler answers every request.
"""
import json
import sys

import botocore
import botocore.session
from botocore.awsrequest import AWSResponse
from botocore.config import Config


class _Raw:
    def __init__(self, body):
        self._body = body

    def stream(self, **kwargs):
        yield self._body


def main(url, scenario):
    session = botocore.session.get_session()
    service = 'sts' if scenario.startswith('sts') else 's3'
    # v3 signs S3 presigns with SigV4: botocore does with signature_version s3v4 (its default presign is SigV2).
    config = Config(signature_version='s3v4', s3={'addressing_style': 'path'}) if scenario.startswith('presign') else None
    client = session.create_client(
        service, region_name='us-east-1', endpoint_url=url, config=config,
        aws_access_key_id='AKIDTESTEXAMPLE', aws_secret_access_key='secret')
    seen = []

    def record(event_name, **kw):
        entry = {'event': event_name.split('.')[0]}
        if 'signature_version' in kw:
            version = kw['signature_version']
            entry.update(signingName=kw.get('signing_name'), regionName=kw.get('region_name'),
                         signatureVersion='UNSIGNED' if version is botocore.UNSIGNED else version)
        seen.append(entry)
    # register_first on the full name: before botocore's own handlers, which may answer choose-signer.
    op = {'s3-get': 'GetObject', 'sts-web-identity': 'AssumeRoleWithWebIdentity',
          'presign-get': 'GetObject', 'presign-put': 'PutObject'}[scenario]
    for event_type in ['provide-client-params', 'before-parameter-build', 'before-call', 'request-created',
                       'choose-signer', 'before-sign', 'before-send', 'needs-retry', 'after-call', 'after-call-error']:
        client.meta.events.register_first('%s.%s.%s' % (event_type, service, op), record)
    body = b'<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>' if service == 'sts' else b''
    client.meta.events.register('before-send', lambda request, **kw: AWSResponse(request.url, 200, {}, _Raw(body)))
    if scenario == 's3-get':
        client.get_object(Bucket='bucket', Key='key')
    elif scenario == 'sts-web-identity':
        client.assume_role_with_web_identity(RoleArn='arn:aws:iam::123456789012:role/r', RoleSessionName='session', WebIdentityToken='token')
    else:
        method = 'get_object' if scenario == 'presign-get' else 'put_object'
        client.generate_presigned_url(method, Params={'Bucket': 'bucket', 'Key': 'key'})
    print(json.dumps(seen))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
