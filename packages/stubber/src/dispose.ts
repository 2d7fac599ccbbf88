/**
 * The key `using` calls a stubber's disposal by: `Symbol.dispose` where the
 * runtime has it (Node 20.4+, 22, 24, recent browsers); elsewhere the
 * registered `Symbol.for('Symbol.dispose')`, which a `Symbol.dispose`
 * polyfill can adopt (`Symbol.dispose ??= Symbol.for('Symbol.dispose')`).
 * Typed as `Symbol.dispose`, so TypeScript 5.2+ accepts `using`.
 */
export const disposeSymbol: typeof Symbol.dispose = (Symbol.dispose ?? Symbol.for('Symbol.dispose')) as typeof Symbol.dispose;
