import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { Form, Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import type { DeadlineList as DeadlineListData } from '@varde/contracts/catalogue-api';
import { NO_MUNICIPALITY } from '@varde/contracts/vocabulary';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { SelectInput } from '../../components/select-input';
import { useGetForm } from '../../components/use-get-form';
import { calendarHref, deadlinePeriods, deadlinesHref, listDeadlines, parseDeadlineQuery, type DeadlineQuery } from '../../features/schemes/api/list-deadlines';
import { listMunicipalityOptions, type MunicipalityOption } from '../../features/schemes/api/list-municipality-options';
import { CalendarSubscribe } from '../../features/schemes/components/calendar-subscribe';
import { DeadlineCalendar } from '../../features/schemes/components/deadline-calendar';
import { DeadlineList } from '../../features/schemes/components/deadline-list';
import { MunicipalitySelect } from '../../features/schemes/components/municipality-select';
import { useSchemeFormat } from '../../features/schemes/format';
import { isoDateMonth, osloIsoDate, osloIsoMonth } from '../../i18n/format-date';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/**
 * Two API calls at once: the municipalities for the picker and the deadlines. An unknown municipality
 * number is dropped with a notice instead of failing the page (like the finder). "Today" is fixed
 * here, so the server render and the browser agree on it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const url = new URL(request.url);
  const parsed = parseDeadlineQuery(url.searchParams);
  const listing = listDeadlines(api, parsed);
  listing.catch(() => {}); // awaited below unless the municipality turns out unknown
  const municipalities = await orRouteError(request, listMunicipalityOptions(api));
  const chosen = parsed.municipality;
  const unknownMunicipality = chosen && chosen !== NO_MUNICIPALITY && !municipalities.some((m) => m.code === chosen) ? chosen : null;
  const query = unknownMunicipality ? { ...parsed, municipality: null } : parsed;
  const list = await orRouteError(request, unknownMunicipality ? listDeadlines(api, query) : listing);
  const now = new Date();
  return {
    query,
    items: list.items,
    municipality: list.municipality,
    noKnownRound: list.noKnownRound,
    openAllYear: list.openAllYear,
    municipalities,
    unknownMunicipality,
    today: osloIsoDate(now),
    month: query.month ?? isoDateMonth(list.items.find((item) => item.call.deadline)?.call.deadline?.date ?? osloIsoMonth(now)),
    origin: url.origin,
  };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { municipality }) => (municipality ? t('deadlines.titleFor', { municipality: municipality.name }) : t('deadlines.title')),
  description: (t) => t('deadlines.description'),
};

export function Component() {
  const { query, items, municipality, noKnownRound, openAllYear, municipalities, unknownMunicipality, today, month, origin } = useLoaderData<Data>();
  const { t, number, lang } = useSchemeFormat();
  // The municipality shown (asked for, or a member's own), or `none` kept for a member who chose every call.
  const municipalityParam = municipality?.code ?? query.municipality ?? '';
  const current: DeadlineQuery = { ...query, municipality: municipalityParam || null };
  const hrefFor = (change: Partial<DeadlineQuery>) => deadlinesHref({ ...current, ...change });
  const forecasts = items.filter((i) => i.call.predicted).length;
  // The calendar holds what the page shows: the municipality by number (a calendar program has no session).
  const feedUrl = calendarHref(origin, {
    municipality: municipality?.code ?? null,
    includeForecasts: query.includeForecasts,
    includeIneligible: query.includeIneligible,
    lang,
  });

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('deadlines.heading')}</PageHeading>
        <Paragraph className="lead">{t('deadlines.lead')}</Paragraph>
      </div>

      <DeadlineFilters query={current} municipalities={municipalities} />

      <section className="section" aria-labelledby="deadlines-results-heading">
        <div className="toolbar">
          <Heading level={2} data-size="sm" id="deadlines-results-heading">
            {municipality ? t('deadlines.resultsFor', { municipality: municipality.name }) : t('deadlines.resultsHeading')}
          </Heading>
          <nav aria-label={t('deadlines.viewLabel')} className="view-switch">
            <ul>
              <li>
                <Link className="ds-link" to={hrefFor({ view: 'list' })} aria-current={query.view === 'list' ? 'true' : undefined} preventScrollReset>
                  {t('deadlines.viewList')}
                </Link>
              </li>
              <li>
                <Link className="ds-link" to={hrefFor({ view: 'calendar' })} aria-current={query.view === 'calendar' ? 'true' : undefined} preventScrollReset>
                  {t('deadlines.viewCalendar')}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
        {unknownMunicipality ? (
          <Alert data-color="warning">
            <Paragraph>{t('error.municipality_not_found', { code: unknownMunicipality })}</Paragraph>
          </Alert>
        ) : null}
        {municipality ? (
          <Paragraph data-size="sm">
            {t(query.includeIneligible ? 'deadlines.forMunicipalityAll' : 'deadlines.forMunicipality', {
              municipality: municipality.name,
              county: municipality.countyName,
            })}{' '}
            <Link className="ds-link" to={hrefFor({ includeIneligible: !query.includeIneligible })} preventScrollReset>
              {t(query.includeIneligible ? 'deadlines.showEligibleOnly' : 'deadlines.showAll', { municipality: municipality.name })}
            </Link>
          </Paragraph>
        ) : null}
        <div role="status">
          <Paragraph className="result-count">
            {items.length === 0
              ? t(query.includeForecasts ? 'deadlines.none' : 'deadlines.noneAnnounced')
              : t('deadlines.count', { count: number(items.length), forecasts: number(forecasts) })}
          </Paragraph>
        </div>
        {query.includeForecasts && forecasts > 0 ? (
          <Alert data-color="info">
            <Paragraph>{t('deadlines.forecastExplained')}</Paragraph>
          </Alert>
        ) : null}
        {query.view === 'calendar' ? (
          <>
            <Paragraph data-size="sm">
              {t('deadlines.calendar.alternative')}{' '}
              <Link className="ds-link" to={hrefFor({ view: 'list' })}>
                {t('deadlines.calendar.toList')}
              </Link>
            </Paragraph>
            <DeadlineCalendar items={items} month={month} today={today} hrefForMonth={(m) => hrefFor({ month: m })} />
          </>
        ) : items.length > 0 ? (
          <DeadlineList items={items} municipalityName={municipality?.name} />
        ) : null}
        {openAllYear.length > 0 ? <OpenAllYear schemes={openAllYear} municipality={municipality} /> : null}
        {municipality && noKnownRound.length > 0 ? <NoKnownRound municipality={municipality} schemes={noKnownRound} /> : null}
      </section>

      <CalendarSubscribe feedUrl={feedUrl} municipalityName={municipality?.name ?? null} />
    </div>
  );
}

/** Schemes that take applications at any time: no deadline to list, but worth knowing about. */
function OpenAllYear({ schemes, municipality }: { schemes: DeadlineListData['openAllYear']; municipality: DeadlineListData['municipality'] }) {
  const { t } = useSchemeFormat();
  const suffix = municipality ? `?municipality=${municipality.code}` : '';
  return (
    <section className="stack open-all-year" aria-labelledby="deadlines-open-all-year-heading">
      <Heading level={3} data-size="xs" id="deadlines-open-all-year-heading">
        {t('deadlines.openAllYear.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('deadlines.openAllYear.body')}</Paragraph>
      <ul className="plain-bullets">
        {schemes.map((scheme) => (
          <li key={scheme.schemeId}>
            <AppLink to={`/ordninger/${scheme.schemeId}${suffix}`}>{scheme.schemeName}</AppLink>
            <span className="muted"> · {scheme.ownerName}</span>
            {scheme.notForMunicipality && municipality ? <span className="muted"> · {t('deadlines.notFor', { municipality: municipality.name })}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * County-run schemes with no known round for the municipality's county: said once, under the list,
 * instead of as deadlines (each links to the scheme as it applies to the municipality).
 */
function NoKnownRound({ municipality, schemes }: { municipality: NonNullable<DeadlineListData['municipality']>; schemes: DeadlineListData['noKnownRound'] }) {
  const { t } = useSchemeFormat();
  return (
    <section className="stack no-known-round" aria-labelledby="deadlines-no-round-heading">
      <Heading level={3} data-size="xs" id="deadlines-no-round-heading">
        {t('deadlines.noKnownRound.heading', { county: municipality.countyName })}
      </Heading>
      <Paragraph data-size="sm">{t('deadlines.noKnownRound.body', { county: municipality.countyName })}</Paragraph>
      <ul className="plain-bullets">
        {schemes.map((scheme) => (
          <li key={scheme.schemeId}>
            <AppLink to={`/ordninger/${scheme.schemeId}?municipality=${municipality.code}`}>{scheme.schemeName}</AppLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Municipality, period and forecasts as a GET form (works without JavaScript); the view stays as it
 * is. For a member the empty choice is `none` (every call), since no choice means their own.
 */
function DeadlineFilters({ query, municipalities }: { query: DeadlineQuery; municipalities: MunicipalityOption[] }) {
  const { t } = useSchemeFormat();
  const { busy, onSubmit } = useGetForm('/frister', {
    href: (form) => {
      const data = new FormData(form);
      return deadlinesHref({
        ...query,
        municipality: String(data.get('municipality') ?? '') || null,
        days: Number(data.get('days')) || query.days,
        includeForecasts: data.get('forecasts') !== 'hide',
        includeIneligible: data.get('ineligible') === 'show',
        month: null,
      });
    },
  });
  return (
    <Form
      method="get"
      action="/frister"
      className="filters deadline-filters"
      aria-label={t('deadlines.filtersLabel')}
      key={`${query.municipality ?? ''}:${query.days}:${query.includeForecasts}:${query.includeIneligible}`}
      onSubmit={onSubmit}
    >
      <div className="filters__search">
        <MunicipalitySelect
          id="deadlines-municipality"
          label={t('deadlines.municipalityLabel')}
          description={t('deadlines.municipalityHint')}
          options={municipalities}
          defaultValue={query.municipality ?? ''}
          emptyLabel={t('deadlines.allMunicipalities')}
        />
      </div>
      <SelectInput
        id="deadlines-days"
        name="days"
        label={t('deadlines.periodLabel')}
        defaultValue={String(query.days)}
        options={deadlinePeriods.map((days) => ({ value: String(days), label: t(`deadlines.period.${days}`) }))}
      />
      <Fieldset>
        <Fieldset.Legend>{t('deadlines.forecastsLegend')}</Fieldset.Legend>
        {(['show', 'hide'] as const).map((value) => (
          <Field asChild key={value}>
            <div>
              <Input
                type="radio"
                id={`deadlines-forecasts-${value}`}
                name="forecasts"
                value={value}
                defaultChecked={(value === 'show') === query.includeForecasts}
              />
              <Label htmlFor={`deadlines-forecasts-${value}`} weight="regular">
                {t(`deadlines.forecasts.${value}`)}
              </Label>
            </div>
          </Field>
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('deadlines.ineligibleLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('deadlines.ineligibleHint')}</Fieldset.Description>
        <Field asChild>
          <div>
            <Input type="checkbox" id="deadlines-ineligible" name="ineligible" value="show" defaultChecked={query.includeIneligible} />
            <Label htmlFor="deadlines-ineligible" weight="regular">
              {t('deadlines.ineligibleLabel')}
            </Label>
          </div>
        </Field>
      </Fieldset>
      {query.view === 'calendar' ? <input type="hidden" name="view" value="calendar" /> : null}
      <div className="filters__actions">
        <Button type="submit" loading={busy}>
          {t('deadlines.submit')}
        </Button>
      </div>
    </Form>
  );
}
