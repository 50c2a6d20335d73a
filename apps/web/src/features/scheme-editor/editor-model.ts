import type {
  ApplicantRules,
  ApplicantType,
  Cadence,
  Certainty,
  CollaborationMode,
  Deadline,
  Funding,
  LifecycleStatus,
  LocalizedText,
  Scheme,
  SchemeCall,
  SchemeCondition,
  SchemeOwner,
  SchemeRound,
  SchemeTheme,
} from '@varde/contracts/schemes';
import type { Translate } from '../../i18n/i18n';

/**
 * What the editor's inputs hold: the scheme document with numbers, dates and id lists as the text
 * the user types. `toScheme` turns it back into a document (keeping every fact the editor does not
 * show), or reports what cannot be read, under the same paths the API uses for its field errors.
 */

/** How sure a group of facts is, the sources it rests on (ids separated by commas) and what is uncertain. */
export interface EvidenceDraft {
  certainty: Certainty;
  sourceIds: string;
  /** All three empty = no note. */
  note: LocalizedText;
}

export interface OwnerDraft {
  id: string;
  name: LocalizedText;
  url: string;
}

export interface ConditionDraft {
  key: string;
  id: string;
  kind: SchemeCondition['kind'];
  /** Only used (and shown) for a membership condition. */
  membership: string;
  text: LocalizedText;
}

export interface TextDraft {
  key: string;
  text: LocalizedText;
}

export interface ApplicantsDraft extends EvidenceDraft {
  leadTypes: ApplicantType[];
  partnerTypes: ApplicantType[];
  minMunicipalities: string;
  requiredPartnerTypes: ApplicantType[];
  /** Empty = the whole country. */
  counties: string[];
  /** Empty = any class. */
  centralityClasses: number[];
  minPopulation: string;
  maxPopulation: string;
  politicalAnchoringRequired: boolean;
  collaboration: CollaborationMode;
  conditions: ConditionDraft[];
  checkYourself: TextDraft[];
}

export interface FundingDraft extends EvidenceDraft {
  isGrant: boolean;
  minGrantNok: string;
  maxGrantNok: string;
  maxGrantSharePct: string;
  minOwnSharePct: string;
  description: LocalizedText;
}

export interface RoundDraft {
  key: string;
  id: string;
  name: LocalizedText;
  counties: string[];
  owner: OwnerDraft;
  url: string;
  sourceIds: string;
  /** Null: the scheme's rules apply in this round. */
  applicants: ApplicantsDraft | null;
  /** Null: the scheme's funding applies in this round. */
  funding: FundingDraft | null;
}

export interface CallDraft {
  key: string;
  id: string;
  title: LocalizedText;
  /** '' = a national call (no round). */
  roundId: string;
  opensOn: string;
  /** Empty date (and time) = no published deadline. */
  deadlineDate: string;
  /** Empty = the source states no time. */
  deadlineTime: string;
  /** The source that states the time; '' when there is no time. */
  timeSourceId: string;
  budgetNok: string;
  sourceIds: string;
}

export interface SourceDraft {
  key: string;
  id: string;
  url: string;
  title: string;
  /** Empty = nobody has recorded a check. */
  checkedAt: string;
}

export interface LifecycleDraft {
  status: LifecycleStatus;
  /** Only used (and shown) for an ended scheme. */
  endedOn: string;
  /** Only used (and shown) for an ended scheme. */
  successorId: string;
  sourceIds: string;
  /** All three empty = no note. */
  note: LocalizedText;
}

export const certaintyGroups = ['criteria', 'requiredParts', 'reporting', 'cadence'] as const;
export type CertaintyGroup = (typeof certaintyGroups)[number];

export interface EditorModel {
  name: LocalizedText;
  summary: LocalizedText;
  purpose: LocalizedText;
  url: string;
  themes: SchemeTheme[];
  owner: OwnerDraft;
  lifecycle: LifecycleDraft;
  applicants: ApplicantsDraft;
  funding: FundingDraft;
  groups: Record<CertaintyGroup, EvidenceDraft>;
  cadence: Cadence;
  rounds: RoundDraft[];
  calls: CallDraft[];
  sources: SourceDraft[];
  comment: string;
}

