import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ChartDecor, ChartFigure, ChartMark } from './chart-figure';
import { fixed, pct, percentScale, shorten, ticksOf } from './scales';

export interface BarDatum {
  key: string;
  /** What the bar is (a scheme, a class, a county). */
  label: string;
  value: number;
  /** The value as written at the bar and read out ("12 av 50 (24 %)"). */
  valueText: string;
  /** What screen readers and the tooltip say, when more than "label: valueText". */
  description?: string;
  href?: string;
  /** `muted` for a bar that is context rather than data (no records, a total). */
  tone?: 'default' | 'muted' | 'accent';
}

/** Height of one bar's row: its label line and the bar under it. */
const ROW = 44;
const LABEL_Y = 15;
const BAR_Y = 21;
const BAR_HEIGHT = 16;
const AXIS = 22;
/** A bar longer than this (percent of the width) carries its value inside its end; shorter ones after it. */
const INSIDE_FROM = 70;

/**
 * Horizontal bars, one row each: the label on a line, the bar under it across the chart's width
 * (percentages of the SVG's width, so the text keeps its size on a phone) with its value just after
 * its end (inside it when the bar is long). Round
 * gridlines with their values at the foot. `max` fixes the scale (1 for shares); otherwise it is the
 * largest value, rounded up.
 */
export function BarChart({
  data,
  caption,
  max,
  formatTick,
  note,
  table,
  labelChars = 60,
}: {
  data: BarDatum[];
  caption: ReactNode;
  max?: number;
  /** Axis values in words ("50 %"); defaults to whole numbers. */
  formatTick?: (value: number) => string;
  note?: ReactNode;
  table?: ReactNode;
  /** Labels longer than this are shortened on the chart (the whole label is in the tooltip and the name). */
  labelChars?: number;
}) {
  const { number } = useI18n();
  const scale = percentScale(
    data.map((d) => d.value),
    max,
  );
  const ticks = ticksOf(scale);
  const height = data.length * ROW + AXIS;
  const tick = formatTick ?? ((v: number) => number(v));
  return (
    <ChartFigure caption={caption} note={note} table={table} className="bar-chart">
      <svg className="chart__svg" width="100%" height={height} role="group">
        <ChartDecor className="chart__grid">
          {ticks.map((v) => (
            <line key={v} x1={pct(scale(v))} x2={pct(scale(v))} y1={0} y2={height - AXIS + 4} />
          ))}
          {ticks.map((v, i) => (
            <text
              key={v}
              x={pct(scale(v))}
              y={height - 4}
              textAnchor={i === 0 ? 'start' : i === ticks.length - 1 && scale(v) > 92 ? 'end' : 'middle'}
              className="chart__tick"
            >
              {tick(v)}
            </text>
          ))}
        </ChartDecor>
        {data.map((d, i) => {
          const y = i * ROW;
          const width = scale(Math.max(0, d.value));
          return (
            <ChartMark
              key={d.key}
              label={d.description ?? `${d.label}: ${d.valueText}`}
              href={d.href}
              className={d.tone && d.tone !== 'default' ? `is-${d.tone}` : undefined}
            >
              {/* A transparent row behind, so the whole row answers to the pointer. */}
              <rect className="chart-mark__hit" x="0" y={y} width="100%" height={ROW - 2} />
              <text x="0" y={y + LABEL_Y} className="chart__label">
                {shorten(d.label, labelChars)}
              </text>
              <rect className="chart-mark__bar" x="0" y={y + BAR_Y} width={width > 0 ? pct(Math.max(width, 0.4)) : '0'} height={BAR_HEIGHT} rx="2" />
              <text
                x={pct(width)}
                dx={width > INSIDE_FROM ? -6 : 6}
                y={y + BAR_Y + BAR_HEIGHT - 4}
                textAnchor={width > INSIDE_FROM ? 'end' : 'start'}
                className={width > INSIDE_FROM ? 'chart__value chart__value--inside' : 'chart__value'}
              >
                {d.valueText}
              </text>
              <rect className="chart-mark__focus" x="0" y={fixed(y + 1)} width="100%" height={ROW - 4} rx="3" />
            </ChartMark>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
