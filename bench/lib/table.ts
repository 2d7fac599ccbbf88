/** One line of the report. */
export interface Row {
  section: string;
  case: string;
  /** The figure: a ratio such as `1.004×` or a measured amount. */
  result: string;
  /** The budget it is held to, or `—` when the row is information only. */
  budget: string;
  /** PASS or MISS against the budget; `info` without one; `skip` when it could not run. */
  status: 'PASS' | 'MISS' | 'info' | 'skip';
  /** Secondary: absolute medians, spread, counts. */
  detail: string;
}

/** `1.0042` → `1.004×`. */
export const formatRatio = (ratio: number): string => `${ratio.toFixed(3)}×`;

/** `1.0042` → `+0.42%`. */
export const formatOverhead = (ratio: number): string => `${ratio >= 1 ? '+' : '-'}${Math.abs((ratio - 1) * 100).toFixed(2)}%`;

/** Nanoseconds as a short human figure: `850 ns`, `42.1 µs`, `3.20 ms`. */
export function formatNs(ns: number): string {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(1)} µs`;
  return `${(ns / 1_000_000).toFixed(2)} ms`;
}

/** Bytes as a short human figure: `512 B`, `12.3 KiB`, `1.50 MiB`, signed when asked. */
export function formatBytes(bytes: number, signed = false): string {
  const sign = signed ? (bytes < 0 ? '-' : '+') : bytes < 0 ? '-' : '';
  const size = Math.abs(bytes);
  const figure = size < 1024 ? `${size.toFixed(0)} B` : size < 1024 ** 2 ? `${(size / 1024).toFixed(1)} KiB` : `${(size / 1024 ** 2).toFixed(2)} MiB`;
  return sign + figure;
}

/** A plain-text table with a header rule; also valid Markdown. */
export function renderTable(rows: readonly Row[]): string {
  const header = ['section', 'case', 'result', 'budget', 'status', 'detail'];
  const cells = rows.map((row) => [row.section, row.case, row.result, row.budget, row.status, row.detail]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}
