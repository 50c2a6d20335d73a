import type { CallSummary, ForecastBasis } from '@varde/contracts/catalogue-api';
import type { Deadline } from '@varde/contracts/schemes';
import { dateTimeAttribute } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n';
import { useSchemeFormat } from '../format';
import { Icon } from './icons';

/**
 * Marks a call that Varde predicted from the scheme's past calls, so it is never read as announced:
 * "Forventet (beregnet ut fra tidligere utlysninger)", or just "Forventet" where space is short; with
 * how sure the forecast is ("lav sikkerhet", and "gammelt grunnlag" when its basis is over two years old).
 */
function ForecastMark({ forecast, short = false }: { forecast: ForecastBasis | null; short?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="forecast">
      <span className="forecast-mark">
        <Icon name="clock" />
        {short ? t('finder.forecastShort') : t('callStatus.predicted')}
      </span>
      {forecast ? <span className={`forecast__certainty forecast__certainty--${forecast.certainty}`}>{forecastCertaintyText(t, forecast)}</span> : null}
    </span>
  );
}

/** "lav sikkerhet", "middels sikkerhet, gammelt grunnlag" … */
export function forecastCertaintyText(t: ReturnType<typeof useI18n>['t'], forecast: ForecastBasis): string {
  const certainty = t(`forecast.certainty.${forecast.certainty}`);
  return forecast.old ? `${certainty}, ${t('forecast.old')}` : certainty;
}

/** The status of a call in words: open, not opened yet, closed, or expected (predicted) with its certainty. */
export function CallStatusText({ call, short = false }: { call: Pick<CallSummary, 'status' | 'predicted' | 'forecast'>; short?: boolean }) {
  const { t } = useI18n();
  if (call.predicted) return <ForecastMark forecast={call.forecast} short={short} />;
  return <span className={`call-status call-status--${call.status}`}>{t(`callStatus.${call.status}`)}</span>;
}

/**
 * A deadline as the source states it, on an Oslo clock: the day, and the time when a source states
 * one; otherwise "klokkeslett ikke oppgitt" (the call counts as open to the end of that day). A call
 * without a published deadline says so.
 */
export function DeadlineText({ deadline }: { deadline: Deadline | null }) {
  const { t, date, deadlineText } = useSchemeFormat();
  if (deadline === null) return <span className="deadline deadline--none">{t('deadline.none')}</span>;
  return (
    <span className="deadline">
      <time dateTime={dateTimeAttribute(deadline.date, deadline.time)}>{deadline.time ? deadlineText(deadline) : date(deadline.date)}</time>
      {deadline.time ? null : <span className="deadline__no-time">{`, ${t('deadline.timeNotStated')}`}</span>}
    </span>
  );
}

/**
 * What a forecast rests on, in words: the past calls it was worked out from (their titles), whether
 * the owner moved the date between years, and whether the basis is old.
 */
export function ForecastBasisText({ forecast, titleOf }: { forecast: ForecastBasis; titleOf: (callId: string) => string }) {
  const { t } = useI18n();
  return (
    <span className="forecast-basis">
      {forecast.callIds.length > 0 ? <span>{t('forecast.basis', { calls: forecast.callIds.map(titleOf).join('; ') })}</span> : null}
      {forecast.ownerMoved ? <span>{t('forecast.ownerMoved')}</span> : null}
      {forecast.old ? <span>{t('forecast.oldExplained')}</span> : null}
    </span>
  );
}
