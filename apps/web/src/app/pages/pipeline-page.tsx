import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { getOrganisation, isUuid } from '../../features/organisations/api/get-organisation';
import { listMembers } from '../../features/organisations/api/list-members';
import { getCalendarFeed } from '../../features/pipeline/api/get-calendar-feed';
import { listPipeline } from '../../features/pipeline/api/list-pipeline';
import { listPublishOffers } from '../../features/participation/api/list-offers';
import { PublishOffers } from '../../features/participation/components/publish-offers';
import { CalendarFeedSection } from '../../features/pipeline/components/calendar-feed-section';
import { PipelineBoard } from '../../features/pipeline/components/pipeline-board';
import { PipelineTable } from '../../features/pipeline/components/pipeline-table';
import { usePipelineEditing } from '../../features/pipeline/components/use-pipeline-editing';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

type View = 'board' | 'table';

/** Members only: the API answers 403 for anyone else, which becomes the 403 page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isUuid(params.id)) throw notFound();
  const id = params.id;
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const [organisation, pipeline, members, feed, offers] = await orRouteError(
    request,
    Promise.all([getOrganisation(api, id), listPipeline(api, id), listMembers(api, id), getCalendarFeed(api, id), listPublishOffers(api, id)]),
  );
  const view: View = new URL(request.url).searchParams.get('visning') === 'tabell' ? 'table' : 'board';
  return { organisation, items: pipeline.items, members, feed, view, offers };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { organisation }) => t('pipeline.title', { organisation: organisation.name }),
  description: (t, { organisation }) => t('pipeline.description', { organisation: organisation.name }),
};

export function Component() {
  const { organisation, items, members, feed, view, offers } = useLoaderData<Data>();
  const { t } = useI18n();
  const editing = usePipelineEditing('pipeline-heading');
  const base = `/organisasjoner/${organisation.id}/pipeline`;
  const editingProps = { organisationId: organisation.id, members, ...editing };

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('pipeline.heading', { organisation: organisation.name })}</PageHeading>
        <Paragraph className="lead">{t('pipeline.lead')}</Paragraph>
        <ul className="link-list">
          <li>
            <AppLink to="/ordninger">{t('pipeline.findSchemes')}</AppLink>
          </li>
          <li>
            <AppLink to={`/organisasjoner/${organisation.id}/behov`}>{t('needs.link')}</AppLink>
          </li>
          <li>
            <AppLink to={`/organisasjoner/${organisation.id}`}>{t('pipeline.backToOrganisation', { organisation: organisation.name })}</AppLink>
          </li>
        </ul>
      </div>

      <section className="section" aria-labelledby="pipeline-heading">
        <div className="toolbar">
          <Heading level={2} data-size="sm" id="pipeline-heading" tabIndex={-1}>
            {t('pipeline.boardHeading', { count: items.length })}
          </Heading>
          <nav aria-label={t('pipeline.viewLabel')} className="view-switch">
            <ul>
              <li>
                <Link to={base} className="ds-link" aria-current={view === 'board' ? 'true' : undefined} preventScrollReset>
                  {t('pipeline.viewBoard')}
                </Link>
              </li>
              <li>
                <Link to={`${base}?visning=tabell`} className="ds-link" aria-current={view === 'table' ? 'true' : undefined} preventScrollReset>
                  {t('pipeline.viewTable')}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
        <div role="status" className="pipeline-announcement">
          {editing.announcement ? <Paragraph>{editing.announcement}</Paragraph> : null}
        </div>
        {items.length === 0 ? (
          <Paragraph>{t('pipeline.empty')}</Paragraph>
        ) : view === 'table' ? (
          <PipelineTable items={items} caption={t('pipeline.tableCaption', { organisation: organisation.name })} {...editingProps} />
        ) : (
          <PipelineBoard items={items} {...editingProps} />
        )}
      </section>

      <PublishOffers organisationId={organisation.id} offers={offers} />

      <CalendarFeedSection organisationId={organisation.id} feed={feed} />
    </div>
  );
}
