import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { Form, Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { SelectInput } from '../../components/select-input';
import { useGetForm } from '../../components/use-get-form';
import { deadlinePeriods, deadlinesHref, listDeadlines, parseDeadlineQuery, type DeadlineQuery } from '../../features/schemes/api/list-deadlines';
import { CALENDAR_PATH, CalendarSubscribe } from '../../features/schemes/components/calendar-subscribe';
import { DeadlineCalendar } from '../../features/schemes/components/deadline-calendar';
import { DeadlineList } from '../../features/schemes/components/deadline-list';
import { useSchemeFormat } from '../../features/schemes/format';
import { isoDateMonth, osloIsoDate, osloIsoMonth } from '../../i18n/format-date';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** One API call. "Today" is fixed here, so the server render and the browser agree on it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseDeadlineQuery(url.searchParams);
  const list = await orRouteError(request, listDeadlines(apiFrom(context), query));
  const now = new Date();
  return {
    query,
    items: list.items,
    today: osloIsoDate(now),
    month: query.month ?? isoDateMonth(list.items.find((item) => item.call.deadline)?.call.deadline?.date ?? osloIsoMonth(now)),
    feedUrl: new URL(CALENDAR_PATH, url).href,
  };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('deadlines.title'),
  description: (t) => t('deadlines.description'),
};

export function Component() {
  const { query, items, today, month, feedUrl } = useLoaderData<Data>();
  const { t, number } = useSchemeFormat();
  const hrefFor = (change: Partial<DeadlineQuery>) => deadlinesHref({ ...query, ...change });
  const forecasts = items.filter((i) => i.call.predicted).length;

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('deadlines.heading')}</PageHeading>
        <Paragraph className="lead">{t('deadlines.lead')}</Paragraph>
      </div>

      <DeadlineFilters query={query} />

      <section className="section" aria-labelledby="deadlines-results-heading">
        <div className="toolbar">
          <Heading level={2} data-size="sm" id="deadlines-results-heading">
            {t('deadlines.resultsHeading')}
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
          <DeadlineList items={items} />
        ) : null}
      </section>

      <CalendarSubscribe feedUrl={feedUrl} />
    </div>
  );
}

/** Period and forecasts as a GET form (works without JavaScript); the view stays as it is. */
function DeadlineFilters({ query }: { query: DeadlineQuery }) {
  const { t } = useSchemeFormat();
  const { busy, onSubmit } = useGetForm('/frister', {
    href: (form) => {
      const data = new FormData(form);
      return deadlinesHref({ ...query, days: Number(data.get('days')) || query.days, includeForecasts: data.get('forecasts') !== 'hide', month: null });
    },
  });
  return (
    <Form
      method="get"
      action="/frister"
      className="filters deadline-filters"
      aria-label={t('deadlines.filtersLabel')}
      key={`${query.days}:${query.includeForecasts}`}
      onSubmit={onSubmit}
    >
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
      {query.view === 'calendar' ? <input type="hidden" name="view" value="calendar" /> : null}
      <div className="filters__actions">
        <Button type="submit" loading={busy}>
          {t('deadlines.submit')}
        </Button>
      </div>
    </Form>
  );
}
