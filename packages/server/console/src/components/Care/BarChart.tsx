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

const PLOT_HEIGHT = 120;
const TOP = 8;
const LEFT = 34;
const BAR = 7;
const GAP = 6;
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
  const group = series.length * BAR + GAP;
  const width = LEFT + Math.max(days.length, 1) * group + GAP;
  const height = TOP + PLOT_HEIGHT + 22;
  const top = roundTop(Math.max(1, ...series.flatMap((entry) => entry.values)));
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const every = Math.ceil(days.length / DAY_LABELS);
  return (
    <figure class="bar-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        class="bar-chart__svg"
      >
        <title id={titleId}>{summary}</title>
        {[0, top / 2, top].map((value) => (
          <g key={value} class="bar-chart__grid">
            <line x1={LEFT - 4} x2={width} y1={y(value)} y2={y(value)} />
            <text x={LEFT - 6} y={y(value) + 4} text-anchor="end">
              {format.number(value, 1)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = LEFT + GAP + index * group;
          return (
            <g key={day}>
              {series.map((entry, position) => {
                const value = entry.values[index] ?? 0;
                return (
                  <rect
                    key={entry.label}
                    class={`bar ${entry.className}`}
                    x={x + position * BAR}
                    y={y(value)}
                    width={BAR - 1}
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
