import type { ComponentProps, InputHTMLAttributes, ReactNode } from 'react';
import { Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';

/**
 * ids of a field's description and error message, for `aria-describedby`. We wire labels and
 * descriptions in the HTML ourselves instead of relying on Designsystemet's `<ds-field>` web
 * component: the page then works before (and without) JavaScript, and the 28 KB web-component
 * bundle stays out of the first load.
 */
export function describedBy(id: string, description: unknown, error: unknown) {
  return {
    descriptionId: description ? `${id}-description` : undefined,
    errorId: error ? `${id}-error` : undefined,
    'aria-describedby': [error ? `${id}-error` : '', description ? `${id}-description` : ''].filter(Boolean).join(' ') || undefined,
  };
}

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'size' | 'prefix' | 'type'> {
  type?: ComponentProps<typeof Input>['type'];
  /** Also the target of the error summary's link (`#id`). */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** Placed right after the input on the same row (a search button). */
  append?: ReactNode;
}

export function TextInput({ id, label, description, error, append, ...rest }: TextInputProps) {
  const { descriptionId, errorId, ...aria } = describedBy(id, description, error);
  const input = <Input id={id} aria-invalid={error ? true : undefined} {...aria} {...rest} />;
  return (
    <Field asChild>
      <div>
        <Label htmlFor={id}>{label}</Label>
        {description ? <Field.Description id={descriptionId}>{description}</Field.Description> : null}
        {append ? (
          <div className="input-row">
            {input}
            {append}
          </div>
        ) : (
          input
        )}
        {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
      </div>
    </Field>
  );
}
