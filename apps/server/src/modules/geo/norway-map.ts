/** The whole-country map: every municipality, county borders on top. */
import { mesh } from 'topojson-client';
import { quantile, simplify } from 'topojson-simplify';
import { getBase, nameOf, type Bbox } from './map-data';
import { mapStylesheet } from './map-stylesheet';
import { escapeXml, fitFrame, meshPath, municipalityPath, viewBoxOf, type Frame } from './svg-paths';

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

interface Overview {
  frame: Frame;
  shapes: { code: string; d: string }[];
  border: string;
  /** County code → viewBox around the county's municipalities, in the overview's coordinates. */
  counties: Map<string, string>;
}

/** Margin around a county when the map zooms to it, as a share of its larger side. */
const COUNTY_MARGIN = 0.04;

/** The viewBox around each county's municipalities (the union of their boxes, with a margin). */
function countyViewBoxes(frame: Frame): Map<string, string> {
  const b = getBase();
  const boxes = new Map<string, Bbox>();
  for (const [code, box] of b.bbox) {
    const county = b.reference.get(code)?.countyCode;
    if (!county) continue;
    const u = boxes.get(county) ?? [Infinity, Infinity, -Infinity, -Infinity];
    boxes.set(county, [Math.min(u[0], box[0]), Math.min(u[1], box[1]), Math.max(u[2], box[2]), Math.max(u[3], box[3])]);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  const out = new Map<string, string>();
  for (const [county, [x0, y0, x1, y1]] of [...boxes].sort(([a], [c]) => a.localeCompare(c))) {
    const [left, top, right, bottom] = [x0 * frame.k + frame.tx, y0 * frame.k + frame.ty, x1 * frame.k + frame.tx, y1 * frame.k + frame.ty];
    const margin = Math.max(right - left, bottom - top) * COUNTY_MARGIN;
    out.set(county, [left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin].map(round).join(' '));
  }
  return out;
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
  overview = { frame, shapes, border: meshPath(borders, frame), counties: countyViewBoxes(frame) };
  return overview;
}
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
  /** Zoom to this county (its municipalities' bounds); unknown codes show the whole country. */
  county?: string;
}

/** The whole country: one `<path class="m …" data-code="0301">` per municipality, county borders on top. */
export function renderNorwayMap(options: NorwayMapOptions): string {
  const b = getBase();
  const { frame, shapes, border } = getOverview();
  const highlight = new Set(options.highlight ?? []);
  const titleId = options.titleId ?? 'varde-map-title';
  const zoom = options.county ? getOverview().counties.get(options.county) : undefined;
  // Zoomed, the image keeps the overview's width and takes the county's proportions.
  const [, , zoomWidth = 1, zoomHeight = 1] = zoom ? zoom.split(' ').map(Number) : [];
  const size = zoom
    ? `width="${frame.width}" height="${Math.round((frame.width * zoomHeight) / zoomWidth)}"`
    : `width="${frame.width}" height="${frame.height}"`;
  const title = options.title ?? 'Kart over Norges kommuner';
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="varde-map" viewBox="${zoom ?? viewBoxOf(frame)}" ` +
      `${size} role="${options.links ? 'group' : 'img'}" aria-labelledby="${titleId}">`,
    `<title id="${titleId}">${escapeXml(title)}</title>`,
  );
  if (options.inlineStyles !== false) parts.push(`<style>${mapStylesheet}</style>`);
  parts.push('<g fill="#c9ced6" stroke="#fff" stroke-width=".3" stroke-linejoin="round">');
  // Highlighted municipalities last, so that their outline is not covered by neighbours.
  const ordered = highlight.size ? [...shapes.filter((s) => !highlight.has(s.code)), ...shapes.filter((s) => highlight.has(s.code))] : shapes;
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
  parts.push(`<path class="border" fill="none" stroke="#1e2b3c" stroke-width=".5" pointer-events="none" aria-hidden="true" d="${border}"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/** Projected path data of the overview map and each county's viewBox, for clients that build their own SVG. */
export function municipalityShapes(): { viewBox: string; shapes: { code: string; d: string }[]; counties: { code: string; viewBox: string }[] } {
  const { frame, shapes, counties } = getOverview();
  return { viewBox: viewBoxOf(frame), shapes: shapes.map((s) => ({ ...s })), counties: [...counties].map(([code, viewBox]) => ({ code, viewBox })) };
}

/** Whether the overview map knows this county (it has municipalities). */
export function isMapCounty(code: string): boolean {
  return getOverview().counties.has(code);
}
