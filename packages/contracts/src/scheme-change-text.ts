/**
 * A scheme change (`SchemeChange`, worked out by `schemeChanges` in the domain) as a sentence in the
 * reader's language, with the visible labels of the scheme page: shared by the server (notifications,
 * digests) and the web (the version history), each passing its own formatters.
 */
import type { SchemeChange, SchemeChangeValue } from './catalogue-api';
import type { MessageKey } from './i18n/nb';
import type { Deadline, LocalizedText } from './schemes';

/** Codes whose values are long texts: a notification stores only that they changed. */
const longTextCodes: ReadonlySet<SchemeChange['code']> = new Set(['summary', 'purpose', 'funding_description']);

/** True for changes whose old and new values are long texts (shown behind "see the texts" in the history). */
export const isLongTextChange = (change: SchemeChange) => longTextCodes.has(change.code);

/** How the reader's language writes text, dates, deadlines, amounts and shares. */
export interface ChangeFormat {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  text: (value: LocalizedText) => string;
  /** A calendar day, "15. mars 2027". */
  date: (isoDate: string) => string;
  /** A deadline: its day, with the time when a source states it. */
  deadline: (deadline: Pick<Deadline, 'date' | 'time'>) => string;
  nok: (amount: number) => string;
  /** A share 0–1: "50 prosent". */
  percent: (share: number) => string;
}

/** The visible labels of the scheme page (and editor) for each part of a scheme. */
const fieldLabels: Record<string, MessageKey> = {
  id: 'history.field.id',
  name: 'history.field.name',
  summary: 'history.field.summary',
  purpose: 'history.field.purpose',
  owner: 'scheme.owner',
  lifecycle: 'history.field.lifecycle',
  themes: 'scheme.themes',
  applicants: 'history.field.applicants',
  funding: 'history.field.funding',
  criteria: 'history.field.criteria',
  requiredParts: 'history.field.requiredParts',
  reporting: 'history.field.reporting',
  cadence: 'history.field.cadence',
  rounds: 'history.field.rounds',
  calls: 'history.field.calls',
  url: 'history.field.url',
  sources: 'history.field.sources',
};

/** The label of a part of the scheme; an unknown part by its key. */
export function fieldLabel(field: string, t: ChangeFormat['t']): string {
  const key = fieldLabels[field];
  return key ? t(key) : field;
}

/** "Hvert år" → "hvert år" inside a sentence; acronyms ("KS") stay as they are. */
const lowerFirst = (text: string) => (text.length > 1 && text[1] === text[1]!.toLowerCase() ? text[0]!.toLowerCase() + text.slice(1) : text);

const isText = (v: unknown): v is LocalizedText => typeof v === 'object' && v !== null && 'nb' in v;
const isDeadline = (v: unknown): v is Deadline => typeof v === 'object' && v !== null && 'date' in v;

