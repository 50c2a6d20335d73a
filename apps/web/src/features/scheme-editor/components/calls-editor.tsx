import { Fieldset } from '@digdir/designsystemet-react';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { emptyCall, inputId, type CallDraft, type RoundDraft, type SourceDraft } from '../editor-model';
import { LocalizedFields, SourceSelect, type ErrorsByKey } from './editor-fields';
import { ItemListSection } from './item-list-section';

/**
 * Every call of the scheme, each in its own group, with add and remove. The deadline is a date, a
 * time only where a source states one (with that source), or nothing when no deadline is published.
 */
export function CallsEditor({
  calls,
  onChange,
  rounds,
  sources,
  errors,
}: {
  calls: CallDraft[];
  onChange: (next: CallDraft[]) => void;
  /** The rounds and sources as the form holds them now, for the selects. */
  rounds: RoundDraft[];
  sources: SourceDraft[];
  errors: ErrorsByKey;
}) {
  const { t, lang } = useI18n();
  const roundOptions = rounds.filter((r) => r.id.trim()).map((r) => ({ value: r.id.trim(), label: r.name[lang].trim() || r.id.trim() }));
  return (
    <ItemListSection
      path="scheme.calls"
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
      nameOf={(call) => call.title[lang] || call.id || t('editor.newCall')}
      errors={errors}
    >
      {(call, base, set) => {
        const deadline = `${base}.deadline`;
        const missingRound =
          call.roundId && !roundOptions.some((o) => o.value === call.roundId)
            ? [{ value: call.roundId, label: t('editor.roundMissing', { id: call.roundId }) }]
            : [];
        return (
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
            {showsRound(rounds, call) ? (
              <SelectInput
                id={inputId(`${base}.roundId`)}
                label={t('editor.callRound')}
                description={t('editor.callRoundHint')}
                value={call.roundId}
                error={errors.get(`${base}.roundId`)}
                onChange={(e) => set({ roundId: e.currentTarget.value })}
                options={[{ value: '', label: t('editor.nationalCall') }, ...roundOptions, ...missingRound]}
              />
            ) : null}
            <TextInput
              id={inputId(`${base}.opensOn`)}
              type="date"
              label={t('editor.opensOn')}
              value={call.opensOn}
              error={errors.get(`${base}.opensOn`)}
              onChange={(e) => set({ opensOn: e.currentTarget.value })}
            />
            <Fieldset className="localized-fields" aria-describedby={`${inputId(deadline)}-description`}>
              <Fieldset.Legend>{t('field.deadline')}</Fieldset.Legend>
              <Fieldset.Description id={`${inputId(deadline)}-description`}>{t('editor.deadlineHint')}</Fieldset.Description>
              <div className="date-time__inputs">
                <TextInput
                  id={inputId(`${deadline}.date`)}
                  type="date"
                  label={t('editor.date')}
                  value={call.deadlineDate}
                  error={errors.get(`${deadline}.date`)}
                  onChange={(e) => set({ deadlineDate: e.currentTarget.value })}
                />
                <TextInput
                  id={inputId(`${deadline}.time`)}
                  type="time"
                  label={t('editor.timeOptional')}
                  value={call.deadlineTime}
                  error={errors.get(`${deadline}.time`)}
                  onChange={(e) => set({ deadlineTime: e.currentTarget.value })}
                />
              </div>
              <SourceSelect
                path={`${deadline}.timeSourceId`}
                label={t('editor.timeSource')}
                description={t('editor.timeSourceHint')}
                value={call.timeSourceId}
                sources={sources}
                onChange={(timeSourceId) => set({ timeSourceId })}
                errors={errors}
              />
            </Fieldset>
            <TextInput
              id={inputId(`${base}.budgetNok`)}
              label={t('editor.budgetLabel')}
              inputMode="numeric"
              value={call.budgetNok}
              error={errors.get(`${base}.budgetNok`)}
              onChange={(e) => set({ budgetNok: e.currentTarget.value })}
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
        );
      }}
    </ItemListSection>
  );
}

/** The round select is shown for a scheme with rounds, and for a call that names one (so it can be cleared). */
export const showsRound = (rounds: readonly RoundDraft[], call: CallDraft) => rounds.length > 0 || call.roundId.trim() !== '';
