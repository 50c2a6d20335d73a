import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { CopyField } from '../../../components/copy-field';
import { useI18n } from '../../../i18n/i18n';
import { webcalHref } from '../api/list-deadlines';

/**
 * Subscribe to the deadlines shown (the address follows the page's filter): one click through
 * `webcal:`, which opens the calendar program, or the address with a copy button to paste in by hand;
 * or download the file once.
 */
export function CalendarSubscribe({ feedUrl, municipalityName }: { feedUrl: string; municipalityName: string | null }) {
  const { t } = useI18n();
  return (
    <section className="section calendar-subscribe" aria-labelledby="calendar-subscribe-heading">
      <Heading level={2} data-size="sm" id="calendar-subscribe-heading">
        {t('deadlines.subscribe.heading')}
      </Heading>
      <Paragraph>{t('deadlines.subscribe.lead')}</Paragraph>
      <Paragraph data-size="sm">
        {municipalityName ? t('deadlines.subscribe.scopeMunicipality', { municipality: municipalityName }) : t('deadlines.subscribe.scopeAll')}
      </Paragraph>
      <Paragraph>
        <Button asChild variant="primary">
          <a href={webcalHref(feedUrl)}>{t('deadlines.subscribe.webcal')}</a>
        </Button>
      </Paragraph>
      <div className="stack calendar-subscribe__address">
        <CopyField
          id="calendar-subscribe-url"
          label={t('deadlines.subscribe.urlLabel')}
          value={feedUrl}
          texts={{ copy: t('deadlines.subscribe.copy'), copied: t('deadlines.subscribe.copied'), failed: t('deadlines.subscribe.copyFailed') }}
        />
      </div>
      <Paragraph>
        <Link href={feedUrl} download="varde-frister.ics">
          {t('deadlines.subscribe.download')}
        </Link>
      </Paragraph>
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
