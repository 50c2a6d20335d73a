import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import type { OrganisationType } from '@varde/contracts';
import { organisationTypes } from '@varde/contracts/vocabulary';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { listAdminAudit } from '../../features/admin/api/list-admin-audit';
import { listUsers } from '../../features/admin/api/list-users';
import { UserTable } from '../../features/admin/components/user-table';
import { AuditTable } from '../../features/audit/components/audit-table';
import { getSession } from '../../features/auth/api/get-session';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { listOrganisations } from '../../features/organisations/api/list-organisations';
import { CreateOrganisationForm } from '../../features/organisations/components/create-organisation-form';
import { OrganisationTable } from '../../features/organisations/components/organisation-table';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect, type RouteErrorData } from '../route-errors';
import type { RouteHandle } from '../route-handle';

const AUDIT_SHOWN = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  if (!session.user.isPlatformAdmin) throw data<RouteErrorData>({ code: 'forbidden' }, { status: 403 });
  const typeParam = new URL(request.url).searchParams.get('type');
  const type = organisationTypes.find((t) => t === typeParam) as OrganisationType | undefined;
  const [users, audit, organisations, counties] = await orRouteError(
    request,
    Promise.all([listUsers(api), listAdminAudit(api), listOrganisations(api, { type }), listCounties(api)]),
  );
  return { users, audit, organisations, counties, type };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = { title: (t) => t('admin.title') };

export function Component() {
  const { users, audit, organisations, counties, type } = useLoaderData<Data>();
  const { t } = useI18n();
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('admin.heading')}</PageHeading>
        <Paragraph className="lead">{t('admin.lead')}</Paragraph>
        <Paragraph>
          <AppLink to="/admin/e-post">{t('admin.outboxLink')}</AppLink>
        </Paragraph>
      </div>

      <section className="section" aria-labelledby="create-org-heading">
        <Heading level={2} data-size="sm" id="create-org-heading">
          {t('admin.createHeading')}
        </Heading>
        <Paragraph>{t('admin.createLead')}</Paragraph>
        <CreateOrganisationForm counties={counties} />
      </section>

      <section className="section" aria-labelledby="users-heading">
        <Heading level={2} data-size="sm" id="users-heading">
          {t('admin.usersHeading')}
        </Heading>
        <UserTable users={users} />
      </section>

      <section className="section" aria-labelledby="admin-audit-heading">
        <Heading level={2} data-size="sm" id="admin-audit-heading">
          {t('audit.heading')}
        </Heading>
        <AuditTable entries={audit} caption={t('admin.auditCaption')} limit={AUDIT_SHOWN} />
      </section>

      <section className="section" aria-labelledby="organisations-heading">
        <Heading level={2} data-size="sm" id="organisations-heading">
          {t('admin.organisationsHeading')}
        </Heading>
        <OrganisationTable organisations={organisations} counties={counties} type={type} />
      </section>
    </div>
  );
}
