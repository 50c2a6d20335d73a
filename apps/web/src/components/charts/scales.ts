/**
 * Scales of Varde's charts, on d3-scale and d3-array. Positions along a chart's width are percentages
 * of the SVG's own width (the SVG has no viewBox), so text stays at its real size on a phone and on a
 * desktop and the same markup fits both. Everything here is pure: the server and the browser compute
 * the same numbers, and so render the same text.
 */
import { max as d3max } from 'd3-array';
import { scaleBand, scaleLinear, scaleThreshold, scaleUtc } from 'd3-scale';

/** A value scale from 0 to `max` (or the data's largest value, rounded up to a nice number) onto 0–100 %. */
export function percentScale(values: readonly number[], max?: number) {
  const top = max ?? d3max(values) ?? 0;
  const scale = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([0, 100]);
  return max === undefined ? scale.nice(4) : scale;
}

/** Up to `count` round ticks of a scale (0 included). */
export const ticksOf = (scale: ReturnType<typeof percentScale>, count = 4): number[] => scale.ticks(count);

/** Columns over the width in percent, with a gap between them. */
export const columnScale = (keys: readonly string[]) => scaleBand<string>().domain(keys).range([0, 100]).paddingInner(0.2).paddingOuter(0.1);

/** A vertical value scale in pixels: 0 at the bottom (`height`), the top value at `top`. */
export const heightScale = (maxValue: number, height: number, top: number) =>
  scaleLinear()
    .domain([0, maxValue > 0 ? maxValue : 1])
    .range([height, top])
    .nice(4);

/** "YYYY-MM-DD" → the instant at midnight UTC (calendar dates carry no time zone). */
export const utcDay = (isoDate: string): Date => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

/**
 * Time from the first to the last date, widened to whole years, onto 0–100 %. UTC only: a scale on
 * the local clock would put marks elsewhere in a browser in another time zone than the server's.
 */
export function yearScale(isoDates: readonly string[]) {
  const years = isoDates.map((d) => Number(d.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const domain = [new Date(Date.UTC(first, 0, 1)), new Date(Date.UTC(last + 1, 0, 1))] as const;
  const scale = scaleUtc().domain(domain).range([0, 100]);
  const yearTicks: number[] = [];
  for (let y = first; y <= last + 1; y++) yearTicks.push(y);
  return { scale, years: yearTicks, first, last };
}

/**
 * Classes of a value for colouring (a map, a legend): `thresholds` split the values into
 * `thresholds.length + 1` classes, 0 the lowest. Half-open: a value equal to a threshold belongs to
 * the class above it.
 */
export function thresholdClasses(thresholds: readonly number[]) {
  const classes = Array.from({ length: thresholds.length + 1 }, (_, i) => i);
  const scale = scaleThreshold<number, number>()
    .domain([...thresholds])
    .range(classes);
  return {
    classOf: (value: number) => scale(value),
    /** [from, to) of each class; the first from and the last to are open (null). */
    ranges: classes.map((c) => {
      const [from, to] = scale.invertExtent(c);
      return { cls: c, from: from ?? null, to: to ?? null };
    }),
  };
}

/**
 * Up to `steps - 1` round thresholds between 0 and the largest value, for counts (schemes,
 * participations): 0 stays a class of its own when the data has zeros.
 */
export function countThresholds(values: readonly number[], steps = 5): number[] {
  const top = d3max(values) ?? 0;
  if (top <= 1) return [1];
  const ticks = scaleLinear()
    .domain([1, top])
    .nice(steps - 1)
    .ticks(steps - 1)
    .filter((t) => Number.isInteger(t) && t > 1 && t <= top);
  return [1, ...new Set(ticks)].slice(0, steps - 1);
}

/** A label cut to `max` characters with an ellipsis (the whole text goes in the tooltip and the accessible name). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Numbers in SVG attributes, short and identical everywhere. */
export const fixed = (n: number, digits = 2): string => String(Number(n.toFixed(digits)));

/** A percentage attribute value ("12.5%"). */
export const pct = (n: number): string => `${fixed(Math.min(100, Math.max(0, n)))}%`;
