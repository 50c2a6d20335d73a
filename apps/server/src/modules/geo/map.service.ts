/**
 * Server-side maps of Norway's municipalities, rendered as SVG strings.
 *
 * Pipeline (computed lazily once, then cached in module scope):
 *  1. Read `data/reference/municipalities.topo.json` (objects `kommuner` and `fylker`, sharing arcs).
 *  2. Project every arc point once with a transverse Mercator centred on 15°E (≈ UTM zone 33, the
 *     projection Norwegian national maps use) at scale 1, giving a "base plane" in projection units.
 *  3. Presimplify the planar topology (Visvalingam triangle areas, topojson-simplify). Every output map
 *     is a linear transform (scale k, translate) of the base plane, so a point's weight in screen px²
 *     is `weight · k²`; each map simplifies with the threshold that suits its own scale. Because the
 *     topology is simplified (not each feature), neighbouring municipalities keep identical borders:
 *     no gaps or overlaps.
 *  4. Drop rings (islands, holes) smaller than a threshold in px², always keeping each
 *     municipality's largest polygon so that island municipalities (Utsira, Træna, Røst …) remain.
 *  5. Encode path data with coordinates rounded to 0.1 px, relative `l` segments and minimal separators.
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
import { readFileSync } from 'node:fs';
import { geoTransverseMercator } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

const referenceDir = new URL('../../../../../data/reference/', import.meta.url);

/** Overview map: viewBox width (height follows Norway's aspect ratio). */
const OVERVIEW_WIDTH = 600;
const OVERVIEW_PADDING = 4;
/**
 * Share of (non-endpoint) arc points kept on the overview map. Visvalingam weights are ranked and the
 * weight at this quantile becomes the simplification threshold.
 */
const OVERVIEW_QUANTILE = 0.08;
/** Overview map: islands/holes smaller than this (px²) are dropped (largest polygon always kept). */
const OVERVIEW_MIN_RING_AREA = 1.5;

/** Locator maps: square viewBox. */
const LOCATOR_SIZE = 300;
const LOCATOR_PADDING = 10;
/** Locator maps: simplification threshold as triangle area in px². */
const LOCATOR_MIN_WEIGHT_PX2 = 0.6;
const LOCATOR_MIN_RING_AREA = 2;
/** Locator maps: targets smaller than this (px) get a ring marker of this radius around them. */
const LOCATOR_MARKER_BELOW = 10;
const LOCATOR_MARKER_RADIUS = 9;

type Vec = [number, number];
type Bbox = [number, number, number, number];

interface KommuneProps {
  code: string;
  name: string;
}
interface FylkeProps {
  code: string;
  name: string;
}
type MapObjects = {
  kommuner: GeometryCollection<KommuneProps>;
  fylker: GeometryCollection<FylkeProps>;
};
type MapTopology = Topology<MapObjects>;

interface MunicipalityReference {
  code: string;
  nameLatest: string;
  countyCode: string;
  centralityClass: number;
}

interface BaseData {
  /** Presimplified topology in base-plane coordinates (each point [x, y, weight]). */
  pre: MapTopology;
  kommuner: GeometryObject<KommuneProps>[];
  byCode: Map<string, GeometryObject<KommuneProps>>;
  /** Bounding box per municipality in base-plane units (from full-detail geometry). */
  bbox: Map<string, Bbox>;
  countyName: Map<string, string>;
  reference: Map<string, MunicipalityReference>;
  landNeighbours: Map<string, string[]>;
}

let base: BaseData | undefined;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, referenceDir), 'utf8')) as T;
}