let keyCounter = 0;
/** A key for React's lists, stable while an item is edited (indices move when one is removed). */
const newKey = () => `k${++keyCounter}`;

const numberText = (value: number | null) => (value === null ? '' : String(value));
const pctText = (share: number | null) => (share === null ? '' : String(Math.round(share * 10000) / 100));
const listText = (ids: readonly string[]) => ids.join(', ');
const copyText = (text: LocalizedText): LocalizedText => ({ nb: text.nb, nn: text.nn, en: text.en });
export const emptyText = (): LocalizedText => ({ nb: '', nn: '', en: '' });

const evidenceDraft = (group: { certainty: Certainty; sourceIds: string[]; note?: LocalizedText }): EvidenceDraft => ({
  certainty: group.certainty,
  sourceIds: listText(group.sourceIds),
  note: group.note ? copyText(group.note) : emptyText(),
});

const ownerDraft = (owner: SchemeOwner): OwnerDraft => ({ id: owner.id, name: copyText(owner.name), url: owner.url ?? '' });

export function applicantsDraft(rules: ApplicantRules): ApplicantsDraft {
  return {
    leadTypes: [...rules.leadTypes],
    partnerTypes: [...rules.partnerTypes],
    minMunicipalities: String(rules.minMunicipalities),
    requiredPartnerTypes: [...rules.requiredPartnerTypes],
    counties: [...(rules.counties ?? [])],
    centralityClasses: [...(rules.centralityClasses ?? [])],
    minPopulation: numberText(rules.minPopulation),
    maxPopulation: numberText(rules.maxPopulation),
    politicalAnchoringRequired: rules.politicalAnchoringRequired,
    collaboration: rules.collaboration,
    conditions: rules.conditions.map((c) => ({ key: newKey(), id: c.id, kind: c.kind, membership: c.membership ?? '', text: copyText(c.text) })),
    checkYourself: rules.checkYourself.map((text) => ({ key: newKey(), text: copyText(text) })),
    ...evidenceDraft(rules),
  };
}

export function fundingDraft(funding: Funding): FundingDraft {
  return {
    isGrant: funding.isGrant,
    minGrantNok: numberText(funding.minGrantNok),
    maxGrantNok: numberText(funding.maxGrantNok),
    maxGrantSharePct: pctText(funding.maxGrantShare),
    minOwnSharePct: pctText(funding.minOwnShare),
    description: copyText(funding.description),
    ...evidenceDraft(funding),
  };
}

/** A copy of a draft with new list keys (a round's own rules start as a copy of the scheme's). */
export function copyApplicants(draft: ApplicantsDraft): ApplicantsDraft {
  return {
    ...draft,
    leadTypes: [...draft.leadTypes],
    partnerTypes: [...draft.partnerTypes],
    requiredPartnerTypes: [...draft.requiredPartnerTypes],
    counties: [...draft.counties],
    centralityClasses: [...draft.centralityClasses],
    conditions: draft.conditions.map((c) => ({ ...c, key: newKey(), text: copyText(c.text) })),
    checkYourself: draft.checkYourself.map((c) => ({ key: newKey(), text: copyText(c.text) })),
    note: copyText(draft.note),
  };
}

export const copyFunding = (draft: FundingDraft): FundingDraft => ({ ...draft, description: copyText(draft.description), note: copyText(draft.note) });

function roundDraft(round: SchemeRound): RoundDraft {
  return {
    key: newKey(),
    id: round.id,
    name: copyText(round.name),
    counties: [...round.counties],
    owner: ownerDraft(round.owner),
    url: round.url ?? '',
    sourceIds: listText(round.sourceIds),
    applicants: round.applicants ? applicantsDraft(round.applicants) : null,
    funding: round.funding ? fundingDraft(round.funding) : null,
  };
}

