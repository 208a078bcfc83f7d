import { useId } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';

/** One series of a {@link BarChart}: a value per day. */
export interface BarSeries {
  label: string;
  /** Its colour (`bar--sent`, …), from care.css; the legend repeats it beside the label. */
  className: string;
  values: number[];
}

export interface BarChartProps {
  /** The days, `YYYY-MM-DD`, oldest first. */
  days: string[];
  series: BarSeries[];
  /** What the chart shows, in one sentence: its accessible name (the table below it has every number). */
  summary: string;
}

/** The drawing's own size: wide enough for its labels at their size, scaled down to fit narrower boxes. */
const WIDTH = 640;
const PLOT_HEIGHT = 120;
const TOP = 8;
const LEFT = 34;
/** At most this many day labels under the bars; the rest are in the table. */
const DAY_LABELS = 7;

/** The smallest of 1, 2, 5, 10, 20, 50, … that is at least `value`: a round top for the axis. */
function roundTop(value: number): number {
  let step = 1;
  for (;;) {
    for (const factor of [1, 2, 5]) if (step * factor >= value) return step * factor;
    step *= 10;
  }
}

/**
 * A bar chart per day, drawn as SVG (no script library, nothing the console's CSP would refuse). It is an image
 * with a one-sentence name for screen readers; the numbers themselves are in the table that follows it.
 */
export function BarChart({ days, series, summary }: BarChartProps) {
  const { format } = useI18n();
  const titleId = useId();
  // Each day gets an equal slot, a fifth of it left between days; a year of days still fits the width.
  const slot = (WIDTH - LEFT) / Math.max(days.length, 1);
  const bar = (slot * 0.8) / Math.max(series.length, 1);
  const height = TOP + PLOT_HEIGHT + 22;
  const top = roundTop(Math.max(1, ...series.flatMap((entry) => entry.values)));
  // Counts are whole: the middle line only when it falls on a whole number.
  const ticks = Number.isInteger(top / 2) ? [0, top / 2, top] : [0, top];
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const every = Math.ceil(days.length / DAY_LABELS);
  return (
    <figure class="bar-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        class="bar-chart__svg"
      >
        <title id={titleId}>{summary}</title>
        {ticks.map((value) => (
          <g key={value} class="bar-chart__grid">
            <line x1={LEFT - 4} x2={WIDTH} y1={y(value)} y2={y(value)} />
            <text x={LEFT - 6} y={y(value) + 4} text-anchor="end">
              {format.number(value)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = LEFT + index * slot + slot * 0.1;
          return (
            <g key={day}>
              {series.map((entry, position) => {
                const value = entry.values[index] ?? 0;
                return (
                  <rect
                    key={entry.label}
                    class={`bar ${entry.className}`}
                    x={x + position * bar}
                    y={y(value)}
                    width={Math.max(bar - 0.5, 0.5)}
                    height={TOP + PLOT_HEIGHT - y(value)}
                  >
                    <title>{`${format.day(day)}: ${entry.label} ${format.number(value)}`}</title>
                  </rect>
                );
              })}
              {index % every === 0 ? (
                <text class="bar-chart__day" x={x} y={TOP + PLOT_HEIGHT + 16}>
                  {format.day(day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {series.map((entry) => (
            <li key={entry.label}>
              <svg class="legend__swatch" width="12" height="12" aria-hidden="true">
                <rect class={`bar ${entry.className}`} width="12" height="12" />
              </svg>
              {entry.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
