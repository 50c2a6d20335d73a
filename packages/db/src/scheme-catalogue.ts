/**
 * The scheme catalogue as shipped data: one JSON file per scheme in `data/schemes/`, each a `Scheme`
 * (see packages/contracts/src/schemes.ts). Reading it validates every file against the schema and
 * checks what the schema alone cannot: references between facts and their sources, unique ids,
 * dates that are real Oslo times, and amounts and shares that agree with each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Value } from 'typebox/value';
import { Scheme } from '@varde/contracts/schemes';
import { readReferenceJson } from './reference-data';

export const schemeCatalogueDir = fileURLToPath(new URL('../../../data/schemes/', import.meta.url));

/** Thrown with every problem found, one per line, each naming the file and the JSON path. */
export class SchemeCatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`Scheme catalogue has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'SchemeCatalogueError';
  }
}

/** Reads, validates and returns every scheme in `dir`, sorted by id; throws one error listing all problems. */
export function readSchemeCatalogue(dir: string = schemeCatalogueDir): Scheme[] {
  const problems: string[] = [];
  const schemes: Scheme[] = [];
  const fileById = new Map<string, string>();
  const countyCodes = knownCountyCodes();

  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) problems.push(`${dir}: no scheme files (*.json)`);

  for (const file of files) {
    const report = (path: string, message: string) => problems.push(`${file}: ${path || '/'}: ${message}`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      report('', `not valid JSON (${(error as Error).message})`);
      continue;
    }

    const schemaErrors = Value.Errors(Scheme, data);
    if (schemaErrors.length > 0) {
      const seen = new Set<string>();
      for (const e of schemaErrors) {
        const line = `${e.instancePath || '/'}: ${e.message}`;
        if (seen.has(line)) continue;
        seen.add(line);
        report(e.instancePath, e.message);
      }
      continue;
    }
    const scheme = data as Scheme;
    for (const path of unknownProperties(data, Value.Clean(Scheme, structuredClone(data)))) {
      report(path, 'unknown property (not in the Scheme schema; misspelt?)');
    }
    checkScheme(scheme, file, countyCodes, report);

    const earlier = fileById.get(scheme.id);
    if (earlier) report('/id', `id "${scheme.id}" is also used by ${earlier}`);
    else fileById.set(scheme.id, file);
    schemes.push(scheme);
  }

  if (problems.length > 0) throw new SchemeCatalogueError(problems);
  return schemes.sort((a, b) => a.id.localeCompare(b.id));
}

type Report = (path: string, message: string) => void;

const evidenceGroups = ['applicants', 'funding', 'criteria', 'requiredParts', 'reporting', 'cadence'] as const;

function checkScheme(scheme: Scheme, file: string, countyCodes: Set<string> | null, report: Report): void {
  const expectedId = basename(file, '.json');
  if (scheme.id !== expectedId) report('/id', `id "${scheme.id}" does not match the file name (expected "${expectedId}")`);

  // Sources: unique ids; every sourceIds entry points at one; every source is used.
  const sourceIds = new Set<string>();
  scheme.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) report(`/sources/${i}/id`, `duplicate source id "${s.id}"`);
    sourceIds.add(s.id);
  });
  const used = new Set<string>();
  const checkRefs = (path: string, ids: string[]) =>
    ids.forEach((id, i) => {
      used.add(id);
      if (!sourceIds.has(id)) report(`${path}/sourceIds/${i}`, `unknown source "${id}" (not in /sources)`);
    });
  for (const group of evidenceGroups) {
    checkRefs(`/${group}`, scheme[group].sourceIds);
    // A fact group that is not verified must say what is uncertain.
    if (scheme[group].certainty !== 'verified' && !scheme[group].note) {
      report(`/${group}/note`, `certainty is "${scheme[group].certainty}" but there is no note explaining it`);
    }
  }
  scheme.sources.forEach((s, i) => {
    if (!used.has(s.id)) report(`/sources/${i}/id`, `source "${s.id}" is not cited by any fact group or call`);
  });

  // Who may take part.
  const { applicants, funding } = scheme;
  if (funding.isGrant) {
    if (applicants.leadTypes.length === 0) report('/applicants/leadTypes', 'must not be empty for a grant (funding.isGrant is true)');
    if (applicants.partnerTypes.length === 0) report('/applicants/partnerTypes', 'must not be empty for a grant (funding.isGrant is true)');
  } else {
    for (const key of ['minGrantNok', 'maxGrantNok', 'maxGrantShare', 'minOwnShare'] as const) {
      if (funding[key] !== null) report(`/funding/${key}`, 'must be null when funding.isGrant is false');
    }
  }
  checkUnique('/applicants/leadTypes', applicants.leadTypes, report);
  checkUnique('/applicants/partnerTypes', applicants.partnerTypes, report);
  checkUnique('/applicants/requiredPartnerTypes', applicants.requiredPartnerTypes, report);
  checkUnique('/applicants/centralityClasses', applicants.centralityClasses ?? [], report);
  applicants.requiredPartnerTypes.forEach((type, i) => {
    if (!applicants.partnerTypes.includes(type)) report(`/applicants/requiredPartnerTypes/${i}`, `"${type}" is required but not listed in partnerTypes`);
  });
  checkCounties('/applicants/counties', applicants.counties, countyCodes, report);
  if (applicants.minPopulation !== null && applicants.maxPopulation !== null && applicants.minPopulation > applicants.maxPopulation) {
    report('/applicants/minPopulation', `greater than maxPopulation (${applicants.minPopulation} > ${applicants.maxPopulation})`);
  }
  if (applicants.minMunicipalities > 1 && !applicants.leadTypes.includes('municipality') && !applicants.partnerTypes.includes('municipality')) {
    report('/applicants/minMunicipalities', 'requires several municipalities, but municipalities are neither lead nor partner types');
  }

  // Money.
  if (funding.minGrantNok !== null && funding.maxGrantNok !== null && funding.minGrantNok > funding.maxGrantNok) {
    report('/funding/minGrantNok', `greater than maxGrantNok (${funding.minGrantNok} > ${funding.maxGrantNok})`);
  }
  for (const key of ['minGrantNok', 'maxGrantNok'] as const) {
    const v = funding[key];
    if (v !== null && v <= 0) report(`/funding/${key}`, 'must be a positive amount in NOK');
  }
  if (funding.maxGrantShare !== null && funding.minOwnShare !== null && funding.maxGrantShare + funding.minOwnShare > 1 + 1e-9) {
    report('/funding/minOwnShare', `maxGrantShare + minOwnShare exceed 1 (${funding.maxGrantShare} + ${funding.minOwnShare})`);
  }

  // Calls.
  const callIds = new Set<string>();
  scheme.calls.forEach((c, i) => {
    const path = `/calls/${i}`;
    if (callIds.has(c.id)) report(`${path}/id`, `duplicate call id "${c.id}"`);
    callIds.add(c.id);
    checkRefs(path, c.sourceIds);
    checkOsloDateTime(`${path}/deadline`, c.deadline, report);
    if (c.opensAt !== null) {
      checkOsloDateTime(`${path}/opensAt`, c.opensAt, report);
      if (Date.parse(c.opensAt) > Date.parse(c.deadline)) report(`${path}/opensAt`, 'is after the deadline');
    }
    if (c.budgetNok !== null && c.budgetNok <= 0) report(`${path}/budgetNok`, 'must be a positive amount in NOK');
    checkCounties(`${path}/counties`, c.counties, countyCodes, report);
    // A county-bound scheme cannot have calls for other counties.
    if (applicants.counties && c.counties) {
      c.counties.forEach((code, j) => {
        if (!applicants.counties!.includes(code)) report(`${path}/counties/${j}`, `county "${code}" is outside the scheme's counties (${applicants.counties!.join(', ')})`);
      });
    }
  });

  // Texts: no empty language versions.
  walkLocalized(scheme, '', (path, lang) => report(`${path}/${lang}`, 'empty text'));
}

