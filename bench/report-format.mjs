// Number formats and the Markdown table shared by the report's sections.

export const kb = (bytes) => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
export const ms = (x) => (x == null ? '–' : `${x.toFixed(1)} ms`);
export const times = (x) =>
  x == null || !Number.isFinite(x) ? '–' : `${x.toFixed(x < 10 ? 2 : 1)}×`;
export const mib = (bytes) => (bytes == null ? '–' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
export const int = (x) => (x == null ? '–' : Math.round(x).toLocaleString('en-US'));
/** A Markdown table: the first `left` columns (names) aligned left, the rest (figures) right. */
export const table = (head, rows, left = 1) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i < left ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
