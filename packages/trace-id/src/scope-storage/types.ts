/** The part of `AsyncLocalStorage` that `withTraceId` uses. */
export interface ScopeStorage {
  run<R>(store: string, fn: () => R): R;
  getStore(): string | undefined;
}
