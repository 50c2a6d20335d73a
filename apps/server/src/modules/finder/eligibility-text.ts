/**
 * Turns the engine's verdicts and ranking into the request's language: checklist labels
 * (`check.<code>`), reasons (`eligibility.<code>`) and the one-line rank reason (`rank.<code>`). The
 * engine's params are plain values (applicant types, county codes, numbers, ISO dates, texts in every
 * language); they are formatted here by name.
 */
import { translate, type Language } from '@varde/contracts';
import type { CheckItem, Eligibility } from '@varde/contracts/finder-api';
import type { LocalizedText } from '@varde/contracts/schemes';
import type { Check, ConfirmationFact, EligibilityResult, Reason } from '@varde/domain/eligibility';
import type { RankReason } from '@varde/domain/finder';
import { formatDate, locales, pick } from '../../core/localized-text';

function list(lang: Language, items: readonly string[], type: 'conjunction' | 'disjunction') {
  return new Intl.ListFormat(locales[lang], { type }).format(items);
}

const isLocalized = (value: unknown): value is LocalizedText =>
  !!value && typeof value === 'object' && typeof (value as LocalizedText).nb === 'string' && typeof (value as LocalizedText).en === 'string';

/** The engine's params, formatted for a message in `lang`; booleans only choose the message (see `messageKey`). */
export function formatParams(params: Record<string, unknown>, lang: Language, countyNames: ReadonlyMap<string, string>): Record<string, string | number> {
  const number = (n: number) => new Intl.NumberFormat(locales[lang]).format(n);
  const applicant = (type: string) => translate(lang, `applicantType.${type}`);
  const county = (code: string) => countyNames.get(code) ?? code;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'boolean' || value === undefined) continue;
    if (value === null) out[name] = '';
    else if (name === 'leadTypes' && Array.isArray(value)) out[name] = list(lang, value.map(String).map(applicant), 'disjunction');
    else if (name === 'partnerType') out[name] = applicant(String(value));
    else if (name === 'counties' && Array.isArray(value)) out[name] = list(lang, value.map(String).map(county), 'conjunction');
    else if (name === 'county') out[name] = county(String(value));
    else if (name === 'classes' && Array.isArray(value)) out[name] = list(lang, value.map(String), 'disjunction');
    else if (name === 'minOwnShare' && typeof value === 'number')
      out[name] = new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 }).format(value);
    else if ((name === 'deadline' || name === 'opensOn' || name === 'endedOn') && typeof value === 'string') out[name] = value ? formatDate(value, lang) : '';
    else if (typeof value === 'number') out[name] = ['min', 'max', 'actual'].includes(name) ? number(value) : value;
    else if (isLocalized(value)) out[name] = pick(value, lang);
    else if (Array.isArray(value)) out[name] = list(lang, value.map(String), 'conjunction');
    else out[name] = String(value);
  }
  return out;
}

/** The message of a code: a few codes have a variant chosen by a param. */
function messageKey(prefix: 'check' | 'eligibility', code: string, params: Record<string, unknown>): string {
  if (prefix === 'check' && code === 'collaboration' && params.asPartner === true) return 'check.collaboration_as_partner';
  if (prefix === 'eligibility' && code === 'scheme_ended' && params.endedOn) return 'eligibility.scheme_ended_on';
  return `${prefix}.${code}`;
}

const confirmationRef = (c: ConfirmationFact) => ({
  id: c.id,
  confirmedAt: c.confirmedAt,
  confirmedBy: c.confirmedByName === null ? null : { name: c.confirmedByName },
  callId: c.callId,
  expiresAt: c.expiresAt,
});

function checkItem(check: Check, lang: Language, countyNames: ReadonlyMap<string, string>): CheckItem {
  return {
    conditionId: check.conditionId,
    kind: check.kind,
    state: check.state,
    label: translate(lang, messageKey('check', check.code, check.params), formatParams(check.params, lang, countyNames)),
    confirmation: check.confirmation ? confirmationRef(check.confirmation) : null,
    membership: check.membership,
  };
}

function reasonText(reason: Reason, lang: Language, countyNames: ReadonlyMap<string, string>) {
  const params = reason.params as Record<string, unknown>;
  return {
    code: reason.code,
    kind: reason.kind,
    message: translate(lang, messageKey('eligibility', reason.code, params), formatParams(params, lang, countyNames)),
  };
}

export function describeEligibility(result: EligibilityResult, lang: Language, countyNames: ReadonlyMap<string, string>): Eligibility {
  return {
    verdict: result.verdict,
    role: result.role,
    checklist: result.checklist.map((check) => checkItem(check, lang, countyNames)),
    checkYourself: result.checkYourself.map((text) => pick(text, lang)),
    reasons: result.reasons.map((reason) => reasonText(reason, lang, countyNames)),
    roundId: result.roundId,
  };
}

/** Why a finder card is placed where it is, in one line. */
export function describeRankReason(reason: RankReason, lang: Language, countyNames: ReadonlyMap<string, string>): string {
  return translate(lang, `rank.${reason.code}`, formatParams(reason.params, lang, countyNames));
}
