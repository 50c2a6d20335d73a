import type { ReactNode } from 'react';
import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { EligibilityMunicipality } from '@varde/contracts/finder-api';
import type { Scheme, SchemeRound } from '@varde/contracts/schemes';
import { AppLink } from '../../../components/app-link';
import { ExternalLink } from '../../../components/external-link';
import { useSchemeFormat } from '../format';
import { SourceRefs } from './evidence';

/** "Egne regler, egne beløp" or "Som for hele ordningen". */
function rulesText(t: ReturnType<typeof useSchemeFormat>['t'], round: SchemeRound): string {
  const own = [round.applicants ? t('scheme.rounds.ownRules') : null, round.funding ? t('scheme.rounds.ownFunding') : null].filter(Boolean);
  return own.length ? own.join(', ') : t('scheme.rounds.sameRules');
}

/** The rounds of a county-run scheme as a table: region, owner (in the page language), counties, own rules. */
function RoundTable({
  rounds,
  counties,
  caption,
  sources,
}: {
  rounds: SchemeRound[];
  counties: Record<string, string>;
  caption: string;
  sources: Scheme['sources'];
}) {
  const { t, lang } = useSchemeFormat();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rounds-caption">
      <Table zebra data-size="sm" className="round-table">
        <caption id="rounds-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <th scope="col">{t('scheme.rounds.region')}</th>
            <th scope="col">{t('scheme.rounds.owner')}</th>
            <th scope="col">{t('scheme.rounds.counties')}</th>
            <th scope="col">{t('scheme.rounds.rules')}</th>
            <th scope="col">{t('scheme.callSource')}</th>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rounds.map((round) => (
            <Table.Row key={round.id}>
              <th scope="row">{round.name[lang]}</th>
              <Table.Cell>
                <ExternalLink href={round.url ?? round.owner.url}>{round.owner.name[lang]}</ExternalLink>
              </Table.Cell>
              <Table.Cell>{round.counties.map((code) => counties[code] ?? code).join(', ')}</Table.Cell>
              <Table.Cell>{rulesText(t, round)}</Table.Cell>
              <Table.Cell>
                <SourceRefs ids={round.sourceIds} sources={sources} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * A county-run scheme's rounds. Without a municipality every round is listed by region; with one, the
 * round of its county; when none is known for that county, say so plainly (unknown, not a "no") and
 * list the rounds there are.
 */
export function SchemeRounds({
  scheme,
  municipality,
  round,
  roundUnknown,
  counties,
  headingId,
  heading,
  children,
}: {
  scheme: Scheme;
  municipality: EligibilityMunicipality | null;
  round: SchemeRound | null;
  roundUnknown: boolean;
  counties: Record<string, string>;
  headingId: string;
  heading: string;
  /** Shown at the end of the section (what is known of the rounds' facts). */
  children?: ReactNode;
}) {
  const { t, lang } = useSchemeFormat();
  if (scheme.rounds.length === 0) return null;
  const caption = t('scheme.rounds.caption', { scheme: scheme.name[lang] });
  return (
    <section className="section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {heading}
      </Heading>
      <Paragraph>{t('scheme.rounds.lead')}</Paragraph>
      {municipality && round ? (
        <>
          <Paragraph>
            {t('scheme.rounds.yours', { municipality: municipality.name, region: round.name[lang], owner: round.owner.name[lang] })}{' '}
            <AppLink to={`/ordninger/${scheme.id}?municipality=none#${headingId}`}>{t('scheme.rounds.all')}</AppLink>
          </Paragraph>
          <RoundTable rounds={[round]} counties={counties} caption={caption} sources={scheme.sources} />
        </>
      ) : (
        <>
          {municipality && roundUnknown ? (
            <Alert data-color="info" data-size="sm">
              <Paragraph data-size="sm">{t('checklist.roundUnknown', { county: municipality.countyName })}</Paragraph>
            </Alert>
          ) : null}
          <RoundTable rounds={scheme.rounds} counties={counties} caption={caption} sources={scheme.sources} />
        </>
      )}
      {children}
    </section>
  );
}
