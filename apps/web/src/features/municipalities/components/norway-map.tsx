import { lazy, Suspense, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { CentralityLegend } from './centrality-legend';

// Its own chunk, loaded only when wanted, so the clickable map adds nothing to the first load.
const InteractiveMap = lazy(() => import('./interactive-map'));

/** Without a county, the whole country; with one, the same map zoomed to the county (`?county=`). */
function PictureMap({ county }: { county: string | null }) {
  const { t } = useI18n();
  return (
    <img
      src={county ? `/api/map/norway.svg?county=${county}` : '/api/map/norway.svg'}
      alt={t('map.norwayAlt')}
      // The zoomed image takes its county's proportions; the browser reads them from the file.
      width="600"
      height={county ? undefined : '750'}
      decoding="async"
    />
  );
}

/**
 * The map of Norway coloured by centrality, zoomed to the county filter when there is one. Without
 * JavaScript it is an image; with JavaScript it becomes clickable and highlights the filtered
 * municipalities. The table is the accessible way to
 * the same information, so the clickable map is hidden from assistive technology.
 *
 * The clickable map needs the outlines and every municipality's class (two downloads, some 150 KB)
 * and a large drawing, so it is made only when it is wanted: when the list is filtered (to show the
 * matches) or when a pointer or finger reaches the map. On a slow line an unfiltered list does not pay.
 */
export function NorwayMap({ highlight, county = null }: { highlight: string[] | null; county?: string | null }) {
  const { t } = useI18n();
  const [enhance, setEnhance] = useState(false);
  const filtered = highlight !== null;
  useEffect(() => {
    if (filtered) setEnhance(true);
  }, [filtered]);
  return (
    <figure className="map-figure" onPointerEnter={() => setEnhance(true)}>
      {enhance ? (
        <Suspense fallback={<PictureMap county={county} />}>
          <InteractiveMap highlight={highlight} county={county} fallback={<PictureMap county={county} />} />
        </Suspense>
      ) : (
        <PictureMap county={county} />
      )}
      <figcaption>{t('map.caption')}</figcaption>
      <CentralityLegend />
    </figure>
  );
}
