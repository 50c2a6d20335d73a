import type { ComponentProps, InputHTMLAttributes, ReactNode } from 'react';
import { Input } from '@digdir/designsystemet-react';
import { FieldShell, type FieldShellProps } from './field-shell';

interface TextInputProps extends FieldShellProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'size' | 'prefix' | 'type'> {
  type?: ComponentProps<typeof Input>['type'];
  /** Placed right after the input on the same row (a search button). */
  append?: ReactNode;
}

/** A labelled input; see `describedBy` for why the field is wired by hand. */
export function TextInput({ id, label, description, error, append, ...rest }: TextInputProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      {(control) =>
        append ? (
          <div className="input-row">
            <Input {...control} {...rest} />
            {append}
          </div>
        ) : (
          <Input {...control} {...rest} />
        )
      }
    </FieldShell>
  );
}
