import type { CallSummary } from '@varde/contracts/catalogue-api';
import { useI18n } from '../../../i18n/i18n';
import { useSchemeFormat } from '../format';
import { Icon } from './icons';

/**
 * Marks a call that Varde predicted from the scheme's past calls, so it is never read as announced:
 * "Forventet (beregnet ut fra tidligere utlysninger)", or just "Forventet" where space is short.
 */
function ForecastMark({ short = false }: { short?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="forecast-mark">
      <Icon name="clock" />
      {short ? t('finder.forecastShort') : t('callStatus.predicted')}
    </span>
  );
}

/** The status of a call in words: open, not opened yet, closed, or expected (predicted). */
export function CallStatusText({ call, short = false }: { call: Pick<CallSummary, 'status' | 'predicted'>; short?: boolean }) {
  const { t } = useI18n();
  if (call.predicted) return <ForecastMark short={short} />;
  return <span className={`call-status call-status--${call.status}`}>{t(`callStatus.${call.status}`)}</span>;
}

/**
 * A deadline in Norwegian time. An announced one with its time of day; a predicted one as a day only,
 * since its exact time is not known.
 */
export function DeadlineText({ call }: { call: Pick<CallSummary, 'deadline' | 'predicted'> }) {
  const { dateTime, day } = useSchemeFormat();
  return <time dateTime={call.deadline}>{call.predicted ? day(call.deadline) : dateTime(call.deadline)}</time>;
}
