import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { ImportDetail } from '@varde/contracts/participation-api';
import { useI18n } from '../../../i18n/i18n';
import { useCommitImport, useDiscardImport } from '../api/imports';

/** Save every row at once (refused while a row is invalid), or throw the draft away. */
export function CommitSection({ detail, onDiscarded }: { detail: ImportDetail; onDiscarded: () => void }) {
  const { t, number } = useI18n();
  const revalidator = useRevalidator();
  const commit = useCommitImport();
  const discard = useDiscardImport();
  const [saved, setSaved] = useState<number | null>(null);
  const ready = detail.dryRun.invalid === 0 && detail.dryRun.valid > 0;
  const failed = commit.state.status === 'error' ? commit.state.error : discard.state.status === 'error' ? discard.state.error : null;
  return (
    <section className="section" aria-labelledby="commit-heading">
      <Heading level={2} data-size="sm" id="commit-heading" tabIndex={-1}>
        {t('participationImport.commitHeading')}
      </Heading>
      <Paragraph>{ready ? t('participationImport.commitLead', { count: number(detail.dryRun.valid) }) : t('participationImport.commitBlocked')}</Paragraph>
      <div className="form-actions">
        <Button
          disabled={!ready}
          loading={commit.state.status === 'pending'}
          onClick={async () => {
            const result = await commit.mutate(detail.id);
            if (result.ok) {
              setSaved(result.data.recordCount);
              await revalidator.revalidate();
              document.getElementById('import-status')?.focus();
            }
          }}
        >
          {t('participationImport.commit', { count: number(detail.dryRun.valid) })}
        </Button>
        <Button
          variant="tertiary"
          data-color="danger"
          loading={discard.state.status === 'pending'}
          onClick={async () => {
            if ((await discard.mutate(detail.id)).ok) onDiscarded();
          }}
        >
          {t('participationImport.discard')}
        </Button>
      </div>
      <div role="status" className="import-progress">
        {commit.state.status === 'pending' ? (
          <>
            <label htmlFor="commit-progress">{t('participationImport.committing', { count: number(detail.dryRun.valid) })}</label>
            <progress id="commit-progress" />
          </>
        ) : null}
        {saved !== null ? <Paragraph>{t('participationImport.committed', { count: number(saved) })}</Paragraph> : null}
        {failed ? (
          <Alert data-color="danger">
            <Paragraph>{failed.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
