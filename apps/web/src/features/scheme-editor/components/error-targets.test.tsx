import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { nb } from '@varde/contracts/i18n/nb';
import type { County } from '@varde/contracts';
import { createTranslate, I18nContext } from '../../../i18n/i18n';
import { copyApplicants, copyFunding, inputId, toModel, type EditorModel } from '../editor-model';
import { scheme } from '../test-scheme';
import { EditorSections } from './editor-sections';
import { errorTarget, errorsByKey, renderedKeys, summaryMessage } from './error-targets';

const counties: County[] = [
  { code: '46', name: 'Vestland' },
  { code: '34', name: 'Innlandet' },
] as County[];

/** Every optional part of the form shown: an ended scheme, a round with its own rules and funding, notes. */
function fullModel(): EditorModel {
  const model = toModel(scheme);
  model.lifecycle.status = 'ended';
  const round = model.rounds[0]!;
  round.applicants = copyApplicants(model.applicants);
  round.funding = copyFunding(model.funding);
  round.funding.certainty = 'partial';
  return model;
}

function render(model: EditorModel, errors: ReadonlyMap<string, string> = new Map()) {
  return renderToStaticMarkup(
    <I18nContext value={{ lang: 'nb', messages: nb }}>
      <EditorSections
        schemeId={scheme.id}
        model={model}
        setModel={() => {}}
        counties={counties}
        catalogue={{ schemes: [{ id: 'newer', name: 'Nyere' }], owners: [{ id: 'eier', name: 'Eier' }] }}
        errors={errors}
      />
    </I18nContext>,
  );
}

describe('where the editor shows errors', () => {
  it('renders an element for every key it sends errors to', () => {
    for (const model of [fullModel(), toModel(scheme), toModel({ ...scheme, rounds: [], calls: scheme.calls.map((c) => ({ ...c, roundId: null })) })]) {
      const html = render(model);
      const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      const missing = [...renderedKeys(model)].filter((key) => key !== 'comment' && !ids.has(inputId(key)));
      expect(missing).toEqual([]);
    }
  });

  it('renders each id once', () => {
    const ids = [...render(fullModel()).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('shows an error beside the input or group it belongs to and links the summary there', () => {
    const model = fullModel();
    const rendered = renderedKeys(model);
    const problems = [
      { path: 'scheme.calls.0.deadline', message: 'Fristen er før åpning' },
      { path: 'scheme.calls.1.deadline.timeSourceId', message: 'Velg kilde' },
      { path: 'scheme.rounds.0.applicants.conditions.0.membership', message: 'Skriv medlemskap' },
      { path: 'scheme.rounds.0.counties.0', message: 'Ukjent fylke' },
      { path: 'scheme.criteria.items.0.name.nb', message: 'Tom tekst' },
      { path: 'scheme.lifecycle.successorId', message: 'Ukjent ordning' },
    ];
    const idFor = errorTarget(rendered);
    expect(problems.map((p) => idFor(p.path))).toEqual([
      'edit-scheme-calls-0-deadline-date',
      'edit-scheme-calls-1-deadline-timeSourceId',
      'edit-scheme-rounds-0-applicants-conditions-0-membership',
      'edit-scheme-rounds-0-counties',
      'edit-scheme-criteria',
      'edit-scheme-lifecycle-successorId',
    ]);
    const html = render(model, errorsByKey(problems, rendered));
    for (const { message } of problems) expect(html).toContain(message);
    expect(html).toMatch(/id="edit-scheme-calls-0-deadline-date"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="edit-scheme-calls-0-deadline-date"/);
  });

  it('names the round, call, condition or owner in the summary', () => {
    const t = createTranslate(nb);
    expect(summaryMessage(t, { path: 'scheme.rounds.0.applicants.conditions.1.text.nb', message: 'Tom.' }).message).toBe('Runde 1: Vilkår 2: Tom.');
    expect(summaryMessage(t, { path: 'scheme.rounds.2.owner.id', message: 'Feil.' }).message).toBe('Runde 3: Eier: Feil.');
    expect(summaryMessage(t, { path: 'scheme.calls.0.deadline.time', message: 'Feil.' }).message).toBe('Utlysning 1: Feil.');
    expect(summaryMessage(t, { path: 'scheme.name.nb', message: 'Tom.' }).message).toBe('Tom.');
  });
});
