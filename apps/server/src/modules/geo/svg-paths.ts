/**
 * SVG path data from the base plane (steps 4 and 5 of the pipeline in map-data.ts):
 *  4. Drop rings (islands, holes) smaller than a threshold in px², always keeping each
 *     municipality's largest polygon so that island municipalities (Utsira, Træna, Røst …) remain.
 *  5. Encode path data with coordinates rounded to 0.1 px, relative `l` segments and minimal separators.
 */
import type { GeometryObject } from 'topojson-specification';
import type { MultiLineString, Position } from 'geojson';
import { getBase, polygonsOf, type Bbox, type KommuneProps, type MapTopology, type Vec } from './map-data';

/** Linear map from the base plane to a viewBox. */
export interface Frame {
  k: number;
  tx: number;
  ty: number;
  width: number;
  height: number;
}

export function fitFrame(b: Bbox, width: number, height: number | null, padding: number): Frame {
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
export function num(tenths: number): string {
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
export function municipalityPath(simplified: MapTopology, geometry: GeometryObject<KommuneProps>, frame: Frame, minRingArea: number): string {
  const measure = (topology: MapTopology) =>
    polygonsOf(topology, geometry)
      .map((polygon) => polygon.map((ring) => toTenths(ring, frame, true)))
      .map((rings) => ({ rings, area: rings[0] ? ringArea(rings[0]) : 0 }));
  type Measured = ReturnType<typeof measure>[number];
  const largest = (list: Measured[]) => list.reduce<Measured | undefined>((best, p) => (p.area > (best?.area ?? 0) ? p : best), undefined);

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
      w.line(
        [
          [x, y],
          [x + 2, y],
          [x + 2, y + 2],
          [x, y + 2],
        ],
        true,
      );
    }
  }
  return w.toString();
}

export function meshPath(lines: MultiLineString, frame: Frame): string {
  const w = new PathWriter();
  for (const line of lines.coordinates) {
    const points = toTenths(line, frame, false);
    if (points) w.line(points, false);
  }
  return w.toString();
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function viewBoxOf(frame: Frame): string {
  return `0 0 ${frame.width} ${frame.height}`;
}
