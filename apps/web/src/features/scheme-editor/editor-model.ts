import type { ApplicantType, Certainty, CollaborationMode, LocalizedText, Scheme, SchemeTheme } from '@varde/contracts/schemes';
import type { Translate } from '../../i18n/i18n';
import { fromIso, toOsloIso } from './oslo-time';

/**
 * What the editor's inputs hold: the scheme document with numbers, dates and id lists as the text
 * the user types. `toScheme` turns it back into a document (keeping every fact the editor does not
 * show), or reports what cannot be read, under the same paths the API uses for its field errors.
 */
export interface CallDraft {
  key: string;
  id: string;
  title: LocalizedText;
  opensDate: string;
  opensTime: string;
  deadlineDate: string;
  deadlineTime: string;
  budgetNok: string;
  counties: string;
  sourceIds: string;
}

export interface SourceDraft {
  key: string;
  id: string;
  url: string;
  title: string;
  checkedAt: string;
}

export const certaintyGroups = ['criteria', 'requiredParts', 'reporting', 'cadence'] as const;
export type CertaintyGroup = (typeof certaintyGroups)[number];

export interface EditorModel {
  name: LocalizedText;
  summary: LocalizedText;
  purpose: LocalizedText;
  themes: SchemeTheme[];
  funding: {
    isGrant: boolean;
    minGrantNok: string;
    maxGrantNok: string;
    maxGrantSharePct: string;
    minOwnSharePct: string;
    description: LocalizedText;
    certainty: Certainty;
    sourceIds: string;
  };
  applicants: {
    leadTypes: ApplicantType[];
    partnerTypes: ApplicantType[];
    minMunicipalities: string;
    requiredPartnerTypes: ApplicantType[];
    counties: string[];
    politicalAnchoringRequired: boolean;
    collaboration: CollaborationMode;
    certainty: Certainty;
    sourceIds: string;
  };
  certainty: Record<CertaintyGroup, Certainty>;
  groupSources: Record<CertaintyGroup, string>;
  calls: CallDraft[];
  sources: SourceDraft[];
  comment: string;
}

let keyCounter = 0;
const newKey = () => `k${++keyCounter}`;

const numberText = (value: number | null) => (value === null ? '' : String(value));
const pctText = (share: number | null) => (share === null ? '' : String(Math.round(share * 10000) / 100));
const listText = (ids: readonly string[]) => ids.join(', ');

export function toModel(scheme: Scheme): EditorModel {
  return {
    name: { ...scheme.name },
    summary: { ...scheme.summary },
    purpose: { ...scheme.purpose },
    themes: [...scheme.themes],
    funding: {
      isGrant: scheme.funding.isGrant,
      minGrantNok: numberText(scheme.funding.minGrantNok),
      maxGrantNok: numberText(scheme.funding.maxGrantNok),
      maxGrantSharePct: pctText(scheme.funding.maxGrantShare),
      minOwnSharePct: pctText(scheme.funding.minOwnShare),
      description: { ...scheme.funding.description },
      certainty: scheme.funding.certainty,
      sourceIds: listText(scheme.funding.sourceIds),
    },
    applicants: {
      leadTypes: [...scheme.applicants.leadTypes],
      partnerTypes: [...scheme.applicants.partnerTypes],
      minMunicipalities: String(scheme.applicants.minMunicipalities),
      requiredPartnerTypes: [...scheme.applicants.requiredPartnerTypes],
      counties: [...(scheme.applicants.counties ?? [])],
      politicalAnchoringRequired: scheme.applicants.politicalAnchoringRequired,
      collaboration: scheme.applicants.collaboration,
      certainty: scheme.applicants.certainty,
      sourceIds: listText(scheme.applicants.sourceIds),
    },
    certainty: {
      criteria: scheme.criteria.certainty,
      requiredParts: scheme.requiredParts.certainty,
      reporting: scheme.reporting.certainty,
      cadence: scheme.cadence.certainty,
    },
    groupSources: {
      criteria: listText(scheme.criteria.sourceIds),
      requiredParts: listText(scheme.requiredParts.sourceIds),
      reporting: listText(scheme.reporting.sourceIds),
      cadence: listText(scheme.cadence.sourceIds),
    },
    calls: scheme.calls.map((call) => {
      const opens = fromIso(call.opensAt);
      const deadline = fromIso(call.deadline);
      return {
        key: newKey(),
        id: call.id,
        title: { ...call.title },
        opensDate: opens.date,
        opensTime: opens.time,
        deadlineDate: deadline.date,
        deadlineTime: deadline.time,
        budgetNok: numberText(call.budgetNok),
        counties: listText(call.counties ?? []),
        sourceIds: listText(call.sourceIds),
      };
    }),
    sources: scheme.sources.map((source) => ({ key: newKey(), ...source })),
    comment: '',
  };
}

export const emptyCall = (): CallDraft => ({
  key: newKey(),
  id: '',
  title: { nb: '', nn: '', en: '' },
  opensDate: '',
  opensTime: '',
  deadlineDate: '',
  deadlineTime: '',
  budgetNok: '',
  counties: '',
  sourceIds: '',
});

export const emptySource = (): SourceDraft => ({ key: newKey(), id: '', url: '', title: '', checkedAt: '' });

interface LocalProblem {
  path: string;
  message: string;
}

const splitList = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The document to send, or the inputs that cannot be turned into one. Everything the server can
 * judge itself (required texts, id patterns, unknown sources, deadline before opening) is left to
 * it, so the rules live in one place.
 */
