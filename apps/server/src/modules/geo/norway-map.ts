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

/** Projected path data of the overview map, for clients that build their own SVG. */
export function municipalityShapes(): { viewBox: string; shapes: { code: string; d: string }[] } {
  const { frame, shapes } = getOverview();
  return { viewBox: viewBoxOf(frame), shapes: shapes.map((s) => ({ ...s })) };
}
