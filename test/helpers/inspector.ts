import { startInspector, type Inspector, type InspectorOptions } from '@sdk-events/inspector';

/**
 * Starts an inspector for the enclosing `describe` block: started before its
 * tests, cleared before each one, closed after them. Returns a stand-in that
 * forwards to it, so tests read `inspector.url` and `inspector.records` as usual.
 */
export function useInspector(options?: InspectorOptions): Inspector {
  let started: Inspector | undefined;
  before(async () => {
    started = await startInspector(options);
  });
  beforeEach(() => started!.clear());
  after(async () => {
    await started?.close();
  });
  return new Proxy({} as Inspector, {
    get(_, key) {
      if (!started) throw new Error('useInspector: the inspector starts in a before() hook; use it inside tests and hooks');
      const value = Reflect.get(started, key, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