export function toScheme(original: Scheme, model: EditorModel, t: Translate): { scheme: Scheme; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];

  function integer(path: string, label: string, text: string): number | null {
    const cleaned = text.replace(/[\s\u00a0]/g, '');
    if (cleaned === '') return null;
    if (!/^\d+$/.test(cleaned)) {
      problems.push({ path, message: t('editor.invalidInteger', { field: label }) });
      return null;
    }
    return Number(cleaned);
  }

  function share(path: string, label: string, text: string): number | null {
    const cleaned = text.replace(/[\s\u00a0%]/g, '').replace(',', '.');
    if (cleaned === '') return null;
    const value = Number(cleaned);
    if (!/^\d+(\.\d+)?$/.test(cleaned) || value > 100) {
      problems.push({ path, message: t('editor.invalidPercent', { field: label }) });
      return null;
    }
    return Math.round(value * 100) / 10000;
  }

  function moment(path: string, label: string, date: string, time: string, required: boolean): string | null {
    if (!date && !time) {
      if (required) problems.push({ path, message: t('editor.dateRequired', { field: label }) });
      return null;
    }
    if (!date) {
      problems.push({ path, message: t('editor.dateRequired', { field: label }) });
      return null;
    }
    if (!time) {
      problems.push({ path, message: t('editor.timeRequired', { field: label }) });
      return null;
    }
    const iso = toOsloIso(date, time);
    if (!iso) problems.push({ path, message: t('editor.invalidMoment', { field: label }) });
    return iso;
  }

  const minMunicipalities = integer('scheme.applicants.minMunicipalities', t('field.minMunicipalities'), model.applicants.minMunicipalities);
  if (model.applicants.minMunicipalities.trim() === '') {
    problems.push({ path: 'scheme.applicants.minMunicipalities', message: t('editor.required', { field: t('field.minMunicipalities') }) });
  }

  const scheme: Scheme = {
    ...original,
    name: model.name,
    summary: model.summary,
    purpose: model.purpose,
    themes: model.themes,
    funding: {
      ...original.funding,
      isGrant: model.funding.isGrant,
      minGrantNok: integer('scheme.funding.minGrantNok', t('field.minGrantNok'), model.funding.minGrantNok),
      maxGrantNok: integer('scheme.funding.maxGrantNok', t('field.maxGrantNok'), model.funding.maxGrantNok),
      maxGrantShare: share('scheme.funding.maxGrantShare', t('field.maxGrantShare'), model.funding.maxGrantSharePct),
      minOwnShare: share('scheme.funding.minOwnShare', t('field.minOwnShare'), model.funding.minOwnSharePct),
      description: model.funding.description,
      certainty: model.funding.certainty,
      sourceIds: splitList(model.funding.sourceIds),
    },
    applicants: {
      ...original.applicants,
      leadTypes: model.applicants.leadTypes,
      partnerTypes: model.applicants.partnerTypes,
      minMunicipalities: minMunicipalities ?? original.applicants.minMunicipalities,
      requiredPartnerTypes: model.applicants.requiredPartnerTypes,
      counties: model.applicants.counties.length ? model.applicants.counties : null,
      politicalAnchoringRequired: model.applicants.politicalAnchoringRequired,
      collaboration: model.applicants.collaboration,
      certainty: model.applicants.certainty,
      sourceIds: splitList(model.applicants.sourceIds),
    },
    criteria: { ...original.criteria, certainty: model.certainty.criteria, sourceIds: splitList(model.groupSources.criteria) },
    requiredParts: { ...original.requiredParts, certainty: model.certainty.requiredParts, sourceIds: splitList(model.groupSources.requiredParts) },
    reporting: { ...original.reporting, certainty: model.certainty.reporting, sourceIds: splitList(model.groupSources.reporting) },
    cadence: { ...original.cadence, certainty: model.certainty.cadence, sourceIds: splitList(model.groupSources.cadence) },
    calls: model.calls.map((call, i) => {
      const base = `scheme.calls.${i}`;
      const counties = splitList(call.counties);
      return {
        id: call.id.trim(),
        title: call.title,
        opensAt: moment(`${base}.opensAt`, t('field.opensAt'), call.opensDate, call.opensTime, false),
        deadline: moment(`${base}.deadline`, t('field.deadline'), call.deadlineDate, call.deadlineTime, true) ?? '',
        budgetNok: integer(`${base}.budgetNok`, t('field.budgetNok'), call.budgetNok),
        counties: counties.length ? counties : null,
        sourceIds: splitList(call.sourceIds),
      };
    }),
    sources: model.sources.map(({ id, url, title, checkedAt }) => ({ id: id.trim(), url: url.trim(), title, checkedAt })),
  };
  return { scheme, problems };
}

/**
 * The input an API error path belongs to: `scheme.calls.2.sourceIds.0` → `scheme.calls.2.sourceIds`,
 * `scheme.applicants.leadTypes.1` → `scheme.applicants.leadTypes`, `scheme.name.nb` stays.
 */
export function fieldKey(path: string): string {
  const parts = path.split('.');
  if ((parts[1] === 'calls' || parts[1] === 'sources') && parts.length >= 4) {
    return parts.slice(0, parts[3] === 'title' && parts[4] ? 5 : 4).join('.');
  }
  const index = parts.findIndex((p) => /^\d+$/.test(p));
  return (index === -1 ? parts : parts.slice(0, index)).join('.');
}

/** The id of the input for an API path (dots make poor ids in CSS selectors). */
export const inputId = (key: string) => `edit-${key.replaceAll('.', '-')}`;
