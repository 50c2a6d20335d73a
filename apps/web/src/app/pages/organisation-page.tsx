import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { AuditTable } from '../../features/audit/components/audit-table';
import { getSession } from '../../features/auth/api/get-session';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { getOrganisation, isUuid } from '../../features/organisations/api/get-organisation';
import { listInvitations } from '../../features/organisations/api/list-invitations';
import { listMembers } from '../../features/organisations/api/list-members';
import { listOrganisationAudit } from '../../features/organisations/api/list-organisation-audit';
import { InvitationList } from '../../features/organisations/components/invitation-list';
import { InviteForm } from '../../features/organisations/components/invite-form';
import { MemberList } from '../../features/organisations/components/member-list';
import { OrganisationFacts } from '../../features/organisations/components/organisation-facts';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/**
 * Public facts for everyone. A signed-in user also gets the members — or, if the API refuses them
 * (not a member), a 403 page: the private part must never render for another organisation's users.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isUuid(params.id)) throw notFound();
  const id = params.id;
  const api = apiFrom(context);
  const [organisation, session, counties] = await orRouteError(request, Promise.all([getOrganisation(api, id), getSession(api), listCounties(api)]));
  const user = session.user;
  if (!user) return { organisation, counties, user: null, members: null, admin: null };

  const members = await orRouteError(request, listMembers(api, id));
  const isAdmin = user.isPlatformAdmin || user.memberships.some((m) => m.organisationId === id && m.role === 'admin');
  if (!isAdmin) return { organisation, counties, user, members, admin: null };

  const [invitations, audit] = await orRouteError(request, Promise.all([listInvitations(api, id), listOrganisationAudit(api, id)]));
  return { organisation, counties, user, members, admin: { invitations, audit } };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (_t, { organisation }) => organisation.name,
  description: (t, { organisation }) => t('organisation.description', { name: organisation.name }),
};

export function Component() {
  const { organisation, counties, user, members, admin } = useLoaderData<Data>();
  const { t } = useI18n();
  const location = useLocation();
  // The pipeline and needs are the municipality's own: its members see them, platform admins do not.
  const ownMember = !!user?.memberships.some((m) => m.organisationId === organisation.id);

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{organisation.name}</PageHeading>
        <OrganisationFacts organisation={organisation} counties={counties} />
      </div>

      {!user ? (
        <Paragraph>
          {t('organisation.signInForMembers')} <AppLink to={`/logg-inn?neste=${encodeURIComponent(location.pathname)}`}>{t('nav.signIn')}</AppLink>
        </Paragraph>
      ) : null}

      {user && members ? (
        <section className="section" aria-labelledby="members-heading">
          <Heading level={2} data-size="sm" id="members-heading" tabIndex={-1}>
            {t('members.heading')}
          </Heading>
          <MemberList organisationId={organisation.id} members={members} currentUserId={user.id} canManage={!!admin} />
        </section>
      ) : null}

      {ownMember && organisation.type === 'municipality' ? (
        <section className="section" aria-labelledby="scheme-work-heading">
          <Heading level={2} data-size="sm" id="scheme-work-heading">
            {t('pipeline.organisationHeading')}
          </Heading>
          <ul className="link-list">
            <li>
              <AppLink to={`/organisasjoner/${organisation.id}/pipeline`}>{t('pipeline.link')}</AppLink>
            </li>
            <li>
              <AppLink to={`/organisasjoner/${organisation.id}/behov`}>{t('needs.link')}</AppLink>
            </li>
          </ul>
        </section>
      ) : null}

      {admin ? (
        <>
          {/* One below the other: beside the form, the invitations table was too narrow for its revoke buttons. */}
          <section className="section" aria-labelledby="invite-heading">
            <Heading level={2} data-size="sm" id="invite-heading">
              {t('invite.heading')}
            </Heading>
            <Paragraph>{t('invite.lead')}</Paragraph>
            <InviteForm organisationId={organisation.id} />
          </section>
          <section className="section" aria-labelledby="invitations-heading">
            <Heading level={2} data-size="sm" id="invitations-heading" tabIndex={-1}>
              {t('invitations.heading')}
            </Heading>
            <InvitationList organisationId={organisation.id} invitations={admin.invitations} />
          </section>
          <section className="section" aria-labelledby="audit-heading">
            <Heading level={2} data-size="sm" id="audit-heading">
              {t('audit.heading')}
            </Heading>
            <AuditTable entries={admin.audit} caption={t('audit.organisationCaption', { name: organisation.name })} />
          </section>
        </>
      ) : null}
    </div>
  );
}
