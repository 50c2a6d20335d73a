import type { SchemeCondition } from '@varde/contracts/schemes';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { emptyCondition, emptyTextItem, inputId, type ConditionDraft, type TextDraft } from '../editor-model';
import { LocalizedFields, type ErrorsByKey } from './editor-fields';
import { ItemListSection } from './item-list-section';

const conditionKinds = ['membership', 'other'] as const satisfies readonly SchemeCondition['kind'][];

/**
 * Conditions a municipality can fulfil and confirm (membership such as DigiFin, other own effort),
 * each with an id confirmations are stored under. A membership names the key shared by every scheme
 * that asks for it.
 */
export function ConditionsEditor({
  path,
  conditions,
  onChange,
  errors,
}: {
  path: string;
  conditions: ConditionDraft[];
  onChange: (next: ConditionDraft[]) => void;
  errors: ErrorsByKey;
}) {
  const { t, lang } = useI18n();
  return (
    <ItemListSection
      path={path}
      level={3}
      texts={{
        heading: t('editor.conditionsHeading'),
        lead: t('editor.conditionsLead'),
        add: t('editor.addCondition'),
        remove: t('editor.removeCondition'),
        legend: (number, name) => t('editor.conditionLegend', { number, name }),
      }}
      items={conditions}
      onChange={onChange}
      empty={emptyCondition}
      nameOf={(condition) => condition.id || condition.text[lang] || t('editor.newCondition')}
      errors={errors}
    >
      {(condition, base, set) => (
        <>
          <TextInput
            id={inputId(`${base}.id`)}
            label={t('editor.idLabel')}
            description={t('editor.conditionIdHint')}
            value={condition.id}
            error={errors.get(`${base}.id`)}
            onChange={(e) => set({ id: e.currentTarget.value })}
          />
          <SelectInput
            id={inputId(`${base}.kind`)}
            label={t('editor.conditionKind')}
            value={condition.kind}
            error={errors.get(`${base}.kind`)}
            onChange={(e) => set({ kind: e.currentTarget.value as SchemeCondition['kind'] })}
            options={conditionKinds.map((kind) => ({ value: kind, label: t(`editor.conditionKind.${kind}`) }))}
          />
          {condition.kind === 'membership' ? (
            <TextInput
              id={inputId(`${base}.membership`)}
              label={t('editor.membershipKey')}
              description={t('editor.membershipKeyHint')}
              value={condition.membership}
              error={errors.get(`${base}.membership`)}
              onChange={(e) => set({ membership: e.currentTarget.value })}
            />
          ) : null}
          <LocalizedFields path={`${base}.text`} legend={t('editor.conditionText')} value={condition.text} onChange={(text) => set({ text })} errors={errors} />
        </>
      )}
    </ItemListSection>
  );
}

/** Rules no data or confirmation can settle: shown as "check this yourself", never deciding a verdict. */
export function CheckYourselfEditor({
  path,
  items,
  onChange,
  errors,
}: {
  path: string;
  items: TextDraft[];
  onChange: (next: TextDraft[]) => void;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  return (
    <ItemListSection
      path={path}
      level={3}
      texts={{
        heading: t('editor.checkYourselfHeading'),
        lead: t('editor.checkYourselfLead'),
        add: t('editor.addCheckYourself'),
        remove: t('editor.removeCheckYourself'),
        legend: (number) => t('editor.checkYourselfLegend', { number }),
      }}
      items={items}
      onChange={onChange}
      empty={emptyTextItem}
      nameOf={(_, index) => t('editor.checkYourselfLegend', { number: index + 1 })}
      firstKey={(base) => `${base}.nb`}
      errors={errors}
    >
      {(item, base, set) => (
        <LocalizedFields path={base} legend={t('editor.checkYourselfText')} value={item.text} onChange={(text) => set({ text })} errors={errors} multiline />
      )}
    </ItemListSection>
  );
}
