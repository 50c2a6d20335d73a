/**
 * The base plane of the maps (computed lazily once, then cached in module scope):
 *  1. Read `data/reference/municipalities.topo.json` (objects `kommuner` and `fylker`, sharing arcs).
 *  2. Project every arc point once with a transverse Mercator centred on 15°E (≈ UTM zone 33, the
 *     projection Norwegian national maps use) at scale 1, giving a "base plane" in projection units.
 *  3. Presimplify the planar topology (Visvalingam triangle areas, topojson-simplify). Every output map
 *     is a linear transform (scale k, translate) of the base plane, so a point's weight in screen px²
 *     is `weight · k²`; each map simplifies with the threshold that suits its own scale. Because the
 *     topology is simplified (not each feature), neighbouring municipalities keep identical borders:
 *     no gaps or overlaps.
 */
import { readFileSync } from 'node:fs';
import { geoTransverseMercator } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

const referenceDir = new URL('../../../../../data/reference/', import.meta.url);

export type Vec = [number, number];
export type Bbox = [number, number, number, number];

export interface KommuneProps {
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
export type MapTopology = Topology<MapObjects>;

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
export function getBase(): BaseData {
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

  const reference = new Map(readJson<MunicipalityReference[]>('municipalities.json').map((m) => [m.code, m]));
  const neighbours = readJson<Record<string, { land: string[] }>>('neighbours.json');
  const landNeighbours = new Map(Object.entries(neighbours).map(([code, n]) => [code, n.land]));

  base = { pre, kommuner, byCode, bbox, countyName, reference, landNeighbours };
  return base;
}

export function nameOf(g: GeometryObject<{ name: string }> | undefined): string | undefined {
  return (g?.properties as { name?: string } | undefined)?.name;
}

/** Polygons (rings of positions) of a municipality geometry in a (simplified) topology. */
export function polygonsOf(topology: MapTopology, geometry: GeometryObject<KommuneProps>): Position[][][] {
  const g = (feature(topology, geometry) as Feature<Polygon | MultiPolygon | null>).geometry;
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
