/** Turns eligibility results into the request's language. */
import { translate, type Language } from '@varde/contracts';
import type { Eligibility } from '@varde/contracts/finder-api';
import type { EligibilityResult, Reason } from '@varde/domain/eligibility';
import { locales, pick } from '../../core/localized-text';

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
      return {
        counties: list(
          lang,
          reason.counties.map((c) => countyNames.get(c) ?? c),
          'conjunction',
        ),
      };
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
