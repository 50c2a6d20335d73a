import type { FieldMessage } from '../../components/form-problems';
import type { Translate } from '../../i18n/i18n';

/**
 * Required texts checked in the browser before sending, so the message names the field by the label
 * the reader sees ("Your question must be filled in") rather than by the API's field name.
 */
export function checkTexts(t: Translate, checks: { path: string; label: string; value: string; max: number }[]): FieldMessage[] {
  const problems: FieldMessage[] = [];
  for (const { path, label, value, max } of checks) {
    if (value.trim() === '') problems.push({ path, message: t('validation.required', { field: label }) });
    else if ([...value].length > max) problems.push({ path, message: t('validation.too_long', { field: label, limit: max }) });
  }
  return problems;
}
