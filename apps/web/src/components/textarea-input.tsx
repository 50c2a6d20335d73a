import { useEffect, useState, type TextareaHTMLAttributes } from 'react';
import { Textarea } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';
import { FieldShell, type FieldShellProps } from './field-shell';

interface TextareaInputProps extends FieldShellProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'maxLength'> {
  /**
   * The most characters the server takes: shows a counter of characters left. Not the HTML attribute:
   * that would cut pasted text off silently, so the counter says how much is too much instead.
   */
  maxLength?: number;
}

/** Characters as the server counts them (JSON Schema's maxLength counts code points, not UTF-16 units). */
export const characterCount = (text: string) => [...text].length;

/** Screen readers hear the counter after a pause in typing, and only near the limit: not on every key. */
const ANNOUNCE_AFTER_MS = 1000;
export const nearLimit = (left: number, max: number) => left <= Math.max(20, Math.ceil(max * 0.1));

/** A labelled multi-line text field; see `describedBy` for why the field is wired by hand. */
export function TextareaInput({ id, label, description, error, maxLength, onChange, ...rest }: TextareaInputProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(() => String(rest.value ?? rest.defaultValue ?? ''));
  const [announcement, setAnnouncement] = useState('');
  const length = characterCount(rest.value !== undefined ? String(rest.value) : typed);
  const left = maxLength === undefined ? 0 : maxLength - length;
  const counter = maxLength === undefined ? null : left >= 0 ? t('form.counter.left', { count: left }) : t('form.counter.over', { count: -left });
  const announce = maxLength !== undefined && counter !== null && nearLimit(left, maxLength) ? counter : '';

  useEffect(() => {
    const timer = setTimeout(() => setAnnouncement(announce), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [announce]);

  return (
    <FieldShell id={id} label={label} description={description} error={error} counter={counter} overLimit={left < 0}>
      {(control) => (
        <>
          <Textarea
            {...control}
            {...rest}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              onChange?.(event);
            }}
          />
          {maxLength === undefined ? null : (
            <span className="ds-sr-only" aria-live="polite">
              {announcement}
            </span>
          )}
        </>
      )}
    </FieldShell>
  );
}
