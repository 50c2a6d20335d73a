import type { ReactNode } from 'react';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ParticipationRecord } from '@varde/contracts/participation-api';
import { AppLink } from '../../../components/app-link';
import { ExternalLink } from '../../../components/external-link';
import { useI18n } from '../../../i18n/i18n';
import { amountText, provenanceLabel, roleLabel, statusLabel } from '../labels';

/** The facts of one record, its source with the quote (attributed to it) and where the record comes from. */
export function RecordDetails({ record: r }: { record: ParticipationRecord }) {
  const { t, number, date, dateTime } = useI18n();
  const atTheTime = [r.atTheTime.name, r.atTheTime.code ? `(${r.atTheTime.code})` : null].filter(Boolean).join(' ');
  const fact = (label: string, value: ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const person = (p: { name: string | null } | null) => p?.name ?? t('participation.someone');
  return (
    <div className="stack">
      {r.openFlags > 0 ? (
        <Alert data-color="warning">
          <Paragraph>{t('participation.flaggedNotice')}</Paragraph>
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="record-facts-heading">
        <Heading level={2} data-size="sm" id="record-facts-heading">
          {t('participation.factsHeading')}
        </Heading>
        <dl className="participation-facts">
          {fact(t('field.municipalityCode'), <AppLink to={`/kommuner/${r.municipality.code}`}>{`${r.municipality.name} (${r.municipality.code})`}</AppLink>)}
          {atTheTime && r.atTheTime.name !== r.municipality.name ? fact(t('participation.atTheTime'), atTheTime) : null}
          {fact(t('field.scheme'), r.scheme.catalogueId ? <AppLink to={`/ordninger/${r.scheme.catalogueId}`}>{r.scheme.name}</AppLink> : r.scheme.name)}
          {r.scheme.recordedName !== r.scheme.name ? fact(t('participation.recordedName'), r.scheme.recordedName) : null}
          {r.round ? fact(t('field.round'), r.round) : null}
          {fact(t('field.year'), r.year)}
          {r.decidedOn ? fact(t('field.decidedOn'), date(r.decidedOn)) : null}
          {fact(t('field.role'), roleLabel(t, r.role))}
          {fact(t('field.status'), `${statusLabel(t, r.status)}. ${r.takesPart ? t('participation.counts') : t('participation.notCounted')}`)}
          {r.amountNok !== null ? fact(t('field.amountNok'), amountText(number, t, r.amountNok)) : null}
          {r.projectTitle ? fact(t('field.projectTitle'), r.projectTitle) : null}
          {r.otherParticipants.length > 0 ? fact(t('field.otherParticipants'), r.otherParticipants.join(', ')) : null}
        </dl>
      </section>
      <section className="section" aria-labelledby="record-source-heading">
        <Heading level={2} data-size="sm" id="record-source-heading">
          {t('participation.sourceHeading')}
        </Heading>
        {r.source.url ? (
          <Paragraph>
            <ExternalLink href={r.source.url}>{r.source.url}</ExternalLink>
          </Paragraph>
        ) : null}
        {r.source.document ? <Paragraph>{t('participation.sourceDocument', { document: r.source.document })}</Paragraph> : null}
        {!r.source.url && !r.source.document ? <Paragraph>{t('participation.noSource')}</Paragraph> : null}
        {r.evidence ? (
          <figure className="participation-quote">
            {/* The sources are Norwegian pages, whatever the page's language. */}
            <blockquote lang="no" {...(r.source.url ? { cite: r.source.url } : {})}>
              <Paragraph>{r.evidence}</Paragraph>
            </blockquote>
            <figcaption>{t('participation.quoteCaption')}</figcaption>
          </figure>
        ) : null}
        {r.note ? (
          <Paragraph data-size="sm" className="muted">
            {t('participation.compilerNote', { note: r.note })}
          </Paragraph>
        ) : null}
      </section>
      <section className="section" aria-labelledby="record-provenance-heading">
        <Heading level={2} data-size="sm" id="record-provenance-heading">
          {t('participation.provenanceHeading')}
        </Heading>
        <Paragraph>
          {r.provenance.kind === 'verified' && r.provenance.verifiedAt
            ? t('participation.verifiedBy', { name: person(r.provenance.verifiedBy), when: dateTime(r.provenance.verifiedAt) })
            : provenanceLabel(t, r.provenance.kind)}
        </Paragraph>
        <Paragraph data-size="sm" className="muted">
          {r.provenance.createdBy
            ? t('participation.createdBy', { name: person(r.provenance.createdBy), when: dateTime(r.provenance.createdAt) })
            : t('participation.createdAt', { when: dateTime(r.provenance.createdAt) })}
          {r.provenance.importId ? ` ${t('participation.fromImport')}` : ''}
        </Paragraph>
      </section>
    </div>
  );
}
