import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Coverage } from '@varde/contracts/mapping-api';
import { ExternalLink } from '../../../components/external-link';
import { ExampleNotice, IncompleteNote } from '../../participation/components/participation-notes';
import { useMappingFormat } from '../format';

export const COVERAGE_ID = 'grunnlag';

/** "2017–2024", "2021", or "no years" for an empty selection. */
function useYears() {
  const { t } = useMappingFormat();
  return (coverage: Coverage) =>
    coverage.yearFrom === null
      ? t('analytics.coverage.noYears')
      : coverage.yearFrom === coverage.yearTo
        ? String(coverage.yearFrom)
        : `${coverage.yearFrom}–${coverage.yearTo}`;
}

/**
 * What the numbers rest on, said once in full: records and participations, years, the schemes and
 * the sources (most records first), that the lists are incomplete, and whether example data is in.
 */
export function CoverageStatement({ coverage, headingLevel = 2 }: { coverage: Coverage; headingLevel?: 2 | 3 }) {
  const { t, number } = useMappingFormat();
  const years = useYears();
  return (
    <section className="section coverage" aria-labelledby={`${COVERAGE_ID}-heading`} id={COVERAGE_ID}>
      <Heading level={headingLevel} data-size="xs" id={`${COVERAGE_ID}-heading`}>
        {t('analytics.coverage.heading')}
      </Heading>
      {coverage.includesExamples ? <ExampleNotice /> : null}
      {coverage.records === 0 ? (
        <Paragraph>{t('analytics.coverage.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('analytics.coverage.summary', {
              records: number(coverage.records),
              participations: number(coverage.participations),
              years: years(coverage),
              municipalities: number(coverage.municipalitiesWithRecords),
              base: number(coverage.municipalities),
            })}
          </Paragraph>
          <Paragraph>
            {t('analytics.coverage.schemes', { count: number(coverage.schemes.length) })}{' '}
            {coverage.schemes.map((s) => t('analytics.coverage.item', { name: s.name, count: number(s.records) })).join(', ')}.
          </Paragraph>
          <Paragraph>
            {t('analytics.coverage.sources')}{' '}
            {coverage.sources.map((s, i) => (
              <span key={`${s.label}-${i}`}>
                {i > 0 ? ', ' : ''}
                {s.url ? <ExternalLink href={s.url}>{s.label}</ExternalLink> : s.label} ({number(s.records)})
              </span>
            ))}
            {coverage.moreSources > 0 ? ` ${t('analytics.coverage.moreSources', { count: number(coverage.moreSources) })}` : ''}.
          </Paragraph>
        </>
      )}
      <IncompleteNote />
    </section>
  );
}

/** Under every table: what it counts over, what it rests on in one line, and a link to the full statement. */
export function CoverageLine({ coverage, basis }: { coverage: Coverage; basis?: string }) {
  const { t, number } = useMappingFormat();
  const years = useYears();
  return (
    <Paragraph data-size="sm" className="coverage-line">
      {basis ? `${basis} ` : ''}
      {coverage.records === 0
        ? t('analytics.coverage.none')
        : t('analytics.coverage.line', {
            participations: number(coverage.participations),
            schemes: number(coverage.schemes.length),
            years: years(coverage),
          })}{' '}
      {coverage.includesExamples ? `${t('analytics.coverage.examplesIn')} ` : ''}
      <a className="ds-link" href={`#${COVERAGE_ID}`}>
        {t('analytics.coverage.link')}
      </a>
    </Paragraph>
  );
}
