// Small statistics over samples.

/** Nearest-rank percentile of numbers (p in 0..100). */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Median, p95, min, max and mean of the samples, rounded to 0.1. */
export function summarize(values) {
  const round = (x) => (x === null ? null : Math.round(x * 10) / 10);
  const mean = values.reduce((sum, x) => sum + x, 0) / (values.length || 1);
  return {
    n: values.length,
    median: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    mean: round(mean),
  };
}
