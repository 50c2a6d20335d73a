import type { MouseEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n/i18n';
import { useMapData } from '../api/get-map-shapes';

/**
 * Draws /api/map/shapes inline, zoomed to a county when one is chosen: each municipality links to its page and is coloured by centrality
 * (classes `.c1`…`.c6`, styled in styles.css; no inline styles because of the CSP). Links are out of
 * the tab order and the drawing is `aria-hidden`, because the table offers the same links.
 */
export default function InteractiveMap({ highlight, county, fallback }: { highlight: string[] | null; county: string | null; fallback: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mapData = useMapData();
  if (!mapData) return fallback;

  const highlighted = new Set(highlight ?? []);
  // Zoomed to the county filter: the county's bounds (the same as the picture map's).
  const viewBox = (county && mapData.counties.find((c) => c.code === county)?.viewBox) || mapData.viewBox;
  // Highlighted outlines last, so their borders are drawn on top of their neighbours.
  const shapes = [...mapData.shapes.filter((s) => !highlighted.has(s.code)), ...mapData.shapes.filter((s) => highlighted.has(s.code))];
  const onClick = (event: MouseEvent<Element>, code: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(`/kommuner/${code}`);
  };

  return (
    <>
      <p className="ds-sr-only">{t('map.norwayAlt')}</p>
      <svg className={`interactive-map${highlight ? ' is-filtered' : ''}`} viewBox={viewBox} aria-hidden="true" focusable="false">
        {shapes.map((shape) => {
          const classes = [`c${mapData.centrality.get(shape.code) ?? ''}`, highlighted.has(shape.code) ? 'hl' : ''].filter(Boolean).join(' ');
          return (
            <a key={shape.code} href={`/kommuner/${shape.code}`} tabIndex={-1} onClick={(e) => onClick(e, shape.code)}>
              <title>{mapData.names.get(shape.code) ?? shape.code}</title>
              <path className={classes} d={shape.d} />
            </a>
          );
        })}
      </svg>
    </>
  );
}
