import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { emptyCall, inputId, type CallDraft } from '../editor-model';
import { DateTimeFields, LocalizedFields, type ErrorsByKey } from './editor-fields';

/** Every call of the scheme, each in its own group, with add and remove. */
export function CallsEditor({ calls, onChange, errors }: { calls: CallDraft[]; onChange: (next: CallDraft[]) => void; errors: ErrorsByKey }) {
  const { t } = useI18n();
  const set = (index: number, patch: Partial<CallDraft>) => onChange(calls.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  function add() {
    const call = emptyCall();
    onChange([...calls, call]);
    requestAnimationFrame(() => document.getElementById(inputId(`scheme.calls.${calls.length}.id`))?.focus());
  }

  function remove(index: number) {
    onChange(calls.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById('edit-calls-heading')?.focus());
  }

  return (
    <section className="section editor-section" aria-labelledby="edit-calls-heading" id={inputId('scheme.calls')}>
      <Heading level={2} data-size="sm" id="edit-calls-heading" tabIndex={-1}>
        {t('editor.callsHeading')}
      </Heading>
      <Paragraph>{t('editor.callsLead')}</Paragraph>
      {errors.get('scheme.calls') ? <Paragraph className="field-error">{errors.get('scheme.calls')}</Paragraph> : null}
      {calls.map((call, index) => {
        const base = `scheme.calls.${index}`;
        const name = call.title.nb || call.id || t('editor.newCall');
        return (
          <Fieldset key={call.key} className="editor-item">
            <Fieldset.Legend>{t('editor.callLegend', { number: index + 1, name })}</Fieldset.Legend>
            <TextInput
              id={inputId(`${base}.id`)}
              label={t('editor.idLabel')}
              description={t('editor.idHint')}
              value={call.id}
              error={errors.get(`${base}.id`)}
              onChange={(e) => set(index, { id: e.currentTarget.value })}
            />
            <LocalizedFields path={`${base}.title`} legend={t('field.title')} value={call.title} onChange={(title) => set(index, { title })} errors={errors} />
            <div className="two-columns two-columns--tight">
              <DateTimeFields
                path={`${base}.opensAt`}
                legend={t('editor.opensAtOptional')}
                date={call.opensDate}
                time={call.opensTime}
                onChange={({ date, time }) => set(index, { opensDate: date, opensTime: time })}
                errors={errors}
              />
              <DateTimeFields
                path={`${base}.deadline`}
                legend={t('field.deadline')}
                date={call.deadlineDate}
                time={call.deadlineTime}
                onChange={({ date, time }) => set(index, { deadlineDate: date, deadlineTime: time })}
                errors={errors}
              />
            </div>
            <TextInput
              id={inputId(`${base}.budgetNok`)}
              label={t('editor.budgetLabel')}
              inputMode="numeric"
              value={call.budgetNok}
              error={errors.get(`${base}.budgetNok`)}
              onChange={(e) => set(index, { budgetNok: e.currentTarget.value })}
            />
            <TextInput
              id={inputId(`${base}.counties`)}
              label={t('field.counties')}
              description={t('editor.callCountiesHint')}
              value={call.counties}
              error={errors.get(`${base}.counties`)}
              onChange={(e) => set(index, { counties: e.currentTarget.value })}
            />
            <TextInput
              id={inputId(`${base}.sourceIds`)}
              label={t('field.sourceIds')}
              description={t('editor.sourceIdsHint')}
              value={call.sourceIds}
              error={errors.get(`${base}.sourceIds`)}
              onChange={(e) => set(index, { sourceIds: e.currentTarget.value })}
            />
            <div>
              <Button type="button" variant="tertiary" data-color="danger" data-size="sm" onClick={() => remove(index)}>
                {t('editor.removeCall')}
                <span className="ds-sr-only"> ({name})</span>
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button type="button" variant="secondary" onClick={add}>
          {t('editor.addCall')}
        </Button>
      </div>
    </section>
  );
}