function callDraft(call: SchemeCall): CallDraft {
  return {
    key: newKey(),
    id: call.id,
    title: copyText(call.title),
    roundId: call.roundId ?? '',
    opensOn: call.opensOn ?? '',
    deadlineDate: call.deadline?.date ?? '',
    deadlineTime: call.deadline?.time ?? '',
    timeSourceId: call.deadline?.timeSourceId ?? '',
    budgetNok: numberText(call.budgetNok),
    sourceIds: listText(call.sourceIds),
  };
}

export function toModel(scheme: Scheme): EditorModel {
  return {
    name: copyText(scheme.name),
    summary: copyText(scheme.summary),
    purpose: copyText(scheme.purpose),
    url: scheme.url,
    themes: [...scheme.themes],
    owner: ownerDraft(scheme.owner),
    lifecycle: {
      status: scheme.lifecycle.status,
      endedOn: scheme.lifecycle.endedOn ?? '',
      successorId: scheme.lifecycle.successorId ?? '',
      sourceIds: listText(scheme.lifecycle.sourceIds),
      note: scheme.lifecycle.note ? copyText(scheme.lifecycle.note) : emptyText(),
    },
    applicants: applicantsDraft(scheme.applicants),
    funding: fundingDraft(scheme.funding),
    groups: {
      criteria: evidenceDraft(scheme.criteria),
      requiredParts: evidenceDraft(scheme.requiredParts),
      reporting: evidenceDraft(scheme.reporting),
      cadence: evidenceDraft(scheme.cadence),
    },
    cadence: scheme.cadence.kind,
    rounds: scheme.rounds.map(roundDraft),
    calls: scheme.calls.map(callDraft),
    sources: scheme.sources.map((source) => ({ key: newKey(), ...source, checkedAt: source.checkedAt ?? '' })),
    comment: '',
  };
}

export const emptyCall = (): CallDraft => ({
  key: newKey(),
  id: '',
  title: emptyText(),
  roundId: '',
  opensOn: '',
  deadlineDate: '',
  deadlineTime: '',
  timeSourceId: '',
  budgetNok: '',
  sourceIds: '',
});

export const emptySource = (): SourceDraft => ({ key: newKey(), id: '', url: '', title: '', checkedAt: '' });

export const emptyRound = (): RoundDraft => ({
  key: newKey(),
  id: '',
  name: emptyText(),
  counties: [],
  owner: { id: '', name: emptyText(), url: '' },
  url: '',
  sourceIds: '',
  applicants: null,
  funding: null,
});

export const emptyCondition = (): ConditionDraft => ({ key: newKey(), id: '', kind: 'other', membership: '', text: emptyText() });

export const emptyTextItem = (): TextDraft => ({ key: newKey(), text: emptyText() });

export interface LocalProblem {
  path: string;
  message: string;
}

const splitList = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const isBlank = (text: LocalizedText) => !text.nb.trim() && !text.nn.trim() && !text.en.trim();
/** `{ note }` when any language is filled in, else nothing (the note is optional in the document). */
const optionalNote = (note: LocalizedText): { note?: LocalizedText } => (isBlank(note) ? {} : { note });
/** An input's value with a seconds part some browsers add ("13:00:00") cut off. */
const clockText = (time: string) => time.trim().replace(/^(\d{2}:\d{2}):00$/, '$1');

/**
 * The document to send, or the inputs that cannot be turned into one. Everything the server can
 * judge itself (required texts, id patterns, unknown sources and rounds, deadline before opening) is
 * left to it, so the rules live in one place; what is checked here is what the inputs cannot say in
 * the document at all (a number that is not one, a time with no date or no source).
 */