/** Load, project and presimplify once. */
function getBase(): BaseData {
  if (base) return base;
  const raw = readJson<MapTopology>('municipalities.topo.json');
  const projection = geoTransverseMercator().rotate([-15, -65]).scale(1).translate([0, 0]);
  const [sx, sy] = raw.transform?.scale ?? [1, 1];
  const [tx, ty] = raw.transform?.translate ?? [0, 0];
  // Decode the delta-encoded, quantized arcs and project each point into the base plane.
  const arcs = raw.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      if (raw.transform) {
        x += p[0]!;
        y += p[1]!;
      } else {
        x = p[0]!;
        y = p[1]!;
      }
      const projected = projection([x * sx + tx, y * sy + ty]);
      if (!projected) throw new Error('Projection failed for a municipality arc');
      return [projected[0], projected[1]];
    });
  });
  const planar = { type: 'Topology', objects: raw.objects, arcs } as unknown as MapTopology;
  const pre = presimplify(planar);

  const kommuner = pre.objects.kommuner.geometries;
  const byCode = new Map(kommuner.map((g) => [String(g.id), g]));
  const bbox = new Map<string, Bbox>();
  for (const g of kommuner) {
    const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygonsOf(pre, g)) {
      for (const p of polygon[0] ?? []) {
        b[0] = Math.min(b[0], p[0]!);
        b[1] = Math.min(b[1], p[1]!);
        b[2] = Math.max(b[2], p[0]!);
        b[3] = Math.max(b[3], p[1]!);
      }
    }
    bbox.set(String(g.id), b);
  }
  const countyName = new Map(pre.objects.fylker.geometries.map((g) => [String(g.id), nameOf(g) ?? String(g.id)]));

  const reference = new Map(
    readJson<MunicipalityReference[]>('municipalities.json').map((m) => [m.code, m]),
  );
  const neighbours = readJson<Record<string, { land: string[] }>>('neighbours.json');
  const landNeighbours = new Map(Object.entries(neighbours).map(([code, n]) => [code, n.land]));

  base = { pre, kommuner, byCode, bbox, countyName, reference, landNeighbours };
  return base;
}

function nameOf(g: GeometryObject<{ name: string }> | undefined): string | undefined {
  return (g?.properties as { name?: string } | undefined)?.name;
}

