import { Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { County } from '@varde/contracts';
import type { SolutionSearchQuery, SolutionSearchResult, TextSegment } from '@varde/contracts/search-api';
import { searchApiLimits, solutionSearchSorts } from '@varde/contracts/search-api';
import { solutionMaturities } from '@varde/contracts/solutions-vocabulary';
import { schemeThemes } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { useClientNavigation } from '../../../components/client-navigation';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useGetForm } from '../../../components/use-get-form';
import { useI18n } from '../../../i18n/i18n';
import { PageLinks } from '../../participation/components/page-links';
import { maturityLabel } from '../../solutions/labels';
import { NotDescribed, SolutionExampleNotice, SolutionTags } from '../../solutions/components/solution-notes';
import { searchHref } from '../api/search-solutions';

/** Text pieces with the matched words in <mark> (the API sends text, never HTML). */
function Highlighted({ segments }: { segments: TextSegment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

/**
 * The solution library's search (ADR 014): a plain GET form on `/losninger` (works without
 * JavaScript). Without search words it is only the search box above the library's own list; with
 * them it also offers the filters and orders of a search, and shows the hits with the matched words
 * marked in titles and snippets.
 */
export function SolutionSearch({
  search,
  counties,
  exampleDataOn,
}: {
  search: { query: SolutionSearchQuery; result: SolutionSearchResult } | null;
  counties: County[];
  exampleDataOn: boolean;
}) {
  const { t, number, lang } = useI18n();
  const onClick = useClientNavigation();
  const query = search?.query;
  const result = search?.result;
  const { formRef, busy, onSubmit } = useGetForm('/losninger', {
    values: query
      ? {
          sok: query.q,
          tema: query.theme ?? '',
          modenhet: query.maturity ?? '',
          fylke: query.county ?? '',
          sentralitet: query.centrality ? String(query.centrality) : '',
          'i-bruk': query.adopted ?? false,
          sortering: query.sort ?? 'relevance',
          eksempel: query.example === 'exclude' ? ['nei'] : [],
        }
      : { sok: '' },
  });
  return (
    <>
      <Form ref={formRef} method="get" action="/losninger" className="filters" role="search" aria-label={t('search.label')} onSubmit={onSubmit}>
        <div className="filters__search">
          <TextInput
            id="search-sok"
            name="sok"
            type="search"
            label={t('search.label')}
            description={t('search.hint')}
            defaultValue={query?.q ?? ''}
            maxLength={searchApiLimits.queryMax}
            append={
              <Button type="submit" loading={busy}>
                {t('search.submit')}
              </Button>
            }
          />
        </div>
        {query ? (
          <>
            <SelectInput
              id="search-tema"
              name="tema"
              label={t('field.theme')}
              defaultValue={query.theme ?? ''}
              options={[{ value: '', label: t('library.allThemes') }, ...schemeThemes.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))]}
            />
            <SelectInput
              id="search-modenhet"
              name="modenhet"
              label={t('library.field.maturity')}
              defaultValue={query.maturity ?? ''}
              options={[{ value: '', label: t('library.allMaturities') }, ...solutionMaturities.map((m) => ({ value: m, label: maturityLabel(t, m) }))]}
            />
            <SelectInput
              id="search-fylke"
              name="fylke"
              label={t('field.county')}
              description={t('library.countyHint')}
              defaultValue={query.county ?? ''}
              options={[{ value: '', label: t('municipalities.allCounties') }, ...counties.map((c) => ({ value: c.code, label: c.name }))]}
            />
            <SelectInput
              id="search-sentralitet"
              name="sentralitet"
              label={t('search.centrality')}
              description={t('search.centralityHint')}
              defaultValue={query.centrality ? String(query.centrality) : ''}
              options={[
                { value: '', label: t('search.allCentralities') },
                ...([1, 2, 3, 4, 5, 6] as const).map((c) => ({ value: String(c), label: `${c} – ${t(`centrality.class${c}`)}` })),
              ]}
            />
            <SelectInput
              id="search-sortering"
              name="sortering"
              label={t('field.sort')}
              defaultValue={query.sort ?? 'relevance'}
              options={solutionSearchSorts.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
            />
            <Field asChild>
              <div className="filters__checkbox">
                <Input type="checkbox" id="search-i-bruk" name="i-bruk" value="ja" defaultChecked={query.adopted ?? false} />
                <Label htmlFor="search-i-bruk" weight="regular">
                  {t('search.adopted')}
                </Label>
              </div>
            </Field>
            {exampleDataOn ? (
              <Field asChild>
                <div className="filters__checkbox">
                  <Input type="checkbox" id="search-eksempel" name="eksempel" value="nei" defaultChecked={query.example === 'exclude'} />
                  <Label htmlFor="search-eksempel" weight="regular">
                    {t('participation.realOnly')}
                  </Label>
                </div>
              </Field>
            ) : null}
            <div className="filters__actions">
              <Button type="submit" variant="secondary" loading={busy}>
                {t('search.apply')}
              </Button>
              <AppLink to="/losninger" preventScrollReset>
                {t('search.clear')}
              </AppLink>
            </div>
          </>
        ) : null}
      </Form>
      {query && result ? (
        <section className="stack" aria-labelledby="search-results">
          <Heading level={2} data-size="sm" id="search-results">
            {t('search.resultsHeading')}
          </Heading>
          {result.includesExamples ? <SolutionExampleNotice /> : null}
          <Paragraph className="result-count" role="status">
            {result.total === 0
              ? t('search.none')
              : result.totalCapped
                ? t('search.countCapped', { total: number(result.total) })
                : t('search.count', { total: number(result.total) })}
          </Paragraph>
          {result.matched === 'any' && result.total > 0 ? <Paragraph data-size="sm">{t('search.matchedAny')}</Paragraph> : null}
          {result.matched === 'similar' ? <Paragraph data-size="sm">{t('search.similar', { words: result.similarWords.join(', ') })}</Paragraph> : null}
          {result.items.length > 0 ? (
            <ul className="solution-list" onClick={onClick}>
              {result.items.map((s) => (
                <li key={s.id}>
                  <article className="solution-card" aria-labelledby={`hit-${s.id}`}>
                    <Heading level={3} data-size="xs" id={`hit-${s.id}`} lang={s.language !== lang ? s.language : undefined}>
                      <a className="ds-link" href={`/losninger/${s.id}`}>
                        <Highlighted segments={s.title} />
                      </a>
                    </Heading>
                    <SolutionTags status="published" isExample={s.isExample} hidden={false} />
                    <Paragraph data-size="sm" className="solution-card__owners">
                      {s.owners.length ? s.owners.join(', ') : t('library.noOwners')}
                    </Paragraph>
                    <Paragraph data-size="sm" lang={s.language !== lang ? s.language : undefined}>
                      <Highlighted segments={s.snippet} />
                    </Paragraph>
                    <dl className="card-facts">
                      <div>
                        <dt>{t('library.field.maturity')}</dt>
                        <dd>{s.maturity ? maturityLabel(t, s.maturity) : <NotDescribed />}</dd>
                      </div>
                      <div>
                        <dt>{t('library.field.themes')}</dt>
                        <dd>{s.themes.length ? s.themes.map((theme) => t(`theme.${theme}`)).join(', ') : <NotDescribed />}</dd>
                      </div>
                      <div>
                        <dt>{t('library.figures.adopters')}</dt>
                        <dd>{number(s.adopters)}</dd>
                      </div>
                    </dl>
                  </article>
                </li>
              ))}
            </ul>
          ) : null}
          <PageLinks
            page={result.page}
            total={Math.min(result.total, result.pageSize * searchApiLimits.pageMax)}
            pageSize={result.pageSize}
            hrefFor={(page) => searchHref(query, page)}
            label={t('search.pagesLabel')}
          />
        </section>
      ) : null}
    </>
  );
}
