/**
 * Example participation records, for demonstrations and the benchmark only: a national-scale set
 * made from a seed (the same seed gives the same set). Every record is flagged `isExample`, its
 * source says it is invented, and it is shown only when the server runs with EXAMPLE_DATA=on, with a
 * notice. Never real data.
 */
import { dedupeKey, type ParticipationRole, type ParticipationStatus } from '@varde/contracts/participation-vocabulary';
import type { NewRecord } from './participation.repository';

export const EXAMPLE_SOURCE = 'Eksempeldata laget av Varde – ikke ekte';

/** mulberry32: a small, fast pseudo-random generator with a 32-bit seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const weighted = <T>(next: () => number, choices: [T, number][]): T => {
  let roll = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[0]![0];
};

const statuses: [ParticipationStatus, number][] = [
  ['granted', 50],
  ['applied', 15],
  ['rejected', 15],
  ['selected', 12],
  ['completed', 8],
];
const roles: [ParticipationRole, number][] = [
  ['lead', 35],
  ['partner', 35],
  ['recipient', 25],
  ['pilot', 5],
];

export interface ExampleOptions {
  seed: number;
  count: number;
  municipalities: readonly string[];
  schemes: readonly { key: string; catalogueId: string | null; name: string }[];
  years?: readonly [number, number];
}

/** The example records; each has a project title of its own, so none is a duplicate of another. */
export function exampleRecords({ seed, count, municipalities, schemes, years = [2015, 2025] }: ExampleOptions): NewRecord[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const rows: NewRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const municipalityCode = pick(municipalities);
    const scheme = pick(schemes);
    const year = years[0] + Math.floor(next() * (years[1] - years[0] + 1));
    const projectTitle = `Eksempelprosjekt ${seed}-${i}`;
    const status = weighted(next, statuses);
    rows.push({
      schemeId: scheme.catalogueId,
      schemeKey: scheme.key,
      schemeName: scheme.name,
      year,
      municipalityCode,
      role: weighted(next, roles),
      status,
      amountNok: status === 'granted' || status === 'completed' ? Math.round(50 + next() * 2950) * 1000 : null,
      projectTitle,
      sourceDocument: EXAMPLE_SOURCE,
      provenance: 'imported',
      isExample: true,
      dedupeKey: dedupeKey({ municipalityCode, schemeKey: scheme.key, year, round: null, projectTitle, predecessor: null }, true),
    });
  }
  return rows;
}

/** The same records as the lines of an import file (semicolons, Norwegian headers), for the benchmark. */
export function exampleCsv(rows: readonly NewRecord[]): string {
  const lines = ['Kommunenummer;Ordning;År;Rolle;Status;Beløp;Prosjekt;Kildedokument'];
  for (const r of rows) lines.push([r.municipalityCode, r.schemeKey, r.year, r.role, r.status, r.amountNok ?? '', r.projectTitle, r.sourceDocument].join(';'));
  return `${lines.join('\n')}\n`;
}
