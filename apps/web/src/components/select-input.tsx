import type { SelectHTMLAttributes } from 'react';
import { Select } from '@digdir/designsystemet-react';
import { FieldShell, type FieldShellProps } from './field-shell';

interface SelectInputProps extends FieldShellProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  options: { value: string; label: string }[];
}

/** A labelled native select; see `describedBy` for why the field is wired by hand. */
export function SelectInput({ id, label, description, error, options, ...rest }: SelectInputProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      {(control) => (
        <Select {...control} {...rest}>
          {options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
      )}
    </FieldShell>
  );
}
