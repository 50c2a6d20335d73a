import type { ReactNode } from 'react';
import { Field, Label, ValidationMessage } from '@digdir/designsystemet-react';

/**
 * ids of a field's description and error message, for `aria-describedby`. We wire labels and
 * descriptions in the HTML ourselves instead of relying on Designsystemet's `<ds-field>` web
 * component: the page then works before (and without) JavaScript, and the 28 KB web-component
 * bundle stays out of the first load.
 */
export function describedBy(id: string, description: unknown, error: unknown, counter?: unknown) {
  return {
    descriptionId: description ? `${id}-description` : undefined,
    errorId: error ? `${id}-error` : undefined,
    counterId: counter ? `${id}-counter` : undefined,
    'aria-describedby':
      [error ? `${id}-error` : '', description ? `${id}-description` : '', counter ? `${id}-counter` : ''].filter(Boolean).join(' ') || undefined,
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

interface CounterProps {
  /** Characters left (or over) under the control, e.g. from `TextareaInput`'s `maxLength`. */
  counter?: ReactNode;
  /** The text is over its limit: the control is invalid before the server says so. */
  overLimit?: boolean;
}

/** Label, description, the control, its counter and error message, wired to each other by id (see `describedBy`). */
export function FieldShell({
  id,
  label,
  description,
  error,
  counter,
  overLimit,
  children,
}: FieldShellProps & CounterProps & { children: (control: ControlProps) => ReactNode }) {
  const { descriptionId, errorId, counterId, ...aria } = describedBy(id, description, error, counter);
  return (
    <Field asChild>
      <div>
        <Label htmlFor={id}>{label}</Label>
        {description ? <Field.Description id={descriptionId}>{description}</Field.Description> : null}
        {children({ id, 'aria-invalid': error || overLimit ? true : undefined, ...aria })}
        {counter ? (
          <p id={counterId} className={overLimit ? 'field-counter field-counter--over' : 'field-counter'}>
            {counter}
          </p>
        ) : null}
        {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
      </div>
    </Field>
  );
}
