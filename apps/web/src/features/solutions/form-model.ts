import type { Language, SchemeTheme } from '@varde/contracts';
import type { CallView } from '@varde/contracts/catalogue-api';
import type { CallStatus } from '@varde/contracts/vocabulary';
import type { SolutionDraft, SolutionDraftBody, SolutionLink } from '@varde/contracts/solutions-api';
import type { ReuseKind, SolutionMaturity } from '@varde/contracts/solutions-vocabulary';

/** A call of the chosen scheme, as the form offers it. */
export interface CallChoice {
  id: string;
  title: string;
  status: CallStatus;
  /** The deadline's day, when there is one. */
  deadline: string | null;
}

/** The scheme's real calls (open, upcoming and past; never a forecast), newest deadline first as the API gives them. */
export const callChoicesOf = (calls: CallView[], lang: Language): CallChoice[] =>
  calls.filter((c) => !c.predicted).map((c) => ({ id: c.id, title: c.title[lang], status: c.status, deadline: c.deadline?.date ?? null }));

/** What the draft form starts with: a saved draft, or nothing but the language. */
export interface SolutionFormValues {
  language: Language;
  title: string;
  summary: string;
  problem: string;
  whatWasDone: string;
  results: string;
  costOneOffNok: string;
  costYearlyNok: string;
  costNote: string;
  maturity: SolutionMaturity | '';
  themes: SchemeTheme[];
  year: string;
  partners: string;
  links: SolutionLink[];
  reuseKind: ReuseKind | '';
  reuseTerms: string;
  schemeId: string;
  callId: string;
  participationRecordId: string;
  fundingAmountNok: string;
  coOwnerIds: string[];
  contactUserId: string;
  contactRole: string;
  contactPublic: boolean;
}

const text = (value: string | null) => value ?? '';
const amount = (value: number | null) => (value === null ? '' : String(value));

export function valuesOfDraft(d: SolutionDraft): SolutionFormValues {
  const c = d.content;
  return {
    language: c.language,
    title: c.title,
    summary: text(c.summary),
    problem: text(c.problem),
    whatWasDone: text(c.whatWasDone),
    results: text(c.results),
    costOneOffNok: amount(c.costs.oneOffNok),
    costYearlyNok: amount(c.costs.yearlyNok),
    costNote: text(c.costs.note),
    maturity: c.maturity ?? '',
    themes: c.themes,
    year: amount(c.year),
    partners: c.partners.join('\n'),
    links: c.links,
    reuseKind: c.reuse.kind ?? '',
    reuseTerms: text(c.reuse.terms),
    schemeId: text(c.funding.schemeId),
    callId: text(c.funding.callId),
    participationRecordId: text(c.funding.participationRecordId),
    fundingAmountNok: amount(c.funding.amountNok),
    coOwnerIds: d.coOwnerIds,
    contactUserId: text(d.contactUserId),
    contactRole: text(d.contactRole),
    contactPublic: d.contactPublic,
  };
}

export const emptySolutionValues = (language: Language, contactUserId: string): SolutionFormValues => ({
  language,
  title: '',
  summary: '',
  problem: '',
  whatWasDone: '',
  results: '',
  costOneOffNok: '',
  costYearlyNok: '',
  costNote: '',
  maturity: '',
  themes: [],
  year: '',
  partners: '',
  links: [],
  reuseKind: '',
  reuseTerms: '',
  schemeId: '',
  callId: '',
  participationRecordId: '',
  fundingAmountNok: '',
  coOwnerIds: [],
  contactUserId,
  contactRole: '',
  contactPublic: false,
});

const orNull = (value: FormDataEntryValue | null) => String(value ?? '').trim() || null;

/** A whole number as typed ("250 000" → 250000); anything else is sent as it is, for the API's field error. */
function wholeNumber(value: FormDataEntryValue | null): number | null {
  const digits = String(value ?? '').replace(/[\s\u00a0]/g, '');
  if (digits === '') return null;
  return /^\d+$/.test(digits) ? Number(digits) : (digits as unknown as number);
}

/** Reads the form into what the API takes. Empty fields become null: "not described yet". */
export function readSolutionForm(form: HTMLFormElement): SolutionDraftBody {
  const data = new FormData(form);
  const labels = data.getAll('linkLabel').map(String);
  const urls = data.getAll('linkUrl').map(String);
  const links = labels
    .map((label, i) => ({ label: label.trim(), url: (urls[i] ?? '').trim() }))
    .filter((link) => link.label !== '' || link.url !== '')
    // A link without its text takes the address as its text.
    .map((link) => ({ label: link.label || link.url, url: link.url }));
  const contactUserId = orNull(data.get('contactUserId'));
  return {
    language: String(data.get('language') ?? 'nb') as Language,
    title: String(data.get('title') ?? '').trim(),
    summary: orNull(data.get('summary')),
    problem: orNull(data.get('problem')),
    whatWasDone: orNull(data.get('whatWasDone')),
    results: orNull(data.get('results')),
    costOneOffNok: wholeNumber(data.get('costOneOffNok')),
    costYearlyNok: wholeNumber(data.get('costYearlyNok')),
    costNote: orNull(data.get('costNote')),
    maturity: (orNull(data.get('maturity')) as SolutionMaturity | null) ?? null,
    themes: data.getAll('themes').map(String) as SchemeTheme[],
    year: wholeNumber(data.get('year')),
    partners: String(data.get('partners') ?? '')
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    links,
    reuseKind: (orNull(data.get('reuseKind')) as ReuseKind | null) ?? null,
    reuseTerms: orNull(data.get('reuseTerms')),
    schemeId: orNull(data.get('schemeId')),
    // A call belongs to its scheme: none without one.
    callId: orNull(data.get('schemeId')) ? orNull(data.get('callId')) : null,
    participationRecordId: orNull(data.get('participationRecordId')),
    fundingAmountNok: wholeNumber(data.get('fundingAmountNok')),
    coOwnerIds: [...new Set(data.getAll('coOwnerIds').map(String).filter(Boolean))],
    contactUserId,
    contactRole: orNull(data.get('contactRole')),
    ...(data.has('contactPublic') || form.elements.namedItem('contactPublic') ? { contactPublic: data.get('contactPublic') === 'yes' } : {}),
  };
}

/** The id of the input behind an API field path, for the error summary's links (`links.2.url` → `solution-links-2-url`). */
export const solutionFieldId = (path: string) => `solution-${path.replace(/\./g, '-')}`;
