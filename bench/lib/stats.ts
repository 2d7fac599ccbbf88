/** The `q` quantile (0..1) of `values`, linear between the two nearest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The median of `values`. */
export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Runs a full garbage collection when node was started with --expose-gc (pnpm bench does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
