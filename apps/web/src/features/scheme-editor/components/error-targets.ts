import type { MessageKey } from '@varde/contracts';
import { languages } from '@varde/contracts/vocabulary';
import type { FieldMessage } from '../../../components/form-problems';
import type { Translate } from '../../../i18n/i18n';
import { certaintyGroups, inputId, resolveKey, type ApplicantsDraft, type EditorModel, type EvidenceDraft, type FundingDraft } from '../editor-model';
import { showsRound } from './calls-editor';
import { showsNote } from './evidence-fields';

/**
 * Where the editor shows an error and where its summary links to. An error on an input the form
 * shows belongs to that input; one on a fact the form does not show (criteria texts …) or on a whole
 * group belongs to the nearest group around it: the item (call, round, condition), else the section.
 * Every key listed here is an element id (`inputId`) the sections render — the unit test checks it.
 */

function addText(keys: Set<string>, path: string) {
  for (const l of languages) keys.add(`${path}.${l}`);
}

function addEvidence(keys: Set<string>, path: string, value: EvidenceDraft) {
  keys.add(`${path}.certainty`).add(`${path}.sourceIds`);
  if (showsNote(value)) addText(keys, `${path}.note`);
}

function addApplicants(keys: Set<string>, path: string, value: ApplicantsDraft) {
  for (const f of [
    'leadTypes',
    'partnerTypes',
    'requiredPartnerTypes',
    'minMunicipalities',
    'counties',
    'centralityClasses',
    'minPopulation',
    'maxPopulation',
    'politicalAnchoringRequired',
    'collaboration',
    'conditions',
    'checkYourself',
  ]) {
    keys.add(`${path}.${f}`);
  }
  value.conditions.forEach((c, i) => {
    const base = `${path}.conditions.${i}`;
    keys.add(base).add(`${base}.id`).add(`${base}.kind`);
    if (c.kind === 'membership') keys.add(`${base}.membership`);
    addText(keys, `${base}.text`);
  });
  value.checkYourself.forEach((_, i) => {
    keys.add(`${path}.checkYourself.${i}`);
    addText(keys, `${path}.checkYourself.${i}`);
  });
  addEvidence(keys, path, value);
}

function addFunding(keys: Set<string>, path: string, value: FundingDraft) {
  for (const f of ['isGrant', 'minGrantNok', 'maxGrantNok', 'maxGrantShare', 'minOwnShare']) keys.add(`${path}.${f}`);
  addText(keys, `${path}.description`);
  addEvidence(keys, path, value);
}

function addOwner(keys: Set<string>, path: string) {
  keys.add(path).add(`${path}.id`).add(`${path}.url`);
  addText(keys, `${path}.name`);
}

/** The keys (see `fieldKey`) of the inputs and groups the form renders for this model. */
export function renderedKeys(model: EditorModel): Set<string> {
  // `scheme` is the first section (names and texts): what belongs to no other lands there.
  const keys = new Set<string>(['comment', 'scheme', 'scheme.url', 'scheme.themes', 'scheme.rounds', 'scheme.calls', 'scheme.sources']);
  for (const text of ['name', 'summary', 'purpose']) addText(keys, `scheme.${text}`);
  addOwner(keys, 'scheme.owner');

  keys.add('scheme.lifecycle').add('scheme.lifecycle.status').add('scheme.lifecycle.sourceIds');
  if (model.lifecycle.status === 'ended') keys.add('scheme.lifecycle.endedOn').add('scheme.lifecycle.successorId');
  addText(keys, 'scheme.lifecycle.note');

  keys.add('scheme.applicants');
  addApplicants(keys, 'scheme.applicants', model.applicants);
  keys.add('scheme.funding');
  addFunding(keys, 'scheme.funding', model.funding);

  for (const g of certaintyGroups) {
    keys.add(`scheme.${g}`);
    addEvidence(keys, `scheme.${g}`, model.groups[g]);
  }
  keys.add('scheme.cadence.kind');

  model.rounds.forEach((round, i) => {
    const base = `scheme.rounds.${i}`;
    keys.add(base).add(`${base}.id`).add(`${base}.counties`).add(`${base}.url`).add(`${base}.sourceIds`);
    keys.add(`${base}.ownApplicants`).add(`${base}.ownFunding`);
    addText(keys, `${base}.name`);
    addOwner(keys, `${base}.owner`);
    if (round.applicants) addApplicants(keys.add(`${base}.applicants`), `${base}.applicants`, round.applicants);
    if (round.funding) addFunding(keys.add(`${base}.funding`), `${base}.funding`, round.funding);
  });
  model.calls.forEach((call, i) => {
    const base = `scheme.calls.${i}`;
    for (const f of ['id', 'opensOn', 'deadline.date', 'deadline.time', 'deadline.timeSourceId', 'budgetNok', 'sourceIds']) keys.add(`${base}.${f}`);
    if (showsRound(model.rounds, call)) keys.add(`${base}.roundId`);
    keys.add(base);
    addText(keys, `${base}.title`);
  });
  model.sources.forEach((_, i) => {
    const base = `scheme.sources.${i}`;
    keys.add(base);
    for (const f of ['id', 'url', 'title', 'checkedAt']) keys.add(`${base}.${f}`);
  });
  return keys;
}

/** The item names a summary message is prefixed with, outermost first: the field labels repeat in each item. */
const itemPrefixes: Record<string, MessageKey> = {
  rounds: 'editor.inRound',
  calls: 'editor.inCall',
  sources: 'editor.inSource',
  conditions: 'editor.inCondition',
  checkYourself: 'editor.inCheckYourself',
};
const groupPrefixes: Record<string, MessageKey> = { owner: 'editor.inOwner', lifecycle: 'editor.inLifecycle' };

/**
 * In the summary, say which round, call, condition or owner an error belongs to:
 * `scheme.rounds.0.applicants.conditions.1.text.nb` → "Round 1: Condition 2: …".
 */
export function summaryMessage(t: Translate, { path, message }: FieldMessage): FieldMessage {
  const parts = path.split('.');
  const wraps: Array<(inner: string) => string> = [];
  parts.forEach((part, i) => {
    const index = parts[i + 1];
    if (itemPrefixes[part] && index !== undefined && /^\d+$/.test(index)) {
      const key = itemPrefixes[part];
      wraps.push((inner) => t(key, { number: Number(index) + 1, message: inner }));
    } else if (groupPrefixes[part] && i < parts.length - 1) {
      const key = groupPrefixes[part];
      wraps.push((inner) => t(key, { message: inner }));
    }
  });
  return { path, message: wraps.reduceRight((inner, wrap) => wrap(inner), message) };
}

/** The id the summary links to for an error's path, given what the form renders for this model. */
export function errorTarget(rendered: ReadonlySet<string>): (path: string) => string {
  return (path) => inputId(resolveKey(path, rendered));
}

/** The first message for each input or group (see `resolveKey`), to show beside it. */
export function errorsByKey(problems: readonly FieldMessage[], rendered: ReadonlySet<string>): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const p of problems) {
    const key = resolveKey(p.path, rendered);
    if (!byKey.has(key)) byKey.set(key, p.message);
  }
  return byKey;
}
