import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { listFactReports } from '../../features/provenance/api/reports';
import { FactReportList } from '../../features/provenance/components/fact-report-list';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

const HEADING_ID = 'reports-heading';

/**
 * The work list of reported facts: for members of the organisations that maintain schemes (their
 * schemes) and platform admins (every scheme). Open reports oldest first; `?status=closed` the answered.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const status = new URL(request.url).searchParams.get('status') === 'closed' ? 'closed' : 'open';
  const reports = await orRouteError(request, listFactReports(api, status));
  return { status, reports } as const;
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = { title: (t) => t('factReports.title') };

export function Component() {
  const { status, reports } = useLoaderData<Data>();
  const { t } = useI18n();
  const views = [
    { to: '/ordninger/rapporter', label: t('factReports.showOpen'), current: status === 'open' },
    { to: '/ordninger/rapporter?status=closed', label: t('factReports.showClosed'), current: status === 'closed' },
  ];
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('factReports.title')}</PageHeading>
        <Paragraph className="lead">{t('factReports.lead')}</Paragraph>
        <nav aria-label={t('factReports.views')} className="view-switch">
          <ul>
            {views.map((view) => (
              <li key={view.to}>
                {/* The two views share a path: the current one is marked by its query, as the pipeline's views are. */}
                <Link to={view.to} className="ds-link" aria-current={view.current ? 'true' : undefined}>
                  {view.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <section className="section" aria-labelledby={HEADING_ID}>
        <Heading level={2} data-size="sm" id={HEADING_ID} tabIndex={-1}>
          {status === 'open' ? t('factReports.openHeading', { count: reports.total }) : t('factReports.closedHeading', { count: reports.total })}
        </Heading>
        {reports.total > reports.items.length ? (
          <Paragraph data-size="sm" className="muted">
            {t('factReports.limited', { shown: reports.items.length, total: reports.total })}
          </Paragraph>
        ) : null}
        <FactReportList items={reports.items} status={status} headingId={HEADING_ID} />
      </section>
    </div>
  );
}
