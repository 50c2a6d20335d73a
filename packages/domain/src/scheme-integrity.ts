/**
 * What a scheme must satisfy beyond its schema: no properties the schema does not know, web
 * addresses that are https on a public host (no staging, test or local one), references between
 * facts and their sources, unique ids, dates that are real days with times only where a source
 * states them, no source checked on a day still to come, rounds that exist and do not overlap, a
 * lifecycle that cites its source, and amounts, shares and rules that agree with each other.
 * `checkCatalogueIntegrity` adds what needs the whole catalogue (owner names, successors).
 * One check for both ways a scheme changes — the catalogue files read at start (which report the
 * English `detail`) and edits in the app (which report the coded field errors, translated).
 */
import { Value } from 'typebox/value';
import { FieldErrorCode } from '@varde/contracts/errors';
import { Scheme, type ApplicantRules, type Funding } from '@varde/contracts/schemes';
import { osloDate } from './calls';

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
  return parseWebAddress(value) !== null;
}

function parseWebAddress(value: string): URL | null {
  try {
    const url = new URL(value);
    return webProtocols.has(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** Domains of CMS clouds whose hosts are an owner's site behind (or before) its public name. */
const cmsCloudDomains: readonly string[] = ['enonic.cloud', 'dxcloud.episerver.net'];

/** Top-level domains reserved for tests, documentation and local networks (RFC 2606, 6761, 6762): never a public site. */
const reservedTopLevelDomains: ReadonlySet<string> = new Set(['test', 'localhost', 'invalid', 'example', 'local']);

/**
 * True when `hostname` (as `URL.hostname` gives it) is not an owner's public site but a staging, test
 * or local copy, so a page there may say what the public page does not (or vanish): a host of a CMS
 * cloud that serves owners' sites behind their public names (`*.enonic.cloud`, Enonic, where
 * Helsedirektoratet's QA site runs; `*.dxcloud.episerver.net`, Optimizely, where Forskningsrådet's
 * runs), one with `xpqa` in it (an Enonic QA site), one starting with `staging.` or `test.`,
 * `localhost`, a reserved test or local top-level domain, a name without a dot (an intranet), or an IP
 * address.
 */
export function isDeniedHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host)) return true;
  const labels = host.split('.');
  if (labels.length < 2) return true;
  if (reservedTopLevelDomains.has(labels[labels.length - 1]!)) return true;
  if (cmsCloudDomains.some((d) => host === d || host.endsWith(`.${d}`)) || host.includes('xpqa')) return true;
  return labels[0] === 'staging' || labels[0] === 'test';
}

/**
 * Every problem of `scheme` (a document that passed the `Scheme` schema), in document order.
 * `countyCodes`: the county numbers in force, or null to skip that check. `now`: the caller's clock;
 * a source's `checkedAt` may not be after that day in Oslo.
 */
