import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { describedBy } from './text-input';

interface SelectInputProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  options: { value: string; label: string }[];
}

/** A labelled native select; see `describedBy` for why the field is wired by hand. */
export function SelectInput({ id, label, description, error, options, ...rest }: SelectInputProps) {
  const { descriptionId, errorId, ...aria } = describedBy(id, description, error);
  return (
    <Field asChild>
      <div>
        <Label htmlFor={id}>{label}</Label>
        {description ? <Field.Description id={descriptionId}>{description}</Field.Description> : null}
        <Select id={id} aria-invalid={error ? true : undefined} {...aria} {...rest}>
          {options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
        {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
      </div>
    </Field>
  );
}
