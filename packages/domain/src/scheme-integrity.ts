/**
 * What a scheme must satisfy beyond its schema: no properties the schema does not know, web
 * addresses that are http(s), references between facts and their sources, unique ids, dates that
 * are real Oslo times, and amounts, shares and rules that agree with each other.
 * One check for both ways a scheme changes — the catalogue files read at start (which report the
 * English `detail`) and edits in the app (which report the coded field errors, translated).
 */
import { Value } from 'typebox/value';
import { FieldErrorCode } from '@varde/contracts/errors';
import { Scheme } from '@varde/contracts/schemes';

export interface SchemeProblem {
  /** Dotted path inside the scheme, e.g. `calls.2.deadline`. */
  path: string;
  code: FieldErrorCode;
  /** The limit that applies, for `too_small`. */
  limit?: number;
  /** What is wrong, in English, for the people who maintain the catalogue files. */
  detail: string;
}

const evidenceGroups = ['applicants', 'funding', 'criteria', 'requiredParts', 'reporting', 'cadence'] as const;
const languages = ['nb', 'nn', 'en'] as const;

/** The only protocols a scheme's web addresses may use; `javascript:`, `data:` and the like are refused. */
export const webProtocols: ReadonlySet<string> = new Set(['http:', 'https:']);

/** True when `value` is an absolute http: or https: address (safe to use as a link). */
export function isWebAddress(value: string): boolean {
  try {
    return webProtocols.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Every problem of `scheme` (a document that passed the `Scheme` schema), in document order.
 * `countyCodes`: the county numbers in force, or null to skip that check.
 */
export function checkSchemeIntegrity(scheme: Scheme, countyCodes: ReadonlySet<string> | null): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const report = (path: string, code: FieldErrorCode, detail: string, limit?: number) =>
    problems.push({ path, code, detail, ...(limit !== undefined ? { limit } : {}) });

  // Properties the schema does not know (misspelt names would otherwise be kept and never read).
  for (const path of unknownProperties(scheme, Value.Clean(Scheme, structuredClone(scheme)))) {
    report(path, FieldErrorCode.unknownProperty, 'unknown property (not in the Scheme schema; misspelt?)');
  }

  // Web addresses: only http(s), so that no link Varde shows or exports runs script or embeds data.
  const checkUrl = (path: string, url: string | null) => {
    if (url !== null && !isWebAddress(url)) report(path, FieldErrorCode.invalidUrl, `"${url}" is not an http: or https: address`);
  };
  checkUrl('owner.url', scheme.owner.url);
  checkUrl('url', scheme.url);
  scheme.sources.forEach((s, i) => {
    checkUrl(`sources.${i}.url`, s.url);
  });

  // Sources: unique ids; every sourceIds entry points at one; every source is cited.
  const sourceIds = new Set<string>();
  scheme.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) report(`sources.${i}.id`, FieldErrorCode.duplicate, `duplicate source id "${s.id}"`);
    sourceIds.add(s.id);
  });
  const cited = new Set<string>();
  const checkRefs = (path: string, ids: string[]) =>
    ids.forEach((id, i) => {
      cited.add(id);
      if (!sourceIds.has(id)) report(`${path}.sourceIds.${i}`, FieldErrorCode.unknownSource, `unknown source "${id}" (not in /sources)`);
    });
  for (const group of evidenceGroups) {
    checkRefs(group, scheme[group].sourceIds);
    // A fact group that is not verified must say what is uncertain.
    if (scheme[group].certainty !== 'verified' && !scheme[group].note) {
      report(`${group}.note`, FieldErrorCode.required, `certainty is "${scheme[group].certainty}" but there is no note explaining it`);
    }
  }
  scheme.calls.forEach((c, i) => {
    checkRefs(`calls.${i}`, c.sourceIds);
  });
  scheme.sources.forEach((s, i) => {
    if (!cited.has(s.id)) report(`sources.${i}.id`, FieldErrorCode.unusedSource, `source "${s.id}" is not cited by any fact group or call`);
  });

  // Who may take part.
  const { applicants, funding } = scheme;
  if (funding.isGrant) {
    for (const key of ['leadTypes', 'partnerTypes'] as const) {
      if (applicants[key].length === 0) report(`applicants.${key}`, FieldErrorCode.required, 'must not be empty for a grant (funding.isGrant is true)');
    }
  } else {
    for (const key of ['minGrantNok', 'maxGrantNok', 'maxGrantShare', 'minOwnShare'] as const) {
      if (funding[key] !== null) report(`funding.${key}`, FieldErrorCode.invalidValue, 'must be null when funding.isGrant is false');
    }
  }
  checkUnique('applicants.leadTypes', applicants.leadTypes, report);
  checkUnique('applicants.partnerTypes', applicants.partnerTypes, report);
  checkUnique('applicants.requiredPartnerTypes', applicants.requiredPartnerTypes, report);
  checkUnique('applicants.centralityClasses', applicants.centralityClasses ?? [], report);
  applicants.requiredPartnerTypes.forEach((type, i) => {
    if (!applicants.partnerTypes.includes(type)) {
      report(`applicants.requiredPartnerTypes.${i}`, FieldErrorCode.invalidValue, `"${type}" is required but not listed in partnerTypes`);
    }
  });
  checkCounties('applicants.counties', applicants.counties, countyCodes, report);
  if (applicants.minPopulation !== null && applicants.maxPopulation !== null && applicants.minPopulation > applicants.maxPopulation) {
    report(
      'applicants.maxPopulation',
      FieldErrorCode.tooSmall,
      `smaller than minPopulation (${applicants.maxPopulation} < ${applicants.minPopulation})`,
      applicants.minPopulation,
    );
  }
  if (applicants.minMunicipalities > 1 && !applicants.leadTypes.includes('municipality') && !applicants.partnerTypes.includes('municipality')) {
    report(
      'applicants.minMunicipalities',
      FieldErrorCode.invalidValue,
      'requires several municipalities, but municipalities are neither lead nor partner types',
    );
  }

  // Money.
  for (const key of ['minGrantNok', 'maxGrantNok'] as const) {
    const v = funding[key];
    if (v !== null && v <= 0) report(`funding.${key}`, FieldErrorCode.tooSmall, 'must be a positive amount in NOK', 1);
  }
  if (funding.minGrantNok !== null && funding.maxGrantNok !== null && funding.minGrantNok > funding.maxGrantNok) {
    report('funding.maxGrantNok', FieldErrorCode.tooSmall, `smaller than minGrantNok (${funding.maxGrantNok} < ${funding.minGrantNok})`, funding.minGrantNok);
  }
  if (funding.maxGrantShare !== null && funding.minOwnShare !== null && funding.maxGrantShare + funding.minOwnShare > 1 + 1e-9) {
    report('funding.minOwnShare', FieldErrorCode.invalidValue, `maxGrantShare + minOwnShare exceed 1 (${funding.maxGrantShare} + ${funding.minOwnShare})`);
  }

  // Calls.
  const callIds = new Set<string>();
  scheme.calls.forEach((c, i) => {
    const path = `calls.${i}`;
    if (callIds.has(c.id)) report(`${path}.id`, FieldErrorCode.duplicate, `duplicate call id "${c.id}"`);
    callIds.add(c.id);
    const deadlineOk = checkOsloDateTime(`${path}.deadline`, c.deadline, report);
    if (c.opensAt !== null && checkOsloDateTime(`${path}.opensAt`, c.opensAt, report) && deadlineOk && Date.parse(c.opensAt) > Date.parse(c.deadline)) {
      report(`${path}.deadline`, FieldErrorCode.beforeOpening, `is before the call opens (${c.opensAt})`);
    }
    if (c.budgetNok !== null && c.budgetNok <= 0) report(`${path}.budgetNok`, FieldErrorCode.tooSmall, 'must be a positive amount in NOK', 1);
    checkCounties(`${path}.counties`, c.counties, countyCodes, report);
    // A county-bound scheme cannot have calls for other counties.
    if (applicants.counties && c.counties) {
      c.counties.forEach((code, j) => {
        if (!applicants.counties!.includes(code)) {
          report(
            `${path}.counties.${j}`,
            FieldErrorCode.invalidValue,
            `county "${code}" is outside the scheme's counties (${applicants.counties!.join(', ')})`,
          );
        }
      });
    }
  });

  // Texts: no empty language versions.
  walkLocalized(scheme, '', (path, lang) => report(`${path}.${lang}`, FieldErrorCode.required, 'empty text'));
  return problems;
}

