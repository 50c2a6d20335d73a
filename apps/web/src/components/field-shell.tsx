import type { ReactNode } from 'react';
import { Field, Label, ValidationMessage } from '@digdir/designsystemet-react';

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

/** What the control inside a `FieldShell` carries: its id and the ARIA attributes that tie it to the texts. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldShellProps {
  /** The control's id; also the target of the error summary's link (`#id`). */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

/** Label, description, the control and its error message, wired to each other by id (see `describedBy`). */
export function FieldShell({ id, label, description, error, children }: FieldShellProps & { children: (control: ControlProps) => ReactNode }) {
  const { descriptionId, errorId, ...aria } = describedBy(id, description, error);
  return (
    <Field asChild>
      <div>
        <Label htmlFor={id}>{label}</Label>
        {description ? <Field.Description id={descriptionId}>{description}</Field.Description> : null}
        {children({ id, 'aria-invalid': error ? true : undefined, ...aria })}
        {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
      </div>
    </Field>
  );
}
