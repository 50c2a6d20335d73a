import { useState } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { Flag } from '@varde/contracts/participation-api';
import { AppLink } from '../../../components/app-link';
import { ExternalLink } from '../../../components/external-link';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useResolveFlag } from '../api/flags';

/** The open reports of wrong records, each resolved as corrected or dismissed with a note. */
export function FlagList({ items }: { items: Flag[] }) {
  const { t } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <div role="status">{done ? <Paragraph>{done}</Paragraph> : null}</div>
      {items.length === 0 ? (
        <Paragraph>{t('participationFlags.none')}</Paragraph>
      ) : (
        <ul className="plain-list import-rows">
          {items.map((flag) => (
            <li key={flag.id}>
              <FlagItem flag={flag} onDone={setDone} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FlagItem({ flag, onDone }: { flag: Flag; onDone: (message: string) => void }) {
  const { t, dateTime } = useI18n();
  const revalidator = useRevalidator();
  const resolve = useResolveFlag();
  const headingId = `flag-${flag.id}`;
  const title = t('participation.recordTitle', { scheme: flag.record.schemeName, municipality: flag.record.municipalityName, year: flag.record.year });
  return (
    <article className="import-row" aria-labelledby={headingId}>
      <Heading level={2} data-size="2xs" id={headingId}>
        <AppLink to={`/deltakelse/${flag.recordId}`}>{title}</AppLink>
      </Heading>
      <Paragraph>{flag.reason}</Paragraph>
      {flag.sourceUrl ? (
        <Paragraph data-size="sm">
          <ExternalLink href={flag.sourceUrl}>{flag.sourceUrl}</ExternalLink>
        </Paragraph>
      ) : null}
      <Paragraph data-size="sm" className="muted">
        {t('participationFlags.reportedBy', {
          name: flag.createdBy.name ?? t('participation.someone'),
          organisation: flag.organisationName ?? '–',
          when: dateTime(flag.createdAt),
        })}
      </Paragraph>
      {flag.resolvedAt ? null : (
        <form
          className="form"
          noValidate
          aria-label={t('participationFlags.resolveLabel', { record: title })}
          onSubmit={async (event) => {
            event.preventDefault();
            const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
            const resolution = submitter?.value === 'dismissed' ? 'dismissed' : 'corrected';
            const note = String(new FormData(event.currentTarget).get('note') ?? '');
            if ((await resolve.mutate({ id: flag.id, resolution, ...(note.trim() ? { note } : {}) })).ok) {
              await revalidator.revalidate();
              onDone(t(`participationFlags.resolved.${resolution}`, { record: title }));
            }
          }}
        >
          <TextInput id={`note-${flag.id}`} name="note" label={t('participationFlags.note')} />
          <div className="form-actions">
            <Button type="submit" value="corrected" data-size="sm" loading={resolve.state.status === 'pending'}>
              {t('participationFlags.corrected')}
            </Button>
            <Button type="submit" value="dismissed" data-size="sm" variant="secondary">
              {t('participationFlags.dismiss')}
            </Button>
          </div>
          {resolve.state.status === 'error' ? <Paragraph role="alert">{resolve.state.error.message}</Paragraph> : null}
        </form>
      )}
    </article>
  );
}
