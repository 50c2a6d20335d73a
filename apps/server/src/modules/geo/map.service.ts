/**
 * Server-side maps of Norway's municipalities, rendered as SVG strings: the whole country
 * (norway-map.ts) and locator maps (locator-map.ts), drawn from one projected, presimplified base
 * plane (map-data.ts) as compact path data (svg-paths.ts).
 *
 * CSS classes (for inline SVG in HTML, where the site's CSP forbids a `<style>` element inside the
 * SVG, render with `inlineStyles: false` and add `mapStylesheet` — or equivalent rules — to the web
 * app's CSS):
 *  - `.varde-map`   the root `<svg>` of every map rendered here
 *  - `.m`           every municipality `<path>`
 *  - `.c1` … `.c6`  centrality class (1 = most central) when `colourBy: 'centrality'`
 *  - `.hl`          highlighted municipality (overview `highlight`, locator map target)
 *  - `.nb`          locator map: land neighbour of the target municipality
 *  - `.lk`          locator map: other municipality in the target's county
 *  - `.lo`          locator map: municipality outside the county (context)
 *  - `.border`      county border mesh (`<path>`, drawn on top, no pointer events)
 *  - `.marker`      locator map: ring (`<circle>`) around a target too small to see (e.g. Røst)
 * Links (`links: true`) are `<a href="/kommuner/{code}" tabindex="-1">` around each path.
 * Without any CSS the maps still render legibly: groups carry SVG presentation attributes
 * (`fill`, `stroke`, …), which CSP does not restrict and which any CSS rule overrides.
 */
import { getBase } from './map-data';

export { renderLocatorMap } from './locator-map';
export { mapStylesheet } from './map-stylesheet';
export { isMapCounty, municipalityShapes, renderNorwayMap } from './norway-map';

let labelCache: Readonly<Record<string, string>> | undefined;

/** Municipality code → latest official name (`nameLatest`, all language forms), for `labels`. Shared: do not mutate. */
export function municipalityLabels(): Readonly<Record<string, string>> {
  labelCache ??= Object.freeze(Object.fromEntries([...getBase().reference.values()].map((m) => [m.code, m.nameLatest])));
  return labelCache;
}