type Report = (path: string, code: FieldErrorCode, detail: string, limit?: number) => void;

/** Dotted paths present in `original` but removed by `Value.Clean`, i.e. properties the schema does not know. */
function unknownProperties(original: unknown, cleaned: unknown, path = ''): string[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(original) && Array.isArray(cleaned)) {
    return original.flatMap((v, i) => unknownProperties(v, cleaned[i], at(i)));
  }
  if (original && cleaned && typeof original === 'object' && typeof cleaned === 'object') {
    const o = original as Record<string, unknown>;
    const c = cleaned as Record<string, unknown>;
    return Object.keys(o).flatMap((k) => (Object.hasOwn(c, k) ? unknownProperties(o[k], c[k], at(k)) : [at(k)]));
  }
  return [];
}

function checkUnique<T>(path: string, values: T[], report: Report): void {
  const seen = new Set<T>();
  values.forEach((v, i) => {
    if (seen.has(v)) report(`${path}.${i}`, FieldErrorCode.duplicate, `duplicate value "${String(v)}"`);
    seen.add(v);
  });
}

function checkCounties(path: string, counties: string[] | null, known: ReadonlySet<string> | null, report: Report): void {
  if (counties === null) return;
  if (counties.length === 0) report(path, FieldErrorCode.required, 'empty list (use null for the whole country)');
  checkUnique(path, counties, report);
  if (!known) return;
  counties.forEach((code, i) => {
    if (!known.has(code)) report(`${path}.${i}`, FieldErrorCode.invalidValue, `"${code}" is not a county number of 2024 (see data/reference/counties.json)`);
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
function checkOsloDateTime(path: string, value: string, report: Report): boolean {
  const instant = Date.parse(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/.exec(value);
  if (Number.isNaN(instant) || !match) {
    report(path, FieldErrorCode.invalidFormat, `"${value}" is not an ISO date-time with an offset`);
    return false;
  }
  const parts = Object.fromEntries(osloClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const written = `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}`;
  const oslo = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  if (written !== oslo) {
    report(path, FieldErrorCode.invalidFormat, `"${value}" is not Oslo time: that instant is ${oslo} in Oslo (wrong offset ${match[6]} for that date?)`);
    return false;
  }
  return true;
}

/** Calls `onEmpty` for every LocalizedText ({nb, nn, en}) with a blank language version. */
function walkLocalized(value: unknown, path: string, onEmpty: (path: string, lang: string) => void): void {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walkLocalized(v, at(i), onEmpty);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 3 && languages.every((k) => typeof record[k] === 'string')) {
    for (const lang of languages) if ((record[lang] as string).trim() === '') onEmpty(path, lang);
    return;
  }
  for (const key of keys) walkLocalized(record[key], at(key), onEmpty);
}