export function toScheme(original: Scheme, model: EditorModel, t: Translate): { scheme: Scheme; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  function integer(path: string, label: string, text: string): number | null {
    const cleaned = text.replace(/[\s\u00a0]/g, '');
    if (cleaned === '') return null;
    if (!/^\d+$/.test(cleaned)) {
      problem(path, t('editor.invalidInteger', { field: label }));
      return null;
    }
    return Number(cleaned);
  }

  function share(path: string, label: string, text: string): number | null {
    const cleaned = text.replace(/[\s\u00a0%]/g, '').replace(',', '.');
    if (cleaned === '') return null;
    const value = Number(cleaned);
    if (!/^\d+(\.\d+)?$/.test(cleaned) || value > 100) {
      problem(path, t('editor.invalidPercent', { field: label }));
      return null;
    }
    return Math.round(value * 100) / 10000;
  }

  const owner = (draft: OwnerDraft): SchemeOwner => ({ id: draft.id.trim(), name: draft.name, url: draft.url.trim() || null });

  function applicants(path: string, draft: ApplicantsDraft, fallback: ApplicantRules): ApplicantRules {
    const minMunicipalities = integer(`${path}.minMunicipalities`, t('field.minMunicipalities'), draft.minMunicipalities);
    if (draft.minMunicipalities.trim() === '') problem(`${path}.minMunicipalities`, t('editor.required', { field: t('field.minMunicipalities') }));
    return {
      leadTypes: draft.leadTypes,
      partnerTypes: draft.partnerTypes,
      minMunicipalities: minMunicipalities ?? fallback.minMunicipalities,
      requiredPartnerTypes: draft.requiredPartnerTypes,
      counties: draft.counties.length ? draft.counties : null,
      centralityClasses: draft.centralityClasses.length ? [...draft.centralityClasses].sort((a, b) => a - b) : null,
      maxPopulation: integer(`${path}.maxPopulation`, t('field.maxPopulation'), draft.maxPopulation),
      minPopulation: integer(`${path}.minPopulation`, t('field.minPopulation'), draft.minPopulation),
      politicalAnchoringRequired: draft.politicalAnchoringRequired,
      collaboration: draft.collaboration,
      conditions: draft.conditions.map((c, i) => {
        const membership = c.kind === 'membership' ? c.membership.trim() : '';
        if (c.kind === 'membership' && !membership) problem(`${path}.conditions.${i}.membership`, t('editor.membershipRequired'));
        return { id: c.id.trim(), kind: c.kind, membership: membership || null, text: c.text };
      }),
      checkYourself: draft.checkYourself.map((item) => item.text),
      sourceIds: splitList(draft.sourceIds),
      certainty: draft.certainty,
      ...optionalNote(draft.note),
    };
  }

  function funding(path: string, draft: FundingDraft): Funding {
    return {
      isGrant: draft.isGrant,
      minGrantNok: integer(`${path}.minGrantNok`, t('field.minGrantNok'), draft.minGrantNok),
      maxGrantNok: integer(`${path}.maxGrantNok`, t('field.maxGrantNok'), draft.maxGrantNok),
      maxGrantShare: share(`${path}.maxGrantShare`, t('field.maxGrantShare'), draft.maxGrantSharePct),
      minOwnShare: share(`${path}.minOwnShare`, t('field.minOwnShare'), draft.minOwnSharePct),
      description: draft.description,
      sourceIds: splitList(draft.sourceIds),
      certainty: draft.certainty,
      ...optionalNote(draft.note),
    };
  }

  function deadline(path: string, call: CallDraft): Deadline | null {
    const date = call.deadlineDate.trim();
    const time = clockText(call.deadlineTime);
    if (!date) {
      if (time) problem(`${path}.date`, t('editor.deadlineDateMissing'));
      return null;
    }
    if (!time) return { date, time: null, timeSourceId: null };
    const timeSourceId = call.timeSourceId.trim();
    if (!timeSourceId) problem(`${path}.timeSourceId`, t('editor.timeSourceRequired'));
    return { date, time, timeSourceId: timeSourceId || null };
  }

  const group = <G extends { certainty: Certainty; sourceIds: string[]; note?: LocalizedText }>(base: G, draft: EvidenceDraft): G => {
    const { note: _dropped, ...rest } = base;
    return { ...rest, certainty: draft.certainty, sourceIds: splitList(draft.sourceIds), ...optionalNote(draft.note) } as G;
  };

  const ended = model.lifecycle.status === 'ended';
  const schemeApplicants = applicants('scheme.applicants', model.applicants, original.applicants);
  const scheme: Scheme = {
    ...original,
    name: model.name,
    summary: model.summary,
    purpose: model.purpose,
    url: model.url.trim(),
    themes: model.themes,
    owner: owner(model.owner),
    lifecycle: {
      status: model.lifecycle.status,
      endedOn: ended ? model.lifecycle.endedOn.trim() || null : null,
      successorId: ended ? model.lifecycle.successorId.trim() || null : null,
      sourceIds: splitList(model.lifecycle.sourceIds),
      ...optionalNote(model.lifecycle.note),
    },
    applicants: schemeApplicants,
    funding: funding('scheme.funding', model.funding),
    criteria: group(original.criteria, model.groups.criteria),
    requiredParts: group(original.requiredParts, model.groups.requiredParts),
    reporting: group(original.reporting, model.groups.reporting),
    cadence: { ...group(original.cadence, model.groups.cadence), kind: model.cadence },
    rounds: model.rounds.map((round, i) => {
      const base = `scheme.rounds.${i}`;
      return {
        id: round.id.trim(),
        name: round.name,
        counties: round.counties,
        owner: owner(round.owner),
        url: round.url.trim() || null,
        applicants: round.applicants ? applicants(`${base}.applicants`, round.applicants, schemeApplicants) : null,
        funding: round.funding ? funding(`${base}.funding`, round.funding) : null,
        sourceIds: splitList(round.sourceIds),
      };
    }),
    calls: model.calls.map((call, i) => {
      const base = `scheme.calls.${i}`;
      return {
        id: call.id.trim(),
        title: call.title,
        roundId: call.roundId.trim() || null,
        opensOn: call.opensOn.trim() || null,
        deadline: deadline(`${base}.deadline`, call),
        budgetNok: integer(`${base}.budgetNok`, t('field.budgetNok'), call.budgetNok),
        sourceIds: splitList(call.sourceIds),
      };
    }),
    sources: model.sources.map(({ id, url, title, checkedAt }) => ({ id: id.trim(), url: url.trim(), title, checkedAt: checkedAt.trim() || null })),
  };
  return { scheme, problems };
}

