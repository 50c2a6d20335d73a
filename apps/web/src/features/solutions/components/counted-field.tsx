import { useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Field, Input, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { describedBy } from '../../../components/field-shell';
import { useI18n } from '../../../i18n/i18n';

interface CountedProps {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  max: number;
  initial: string;
}

/** Characters as the server counts them (code points, as JSON Schema's maxLength does). */
const lengthOf = (text: string) => [...text].length;

/**
 * A text field with a character counter under it ("120 of 1000 characters", "12 characters too many").
 * The counter is part of the field's description for screen readers, and not a live region: it would
 * speak on every key.
 */
function Counted({
  id,
  label,
  description,
  error,
  max,
  initial,
  children,
}: CountedProps & { children: (control: object, onText: (text: string) => void) => React.ReactNode }) {
  const { t, number } = useI18n();
  const [length, setLength] = useState(lengthOf(initial));
  const { descriptionId, errorId, ...aria } = describedBy(id, description, error);
  const counterId = `${id}-counter`;
  const over = length - max;
  const control = {
    id,
    'aria-invalid': error || over > 0 ? true : undefined,
    'aria-describedby': [aria['aria-describedby'], counterId].filter(Boolean).join(' '),
  };
  return (
    <Field asChild>
      <div>
        <Label htmlFor={id}>{label}</Label>
        {description ? <Field.Description id={descriptionId}>{description}</Field.Description> : null}
        {children(control, (text) => setLength(lengthOf(text)))}
        <p id={counterId} className={`char-counter${over > 0 ? ' char-counter--over' : ''}`}>
          {over > 0 ? t('library.counterOver', { count: number(over) }) : t('library.counter', { count: number(length), max: number(max) })}
        </p>
        {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
      </div>
    </Field>
  );
}

export function CountedTextarea({ max, initial, ...props }: CountedProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'defaultValue'>) {
  const { id, label, description, error, ...rest } = props;
  return (
    <Counted id={id} label={label} description={description} error={error} max={max} initial={initial}>
      {(control, onText) => <Textarea {...control} {...rest} defaultValue={initial} onInput={(event) => onText(event.currentTarget.value)} />}
    </Counted>
  );
}

export function CountedInput({
  max,
  initial,
  ...props
}: CountedProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'defaultValue' | 'size' | 'prefix' | 'type'>) {
  const { id, label, description, error, ...rest } = props;
  return (
    <Counted id={id} label={label} description={description} error={error} max={max} initial={initial}>
      {(control, onText) => <Input {...control} {...rest} defaultValue={initial} onInput={(event) => onText(event.currentTarget.value)} />}
    </Counted>
  );
}
