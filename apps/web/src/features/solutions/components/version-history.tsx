import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { SolutionVersionSummary } from '@varde/contracts/solutions-api';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';

/** Published versions, newest first, each with its own page. Drafts are never listed here. */
export function VersionHistory({ solutionId, versions, current }: { solutionId: string; versions: SolutionVersionSummary[]; current: number | null }) {
  const { t, dateTime } = useI18n();
  return (
    <section className="section" aria-labelledby="versions-heading">
      <Heading level={2} data-size="sm" id="versions-heading">
        {t('library.versionsHeading')}
      </Heading>
      {versions.length === 0 ? (
        <Paragraph>{t('library.noVersions')}</Paragraph>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="versions-caption">
          <Table zebra data-size="sm">
            <caption id="versions-caption">{t('library.versionsCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('library.versionColumn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('library.publishedColumn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('library.publishedByColumn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('library.versionNoteColumn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {versions.map((v) => (
                <Table.Row key={v.version}>
                  <th scope="row">
                    <AppLink to={`/losninger/${solutionId}/versjoner/${v.version}`}>{t('library.versionLabel', { version: v.version })}</AppLink>
                    {v.version === current ? ` (${t('library.currentVersion')})` : null}
                  </th>
                  <Table.Cell>{dateTime(v.publishedAt)}</Table.Cell>
                  <Table.Cell>{v.publishedBy.name ?? t('participation.someone')}</Table.Cell>
                  <Table.Cell>{v.note ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