/** Lists whose items are groups of inputs: an index after one of these names an item, not a value. */
const itemLists = new Set(['calls', 'sources', 'rounds', 'conditions', 'checkYourself']);

/**
 * The input an API error path belongs to: `scheme.calls.2.sourceIds.0` → `scheme.calls.2.sourceIds`,
 * `scheme.applicants.leadTypes.1` → `scheme.applicants.leadTypes`; item indices of repeated groups
 * stay (`scheme.rounds.1.applicants.conditions.0.text.nb`). See `resolveKey` for paths the form
 * shows no input for.
 */
export function fieldKey(path: string): string {
  const parts = path.split('.');
  const kept: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (/^\d+$/.test(part) && !itemLists.has(parts[i - 1] ?? '')) break;
    kept.push(part);
  }
  return kept.join('.');
}

/**
 * The key (see `fieldKey`) of the input or group that shows an error, given the keys the form
 * renders: the input itself; for a whole deadline or text, its date or bokmål input; otherwise the
 * nearest group around it (the call, the section …).
 */
export function resolveKey(path: string, rendered: ReadonlySet<string>): string {
  let key = fieldKey(path);
  for (;;) {
    if (rendered.has(key)) return key;
    for (const first of ['date', 'nb']) if (rendered.has(`${key}.${first}`)) return `${key}.${first}`;
    const dot = key.lastIndexOf('.');
    if (dot === -1) return key;
    key = key.slice(0, dot);
  }
}

/** The id of the input for an API path (dots make poor ids in CSS selectors). */
export const inputId = (key: string) => `edit-${key.replaceAll('.', '-')}`;
