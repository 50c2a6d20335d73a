import { useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { TextInput } from './text-input';

interface CopyFieldProps {
  /** The input's id (focus can be sent to it). */
  id: string;
  label: string;
  value: string;
  /** The button's text, and what the live region says after copying or failing to. */
  texts: { copy: string; copied: string; failed: string };
}

/**
 * A read-only address with a copy button, for a secret shown once. The text is selected on focus so
 * it can be copied by hand where the clipboard is not allowed; the outcome is announced.
 */
export function CopyField({ id, label, value, texts }: CopyFieldProps) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <>
      <TextInput id={id} label={label} value={value} readOnly onFocus={(e) => e.currentTarget.select()} />
      <div className="inline-actions">
        <Button
          variant="secondary"
          data-size="sm"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {texts.copy}
        </Button>
        <span role="status">{copied === true ? texts.copied : copied === false ? texts.failed : ''}</span>
      </div>
    </>
  );
}
