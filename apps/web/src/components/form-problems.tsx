import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Alert, ErrorSummary, Heading, Paragraph } from '@digdir/designsystemet-react';
import { isMessageKey } from '@varde/contracts';
import type { ApiError } from '../app/api-client';
import type { MutationState } from '../app/use-mutation';
import { useI18n, type Translate } from '../i18n/i18n';

export interface FieldMessage {
  path: string;
  message: string;
  /** The server's field error code and limit, to word the message again with the form's own label. */
  code?: string;
  limit?: number;
}

/** Field errors from an API answer, in the order the server reported them. */
export function fieldErrorsOf(error: ApiError | undefined | null): FieldMessage[] {
  return (error?.fields ?? []).map(({ path, message, code, limit }) => ({ path, message, code, ...(limit === undefined ? {} : { limit }) }));
}

/**
 * The label each field path has in this form, where it differs from the API's name for the field
 * (`field.<name>` in the catalogues): "Hva strever kommunen med?" rather than "Beskrivelse".
 */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * Field errors worded with the label the reader sees above the field. The server names a field by
 * its API label; a form that labels it differently passes its labels, and each error with a known code
 * is written again from `validation.<code>` with that label.
 */
export function withLabels(fields: FieldMessage[], labels: FieldLabels | undefined, t: Translate): FieldMessage[] {
  if (!labels) return fields;
  return fields.map((f) => {
    const label = labels[f.path];
    const key = `validation.${f.code}`;
    if (label === undefined || !f.code || !isMessageKey(key)) return f;
    // A label that is a question reads as one inside the message only in quotes.
    const field = /[?!.:]$/.test(label) ? t('form.quotedLabel', { label }) : label;
    return { ...f, message: t(key, { field, ...(f.limit === undefined ? {} : { limit: f.limit }) }) };
  });
}

export function messageFor(fields: FieldMessage[], path: string): string | undefined {
  return fields.find((f) => f.path === path)?.message;
}

/**
 * What a form reports of its writes' failures: the field errors and message of the first mutation
 * that failed, or the problems the form found itself before sending (`reject`, e.g. a repeated
 * password that differs). `problems` is what `FormProblems` shows, null when nothing is wrong.
 * Pass `{ labels }` among the states when the form labels a field otherwise than the API does
 * (see `withLabels`), so that errors name the field as the reader sees it.
 */
export function useFormProblems(...args: Array<MutationState<unknown> | { labels: FieldLabels }>) {
  const { t } = useI18n();
  const [local, setLocal] = useState<{ fields: FieldMessage[]; attempt: number } | null>(null);
  const states = args.filter((a): a is MutationState<unknown> => 'status' in a);
  const labels = args.find((a): a is { labels: FieldLabels } => 'labels' in a)?.labels;
  const failed = states.find((s) => s.status === 'error');
  const fields = local ? local.fields : withLabels(fieldErrorsOf(failed?.error), labels, t);
  const attempt = (local?.attempt ?? 0) + (failed?.attempt ?? 0);
  const problems = fields.length || failed ? { fields, message: fields.length ? undefined : failed?.error.message, attempt } : null;
  /** Shows problems found in the browser; the summary takes focus again on each call. */
  const reject = useCallback((found: FieldMessage[]) => setLocal((l) => ({ fields: found, attempt: (l?.attempt ?? 0) + 1 })), []);
  /** Forgets them before sending. */
  const clear = useCallback(() => setLocal(null), []);
  return { fields, problems, rejected: local !== null, reject, clear };
}

interface FormProblemsProps {
  /** Errors by field, shown in a summary that links to each input. */
  fields: FieldMessage[];
  /** An error that belongs to no single field (wrong password, too many attempts, …). */
  message?: string | undefined;
  /** Changes on every failed submit, so the summary re-mounts and takes focus again. */
  attempt: number;
  idFor: (path: string) => string;
}

/**
 * The top-of-form error report. It receives focus when it appears, so screen reader users hear what
 * went wrong and keyboard users can follow the links to each field.
 */
export function FormProblems({ fields, message, attempt, idFor }: FormProblemsProps) {
  const { t } = useI18n();
  const headingId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    (summaryRef.current ?? alertRef.current)?.focus();
  }, [attempt]);

  if (fields.length > 0) {
    return (
      // A plain element rather than the `<ds-error-summary>` web component: see `describedBy`.
      <ErrorSummary asChild key={attempt}>
        <div ref={summaryRef} tabIndex={-1} role="group" aria-labelledby={headingId} className="form-problems">
          <ErrorSummary.Heading id={headingId}>{t('form.errorSummaryHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {fields.map((f) => (
              <ErrorSummary.Item key={f.path}>
                <ErrorSummary.Link href={`#${idFor(f.path)}`}>{f.message}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </div>
      </ErrorSummary>
    );
  }
  if (message) {
    return (
      <Alert key={attempt} ref={alertRef} tabIndex={-1} data-color="danger" className="form-problems">
        <Heading level={2} data-size="xs">
          {t('form.problemHeading')}
        </Heading>
        <Paragraph>{message}</Paragraph>
      </Alert>
    );
  }
  return null;
}
