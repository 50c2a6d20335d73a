/**
 * What changed between two versions of a scheme, field by field, as codes with short old and new
 * values (`SchemeChange`); `@varde/contracts/scheme-change-text` writes each as a sentence in the
 * reader's language (on the server and in the browser alike). The version history shows them all; a `scheme_changed` notification stores a bounded list (`compactChanges`)
 * between the version the user last saw and the current one, and renders it when read.
 *
 * Order: what a coordinator acts on first (status, calls and deadlines, money, who may apply), then
 * the rest. Every difference is named: a part with no finer change code is reported as `field`.
 */
import type { SchemeChange, SchemeChangeValue } from '@varde/contracts/catalogue-api';
import { isLongTextChange } from '@varde/contracts/scheme-change-text';
import type { Deadline, LocalizedText, Scheme } from '@varde/contracts/schemes';

/** JSON with sorted object keys, so two documents stored with keys in another order compare equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** `value` without the listed keys, to see whether anything else in it changed. */
function rest(value: object | null | undefined, keys: readonly string[]): unknown {
  if (!value) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

const sameText = (text: string): LocalizedText => ({ nb: text, nn: text, en: text });

/** Items of two lists matched by `id`: added, removed and kept (old and new). */
function byId<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    kept: after.flatMap((x) => {
      const was = old.get(x.id);
      return was ? [[was, x] as const] : [];
    }),
  };
}

