// Percentiles and summaries of latency samples (milliseconds), shared by every measure.

/** The p-th percentile (0–100) of ascending `sorted` values, nearest-rank; undefined when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Rounded to `digits` decimals; undefined stays undefined. */
export function round(value, digits = 1) {
  if (value === undefined || Number.isNaN(value)) return undefined;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Count and percentiles of latency samples. `missing` samples (never answered) count as slower than any
 * answered one, so a step that lost events cannot report a good p99.
 */
export function summarize(values, missing = 0) {
  const sorted = Float64Array.from(values).sort();
  const all = missing > 0 ? [...sorted, ...new Array(missing).fill(Number.POSITIVE_INFINITY)] : sorted;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    missing,
    mean: round(sorted.length ? sum / sorted.length : undefined, 2),
    p50: round(percentile(all, 50), 2),
    p90: round(percentile(all, 90), 2),
    p99: round(percentile(all, 99), 2),
    p999: round(percentile(all, 99.9), 2),
    max: round(percentile(all, 100), 2),
  };
}