/** Polygons (rings of positions) of a municipality geometry in a (simplified) topology. */
function polygonsOf(topology: MapTopology, geometry: GeometryObject<KommuneProps>): Position[][][] {
  const g = (feature(topology, geometry) as Feature<Polygon | MultiPolygon | null>).geometry;
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Linear map from the base plane to a viewBox. */
interface Frame {
  k: number;
  tx: number;
  ty: number;
  width: number;
  height: number;
}

function fitFrame(b: Bbox, width: number, height: number | null, padding: number): Frame {
  const bw = b[2] - b[0];
  const bh = b[3] - b[1];
  const k = height === null ? (width - 2 * padding) / bw : Math.min((width - 2 * padding) / bw, (height - 2 * padding) / bh);
  const h = height ?? Math.ceil(bh * k + 2 * padding);
  return {
    k,
    tx: (width - bw * k) / 2 - b[0] * k,
    ty: (h - bh * k) / 2 - b[1] * k,
    width,
    height: h,
  };
}

/** Ring in tenths of a px (integers), consecutive duplicates removed; null when degenerate. */
function toTenths(ring: Position[], frame: Frame, closed: boolean): Vec[] | null {
  const out: Vec[] = [];
  for (const p of ring) {
    const x = Math.round((p[0]! * frame.k + frame.tx) * 10);
    const y = Math.round((p[1]! * frame.k + frame.ty) * 10);
    const last = out[out.length - 1];
    if (last && last[0] === x && last[1] === y) continue;
    out.push([x, y]);
  }
  if (closed) {
    const first = out[0];
    const last = out[out.length - 1];
    if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
    return out.length >= 3 ? out : null;
  }
  return out.length >= 2 ? out : null;
}

/** Area in px² of a ring given in tenths of a px. */
function ringArea(ring: Vec[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  }
  return Math.abs(a) / 200;
}

/** Format tenths as a compact SVG number: 12 → "1.2", 5 → ".5", -5 → "-.5", 30 → "3". */
function num(tenths: number): string {
  const neg = tenths < 0;
  const a = Math.abs(tenths);
  const int = Math.floor(a / 10);
  const frac = a % 10;
  const s = frac === 0 ? String(int) : int === 0 ? `.${frac}` : `${int}.${frac}`;
  return neg ? `-${s}` : s;
}

/** Appends numbers with the fewest separators the SVG path grammar allows. */
class PathWriter {
  private parts: string[] = [];
  private prevHasDot = false;
  private prevIsNumber = false;

  command(c: string): void {
    this.parts.push(c);
    this.prevIsNumber = false;
  }

  number(tenths: number): void {
    const s = num(tenths);
    if (this.prevIsNumber) {
      const needsSeparator = !(s.startsWith('-') || (s.startsWith('.') && this.prevHasDot));
      if (needsSeparator) this.parts.push(' ');
    }
    this.parts.push(s);
    this.prevIsNumber = true;
    this.prevHasDot = s.includes('.');
  }

  line(points: Vec[], close: boolean): void {
    const [first, ...rest] = points;
    if (!first) return;
    this.command('M');
    this.number(first[0]);
    this.number(first[1]);
    if (rest.length) this.command('l');
    let prev = first;
    for (const p of rest) {
      this.number(p[0] - prev[0]);
      this.number(p[1] - prev[1]);
      prev = p;
    }
    if (close) this.command('z');
  }

  toString(): string {
    return this.parts.join('');
  }
}

/**
 * Path data for one municipality. Rings below `minRingArea` px² are dropped, except the municipality's
 * largest polygon, which falls back to full detail if simplification collapsed it.
 */
function municipalityPath(
  simplified: MapTopology,
  geometry: GeometryObject<KommuneProps>,
  frame: Frame,
  minRingArea: number,
): string {
  const measure = (topology: MapTopology) =>
    polygonsOf(topology, geometry)
      .map((polygon) => polygon.map((ring) => toTenths(ring, frame, true)))
      .map((rings) => ({ rings, area: rings[0] ? ringArea(rings[0]) : 0 }));
  type Measured = ReturnType<typeof measure>[number];
  const largest = (list: Measured[]) =>
    list.reduce<Measured | undefined>((best, p) => (p.area > (best?.area ?? 0) ? p : best), undefined);

  const polygons = measure(simplified);
  let keep = polygons.filter((p) => p.area > 0 && p.area >= minRingArea);
  if (keep.length === 0) {
    // Everything is tiny at this scale: keep the largest polygon, from full detail if simplification
    // collapsed it.
    const simplifiedLargest = largest(polygons);
    const fullLargest = largest(measure(getBase().pre));
    const pick = simplifiedLargest && (!fullLargest || simplifiedLargest.area >= fullLargest.area / 2) ? simplifiedLargest : fullLargest;
    keep = pick ? [pick] : [];
  }
  const w = new PathWriter();
  for (const { rings } of keep) {
    rings.forEach((ring, i) => {
      if (ring && (i === 0 || ringArea(ring) >= minRingArea)) w.line(ring, true);
    });
  }
  if (keep.length === 0) {
    // Smaller than 0.1 px even at full detail: a 0.2 px square at its centre, so the code stays present.
    const b = getBase().bbox.get(String(geometry.id));
    if (b) {
      const x = Math.round((((b[0] + b[2]) / 2) * frame.k + frame.tx) * 10);
      const y = Math.round((((b[1] + b[3]) / 2) * frame.k + frame.ty) * 10);
      w.line([[x, y], [x + 2, y], [x + 2, y + 2], [x, y + 2]], true);
    }
  }
  return w.toString();
}

function meshPath(lines: MultiLineString, frame: Frame): string {
  const w = new PathWriter();
  for (const line of lines.coordinates) {
    const points = toTenths(line, frame, false);
    if (points) w.line(points, false);
  }
  return w.toString();
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function viewBoxOf(frame: Frame): string {
  return `0 0 ${frame.width} ${frame.height}`;
}

// ---------------------------------------------------------------------------------------------------
// Overview map

interface Overview {
  frame: Frame;
  shapes: { code: string; d: string }[];
  border: string;
}

let overview: Overview | undefined;

function getOverview(): Overview {
  if (overview) return overview;
  const b = getBase();
  const all: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const x of b.bbox.values()) {
    all[0] = Math.min(all[0], x[0]);
    all[1] = Math.min(all[1], x[1]);
    all[2] = Math.max(all[2], x[2]);
    all[3] = Math.max(all[3], x[3]);
  }
  const frame = fitFrame(all, OVERVIEW_WIDTH, null, OVERVIEW_PADDING);
  const simplified = simplify(b.pre, quantile(b.pre, OVERVIEW_QUANTILE));
  const shapes = b.kommuner
    .map((g) => ({ code: String(g.id), d: municipalityPath(simplified, g, frame, OVERVIEW_MIN_RING_AREA) }))
    .sort((a, c) => a.code.localeCompare(c.code));
  const borders = mesh(simplified, simplified.objects.fylker, (a, c) => a !== c);
  overview = { frame, shapes, border: meshPath(borders, frame) };
  return overview;
}

/**
 * Colours for standalone SVG files (served as images) and for copying into the web app's CSS.
 * Sequential palette (ColorBrewer YlGnBu, lightest step dropped so that c6 stays visible on white).
 * Contrast against white: c1 12.3:1, c2 6.5:1, c3 3.6:1 (≥ 3:1 non-text), c4 2.4:1, c5 1.9:1, c6 1.3:1;
 * between adjacent classes 1.3–1.9:1. Locator: neighbours `.nb` 3.0:1 against white, `.hl` 4.5:1.
 */
export const mapStylesheet = [
  '.varde-map .m{fill:#c9ced6;stroke:#fff;stroke-width:.3px;stroke-linejoin:round}',
  '.varde-map .c1{fill:#0c2c84}',
  '.varde-map .c2{fill:#225ea8}',
  '.varde-map .c3{fill:#1d91c0}',
  '.varde-map .c4{fill:#41b6c4}',
  '.varde-map .c5{fill:#7fcdbb}',
  '.varde-map .c6{fill:#c7e9b4}',
  '.varde-map .lo{fill:#eef0f3}',
  '.varde-map .lk{fill:#d3d8df}',
  '.varde-map .nb{fill:#8596ab}',
  '.varde-map .hl{fill:#e02e49;stroke:#1e2b3c;stroke-width:.6px}',
  '.varde-map a:hover .m,.varde-map a:focus .m,.varde-map .m:hover{fill:#f5b400;stroke:#1e2b3c;stroke-width:.6px}',
  '.varde-map .marker{fill:none;stroke:#e02e49;stroke-width:2px;pointer-events:none}',
  '.varde-map .border{fill:none;stroke:#1e2b3c;stroke-width:.5px;stroke-linejoin:round;pointer-events:none}',
].join('');

/** Options for the whole-country map. */
export interface NorwayMapOptions {
  /** Colour municipalities by centrality class (classes `c1`…`c6`); otherwise a uniform fill. */
  colourBy?: 'centrality';
  /** Wrap each municipality in `<a href="/kommuner/{code}" tabindex="-1">` with a `<title>`. */
  links?: boolean;
  /** Municipality codes to mark with class `hl`. */
  highlight?: string[];
  /** Municipality code → accessible name (falls back to the name in the TopoJSON). */
  labels: Record<string, string>;
  /** Include a `<style>` element (default true). Use false for SVG inlined in HTML (CSP). */
  inlineStyles?: boolean;
  /** Accessible title of the whole map. */
  title?: string;
  /** id of the `<title>` element (make it unique when several maps are inlined on one page). */
  titleId?: string;
}

/** The whole country: one `<path class="m …" data-code="0301">` per municipality, county borders on top. */
export function renderNorwayMap(options: NorwayMapOptions): string {
  const b = getBase();
  const { frame, shapes, border } = getOverview();
  const highlight = new Set(options.highlight ?? []);
  const titleId = options.titleId ?? 'varde-map-title';
  const title = options.title ?? 'Kart over Norges kommuner';
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="varde-map" viewBox="${viewBoxOf(frame)}" ` +
      `width="${frame.width}" height="${frame.height}" role="${options.links ? 'group' : 'img'}" aria-labelledby="${titleId}">`,
    `<title id="${titleId}">${escapeXml(title)}</title>`,
  );
  if (options.inlineStyles !== false) parts.push(`<style>${mapStylesheet}</style>`);
  parts.push('<g fill="#c9ced6" stroke="#fff" stroke-width=".3" stroke-linejoin="round">');
  // Highlighted municipalities last, so that their outline is not covered by neighbours.
  const ordered = highlight.size
    ? [...shapes.filter((s) => !highlight.has(s.code)), ...shapes.filter((s) => highlight.has(s.code))]
    : shapes;
  for (const { code, d } of ordered) {
    const classes = ['m'];
    if (options.colourBy === 'centrality') {
      const c = b.reference.get(code)?.centralityClass;
      if (c) classes.push(`c${c}`);
    }
    if (highlight.has(code)) classes.push('hl');
    const path = `<path class="${classes.join(' ')}" data-code="${code}" d="${d}"/>`;
    if (options.links) {
      const name = options.labels[code] ?? nameOf(b.byCode.get(code)) ?? code;
      parts.push(`<a href="/kommuner/${code}" tabindex="-1"><title>${escapeXml(name)}</title>${path}</a>`);
    } else {
      parts.push(path);
    }
  }
  parts.push('</g>');
  parts.push(
    `<path class="border" fill="none" stroke="#1e2b3c" stroke-width=".5" pointer-events="none" aria-hidden="true" d="${border}"/>`,
  );
  parts.push('</svg>');
  return parts.join('');
}

/** Projected path data of the overview map, for clients that build their own SVG. */
export function municipalityShapes(): { viewBox: string; shapes: { code: string; d: string }[] } {
  const { frame, shapes } = getOverview();
  return { viewBox: viewBoxOf(frame), shapes: shapes.map((s) => ({ ...s })) };
}

// ---------------------------------------------------------------------------------------------------
// Locator map

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
  const view: Bbox = [
    -frame.tx / frame.k,
    -frame.ty / frame.k,
    (frame.width - frame.tx) / frame.k,
    (frame.height - frame.ty) / frame.k,
  ];
  const paths = new Map<string, string>();
  for (const g of b.kommuner) {
    const x = b.bbox.get(String(g.id));
    if (!x || x[0] > view[2] || x[2] < view[0] || x[1] > view[3] || x[3] < view[1]) continue;
    paths.set(String(g.id), municipalityPath(simplified, g, frame, LOCATOR_MIN_RING_AREA));
  }
  // County boundary: arcs between the county and any other county.
  const countyBorder = mesh(
    simplified,
    simplified.objects.fylker,
    (a, c) => a !== c && (String(a.id) === county) !== (String(c.id) === county),
  );
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
  const view =
    inCounty.length > 1 ? locatorView(county, county, inCounty) : locatorView(code, county, [code, ...neighbours]);
  const { frame } = view;

  const classOf = (c: string): string =>
    c === code ? 'm hl' : neighbours.has(c) ? 'm nb' : c.slice(0, 2) === county ? 'm lk' : 'm lo';
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
export function renderLocatorMap(
  code: string,
  labels: Record<string, string>,
  options: LocatorMapOptions = {},
): string | null {
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

let labelCache: Readonly<Record<string, string>> | undefined;

/** Municipality code → latest official name (`nameLatest`, all language forms), for `labels`. Shared: do not mutate. */
export function municipalityLabels(): Readonly<Record<string, string>> {
  labelCache ??= Object.freeze(
    Object.fromEntries([...getBase().reference.values()].map((m) => [m.code, m.nameLatest])),
  );
  return labelCache;
}
