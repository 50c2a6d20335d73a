import { lazy, Suspense, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { CentralityLegend } from './centrality-legend';

// Its own chunk, loaded only when wanted, so the clickable map adds nothing to the first load.
const InteractiveMap = lazy(() => import('./interactive-map'));

function PictureMap() {
  const { t } = useI18n();
  return <img src="/api/map/norway.svg" alt={t('map.norwayAlt')} width="600" height="750" decoding="async" />;
}

/**
 * The map of Norway coloured by centrality. Without JavaScript it is an image; with JavaScript it
 * becomes clickable and highlights the filtered municipalities. The table is the accessible way to
 * the same information, so the clickable map is hidden from assistive technology.
 *
 * The clickable map needs the outlines and every municipality's class (two downloads, some 150 KB)
 * and a large drawing, so it is made only when it is wanted: when the list is filtered (to show the
 * matches) or when a pointer or finger reaches the map. On a slow line an unfiltered list does not pay.
 */
export function NorwayMap({ highlight }: { highlight: string[] | null }) {
  const { t } = useI18n();
  const [enhance, setEnhance] = useState(false);
  const filtered = highlight !== null;
  useEffect(() => {
    if (filtered) setEnhance(true);
  }, [filtered]);
  return (
    <figure className="map-figure" onPointerEnter={() => setEnhance(true)}>
      {enhance ? (
        <Suspense fallback={<PictureMap />}>
          <InteractiveMap highlight={highlight} fallback={<PictureMap />} />
        </Suspense>
      ) : (
        <PictureMap />
      )}
      <figcaption>{t('map.caption')}</figcaption>
      <CentralityLegend />
    </figure>
  );
}
