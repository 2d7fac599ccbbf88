"""Runs differential-test sequences through botocore's own emitter.

Reads {"sequences": [...]} (see operations.ts) as JSON on stdin, runs each
sequence through botocore.hooks.HierarchicalEmitter ("hierarchical") or
EventAliaser(HierarchicalEmitter()) ("aliased"), and writes
{"botocore": version, "sequences": [{"results": [...]}, ...]} as JSON on stdout.

One result per operation:
  {"kind": "ok"}                                  register/unregister/copy returned
  {"kind": "error", "error": "ValueError", ...}   botocore rejected the call
  {"kind": "crash", "error": "AttributeError", ...}
      unregister raised something else (botocore bug; the TypeScript side must be
      a silent no-op). botocore raises only after it may have released the unique
      id and before it touches the trie, which is the state its own silent path
      (remove_item's ValueError) leaves, so the sequence goes on.
  {"kind": "emit", "calls": [[handler, event_name, tag], ...],
   "result": [[handler, response], ...]}
  {"kind": "until", "calls": [...], "result": [handler or null, response or null]}
  {"kind": "raised", "calls": [...], "handler": name}
      a handler that raises was called: emit lets its exception through

An unexpected exception anywhere else ends the sequence ("stoppedAt").
"""

import copy
import json
import sys

import botocore
from botocore.hooks import EventAliaser, HierarchicalEmitter


class HandlerFailure(Exception):
    """What a throwing handler raises; botocore lets it through emit."""

    def __init__(self, handler):
        super().__init__('%s failed' % handler)
        self.handler = handler


def make_handler(name, response, throws, calls):
    def handler(**kwargs):
        calls.append([name, kwargs['event_name'], kwargs.get('tag')])
        if throws:
            raise HandlerFailure(name)
        return response

    handler.__name__ = name
    return handler


def make_emitter(kind):
    if kind == 'hierarchical':
        return HierarchicalEmitter()
    if kind == 'aliased':
        return EventAliaser(HierarchicalEmitter())
    raise SystemExit('unknown emitter kind: %r' % (kind,))


def emit_result(calls, before, responses, names):
    return {
        'kind': 'emit',
        'calls': calls[before:],
        'result': [[names[id(h)], r] for h, r in responses],
    }


def run_sequence(sequence):
    calls = []
    handlers = {}
    names = {}
    for spec in sequence['handlers']:
        fn = make_handler(
            spec['name'], spec['response'], spec.get('throws', False), calls
        )
        handlers[spec['name']] = fn
        names[id(fn)] = spec['name']

    current = make_emitter(sequence['emitter'])
    original = None
    results = []
    for index, op in enumerate(sequence['ops']):
        kind = op['op']
        before = len(calls)
        try:
            if kind in ('register', 'registerFirst', 'registerLast'):
                method = {
                    'register': current.register,
                    'registerFirst': current.register_first,
                    'registerLast': current.register_last,
                }[kind]
                method(
                    op['name'],
                    handlers[op['handler']],
                    unique_id=op.get('uniqueId'),
                    unique_id_uses_count=op.get('uniqueIdUsesCount', False),
                )
                results.append({'kind': 'ok'})
            elif kind == 'unregister':
                handler = handlers[op['handler']] if 'handler' in op else None
                try:
                    current.unregister(
                        op['name'],
                        handler,
                        unique_id=op.get('uniqueId'),
                        unique_id_uses_count=op.get('uniqueIdUsesCount', False),
                    )
                    results.append({'kind': 'ok'})
                except ValueError:
                    raise
                except Exception as exc:  # botocore's AttributeError and the like
                    results.append(
                        {
                            'kind': 'crash',
                            'error': type(exc).__name__,
                            'message': str(exc),
                        }
                    )
            elif kind in ('emit', 'emitOriginal'):
                target = current if kind == 'emit' else original
                responses = target.emit(op['name'], tag=op['tag'])
                results.append(emit_result(calls, before, responses, names))
            elif kind == 'emitUntilResponse':
                handler, response = current.emit_until_response(
                    op['name'], tag=op['tag']
                )
                results.append(
                    {
                        'kind': 'until',
                        'calls': calls[before:],
                        'result': [
                            None if handler is None else names[id(handler)],
                            response,
                        ],
                    }
                )
            elif kind == 'copy':
                original = current
                current = copy.copy(current)
                results.append({'kind': 'ok'})
            else:
                raise SystemExit('unknown operation: %r' % (op,))
        except HandlerFailure as exc:
            results.append(
                {'kind': 'raised', 'calls': calls[before:], 'handler': exc.handler}
            )
        except ValueError as exc:
            results.append(
                {'kind': 'error', 'error': 'ValueError', 'message': str(exc)}
            )
        except Exception as exc:
            return {
                'results': results,
                'stoppedAt': index,
                'stoppedBecause': '%s: %s' % (type(exc).__name__, exc),
            }
    return {'results': results}


def main():
    request = json.load(sys.stdin)
    output = {
        'botocore': botocore.__version__,
        'sequences': [run_sequence(s) for s in request['sequences']],
    }
    json.dump(output, sys.stdout, separators=(',', ':'))


if __name__ == '__main__':
    main()
