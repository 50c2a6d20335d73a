import { type FocusEvent, type PointerEvent, type ReactNode, useId, useRef, useState } from 'react';
import { SkipLink } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { ChartDecor, ChartFigure } from './chart-figure';

/** Outlines of the overview map (`/api/map/shapes`): the whole country and a viewBox per county. */
export interface MapShapes {
  viewBox: string;
  shapes: { code: string; d: string }[];
  counties: { code: string; viewBox: string }[];
}

export interface MapRegion {
  code: string;
  /** Colour class (a legend entry's `cls`). */
  cls: string;
  /** The municipality and its value in words: tooltip and accessible name ("Røst: 3 ordninger"). */
  label: string;
  href: string;
}

export interface LegendEntry {
  cls: string;
  label: string;
}

/**
 * Norway's municipalities coloured by a measure, drawn on the server as SVG: each region in
 * `regions` is a focusable link named with its value, with a tooltip (the SVG `<title>` before
 * JavaScript; a box at the region once the page runs). Municipalities not in `regions` are drawn as
 * grey context, outside the tab order. With `county`, the map zooms to that county's bounds. A skip
 * link jumps past the regions; the page gives the table alternative.
 */
export function RegionMap({
  shapes,
  regions,
  county,
  caption,
  legend,
  legendTitle,
  note,
  table,
}: {
  shapes: MapShapes;
  regions: MapRegion[];
  county?: string | null;
  caption: ReactNode;
  legend: LegendEntry[];
  legendTitle: string;
  note?: ReactNode;
  table?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const viewBox = (county && shapes.counties.find((c) => c.code === county)?.viewBox) || shapes.viewBox;
  const [, , width = 600, height = 750] = viewBox.split(' ').map(Number);
  const wrapper = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(null);

  // The tooltip box follows the region in focus or under the pointer. Its place is set through the
  // element's style object (CSSOM), which the pages' Content-Security-Policy allows, unlike style attributes.
  const show = (event: FocusEvent<SVGElement> | PointerEvent<SVGElement>) => {
    const link = (event.target as Element).closest('a[data-code]');
    const code = link?.getAttribute('data-code');
    if (!link || !code || !wrapper.current) return;
    setActive(code);
    const box = link.getBoundingClientRect();
    const frame = wrapper.current.getBoundingClientRect();
    requestAnimationFrame(() => {
      if (!tip.current) return;
      // Centred over the region, kept inside the map's frame.
      const half = tip.current.offsetWidth / 2;
      const centre = box.left - frame.left + box.width / 2;
      tip.current.style.left = `${Math.round(Math.min(Math.max(centre, half), Math.max(half, frame.width - half)))}px`;
      tip.current.style.top = `${Math.round(box.top - frame.top)}px`;
    });
  };
  const hide = () => setActive(null);
  const activeRegion = active ? byCode.get(active) : undefined;

  const context = shapes.shapes.filter((s) => !byCode.has(s.code));
  const shown = shapes.shapes.filter((s) => byCode.has(s.code));
  return (
    <ChartFigure caption={caption} note={note} table={table} className="region-map">
      <SkipLink href={`#${id}-after`}>{t('chart.skipMap')}</SkipLink>
      <div className="region-map__frame" ref={wrapper}>
        <svg
          className="region-map__svg"
          viewBox={viewBox}
          width={Math.round(width)}
          height={Math.round(height)}
          role="group"
          aria-label={typeof caption === 'string' ? caption : undefined}
          onFocus={show}
          onBlur={hide}
          onPointerOver={show}
          onPointerLeave={hide}
        >
          <ChartDecor className="region-map__context">
            {context.map((s) => (
              <path key={s.code} d={s.d} />
            ))}
          </ChartDecor>
          {shown.map((s) => {
            const region = byCode.get(s.code)!;
            return (
              <a key={s.code} href={region.href} data-code={s.code} aria-label={region.label} className="region-map__region">
                <title>{region.label}</title>
                <path className={region.cls} d={s.d} />
              </a>
            );
          })}
        </svg>
        {activeRegion ? (
          <div className="region-map__tip" ref={tip} aria-hidden="true">
            {activeRegion.label}
          </div>
        ) : null}
      </div>
      <div className="region-map__legend">
        <span id={`${id}-after`} tabIndex={-1} />
        <p className="region-map__legend-title">{legendTitle}</p>
        <ul className="legend">
          {legend.map((entry) => (
            <li key={entry.cls}>
              <span className={`swatch ${entry.cls}`} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
        </ul>
      </div>
    </ChartFigure>
  );
}
