/** Locator maps: a municipality within its county, its land neighbours marked. */
import { mesh } from 'topojson-client';
import { simplify } from 'topojson-simplify';
import { getBase, nameOf, type Bbox, type MapTopology } from './map-data';
import { mapStylesheet } from './map-stylesheet';
import { escapeXml, fitFrame, meshPath, municipalityPath, num, viewBoxOf, type Frame } from './svg-paths';

/** Locator maps: square viewBox. */
const LOCATOR_SIZE = 300;
const LOCATOR_PADDING = 10;
/** Locator maps: simplification threshold as triangle area in px². */
const LOCATOR_MIN_WEIGHT_PX2 = 0.6;
const LOCATOR_MIN_RING_AREA = 2;
/** Locator maps: targets smaller than this (px) get a ring marker of this radius around them. */
const LOCATOR_MARKER_BELOW = 10;
const LOCATOR_MARKER_RADIUS = 9;

export interface LocatorMapOptions {
  /** Include a `<style>` element (default true). Use false for SVG inlined in HTML (CSP). */
  inlineStyles?: boolean;
  /** Accessible title; default "{name} i {county}". */
  title?: string;
}

/** What all locator maps fitted to the same area share: frame, simplified outlines, county border. */
interface LocatorView {
  frame: Frame;
  simplified: MapTopology;
  /** Visible municipalities → path data (small islands dropped). */
  paths: Map<string, string>;
  border: string;
}

/** Keyed by county code, or by municipality code for a one-municipality county (Oslo). */
const locatorViews = new Map<string, LocatorView>();

function locatorView(key: string, county: string, fitCodes: string[]): LocatorView {
  const cached = locatorViews.get(key);
  if (cached) return cached;
  const b = getBase();
  const fit: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of fitCodes) {
    const x = b.bbox.get(c);
    if (!x) continue;
    fit[0] = Math.min(fit[0], x[0]);
    fit[1] = Math.min(fit[1], x[1]);
    fit[2] = Math.max(fit[2], x[2]);
    fit[3] = Math.max(fit[3], x[3]);
  }
  const frame = fitFrame(fit, LOCATOR_SIZE, LOCATOR_SIZE, LOCATOR_PADDING);
  const simplified = simplify(b.pre, LOCATOR_MIN_WEIGHT_PX2 / (frame.k * frame.k));

  // Base-plane rectangle that is visible in the viewBox; municipalities outside it are not drawn.
  const view: Bbox = [-frame.tx / frame.k, -frame.ty / frame.k, (frame.width - frame.tx) / frame.k, (frame.height - frame.ty) / frame.k];
  const paths = new Map<string, string>();
  for (const g of b.kommuner) {
    const x = b.bbox.get(String(g.id));
    if (!x || x[0] > view[2] || x[2] < view[0] || x[1] > view[3] || x[3] < view[1]) continue;
    paths.set(String(g.id), municipalityPath(simplified, g, frame, LOCATOR_MIN_RING_AREA));
  }
  // County boundary: arcs between the county and any other county.
  const countyBorder = mesh(simplified, simplified.objects.fylker, (a, c) => a !== c && (String(a.id) === county) !== (String(c.id) === county));
  const result = { frame, simplified, paths, border: meshPath(countyBorder, frame) };
  locatorViews.set(key, result);
  return result;
}

function locatorBody(code: string): { body: string; frame: Frame; county: string } | null {
  const b = getBase();
  const target = b.byCode.get(code);
  if (!target) return null;
  const county = code.slice(0, 2);
  const neighbours = new Set(b.landNeighbours.get(code) ?? []);
  const inCounty = b.kommuner.filter((g) => String(g.id).slice(0, 2) === county).map((g) => String(g.id));
  // Fit to the county; for a one-municipality county (Oslo) fit to it and its land neighbours.
  const view = inCounty.length > 1 ? locatorView(county, county, inCounty) : locatorView(code, county, [code, ...neighbours]);
  const { frame } = view;

  const classOf = (c: string): string => (c === code ? 'm hl' : neighbours.has(c) ? 'm nb' : c.slice(0, 2) === county ? 'm lk' : 'm lo');
  const rank = (c: string): number => (c === code ? 3 : neighbours.has(c) ? 2 : c.slice(0, 2) === county ? 1 : 0);
  const drawn = [...view.paths.keys()].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  const paths: string[] = [];
  for (const c of drawn) {
    // The target keeps all its islands.
    const d = c === code ? municipalityPath(view.simplified, target, frame, 0) : view.paths.get(c);
    if (d) paths.push(`<path class="${classOf(c)}" data-code="${c}" d="${d}"/>`);
  }
  // A municipality only a few px across (Røst, Utsira …) also gets a ring so it can be found.
  let marker = '';
  const tb = b.bbox.get(code)!;
  if (Math.max(tb[2] - tb[0], tb[3] - tb[1]) * frame.k < LOCATOR_MARKER_BELOW) {
    const cx = Math.round((((tb[0] + tb[2]) / 2) * frame.k + frame.tx) * 10);
    const cy = Math.round((((tb[1] + tb[3]) / 2) * frame.k + frame.ty) * 10);
    marker =
      `<circle class="marker" cx="${num(cx)}" cy="${num(cy)}" r="${LOCATOR_MARKER_RADIUS}" ` +
      'fill="none" stroke="#e02e49" stroke-width="2" pointer-events="none" aria-hidden="true"/>';
  }
  const body =
    '<g fill="#d3d8df" stroke="#fff" stroke-width=".5" stroke-linejoin="round">' +
    paths.join('') +
    '</g>' +
    `<path class="border" fill="none" stroke="#1e2b3c" stroke-width=".8" pointer-events="none" aria-hidden="true" d="${view.border}"/>` +
    marker;
  return { body, frame, county };
}

/**
 * A small map of the municipality's county: the municipality in class `hl`, its land neighbours `nb`,
 * the rest of the county `lk`, context outside the county `lo`. Returns null for an unknown code.
 */
export function renderLocatorMap(code: string, labels: Record<string, string>, options: LocatorMapOptions = {}): string | null {
  const located = locatorBody(code);
  if (!located) return null;
  const b = getBase();
  const name = labels[code] ?? nameOf(b.byCode.get(code)) ?? code;
  const countyName = labels[located.county] ?? b.countyName.get(located.county) ?? located.county;
  const title = options.title ?? `${name} i ${countyName}`;
  const titleId = `varde-locator-${code}-title`;
  const style = options.inlineStyles === false ? '' : `<style>${mapStylesheet}</style>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="varde-map varde-locator" viewBox="${viewBoxOf(located.frame)}" ` +
    `width="${located.frame.width}" height="${located.frame.height}" role="img" aria-labelledby="${titleId}">` +
    `<title id="${titleId}">${escapeXml(title)}</title>` +
    style +
    located.body +
    '</svg>'
  );
}
