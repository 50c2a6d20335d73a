import type { ReactNode } from 'react';
import { Field, Fieldset, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { languages } from '@varde/contracts/vocabulary';
import type { LocalizedText } from '@varde/contracts/schemes';
import { describedBy } from '../../../components/field-shell';
import { TextInput } from '../../../components/text-input';
import { TextareaInput } from '../../../components/textarea-input';
import { useI18n } from '../../../i18n/i18n';
import { inputId } from '../editor-model';

/** Errors by input key (see `fieldKey`). */
export type ErrorsByKey = ReadonlyMap<string, string>;

/** One text in bokmål, nynorsk and English, as a group with a legend. */
export function LocalizedFields({
  path,
  legend,
  value,
  onChange,
  errors,
  multiline = false,
}: {
  path: string;
  legend: ReactNode;
  value: LocalizedText;
  onChange: (next: LocalizedText) => void;
  errors: ErrorsByKey;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Fieldset className="localized-fields">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {languages.map((lang) => {
        const key = `${path}.${lang}`;
        const common = {
          id: inputId(key),
          label: t(`field.${lang}`),
          value: value[lang],
          lang,
          error: errors.get(key),
        };
        return multiline ? (
          <TextareaInput key={lang} {...common} rows={3} onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })} />
        ) : (
          <TextInput key={lang} {...common} onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })} />
        );
      })}
    </Fieldset>
  );
}

/** Checkboxes for a list of values; the fieldset itself is the target of the error summary's link. */
export function CheckboxGroup<V extends string>({
  path,
  legend,
  description,
  options,
  value,
  onChange,
  errors,
  columns = true,
}: {
  path: string;
  legend: ReactNode;
  description?: ReactNode;
  options: { value: V; label: string }[];
  value: readonly V[];
  onChange: (next: V[]) => void;
  errors: ErrorsByKey;
  columns?: boolean;
}) {
  const id = inputId(path);
  const error = errors.get(path);
  const { descriptionId, errorId, ...aria } = describedBy(id, description, error);
  return (
    <Fieldset id={id} tabIndex={-1} {...aria} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description id={descriptionId}>{description}</Fieldset.Description> : null}
      <div className={columns ? 'checkbox-columns' : 'stack'}>
        {options.map((option) => (
          <Field asChild key={option.value}>
            <div>
              <Input
                type="checkbox"
                id={`${id}-${option.value}`}
                checked={value.includes(option.value)}
                onChange={(e) => onChange(e.currentTarget.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
              />
              <Label htmlFor={`${id}-${option.value}`} weight="regular">
                {option.label}
              </Label>
            </div>
          </Field>
        ))}
      </div>
      {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}

/** A single yes/no checkbox. */
export function CheckboxField({
  path,
  label,
  checked,
  onChange,
  errors,
}: {
  path: string;
  label: ReactNode;
  checked: boolean;
  onChange: (next: boolean) => void;
  errors: ErrorsByKey;
}) {
  const id = inputId(path);
  const error = errors.get(path);
  return (
    <Field asChild>
      <div>
        <Input
          type="checkbox"
          id={id}
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <Label htmlFor={id} weight="regular">
          {label}
        </Label>
        {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
      </div>
    </Field>
  );
}

/** Date and time in Norwegian time, side by side; errors on the path belong to the date input. */
export function DateTimeFields({
  path,
  legend,
  date,
  time,
  onChange,
  errors,
}: {
  path: string;
  legend: string;
  date: string;
  time: string;
  onChange: (next: { date: string; time: string }) => void;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  const id = inputId(path);
  const error = errors.get(path);
  return (
    <Fieldset className="date-time" aria-describedby={`${id}-hint`}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description id={`${id}-hint`}>{t('editor.osloTime')}</Fieldset.Description>
      <div className="date-time__inputs">
        <TextInput id={id} type="date" label={t('editor.date')} value={date} error={error} onChange={(e) => onChange({ date: e.currentTarget.value, time })} />
        <TextInput id={`${id}-time`} type="time" label={t('editor.time')} value={time} onChange={(e) => onChange({ date, time: e.currentTarget.value })} />
      </div>
    </Fieldset>
  );
}
