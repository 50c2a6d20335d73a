import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { Field, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { describedBy } from './text-input';

interface TextareaInputProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  /** Also the target of the error summary's link (`#id`). */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

/** A labelled multi-line text field; see `describedBy` for why the field is wired by hand. */
export function TextareaInput({ id, label, description, error, ...rest }: TextareaInputProps) {
  const { descriptionId, errorId, ...aria } = describedBy(id, description, error);
  return (
    <Field asChild>
      <div>
        <Label htmlFor={id}>{label}</Label>
        {description ? <Field.Description id={descriptionId}>{description}</Field.Description> : null}
        <Textarea id={id} aria-invalid={error ? true : undefined} {...aria} {...rest} />
        {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
      </div>
    </Field>
  );
}
