import { useEffect } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { redirect, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { listNotifications } from '../../features/alerts/api/list-notifications';
import { setUnreadCount } from '../../features/alerts/unread-count';
import { getSession } from '../../features/auth/api/get-session';
import { getHome } from '../../features/home/api/get-home';
import {
  HomeDeadlines,
  HomeMembers,
  HomeNeeds,
  HomeNotifications,
  HomePipeline,
  HomeSchemes,
  MunicipalitySwitcher,
  UPCOMING_DAYS,
} from '../../features/home/components/home-sections';
import { getNeeds } from '../../features/needs/api/get-needs';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { listMembers } from '../../features/organisations/api/list-members';
import { listPipeline } from '../../features/pipeline/api/list-pipeline';
import { listDeadlines } from '../../features/schemes/api/list-deadlines';
import { listSchemes } from '../../features/schemes/api/list-schemes';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** How far ahead the deadlines of the home reach: the next six weeks. */
const DEADLINE_DAYS = 42;

/**
 * A member's home: their municipality's work on one page. A visitor is sent to sign in; a user in no
 * municipality to the finder; a member of several sees the one chosen last (`?organisasjon=` chooses).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const asked = new URL(request.url).searchParams.get('organisasjon') ?? undefined;
  const home = await orRouteError(request, getHome(api, isUuid(asked) ? asked : undefined));
  const current = home.municipalities.find((m) => m.organisationId === home.organisationId);
  if (!current) throw redirect('/ordninger');
  const id = current.organisationId;
  const code = current.municipalityCode;
  const [schemes, pipeline, deadlines, notifications, needs, members] = await orRouteError(
    request,
    Promise.all([
      listSchemes(api, { page: 1, municipality: code, deadlineWithin: UPCOMING_DAYS }),
      listPipeline(api, id),
      listDeadlines(api, { days: DEADLINE_DAYS, includeForecasts: true, municipality: code }),
      listNotifications(api),
      getNeeds(api, id),
      listMembers(api, id),
    ]),
  );
  return { home, current, userId: session.user.id, schemes, pipeline: pipeline.items, deadlines, notifications, needs, members };
}

export type HomeData = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<HomeData> = {
  title: (t, { current }) => t('home.mine.title', { municipality: current.name }),
  description: (t, { current }) => t('home.mine.description', { municipality: current.name }),
};

export function Component() {
  const data = useLoaderData<HomeData>();
  const { t } = useI18n();
  const { current, home, notifications } = data;
  // The header's count comes from here while this page is open (no second request).
  useEffect(() => setUnreadCount(notifications.unread), [notifications.unread]);

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('home.mine.heading', { municipality: current.name })}</PageHeading>
        <Paragraph className="lead">{t('home.mine.lead')}</Paragraph>
        {home.municipalities.length > 1 ? <MunicipalitySwitcher municipalities={home.municipalities} currentId={current.organisationId} /> : null}
      </div>
      <div className="home-grid">
        <HomeSchemes schemes={data.schemes} municipalityCode={current.municipalityCode} />
        <HomePipeline items={data.pipeline} organisationId={current.organisationId} />
        <HomeDeadlines deadlines={data.deadlines} municipalityCode={current.municipalityCode} days={DEADLINE_DAYS} />
        <HomeNotifications notifications={notifications} />
        <HomeNeeds needs={data.needs} organisationId={current.organisationId} />
        <HomeMembers members={data.members} userId={data.userId} organisationId={current.organisationId} />
      </div>
    </div>
  );
}
