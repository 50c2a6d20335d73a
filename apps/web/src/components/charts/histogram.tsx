import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ChartDecor, ChartFigure, ChartMark } from './chart-figure';
import { columnScale, fixed, heightScale, pct } from './scales';

export interface HistogramBin {
  key: string;
  /** The bin under its column ("0", "1", "5–9"). */
  label: string;
  value: number;
  /** The whole datum in words, for the tooltip and screen readers ("3 ordninger: 41 kommuner"). */
  description: string;
}

const PLOT_HEIGHT = 180;
const TOP = 20;
const AXIS = 26;

/**
 * Columns over ordered bins (a distribution): the count above each column, the bin under it, round
 * gridlines with their values on the left. Positions across are percentages, heights pixels.
 */
export function Histogram({
  bins,
  caption,
  axisLabel,
  note,
  table,
}: {
  bins: HistogramBin[];
  caption: ReactNode;
  /** What the bins are, under the axis ("Antall ordninger"). */
  axisLabel: string;
  note?: ReactNode;
  table?: ReactNode;
}) {
  const { number } = useI18n();
  const x = columnScale(bins.map((b) => b.key));
  const y = heightScale(Math.max(0, ...bins.map((b) => b.value)), PLOT_HEIGHT, TOP);
  // Counts: whole-number ticks only.
  const ticks = y.ticks(4).filter(Number.isInteger);
  const height = PLOT_HEIGHT + AXIS + 18;
  // With many bins, only every n-th is labelled under the axis (each column keeps its name).
  const every = Math.ceil(bins.length / 16);
  return (
    <ChartFigure caption={caption} note={note} table={table} className="histogram">
      <svg className="chart__svg" width="100%" height={height} role="group">
        <ChartDecor className="chart__grid">
          {ticks.map((v) => (
            <line key={v} x1="0" x2="100%" y1={fixed(y(v))} y2={fixed(y(v))} />
          ))}
          <text x="50%" y={height - 2} textAnchor="middle" className="chart__axis-label">
            {axisLabel}
          </text>
        </ChartDecor>
        {bins.map((b, i) => {
          const left = x(b.key) ?? 0;
          const centre = left + x.bandwidth() / 2;
          const top = y(Math.max(0, b.value));
          return (
            <ChartMark key={b.key} label={b.description}>
              <rect className="chart-mark__hit" x={pct(left)} y={TOP - 16} width={pct(x.bandwidth())} height={PLOT_HEIGHT - TOP + 16 + AXIS} />
              <rect className="chart-mark__bar" x={pct(left)} y={fixed(top)} width={pct(x.bandwidth())} height={fixed(PLOT_HEIGHT - top)} />
              <text x={pct(centre)} y={fixed(top - 4)} textAnchor="middle" className="chart__value">
                {number(b.value)}
              </text>
              {i % every === 0 ? (
                <text x={pct(centre)} y={PLOT_HEIGHT + 16} textAnchor="middle" className="chart__label">
                  {b.label}
                </text>
              ) : null}
              <rect className="chart-mark__focus" x={pct(left)} y={TOP - 18} width={pct(x.bandwidth())} height={PLOT_HEIGHT - TOP + 18 + AXIS - 4} rx="3" />
            </ChartMark>
          );
        })}
        {/* Tick values over the columns, with a halo so they read on a column too. */}
        <ChartDecor className="chart__grid chart__grid--over">
          {ticks.map((v) => (
            <text key={v} x="0" y={fixed(y(v) - 3)} className="chart__tick">
              {number(v)}
            </text>
          ))}
        </ChartDecor>
      </svg>
    </ChartFigure>
  );
}