export function checkSchemeIntegrity(scheme: Scheme, countyCodes: ReadonlySet<string> | null, now: Date): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const report = (path: string, code: FieldErrorCode, detail: string, limit?: number) =>
    problems.push({ path, code, detail, ...(limit !== undefined ? { limit } : {}) });

  // Properties the schema does not know (misspelt names would otherwise be kept and never read).
  for (const path of unknownProperties(scheme, Value.Clean(Scheme, structuredClone(scheme)))) {
    report(path, FieldErrorCode.unknownProperty, 'unknown property (not in the Scheme schema; misspelt?)');
  }

  // Web addresses: http(s) only, so that no link Varde shows or exports runs script or embeds data;
  // then https only, and on a public host, not a staging, test or local copy of the owner's site.
  const checkUrl = (path: string, url: string | null) => {
    if (url === null) return;
    const parsed = parseWebAddress(url);
    if (!parsed) report(path, FieldErrorCode.invalidUrl, `"${url}" is not an http: or https: address`);
    else if (parsed.protocol !== 'https:') report(path, FieldErrorCode.httpsRequired, `"${url}" is not an https: address (only https: is accepted)`);
    else if (isDeniedHost(parsed.hostname)) {
      report(path, FieldErrorCode.deniedHost, `"${parsed.hostname}" is a staging, test or local host, not the public site (use the public page)`);
    }
  };
  checkUrl('owner.url', scheme.owner.url);
  checkUrl('url', scheme.url);
  scheme.rounds.forEach((r, i) => {
    checkUrl(`rounds.${i}.owner.url`, r.owner.url);
    checkUrl(`rounds.${i}.url`, r.url);
  });
  scheme.sources.forEach((s, i) => {
    checkUrl(`sources.${i}.url`, s.url);
  });

  // A check is recorded on the day it happened: a real day, and not one still to come.
  const today = osloDate(now);
  scheme.sources.forEach((s, i) => {
    const path = `sources.${i}.checkedAt`;
    if (s.checkedAt !== null && checkDate(path, s.checkedAt, report) && s.checkedAt > today) {
      report(path, FieldErrorCode.inFuture, `${s.checkedAt} is after today (${today} in Oslo): a check is recorded on the day it was made`);
    }
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
  scheme.rounds.forEach((r, i) => {
    checkRefs(`rounds.${i}`, r.sourceIds);
    if (r.applicants) checkRefs(`rounds.${i}.applicants`, r.applicants.sourceIds);
    if (r.funding) checkRefs(`rounds.${i}.funding`, r.funding.sourceIds);
    for (const group of ['applicants', 'funding'] as const) {
      const facts = r[group];
      if (facts && facts.certainty !== 'verified' && !facts.note) {
        report(`rounds.${i}.${group}.note`, FieldErrorCode.required, `certainty is "${facts.certainty}" but there is no note explaining it`);
      }
    }
  });
  scheme.calls.forEach((c, i) => {
    checkRefs(`calls.${i}`, c.sourceIds);
    // The source that states a deadline's time: one of the scheme's sources, given exactly when the time is.
    const deadline = c.deadline;
    if (deadline?.timeSourceId) {
      cited.add(deadline.timeSourceId);
      if (!sourceIds.has(deadline.timeSourceId)) {
        report(`calls.${i}.deadline.timeSourceId`, FieldErrorCode.unknownSource, `unknown source "${deadline.timeSourceId}" (not in /sources)`);
      }
    }
    if (deadline && deadline.time !== null && deadline.timeSourceId === null) {
      report(`calls.${i}.deadline.timeSourceId`, FieldErrorCode.required, 'a deadline time needs the source that states it');
    }
    if (deadline && deadline.time === null && deadline.timeSourceId !== null) {
      report(`calls.${i}.deadline.timeSourceId`, FieldErrorCode.invalidValue, 'must be null when the time is not stated');
    }
  });
  checkRefs('lifecycle', scheme.lifecycle.sourceIds);
  scheme.sources.forEach((s, i) => {
    if (!cited.has(s.id)) report(`sources.${i}.id`, FieldErrorCode.unusedSource, `source "${s.id}" is not cited by any fact group or call`);
  });

  // Who may take part, and the money: the scheme's, and each round's own where it has them.
  const { applicants, funding } = scheme;
  checkApplicants('applicants', applicants, funding, countyCodes, report);
  checkFunding('funding', funding, report);
  scheme.rounds.forEach((r, i) => {
    if (r.applicants) checkApplicants(`rounds.${i}.applicants`, r.applicants, r.funding ?? funding, countyCodes, report);
    if (r.funding) checkFunding(`rounds.${i}.funding`, r.funding, report);
    if (r.funding && r.funding.isGrant !== funding.isGrant) {
      report(`rounds.${i}.funding.isGrant`, FieldErrorCode.invalidValue, 'a round cannot differ from its scheme in whether it gives grants');
    }
  });

  // Lifecycle: paused and ended cite a source; only an ended scheme has an end day or a successor.
  const { lifecycle } = scheme;
  if (lifecycle.status !== 'active' && lifecycle.sourceIds.length === 0) {
    report('lifecycle.sourceIds', FieldErrorCode.required, `a scheme that is ${lifecycle.status} must cite the source that says so`);
  }
  if (lifecycle.status !== 'ended') {
    if (lifecycle.endedOn !== null) report('lifecycle.endedOn', FieldErrorCode.invalidValue, 'only an ended scheme has an end day');
    if (lifecycle.successorId !== null) report('lifecycle.successorId', FieldErrorCode.invalidValue, 'only an ended scheme has a successor');
  }
  if (lifecycle.endedOn !== null) checkDate('lifecycle.endedOn', lifecycle.endedOn, report);
  if (lifecycle.successorId === scheme.id) report('lifecycle.successorId', FieldErrorCode.invalidValue, 'a scheme cannot succeed itself');

  // Rounds: unique ids, real counties, no county in two rounds, inside the scheme's counties.
  const roundIds = new Set<string>();
  const roundOfCounty = new Map<string, string>();
  scheme.rounds.forEach((r, i) => {
    const path = `rounds.${i}`;
    if (roundIds.has(r.id)) report(`${path}.id`, FieldErrorCode.duplicate, `duplicate round id "${r.id}"`);
    roundIds.add(r.id);
    checkCounties(`${path}.counties`, r.counties, countyCodes, report);
    r.counties.forEach((code, j) => {
      const other = roundOfCounty.get(code);
      if (other !== undefined && other !== r.id) {
        report(`${path}.counties.${j}`, FieldErrorCode.overlap, `county "${code}" is also in round "${other}"`);
      } else roundOfCounty.set(code, r.id);
      if (applicants.counties && !applicants.counties.includes(code)) {
        report(`${path}.counties.${j}`, FieldErrorCode.invalidValue, `county "${code}" is outside the scheme's counties (${applicants.counties.join(', ')})`);
      }
    });
  });

  // Calls.
  const callIds = new Set<string>();
  scheme.calls.forEach((c, i) => {
    const path = `calls.${i}`;
    if (callIds.has(c.id)) report(`${path}.id`, FieldErrorCode.duplicate, `duplicate call id "${c.id}"`);
    callIds.add(c.id);
    if (c.roundId !== null && !roundIds.has(c.roundId)) {
      report(`${path}.roundId`, FieldErrorCode.unknownRound, `unknown round "${c.roundId}" (not in /rounds)`);
    }
    const opensOk = c.opensOn === null || checkDate(`${path}.opensOn`, c.opensOn, report);
    const deadlineOk = c.deadline === null || checkDate(`${path}.deadline.date`, c.deadline.date, report);
    if (c.opensOn !== null && c.deadline !== null && opensOk && deadlineOk && c.opensOn > c.deadline.date) {
      report(`${path}.deadline.date`, FieldErrorCode.beforeOpening, `is before the call opens (${c.opensOn})`);
    }
    if (c.budgetNok !== null && c.budgetNok <= 0) report(`${path}.budgetNok`, FieldErrorCode.tooSmall, 'must be a positive amount in NOK', 1);
  });

  // Texts: no empty language versions.
  walkLocalized(scheme, '', (path, lang) => report(`${path}.${lang}`, FieldErrorCode.required, 'empty text'));
  return problems;
}

type Report = (path: string, code: FieldErrorCode, detail: string, limit?: number) => void;

/** Condition ids the engine gives the structured rules; a scheme's own conditions cannot use them. */
const reservedConditionIds: ReadonlySet<string> = new Set(['municipalities', 'collaboration', 'political_anchoring', 'own_funding']);

/** Who may take part (the scheme's rules, or a round's own). `funding` is the money the rules go with. */
function checkApplicants(at: string, applicants: ApplicantRules, funding: Funding, countyCodes: ReadonlySet<string> | null, report: Report): void {
  if (funding.isGrant) {
    for (const key of ['leadTypes', 'partnerTypes'] as const) {
      if (applicants[key].length === 0) report(`${at}.${key}`, FieldErrorCode.required, 'must not be empty for a grant (funding.isGrant is true)');
    }
  }
  checkUnique(`${at}.leadTypes`, applicants.leadTypes, report);
  checkUnique(`${at}.partnerTypes`, applicants.partnerTypes, report);
  checkUnique(`${at}.requiredPartnerTypes`, applicants.requiredPartnerTypes, report);
  checkUnique(`${at}.centralityClasses`, applicants.centralityClasses ?? [], report);
  applicants.requiredPartnerTypes.forEach((type, i) => {
    if (!applicants.partnerTypes.includes(type)) {
      report(`${at}.requiredPartnerTypes.${i}`, FieldErrorCode.invalidValue, `"${type}" is required but not listed in partnerTypes`);
    }
  });
  checkCounties(`${at}.counties`, applicants.counties, countyCodes, report);
  if (applicants.minPopulation !== null && applicants.maxPopulation !== null && applicants.minPopulation > applicants.maxPopulation) {
    report(
      `${at}.maxPopulation`,
      FieldErrorCode.tooSmall,
      `smaller than minPopulation (${applicants.maxPopulation} < ${applicants.minPopulation})`,
      applicants.minPopulation,
    );
  }
  if (applicants.minMunicipalities > 1 && !applicants.leadTypes.includes('municipality') && !applicants.partnerTypes.includes('municipality')) {
    report(`${at}.minMunicipalities`, FieldErrorCode.invalidValue, 'requires several municipalities, but municipalities are neither lead nor partner types');
  }
  // Conditions to confirm: unique ids, not the engine's own; a membership names what one is a member of.
  const conditionIds = new Set<string>();
  applicants.conditions.forEach((c, i) => {
    const path = `${at}.conditions.${i}`;
    if (conditionIds.has(c.id)) report(`${path}.id`, FieldErrorCode.duplicate, `duplicate condition id "${c.id}"`);
    conditionIds.add(c.id);
    if (reservedConditionIds.has(c.id)) report(`${path}.id`, FieldErrorCode.invalidValue, `"${c.id}" is the id of a structured rule's condition`);
    if (c.kind === 'membership' && c.membership === null)
      report(`${path}.membership`, FieldErrorCode.required, 'a membership condition needs its membership key');
    if (c.kind !== 'membership' && c.membership !== null)
      report(`${path}.membership`, FieldErrorCode.invalidValue, 'only a membership condition has a membership key');
  });
}

/** Amounts and shares that agree with each other and with whether the scheme gives grants. */
function checkFunding(at: string, funding: Funding, report: Report): void {
  if (!funding.isGrant) {
    for (const key of ['minGrantNok', 'maxGrantNok', 'maxGrantShare', 'minOwnShare'] as const) {
      if (funding[key] !== null) report(`${at}.${key}`, FieldErrorCode.invalidValue, 'must be null when funding.isGrant is false');
    }
  }
  for (const key of ['minGrantNok', 'maxGrantNok'] as const) {
    const v = funding[key];
    if (v !== null && v <= 0) report(`${at}.${key}`, FieldErrorCode.tooSmall, 'must be a positive amount in NOK', 1);
  }
  if (funding.minGrantNok !== null && funding.maxGrantNok !== null && funding.minGrantNok > funding.maxGrantNok) {
    report(`${at}.maxGrantNok`, FieldErrorCode.tooSmall, `smaller than minGrantNok (${funding.maxGrantNok} < ${funding.minGrantNok})`, funding.minGrantNok);
  }
  if (funding.maxGrantShare !== null && funding.minOwnShare !== null && funding.maxGrantShare + funding.minOwnShare > 1 + 1e-9) {
    report(`${at}.minOwnShare`, FieldErrorCode.invalidValue, `maxGrantShare + minOwnShare exceed 1 (${funding.maxGrantShare} + ${funding.minOwnShare})`);
  }
}

export interface CatalogueProblem extends SchemeProblem {
  schemeId: string;
}

/**
 * What only the whole catalogue can show: one owner id carries the same names and address in every
 * document and round (the first use is the reference), and a successor is a scheme of the catalogue.
 * `schemes` is every scheme as it will be stored (an edit checks the catalogue with the edited scheme).
 */
export function checkCatalogueIntegrity(schemes: readonly Scheme[]): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const ids = new Set(schemes.map((s) => s.id));
  const owners = new Map<string, { name: Scheme['owner']['name']; url: string | null; schemeId: string }>();
  for (const scheme of schemes) {
    const report = (path: string, code: FieldErrorCode, detail: string) => problems.push({ schemeId: scheme.id, path, code, detail });
    const checkOwner = (path: string, owner: Scheme['owner']) => {
      const first = owners.get(owner.id);
      if (!first) {
        owners.set(owner.id, { name: owner.name, url: owner.url, schemeId: scheme.id });
        return;
      }
      for (const lang of languages) {
        if (owner.name[lang] !== first.name[lang]) {
          report(
            `${path}.name.${lang}`,
            FieldErrorCode.ownerMismatch,
            `owner "${owner.id}" is called "${first.name[lang]}" in ${first.schemeId}, not "${owner.name[lang]}"`,
          );
        }
      }
      if (owner.url !== first.url) {
        report(
          `${path}.url`,
          FieldErrorCode.ownerMismatch,
          `owner "${owner.id}" has the address ${String(first.url)} in ${first.schemeId}, not ${String(owner.url)}`,
        );
      }
    };
    checkOwner('owner', scheme.owner);
    scheme.rounds.forEach((r, i) => {
      checkOwner(`rounds.${i}.owner`, r.owner);
    });
    const successor = scheme.lifecycle.successorId;
    if (successor !== null && successor !== scheme.id && !ids.has(successor)) {
      report('lifecycle.successorId', FieldErrorCode.unknownScheme, `unknown scheme "${successor}" (not in the catalogue)`);
    }
  }
  return problems;
}

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

/** A day written `YYYY-MM-DD` that exists in the calendar (no 30 February). */
function checkDate(path: string, value: string, report: Report): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    report(path, FieldErrorCode.invalidFormat, `"${value}" is not a day of the calendar (YYYY-MM-DD)`);
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