function checkUnique<T>(path: string, values: T[], report: Report): void {
  const seen = new Set<T>();
  values.forEach((v, i) => {
    if (seen.has(v)) report(`${path}/${i}`, `duplicate value "${String(v)}"`);
    seen.add(v);
  });
}

function checkCounties(path: string, counties: string[] | null, known: Set<string> | null, report: Report): void {
  if (counties === null) return;
  if (counties.length === 0) report(path, 'empty list (use null for the whole country)');
  checkUnique(path, counties, report);
  if (!known) return;
  counties.forEach((code, i) => {
    if (!known.has(code)) report(`${path}/${i}`, `"${code}" is not a county number of 2024 (see data/reference/counties.json)`);
  });
}

const osloClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A date-time must parse, carry an explicit offset, and be written in Oslo wall-clock time. */
function checkOsloDateTime(path: string, value: string, report: Report): void {
  const instant = Date.parse(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/.exec(value);
  if (Number.isNaN(instant) || !match) {
    report(path, `"${value}" is not an ISO date-time with an offset`);
    return;
  }
  const parts = Object.fromEntries(osloClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const written = `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}`;
  const oslo = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  if (written !== oslo) {
    report(path, `"${value}" is not Oslo time: that instant is ${oslo} in Oslo (wrong offset ${match[6]} for that date?)`);
  }
}

/** Calls `onEmpty` for every LocalizedText ({nb, nn, en}) with a blank language version. */
function walkLocalized(value: unknown, path: string, onEmpty: (path: string, lang: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkLocalized(v, `${path}/${i}`, onEmpty));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 3 && ['nb', 'nn', 'en'].every((k) => typeof record[k] === 'string')) {
    for (const lang of ['nb', 'nn', 'en']) if ((record[lang] as string).trim() === '') onEmpty(path, lang);
    return;
  }
  for (const key of keys) walkLocalized(record[key], `${path}/${key}`, onEmpty);
}

/** Paths present in `original` but removed by Value.Clean, i.e. properties the schema does not know. */
function unknownProperties(original: unknown, cleaned: unknown, path = ''): string[] {
  if (Array.isArray(original) && Array.isArray(cleaned)) {
    return original.flatMap((v, i) => unknownProperties(v, cleaned[i], `${path}/${i}`));
  }
  if (original && cleaned && typeof original === 'object' && typeof cleaned === 'object') {
    const o = original as Record<string, unknown>;
    const c = cleaned as Record<string, unknown>;
    return Object.keys(o).flatMap((k) => (k in c ? unknownProperties(o[k], c[k], `${path}/${k}`) : [`${path}/${k}`]));
  }
  return [];
}

function knownCountyCodes(): Set<string> | null {
  try {
    return new Set(readReferenceJson<{ code: string }[]>('counties.json').map((c) => c.code));
  } catch {
    return null;
  }
}
