import { type ReactNode, useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ChartDecor, ChartFigure, ChartMark } from './chart-figure';
import { fixed, pct, shorten, utcDay, yearScale } from './scales';

export interface TimelineItem {
  key: string;
  label: string;
  /** First day ("YYYY-MM-DD"), when known. */
  start: string | null;
  /** Last day ("YYYY-MM-DD"), when known. An item with neither date is not drawn. */
  end: string | null;
  /** Written at the right of the row when known ("2 000 000 kr"). */
  valueText?: string | null;
  /** `predicted` items are drawn as outlines. */
  state: 'past' | 'current' | 'upcoming' | 'predicted';
  /** The whole item in words, for the tooltip and screen readers. */
  description: string;
  href?: string;
}

const TOP = 18;
const ROW = 42;
const LABEL_Y = 14;
const BAR_Y = 20;
const BAR_HEIGHT = 12;
const AXIS = 22;

/**
 * Items on a time axis of whole years (UTC calendar days, so the server and every browser draw the
 * same): one row each, the label and the value above a bar from the first to the last day, a
 * dot when only one day is known; a line at today. Items without dates are left out (say so in
 * the note).
 */
export function Timeline({
  items,
  today,
  caption,
  note,
  table,
  labelChars = 80,
}: {
  items: TimelineItem[];
  /** "YYYY-MM-DD", fixed by the page's loader so the server and the browser agree. */
  today: string;
  caption: ReactNode;
  note?: ReactNode;
  table?: ReactNode;
  labelChars?: number;
}) {
  const { t } = useI18n();
  // A label with a value beside it stops short of the value (it is whole in the tooltip and the name).
  const clipId = `${useId().replace(/[^a-zA-Z0-9_-]/g, '')}-label`;
  const dated = items.filter((i) => i.start || i.end);
  if (dated.length === 0) return null;
  const { scale, years } = yearScale([...dated.flatMap((i) => [i.start, i.end].filter((d): d is string => d !== null)), today]);
  const x = (isoDate: string) => scale(utcDay(isoDate));
  const height = TOP + dated.length * ROW + AXIS;
  const every = Math.ceil((years.length - 1) / 8);
  const todayX = x(today);
  return (
    <ChartFigure caption={caption} note={note} table={table} className="timeline">
      <svg className="chart__svg" width="100%" height={height} role="group">
        <defs>
          <clipPath id={clipId}>
            <rect x="0" y="0" width="66%" height="100%" />
          </clipPath>
        </defs>
        <ChartDecor className="chart__grid">
          {years.map((year, i) => {
            const at = x(`${year}-01-01`);
            return (
              <g key={year}>
                <line x1={pct(at)} x2={pct(at)} y1={TOP - 4} y2={height - AXIS + 4} />
                {i < years.length - 1 && i % every === 0 ? (
                  <text x={pct(at)} dx="3" y={height - 5} className="chart__tick">
                    {year}
                  </text>
                ) : null}
              </g>
            );
          })}
          <line className="chart__today" x1={pct(todayX)} x2={pct(todayX)} y1={TOP - 6} y2={height - AXIS + 4} />
          <text className="chart__today-label" x={pct(todayX)} y={TOP - 8} textAnchor={todayX > 85 ? 'end' : todayX < 15 ? 'start' : 'middle'}>
            {t('chart.today')}
          </text>
        </ChartDecor>
        {dated.map((item, i) => {
          const y = TOP + i * ROW;
          const from = x(item.start ?? item.end!);
          const to = x(item.end ?? item.start!);
          const single = !item.start || !item.end;
          const mid = y + BAR_Y + BAR_HEIGHT / 2;
          return (
            <ChartMark key={item.key} label={item.description} href={item.href} className={`is-${item.state}`}>
              <rect className="chart-mark__hit" x="0" y={y} width="100%" height={ROW - 2} />
              <text x="0" y={y + LABEL_Y} className="chart__label" clipPath={item.valueText ? `url(#${clipId})` : undefined}>
                {shorten(item.label, labelChars)}
              </text>
              {item.valueText ? (
                <text x="100%" y={y + LABEL_Y} textAnchor="end" className="chart__value">
                  {item.valueText}
                </text>
              ) : null}
              {single ? (
                <circle className="chart-mark__bar" cx={pct(from)} cy={fixed(mid)} r="6" />
              ) : (
                <rect className="chart-mark__bar" x={pct(from)} y={y + BAR_Y} width={pct(Math.max(to - from, 0.6))} height={BAR_HEIGHT} rx="2" />
              )}
              <rect className="chart-mark__focus" x="0" y={y + 1} width="100%" height={ROW - 4} rx="3" />
            </ChartMark>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
