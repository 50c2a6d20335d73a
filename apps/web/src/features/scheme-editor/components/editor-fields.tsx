import type { ReactNode } from 'react';
import { Field, Fieldset, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { languages } from '@varde/contracts/vocabulary';
import type { LocalizedText } from '@varde/contracts/schemes';
import { describedBy } from '../../../components/field-shell';
import { SelectInput } from '../../../components/select-input';
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
  description,
  multiline = false,
}: {
  path: string;
  legend: ReactNode;
  value: LocalizedText;
  onChange: (next: LocalizedText) => void;
  errors: ErrorsByKey;
  description?: ReactNode;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const descriptionId = `${inputId(path)}-description`;
  return (
    <Fieldset className="localized-fields" aria-describedby={description ? descriptionId : undefined}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description id={descriptionId}>{description}</Fieldset.Description> : null}
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

/** An error on a group (a section, a list, an item) rather than on one input. */
export function GroupError({ error }: { error: string | undefined }) {
  return error ? <Paragraph className="field-error">{error}</Paragraph> : null;
}

/**
 * A select of the scheme's sources (as the form holds them now) by id. A value that names no source
 * stays as an option of its own, marked as missing, so it is neither lost nor silently changed.
 */
export function SourceSelect({
  path,
  label,
  description,
  value,
  sources,
  onChange,
  errors,
}: {
  path: string;
  label: string;
  description?: ReactNode;
  value: string;
  sources: readonly { id: string; title: string }[];
  onChange: (next: string) => void;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  const named = sources.filter((s) => s.id.trim());
  const missing = value && !named.some((s) => s.id.trim() === value) ? [{ value, label: t('editor.sourceMissing', { id: value }) }] : [];
  return (
    <SelectInput
      id={inputId(path)}
      label={label}
      description={description}
      value={value}
      error={errors.get(path)}
      onChange={(e) => onChange(e.currentTarget.value)}
      options={[
        { value: '', label: t('editor.chooseSource') },
        ...named.map((s) => ({ value: s.id.trim(), label: s.title.trim() ? `${s.title.trim()} (${s.id.trim()})` : s.id.trim() })),
        ...missing,
      ]}
    />
  );
}
