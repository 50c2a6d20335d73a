import { Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import type { OrganisationType } from '@varde/contracts';
import { ADMIN_PAGE_SIZE } from '@varde/contracts/admin-api';
import { organisationTypes } from '@varde/contracts/vocabulary';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { listAdminAudit } from '../../features/admin/api/list-admin-audit';
import { listUsers } from '../../features/admin/api/list-users';
import { ListPagination } from '../../features/admin/components/list-pagination';
import { UserTable } from '../../features/admin/components/user-table';
import { AuditTable } from '../../features/audit/components/audit-table';
import { getSession } from '../../features/auth/api/get-session';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { searchOrganisations } from '../../features/organisations/api/search-organisations';
import { CreateOrganisationForm } from '../../features/organisations/components/create-organisation-form';
import { OrganisationTable } from '../../features/organisations/components/organisation-table';
import { useI18n } from '../../i18n/i18n';
import { apiFrom, searchOf } from '../api-client';
import { orRouteError, signInRedirect, type RouteErrorData } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** The page's address: each list's search and page (`q`, `type`, `page`; `userQ`, `userPage`; `auditPage`). */
interface AdminQuery {
  q: string;
  type: OrganisationType | undefined;
  page: number;
  userQ: string;
  userPage: number;
  auditPage: number;
}

const pageOf = (value: string | null) => {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 && page <= 4000 ? page : 1;
};
const searchText = (value: string | null) => value?.trim().slice(0, 100) ?? '';

export function parseAdminQuery(search: URLSearchParams): AdminQuery {
  const typeParam = search.get('type');
  return {
    q: searchText(search.get('q')),
    type: organisationTypes.find((t) => t === typeParam),
    page: pageOf(search.get('page')),
    userQ: searchText(search.get('userQ')),
    userPage: pageOf(search.get('userPage')),
    auditPage: pageOf(search.get('auditPage')),
  };
}

/** The address with some of its values changed; each link lands on the list it changes. */
function adminHref(query: AdminQuery, change: Partial<AdminQuery>, anchor: string): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.type) params.set('type', next.type);
  if (next.page > 1) params.set('page', String(next.page));
  if (next.userQ) params.set('userQ', next.userQ);
  if (next.userPage > 1) params.set('userPage', String(next.userPage));
  if (next.auditPage > 1) params.set('auditPage', String(next.auditPage));
  return `/admin${searchOf(params)}#${anchor}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  if (!session.user.isPlatformAdmin) throw data<RouteErrorData>({ code: 'forbidden' }, { status: 403 });
  const query = parseAdminQuery(new URL(request.url).searchParams);
  const [users, audit, organisations, counties] = await orRouteError(
    request,
    Promise.all([
      listUsers(api, { q: query.userQ || undefined, page: query.userPage }),
      listAdminAudit(api),
      searchOrganisations(api, { q: query.q || undefined, type: query.type, page: query.page }),
      listCounties(api),
    ]),
  );
  return { users, audit, organisations, counties, query };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = { title: (t) => t('admin.title') };

export function Component() {
  const { users, audit, organisations, counties, query } = useLoaderData<Data>();
  const { t } = useI18n();
  const auditStart = (query.auditPage - 1) * ADMIN_PAGE_SIZE;
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('admin.heading')}</PageHeading>
        <Paragraph className="lead">{t('admin.lead')}</Paragraph>
        <ul className="link-list">
          <li>
            <a className="ds-link" href="#organisations-heading">
              {t('admin.organisationsHeading')}
            </a>
          </li>
          <li>
            <a className="ds-link" href="#users-heading">
              {t('admin.usersHeading')}
            </a>
          </li>
          <li>
            <a className="ds-link" href="#admin-audit-heading">
              {t('audit.heading')}
            </a>
          </li>
          <li>
            <AppLink to="/admin/e-post">{t('admin.outboxLink')}</AppLink>
          </li>
        </ul>
      </div>

      <section className="section" aria-labelledby="organisations-heading">
        <Heading level={2} data-size="sm" id="organisations-heading">
          {t('admin.organisationsHeading')}
        </Heading>
        <OrganisationTable
          organisations={organisations.items}
          total={organisations.total}
          counties={counties}
          q={query.q}
          type={query.type}
          page={query.page}
          hrefFor={(page) => adminHref(query, { page }, 'organisations-heading')}
        />
        <Details>
          <Details.Summary>{t('admin.createHeading')}</Details.Summary>
          <Details.Content>
            <div className="stack">
              <Paragraph>{t('admin.createLead')}</Paragraph>
              <CreateOrganisationForm counties={counties} />
            </div>
          </Details.Content>
        </Details>
      </section>

      <section className="section" aria-labelledby="users-heading">
        <Heading level={2} data-size="sm" id="users-heading">
          {t('admin.usersHeading')}
        </Heading>
        <UserTable
          users={users.items}
          total={users.total}
          q={query.userQ}
          page={query.userPage}
          hrefFor={(userPage) => adminHref(query, { userPage }, 'users-heading')}
        />
      </section>

      <section className="section" aria-labelledby="admin-audit-heading">
        <Heading level={2} data-size="sm" id="admin-audit-heading">
          {t('audit.heading')}
        </Heading>
        <AuditTable entries={audit.slice(auditStart, auditStart + ADMIN_PAGE_SIZE)} caption={t('admin.auditCaption')} />
        <ListPagination
          page={query.auditPage}
          total={audit.length}
          pageSize={ADMIN_PAGE_SIZE}
          hrefFor={(auditPage) => adminHref(query, { auditPage }, 'admin-audit-heading')}
          label={t('admin.auditPages')}
        />
      </section>
    </div>
  );
}
