import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../i18n/i18n';

export const CALENDAR_PATH = '/api/calendar/schemes.ics';

/** Download the deadlines once, or subscribe so the calendar program keeps them up to date. */
export function CalendarSubscribe({ feedUrl }: { feedUrl: string }) {
  const { t } = useI18n();
  return (
    <section className="section calendar-subscribe" aria-labelledby="calendar-subscribe-heading">
      <Heading level={2} data-size="sm" id="calendar-subscribe-heading">
        {t('deadlines.subscribe.heading')}
      </Heading>
      <Paragraph>{t('deadlines.subscribe.lead')}</Paragraph>
      <Paragraph>
        <Link href={CALENDAR_PATH} download="varde-frister.ics">
          {t('deadlines.subscribe.download')}
        </Link>
      </Paragraph>
      <div className="stack">
        <Paragraph>{t('deadlines.subscribe.addressLabel')}</Paragraph>
        <code className="feed-url">{feedUrl}</code>
      </div>
      <Heading level={3} data-size="xs">
        {t('deadlines.subscribe.howTo')}
      </Heading>
      <ul className="plain-bullets">
        <li>{t('deadlines.subscribe.outlook')}</li>
        <li>{t('deadlines.subscribe.google')}</li>
        <li>{t('deadlines.subscribe.apple')}</li>
      </ul>
      <Paragraph data-size="sm" className="muted">
        {t('deadlines.subscribe.note')}
      </Paragraph>
    </section>
  );
}
