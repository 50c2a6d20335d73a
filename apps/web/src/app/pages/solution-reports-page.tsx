import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { ActionStatus, useListActions } from '../../components/list-actions';
import { PageHeading } from '../../components/page-heading';
import { listSolutionReports, useResolveReport } from '../../features/solutions/api/solution-actions';
import { useI18n } from '../../i18n/i18n';
import { Button } from '@digdir/designsystemet-react';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** Platform administrators: reports of inappropriate content, open first; each is dismissed or ends with the solution hidden. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const open = new URL(request.url).searchParams.get('alle') !== 'ja';
  return { open, reports: await orRouteError(request, listSolutionReports(apiFrom(context), open)) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('library.reportsTitle'),
};

export function Component() {
  const { open, reports } = useLoaderData<Data>();
  const { t, dateTime } = useI18n();
  const actions = useListActions('reports-heading');
  const resolve = useResolveReport();
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/losninger">{t('library.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{t('library.reportsTitle')}</PageHeading>
        <Paragraph className="lead">{t('library.reportsLead')}</Paragraph>
        <Paragraph data-size="sm">
          {open ? (
            <AppLink to="/losninger/meldinger?alle=ja">{t('library.reportsShowAll')}</AppLink>
          ) : (
            <AppLink to="/losninger/meldinger">{t('library.reportsShowOpen')}</AppLink>
          )}
        </Paragraph>
      </div>
      <section className="section" aria-labelledby="reports-heading">
        <Heading level={2} data-size="sm" id="reports-heading" tabIndex={-1}>
          {open ? t('library.reportsOpenHeading') : t('library.reportsAllHeading')}
        </Heading>
        <ActionStatus done={actions.done} error={resolve.state.status === 'error' ? resolve.state.error : null} />
        {reports.items.length === 0 ? (
          <Paragraph>{t('library.reportsNone')}</Paragraph>
        ) : (
          <ul className="plain-list report-list">
            {reports.items.map((r) => (
              <li key={r.id}>
                <article className="report-card" aria-labelledby={`report-${r.id}`}>
                  <Heading level={3} data-size="xs" id={`report-${r.id}`}>
                    <AppLink to={`/losninger/${r.solutionId}`}>{r.solutionTitle}</AppLink>
                  </Heading>
                  <Paragraph data-size="sm" className="muted">
                    {t('library.reportBy', { name: r.createdBy.name ?? t('participation.someone'), when: dateTime(r.createdAt) })}
                    {r.solutionHidden ? ` ${t('library.reportSolutionHidden')}` : ''}
                  </Paragraph>
                  <Paragraph className="solution-text">{r.reason}</Paragraph>
                  {r.resolvedAt && r.resolution ? (
                    <Paragraph data-size="sm">{t(`library.reportResolved.${r.resolution}`, { when: dateTime(r.resolvedAt) })}</Paragraph>
                  ) : (
                    <div className="form-actions">
                      <Button
                        data-size="sm"
                        variant="secondary"
                        data-color="danger"
                        loading={resolve.state.status === 'pending'}
                        onClick={() => actions.run(() => resolve.mutate({ id: r.id, resolution: 'hidden' }), t('library.reportHiddenDone'))}
                      >
                        {t('library.reportHide')}
                        <span className="ds-sr-only"> ({r.solutionTitle})</span>
                      </Button>
                      <Button
                        data-size="sm"
                        variant="tertiary"
                        loading={resolve.state.status === 'pending'}
                        onClick={() => actions.run(() => resolve.mutate({ id: r.id, resolution: 'dismissed' }), t('library.reportDismissedDone'))}
                      >
                        {t('library.reportDismiss')}
                        <span className="ds-sr-only"> ({r.solutionTitle})</span>
                      </Button>
                    </div>
                  )}
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
