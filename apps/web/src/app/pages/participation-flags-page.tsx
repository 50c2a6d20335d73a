import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { listFlags } from '../../features/participation/api/flags';
import { FlagList } from '../../features/participation/components/flag-list';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** Regional advisers' and platform administrators' work list of reported records (403 for anyone else). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  return { flags: await orRouteError(request, listFlags(api)) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = { title: (t) => t('participationFlags.title') };

export function Component() {
  const { flags } = useLoaderData<Data>();
  const { t } = useI18n();
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/deltakelse">{t('participation.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{t('participationFlags.heading')}</PageHeading>
        <Paragraph className="lead">{t('participationFlags.lead')}</Paragraph>
      </div>
      <FlagList items={flags.items} />
    </div>
  );
}
