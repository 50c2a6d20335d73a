import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { CopyField } from '../../../components/copy-field';
import { useI18n } from '../../../i18n/i18n';
import type { CalendarFeed } from '../api/get-calendar-feed';
import { useRotateCalendarFeed, type CreatedFeed } from '../api/rotate-calendar-feed';

/** The secret address is shown once (only a hash is stored), with a copy button. */
function CreatedAddress({ feed }: { feed: CreatedFeed }) {
  const { t } = useI18n();
  return (
    <Alert data-color="success" className="copy-box">
      <Heading level={3} data-size="xs">
        {t('pipeline.feed.createdHeading')}
      </Heading>
      <Paragraph>{t('pipeline.feed.createdBody')}</Paragraph>
      <CopyField
        id="calendar-feed-url"
        label={t('pipeline.feed.urlLabel')}
        value={feed.url}
        texts={{ copy: t('pipeline.feed.copy'), copied: t('pipeline.feed.copied'), failed: t('pipeline.feed.copyFailed') }}
      />
    </Alert>
  );
}

/** Create, or replace, the secret iCalendar address of the deadlines the municipality follows. */
export function CalendarFeedSection({ organisationId, feed }: { organisationId: string; feed: CalendarFeed }) {
  const { t, dateTime } = useI18n();
  const { state, mutate } = useRotateCalendarFeed();
  const [confirming, setConfirming] = useState(false);
  const created = state.status === 'success' ? state.data : null;
  const exists = feed.exists || !!created;
  const createdAt = created?.createdAt ?? feed.createdAt;

  // The new address replaces the buttons' place in the reading order: take keyboard users to it.
  useEffect(() => {
    if (created) document.getElementById('calendar-feed-url')?.focus();
  }, [created]);

  async function rotate() {
    await mutate(organisationId);
    setConfirming(false);
  }

  return (
    <section className="section" aria-labelledby="calendar-feed-heading">
      <Heading level={2} data-size="sm" id="calendar-feed-heading">
        {t('pipeline.feed.heading')}
      </Heading>
      <Paragraph>{t('pipeline.feed.lead')}</Paragraph>
      <Paragraph>{exists && createdAt ? t('pipeline.feed.exists', { when: dateTime(createdAt) }) : t('pipeline.feed.none')}</Paragraph>
      {exists ? (
        <Alert data-color="warning">
          <Paragraph>{t('pipeline.feed.rotateWarning')}</Paragraph>
        </Alert>
      ) : null}
      <div className="inline-actions">
        {exists && confirming ? (
          <>
            <Button key="confirm" data-color="danger" autoFocus loading={state.status === 'pending'} onClick={() => void rotate()}>
              {t('pipeline.feed.confirmRotate')}
            </Button>
            <Button
              key="cancel"
              variant="tertiary"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => document.getElementById('calendar-feed-button')?.focus());
              }}
            >
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button
            key="start"
            id="calendar-feed-button"
            variant={exists ? 'secondary' : 'primary'}
            loading={state.status === 'pending'}
            onClick={() => (exists ? setConfirming(true) : void rotate())}
          >
            {exists ? t('pipeline.feed.rotate') : t('pipeline.feed.create')}
          </Button>
        )}
      </div>
      {state.status === 'error' ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{state.error.message}</Paragraph>
        </Alert>
      ) : null}
      <div aria-live="polite">{created ? <CreatedAddress feed={created} /> : null}</div>
    </section>
  );
}
