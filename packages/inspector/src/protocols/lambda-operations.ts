import { lenientDecode } from '../verify/uri.js';

interface Route {
  method: string;
  pattern: RegExp;
  operation: string;
}

// The REST-JSON routes of the Lambda operations people call most; the function name is group 1.
const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/, operation: 'Invoke' },
  { method: 'POST', pattern: /^\/2021-11-15\/functions\/([^/]+)\/response-streaming-invocations\/?$/, operation: 'InvokeWithResponseStream' },
  { method: 'POST', pattern: /^\/2014-11-13\/functions\/([^/]+)\/invoke-async\/?$/, operation: 'InvokeAsync' },
  { method: 'GET', pattern: /^\/2015-03-31\/functions\/?$/, operation: 'ListFunctions' },
  { method: 'POST', pattern: /^\/2015-03-31\/functions\/?$/, operation: 'CreateFunction' },
  { method: 'GET', pattern: /^\/2015-03-31\/functions\/([^/]+)\/configuration\/?$/, operation: 'GetFunctionConfiguration' },
  { method: 'PUT', pattern: /^\/2015-03-31\/functions\/([^/]+)\/configuration\/?$/, operation: 'UpdateFunctionConfiguration' },
  { method: 'PUT', pattern: /^\/2015-03-31\/functions\/([^/]+)\/code\/?$/, operation: 'UpdateFunctionCode' },
  { method: 'GET', pattern: /^\/2015-03-31\/functions\/([^/]+)\/?$/, operation: 'GetFunction' },
  { method: 'DELETE', pattern: /^\/2015-03-31\/functions\/([^/]+)\/?$/, operation: 'DeleteFunction' },
];

/** The Lambda operation of a REST-JSON request and the function it names. */
export function detectLambdaOperation(method: string, wirePath: string): { operation: string; functionName?: string } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method.toUpperCase()) continue;
    const match = route.pattern.exec(wirePath);
    if (match) return { operation: route.operation, ...(match[1] !== undefined ? { functionName: lenientDecode(match[1]) } : {}) };
  }
  return undefined;
}
