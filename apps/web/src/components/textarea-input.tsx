import type { TextareaHTMLAttributes } from 'react';
import { Textarea } from '@digdir/designsystemet-react';
import { FieldShell, type FieldShellProps } from './field-shell';

interface TextareaInputProps extends FieldShellProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {}

/** A labelled multi-line text field; see `describedBy` for why the field is wired by hand. */
export function TextareaInput({ id, label, description, error, ...rest }: TextareaInputProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      {(control) => <Textarea {...control} {...rest} />}
    </FieldShell>
  );
}