/** Codes in the newer list and not the older (`added`) and the other way round. */
function setChanges(before: readonly string[], after: readonly string[]) {
  return { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

const sameDeadline = (a: Deadline | null, b: Deadline | null) => (a?.date ?? null) === (b?.date ?? null) && (a?.time ?? null) === (b?.time ?? null);

/** The top-level parts the finer codes below look into; any other part that differs is a `field`. */
const detailed = new Set([
  'name',
  'summary',
  'purpose',
  'owner',
  'url',
  'lifecycle',
  'themes',
  'applicants',
  'funding',
  'cadence',
  'rounds',
  'calls',
  'sources',
]);

/** Every difference from `before` to `after`, field by field; empty when the facts are the same. */
export function schemeChanges(before: Scheme, after: Scheme): SchemeChange[] {
  const changes: SchemeChange[] = [];
  const field = (name: string) => changes.push({ code: 'field', field: name });

  // Status first: an ended or paused scheme matters more than anything else that changed.
  if (before.lifecycle.status !== after.lifecycle.status) changes.push({ code: 'lifecycle_status', from: before.lifecycle.status, to: after.lifecycle.status });
  if (before.lifecycle.endedOn !== after.lifecycle.endedOn) changes.push({ code: 'ended_on', from: before.lifecycle.endedOn, to: after.lifecycle.endedOn });
  // A new status cites new sources: the rest of the lifecycle is named only when neither moved.
  const statusNamed = changes.length > 0;
  if (!statusNamed && !same(rest(before.lifecycle, ['status', 'endedOn']), rest(after.lifecycle, ['status', 'endedOn']))) field('lifecycle');

  const calls = byId(before.calls, after.calls);
  for (const call of calls.added) changes.push({ code: 'call_added', subject: call.title, to: call.deadline });
  for (const call of calls.removed) changes.push({ code: 'call_removed', subject: call.title, from: call.deadline });
  for (const [was, call] of calls.kept) {
    let named = false;
    if (!sameDeadline(was.deadline, call.deadline)) {
      changes.push({ code: 'call_deadline', subject: call.title, from: was.deadline, to: call.deadline });
      named = true;
    }
    if (was.opensOn !== call.opensOn) {
      changes.push({ code: 'call_opens', subject: call.title, from: was.opensOn, to: call.opensOn });
      named = true;
    }
    if (was.budgetNok !== call.budgetNok) {
      changes.push({ code: 'call_budget', subject: call.title, from: was.budgetNok, to: call.budgetNok });
      named = true;
    }
    // Title, round, sources or the source of the time: named as "changed" (once), unless nothing else is left.
    const others = (c: typeof call) => ({ ...(rest(c, ['deadline', 'opensOn', 'budgetNok']) as object), deadlineSource: c.deadline?.timeSourceId ?? null });
    if (!same(others(was), others(call)) || (!named && !same(was, call))) changes.push({ code: 'call_changed', subject: call.title });
  }

  const fundingValues = [
    ['minGrantNok', 'min_grant'],
    ['maxGrantNok', 'max_grant'],
    ['maxGrantShare', 'max_grant_share'],
    ['minOwnShare', 'min_own_share'],
  ] as const;
  for (const [key, code] of fundingValues) {
    if (before.funding[key] !== after.funding[key]) changes.push({ code, from: before.funding[key], to: after.funding[key] });
  }
  if (!same(before.funding.description, after.funding.description)) {
    changes.push({ code: 'funding_description', from: before.funding.description, to: after.funding.description });
  }
  if (!same(rest(before.funding, [...fundingValues.map(([k]) => k), 'description']), rest(after.funding, [...fundingValues.map(([k]) => k), 'description']))) {
    field('funding');
  }

  const leads = setChanges(before.applicants.leadTypes, after.applicants.leadTypes);
  for (const type of leads.added) changes.push({ code: 'lead_type_added', to: type });
  for (const type of leads.removed) changes.push({ code: 'lead_type_removed', from: type });
  const partners = setChanges(before.applicants.partnerTypes, after.applicants.partnerTypes);
  for (const type of partners.added) changes.push({ code: 'partner_type_added', to: type });
  for (const type of partners.removed) changes.push({ code: 'partner_type_removed', from: type });
  const conditions = byId(before.applicants.conditions, after.applicants.conditions);
  for (const c of conditions.added) changes.push({ code: 'condition_added', subject: c.text });
  for (const c of conditions.removed) changes.push({ code: 'condition_removed', subject: c.text });
  for (const [was, c] of conditions.kept) if (!same(was, c)) changes.push({ code: 'condition_changed', subject: c.text });
  const applicantKeys = ['leadTypes', 'partnerTypes', 'conditions'];
  // Only the order of the types changed: still a change to the document, so it is named.
  const orderOnly = (l: string[], p: string[]) => !same(l, p) && same([...l].sort(), [...p].sort());
  if (
    !same(rest(before.applicants, applicantKeys), rest(after.applicants, applicantKeys)) ||
    orderOnly(before.applicants.leadTypes, after.applicants.leadTypes) ||
    orderOnly(before.applicants.partnerTypes, after.applicants.partnerTypes)
  ) {
    field('applicants');
  }

  if (!same(before.name, after.name)) changes.push({ code: 'name', from: before.name, to: after.name });
  if (!same(before.summary, after.summary)) changes.push({ code: 'summary', from: before.summary, to: after.summary });
  if (!same(before.purpose, after.purpose)) changes.push({ code: 'purpose', from: before.purpose, to: after.purpose });
  if (!same(before.owner.name, after.owner.name)) changes.push({ code: 'owner', from: before.owner.name, to: after.owner.name });
  else if (!same(before.owner, after.owner)) field('owner');
  if (before.url !== after.url) changes.push({ code: 'url', from: before.url, to: after.url });

  const themes = setChanges(before.themes, after.themes);
  for (const theme of themes.added) changes.push({ code: 'theme_added', to: theme });
  for (const theme of themes.removed) changes.push({ code: 'theme_removed', from: theme });
  if (themes.added.length === 0 && themes.removed.length === 0 && !same(before.themes, after.themes)) field('themes');

  if (before.cadence.kind !== after.cadence.kind) changes.push({ code: 'cadence', from: before.cadence.kind, to: after.cadence.kind });
  if (!same(rest(before.cadence, ['kind']), rest(after.cadence, ['kind']))) field('cadence');

  const rounds = byId(before.rounds, after.rounds);
  for (const r of rounds.added) changes.push({ code: 'round_added', subject: r.name });
  for (const r of rounds.removed) changes.push({ code: 'round_removed', subject: r.name });
  for (const [was, r] of rounds.kept) if (!same(was, r)) changes.push({ code: 'round_changed', subject: r.name });

  const sources = byId(before.sources, after.sources);
  for (const s of sources.added) changes.push({ code: 'source_added', subject: sameText(s.title) });
  for (const s of sources.removed) changes.push({ code: 'source_removed', subject: sameText(s.title) });
  for (const [was, s] of sources.kept) if (!same(was, s)) changes.push({ code: 'source_changed', subject: sameText(s.title) });

  // Lists whose order alone changed, and every part without finer codes (criteria, reporting …).
  const listsByOrder: [string, { id: string }[], { id: string }[]][] = [
    ['calls', before.calls, after.calls],
    ['rounds', before.rounds, after.rounds],
    ['sources', before.sources, after.sources],
  ];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (same(a, b)) continue;
    if (!detailed.has(key)) field(key);
  }
  for (const [key, a, b] of listsByOrder) {
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    if (!same(ids(a), ids(b)) && same([...ids(a)].sort(), [...ids(b)].sort())) field(key);
  }
  return changes;
}

/** The most changes one notification stores; the rest are counted. */
export const STORED_CHANGES_MAX = 8;
const TEXT_MAX = 120;

function shorten(value: string): string {
  return value.length <= TEXT_MAX ? value : `${value.slice(0, TEXT_MAX - 1).trimEnd()}…`;
}
function shortText(text: LocalizedText): LocalizedText {
  return { nb: shorten(text.nb), nn: shorten(text.nn), en: shorten(text.en) };
}
function shortValue(value: SchemeChangeValue | undefined): SchemeChangeValue | undefined {
  if (typeof value === 'string') return shorten(value);
  if (value && typeof value === 'object' && 'nb' in value) return shortText(value);
  return value;
}

/**
 * A bounded copy for storing in a notification: at most `STORED_CHANGES_MAX` changes (and how many
 * more there were), long texts without their values, every text cut to 120 characters.
 */
export function compactChanges(changes: readonly SchemeChange[]): { changes: SchemeChange[]; more: number } {
  const kept = changes.slice(0, STORED_CHANGES_MAX).map((change) => {
    const out: SchemeChange = { code: change.code };
    if (change.subject) out.subject = shortText(change.subject);
    if (change.field !== undefined) out.field = change.field.slice(0, 40);
    if (!isLongTextChange(change)) {
      if (change.from !== undefined) out.from = shortValue(change.from);
      if (change.to !== undefined) out.to = shortValue(change.to);
    }
    return out;
  });
  return { changes: kept, more: Math.max(0, changes.length - STORED_CHANGES_MAX) };
}
