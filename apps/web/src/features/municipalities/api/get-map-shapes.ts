import { useEffect, useState } from 'react';
import type { MunicipalitySummary } from '@varde/contracts';
import { apiFrom } from '../../../app/api-client';
import type { MapShapes } from '../../../components/charts/region-map';
import { listMunicipalities } from './list-municipalities';

/** The outlines of every municipality and each county's bounds (cached by the browser for a day). */
export const getMapShapes = (api = apiFrom(undefined)) => api.get<MapShapes>('/api/map/shapes');

interface MapData extends MapShapes {
  /** Centrality class by municipality code, for colouring every municipality (not only the filtered ones). */
  centrality: Map<string, MunicipalitySummary['centralityClass']>;
  names: Map<string, string>;
}

/** Loads the outlines and the class of every municipality once, in the browser only. */
export function useMapData(): MapData | null {
  const [mapData, setMapData] = useState<MapData | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([getMapShapes(), listMunicipalities(apiFrom(undefined))])
      .then(([shapes, list]) => {
        if (cancelled) return;
        setMapData({
          ...shapes,
          centrality: new Map(list.items.map((m) => [m.code, m.centralityClass])),
          names: new Map(list.items.map((m) => [m.code, m.name])),
        });
      })
      // The picture map stays in place when the clickable one cannot load.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return mapData;
}
