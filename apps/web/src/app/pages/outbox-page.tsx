import { Paragraph } from '@digdir/designsystemet-react';
import { data, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { getOutbox } from '../../features/mail/api/get-outbox';
import { OutboxTable } from '../../features/mail/components/outbox-table';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect, type RouteErrorData } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  if (!session.user.isPlatformAdmin) throw data<RouteErrorData>({ code: 'forbidden' }, { status: 403 });
  return { outbox: await orRouteError(request, getOutbox(api)) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = { title: (t) => t('outbox.title') };

/** Outgoing e-mail for platform administrators: what was sent, what waits and what failed. */
export function Component() {
  const { outbox } = useLoaderData<Data>();
  const { t } = useI18n();
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('outbox.heading')}</PageHeading>
        <Paragraph className="lead">{outbox.smtp ? t('outbox.leadSmtp') : t('outbox.leadNoSmtp')}</Paragraph>
        <Paragraph>
          <AppLink to="/admin">{t('nav.admin')}</AppLink>
        </Paragraph>
      </div>
      <OutboxTable items={outbox.items} />
    </div>
  );
}
