import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { emptyCall, inputId, type CallDraft } from '../editor-model';
import { DateTimeFields, LocalizedFields, type ErrorsByKey } from './editor-fields';
import { ItemListSection } from './item-list-section';

/** Every call of the scheme, each in its own group, with add and remove. */
export function CallsEditor({ calls, onChange, errors }: { calls: CallDraft[]; onChange: (next: CallDraft[]) => void; errors: ErrorsByKey }) {
  const { t } = useI18n();
  return (
    <ItemListSection
      path="scheme.calls"
      headingId="edit-calls-heading"
      texts={{
        heading: t('editor.callsHeading'),
        lead: t('editor.callsLead'),
        add: t('editor.addCall'),
        remove: t('editor.removeCall'),
        legend: (number, name) => t('editor.callLegend', { number, name }),
      }}
      items={calls}
      onChange={onChange}
      empty={emptyCall}
      nameOf={(call) => call.title.nb || call.id || t('editor.newCall')}
      errors={errors}
    >
      {(call, base, set) => (
        <>
          <TextInput
            id={inputId(`${base}.id`)}
            label={t('editor.idLabel')}
            description={t('editor.idHint')}
            value={call.id}
            error={errors.get(`${base}.id`)}
            onChange={(e) => set({ id: e.currentTarget.value })}
          />
          <LocalizedFields path={`${base}.title`} legend={t('field.title')} value={call.title} onChange={(title) => set({ title })} errors={errors} />
          <div className="two-columns two-columns--tight">
            <DateTimeFields
              path={`${base}.opensAt`}
              legend={t('editor.opensAtOptional')}
              date={call.opensDate}
              time={call.opensTime}
              onChange={({ date, time }) => set({ opensDate: date, opensTime: time })}
              errors={errors}
            />
            <DateTimeFields
              path={`${base}.deadline`}
              legend={t('field.deadline')}
              date={call.deadlineDate}
              time={call.deadlineTime}
              onChange={({ date, time }) => set({ deadlineDate: date, deadlineTime: time })}
              errors={errors}
            />
          </div>
          <TextInput
            id={inputId(`${base}.budgetNok`)}
            label={t('editor.budgetLabel')}
            inputMode="numeric"
            value={call.budgetNok}
            error={errors.get(`${base}.budgetNok`)}
            onChange={(e) => set({ budgetNok: e.currentTarget.value })}
          />
          <TextInput
            id={inputId(`${base}.counties`)}
            label={t('field.counties')}
            description={t('editor.callCountiesHint')}
            value={call.counties}
            error={errors.get(`${base}.counties`)}
            onChange={(e) => set({ counties: e.currentTarget.value })}
          />
          <TextInput
            id={inputId(`${base}.sourceIds`)}
            label={t('field.sourceIds')}
            description={t('editor.sourceIdsHint')}
            value={call.sourceIds}
            error={errors.get(`${base}.sourceIds`)}
            onChange={(e) => set({ sourceIds: e.currentTarget.value })}
          />
        </>
      )}
    </ItemListSection>
  );
}
