import { languages } from '@varde/contracts/vocabulary';
import type { FieldMessage } from '../../../components/form-problems';
import type { Translate } from '../../../i18n/i18n';
import { certaintyGroups, fieldKey, inputId, type EditorModel } from '../editor-model';

/**
 * Where the editor's error summary links to. An error on an input the form shows links to that input;
 * one on a fact the form does not show (criteria texts, the owner …) links to the section it belongs to.
 */

function sectionOf(key: string): string {
  const group = key.split('.')[1] ?? '';
  if (group === 'funding') return 'edit-section-funding';
  if (group === 'applicants') return 'edit-section-applicants';
  if (group === 'calls' || group === 'sources') return inputId(`scheme.${group}`);
  if ((certaintyGroups as readonly string[]).includes(group)) return 'edit-section-certainty';
  return 'edit-section-texts';
}

/** The keys (see `fieldKey`) of the inputs the form renders for this model. */
function renderedKeys(model: EditorModel): Set<string> {
  const keys = new Set<string>(['comment', 'scheme.themes', 'scheme.calls', 'scheme.sources']);
  for (const text of ['name', 'summary', 'purpose', 'funding.description']) for (const l of languages) keys.add(`scheme.${text}.${l}`);
  for (const f of ['isGrant', 'minGrantNok', 'maxGrantNok', 'maxGrantShare', 'minOwnShare', 'certainty', 'sourceIds']) keys.add(`scheme.funding.${f}`);
  for (const f of [
    'leadTypes',
    'partnerTypes',
    'minMunicipalities',
    'requiredPartnerTypes',
    'counties',
    'politicalAnchoringRequired',
    'collaboration',
    'certainty',
    'sourceIds',
  ]) {
    keys.add(`scheme.applicants.${f}`);
  }
  for (const g of certaintyGroups) keys.add(`scheme.${g}.certainty`).add(`scheme.${g}.sourceIds`);
  model.calls.forEach((_, i) => {
    for (const f of ['id', 'opensAt', 'deadline', 'budgetNok', 'counties', 'sourceIds']) keys.add(`scheme.calls.${i}.${f}`);
    for (const l of languages) keys.add(`scheme.calls.${i}.title.${l}`);
  });
  model.sources.forEach((_, i) => {
    for (const f of ['id', 'url', 'title', 'checkedAt']) keys.add(`scheme.sources.${i}.${f}`);
  });
  return keys;
}

/** In the summary, say which call or source an error belongs to: the field labels repeat in each. */
export function summaryMessage(t: Translate, { path, message }: FieldMessage): FieldMessage {
  const match = /^scheme\.(calls|sources)\.(\d+)\./.exec(path);
  if (!match) return { path, message };
  return { path, message: t(match[1] === 'calls' ? 'editor.inCall' : 'editor.inSource', { number: Number(match[2]) + 1, message }) };
}

/** The id the summary links to for an error's path, given what the form renders for this model. */
export function errorTarget(model: EditorModel): (path: string) => string {
  const known = renderedKeys(model);
  return (path) => {
    const key = fieldKey(path);
    return known.has(key) ? inputId(key) : sectionOf(key);
  };
}
