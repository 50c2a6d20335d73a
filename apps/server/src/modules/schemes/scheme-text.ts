/** Turns eligibility results and calls into the request's language. */
import { translate, type Language } from '@varde/contracts';
import type { CallSummary, Eligibility } from '@varde/contracts/schemes-api';
import type { LocalizedText } from '@varde/contracts/schemes';
import type { CallView } from '@varde/domain/calls';
import type { EligibilityResult, Reason } from '@varde/domain/eligibility';

export const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export const pick = (text: LocalizedText, lang: Language) => text[lang];

function list(lang: Language, items: string[], type: 'conjunction' | 'disjunction') {
  return new Intl.ListFormat(locales[lang], { type }).format(items);
}

function reasonParams(reason: Reason, lang: Language, countyNames: ReadonlyMap<string, string>): Record<string, string | number> {
  const number = (n: number) => new Intl.NumberFormat(locales[lang]).format(n);
  const applicant = (type: string) => translate(lang, `applicantType.${type}`);
  switch (reason.code) {
    case 'partner_only':
      return { leadTypes: list(lang, reason.leadTypes.map(applicant), 'disjunction') };
    case 'county_excluded':
      return { counties: list(lang, reason.counties.map((c) => countyNames.get(c) ?? c), 'conjunction') };
    case 'centrality_excluded':
      return { classes: list(lang, reason.classes.map(String), 'disjunction'), actual: reason.actual };
    case 'population_above':
      return { max: number(reason.max), actual: number(reason.actual) };
    case 'population_below':
      return { min: number(reason.min), actual: number(reason.actual) };
    case 'needs_partner_type':
    case 'has_partner_type':
      return { partnerType: applicant(reason.partnerType) };
    case 'needs_more_municipalities':
      return { min: reason.min, missing: reason.missing };
    case 'enough_municipalities':
      return { min: reason.min, count: reason.count };
    case 'scheme_condition':
      return { text: pick(reason.text, lang) };
    default:
      return {};
  }
}

export function describeEligibility(result: EligibilityResult, lang: Language, countyNames: ReadonlyMap<string, string>): Eligibility {
  return {
    verdict: result.verdict,
    role: result.role,
    reasons: result.reasons.map((reason) => ({
      code: reason.code,
      kind: reason.kind,
      message: translate(lang, `eligibility.${reason.code}`, reasonParams(reason, lang, countyNames)),
    })),
  };
}

export function callSummary(call: CallView, lang: Language): CallSummary {
  return {
    id: call.id,
    title: pick(call.title, lang),
    opensAt: call.opensAt,
    deadline: call.deadline,
    status: call.status,
    predicted: call.predicted,
  };
}

/** A deadline as people in Norway read it: "15. februar 2027 kl. 23:59". */
export function formatDeadline(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}
