import type { CallView } from '@varde/contracts/catalogue-api';
import { Timeline, type TimelineItem } from '../../../components/charts/timeline';
import { useSchemeFormat } from '../format';

/**
 * The scheme's calls on a time line: from the day a call opens to its deadline (a dot when only
 * one of them is published), the call's budget where the source states one, forecasts as outlines.
 * The call table under it has the same calls, with sources.
 */
export function CallTimeline({ calls, today, scheme }: { calls: CallView[]; today: string; scheme: string }) {
  const { t, lang, nok, date, deadlineText } = useSchemeFormat();
  const items: TimelineItem[] = [...calls]
    .sort((a, b) => (a.opensOn ?? a.deadline?.date ?? '').localeCompare(b.opensOn ?? b.deadline?.date ?? ''))
    .map((call) => {
      const title = call.region ? `${call.title[lang]} (${call.region[lang]})` : call.title[lang];
      const status = call.predicted ? t('callStatus.predicted') : t(`callStatus.${call.status}`);
      const parts = [
        call.opensOn ? t('chart.call.opens', { date: date(call.opensOn) }) : null,
        call.deadline ? t('chart.call.deadline', { date: deadlineText(call.deadline) }) : t('deadline.none'),
        call.budgetNok !== null ? t('chart.call.budget', { amount: nok(call.budgetNok) }) : null,
        status,
      ].filter(Boolean);
      return {
        key: call.uid || call.id,
        label: title,
        start: call.opensOn,
        end: call.deadline?.date ?? null,
        valueText: call.budgetNok !== null ? nok(call.budgetNok) : null,
        state: call.predicted ? 'predicted' : call.status === 'open' ? 'current' : call.status === 'closed' ? 'past' : 'upcoming',
        description: `${title}: ${parts.join(', ')}`,
      };
    });
  const undated = items.filter((i) => !i.start && !i.end).length;
  return (
    <Timeline
      items={items}
      today={today}
      caption={t('chart.callTimeline.caption', { scheme })}
      note={
        <>
          {t('chart.callTimeline.note')}
          {undated > 0 ? ` ${t('chart.callTimeline.undated', { count: undated })}` : null}
        </>
      }
    />
  );
}