/** One change as a sentence in the reader's language, e.g. "Frist for «Utlysing 2027» flyttet fra 1. mars 2027 til 15. mars 2027". */
export function describeSchemeChange(change: SchemeChange, f: ChangeFormat): string {
  const { t } = f;
  const unknown = t('change.unknown');
  const subject = change.subject ? f.text(change.subject) : '';
  const str = (v: SchemeChangeValue | undefined) => (typeof v === 'string' ? v : null);
  const num = (v: SchemeChangeValue | undefined) => (typeof v === 'number' ? v : null);
  const value = (field: string, from: string | null, to: string | null) => t('change.value', { field, from: from ?? unknown, to: to ?? unknown });
  const text = (field: string) => t('change.text', { field });
  const added = (field: string, v: string) => t('change.added', { field, value: v });
  const removed = (field: string, v: string) => t('change.removed', { field, value: v });
  const changed = (field: string, v: string) => t('change.changedItem', { field, value: v });
  const nok = (v: SchemeChangeValue | undefined) => (num(v) === null ? null : f.nok(num(v)!));
  const percent = (v: SchemeChangeValue | undefined) => (num(v) === null ? null : f.percent(num(v)!));
  const date = (v: SchemeChangeValue | undefined) => (str(v) === null ? null : f.date(str(v)!));
  const localized = (v: SchemeChangeValue | undefined) => (isText(v) ? f.text(v) : null);
  const deadline = (v: SchemeChangeValue | undefined) => (isDeadline(v) ? f.deadline(v) : null);
  const label = (key: string) => lowerFirst(key);

  switch (change.code) {
    case 'name':
      return isText(change.from) && isText(change.to)
        ? value(t('history.field.name'), localized(change.from), localized(change.to))
        : text(t('history.field.name'));
    case 'owner':
      return isText(change.from) && isText(change.to) ? value(t('scheme.owner'), localized(change.from), localized(change.to)) : text(t('scheme.owner'));
    case 'summary':
    case 'purpose':
      return text(t(`history.field.${change.code}`));
    case 'funding_description':
      return text(t('change.label.fundingDescription'));
    case 'url':
      return value(t('history.field.url'), str(change.from), str(change.to));
    case 'lifecycle_status': {
      const status = (v: SchemeChangeValue | undefined) => (v === 'active' || v === 'paused' || v === 'ended' ? label(t(`lifecycle.${v}`)) : null);
      return value(t('history.field.lifecycle'), status(change.from), status(change.to));
    }
    case 'ended_on':
      return value(t('field.endedOn'), date(change.from), date(change.to));
    case 'theme_added':
    case 'theme_removed': {
      const theme = str(change.to ?? change.from) ?? '';
      const name = label(t(`theme.${theme}` as MessageKey));
      return change.code === 'theme_added' ? added(t('scheme.themes'), name) : removed(t('scheme.themes'), name);
    }
    case 'lead_type_added':
    case 'lead_type_removed':
    case 'partner_type_added':
    case 'partner_type_removed': {
      const type = t(`applicantType.${str(change.to ?? change.from) ?? ''}` as MessageKey);
      const field = t(change.code.startsWith('lead') ? 'scheme.leadTypes' : 'scheme.partnerTypes');
      return change.code.endsWith('added') ? added(field, type) : removed(field, type);
    }
    case 'condition_added':
      return added(t('scheme.conditions'), t('change.quoted', { text: subject }));
    case 'condition_removed':
      return removed(t('scheme.conditions'), t('change.quoted', { text: subject }));
    case 'condition_changed':
      return changed(t('scheme.conditions'), t('change.quoted', { text: subject }));
    case 'min_grant':
      return value(t('field.minGrantNok'), nok(change.from), nok(change.to));
    case 'max_grant':
      return value(t('field.maxGrantNok'), nok(change.from), nok(change.to));
    case 'max_grant_share':
      return value(t('scheme.maxGrantShare'), percent(change.from), percent(change.to));
    case 'min_own_share':
      return value(t('scheme.minOwnShare'), percent(change.from), percent(change.to));
    case 'cadence': {
      const kind = (v: SchemeChangeValue | undefined) => (str(v) ? label(t(`editor.cadence.${str(v)}` as MessageKey)) : null);
      return value(t('history.field.cadence'), kind(change.from), kind(change.to));
    }
    case 'call_added': {
      const due = deadline(change.to);
      return due ? t('change.callAddedDeadline', { call: subject, deadline: due }) : t('change.callAdded', { call: subject });
    }
    case 'call_removed':
      return t('change.callRemoved', { call: subject });
    case 'call_deadline': {
      const from = deadline(change.from);
      const to = deadline(change.to);
      if (from && to) return t('change.callDeadlineMoved', { call: subject, from, to });
      if (to) return t('change.callDeadlineSet', { call: subject, to });
      return t('change.callDeadlineRemoved', { call: subject });
    }
    case 'call_opens':
      return t('change.callValue', { field: t('change.label.opensOn'), call: subject, from: date(change.from) ?? unknown, to: date(change.to) ?? unknown });
    case 'call_budget':
      return t('change.callValue', { field: t('scheme.callBudget'), call: subject, from: nok(change.from) ?? unknown, to: nok(change.to) ?? unknown });
    case 'call_changed':
      return t('change.callChanged', { call: subject });
    case 'round_added':
      return added(t('history.field.rounds'), subject);
    case 'round_removed':
      return removed(t('history.field.rounds'), subject);
    case 'round_changed':
      return changed(t('history.field.rounds'), subject);
    case 'source_added':
      return added(t('history.field.sources'), t('change.quoted', { text: subject }));
    case 'source_removed':
      return removed(t('history.field.sources'), t('change.quoted', { text: subject }));
    case 'source_changed':
      return changed(t('history.field.sources'), t('change.quoted', { text: subject }));
    case 'field':
      return text(fieldLabel(change.field ?? '', t));
  }
}
