import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { getNeeds } from '../../features/needs/api/get-needs';
import { NeedsForm } from '../../features/needs/components/needs-form';
import { RegisterFacts } from '../../features/needs/components/register-facts';
import { getOrganisation, isUuid } from '../../features/organisations/api/get-organisation';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** Members only: the API answers 403 for anyone else, which becomes the 403 page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isUuid(params.id)) throw notFound();
  const id = params.id;
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const [organisation, profile] = await orRouteError(request, Promise.all([getOrganisation(api, id), getNeeds(api, id)]));
  return { organisation, profile };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { organisation }) => t('needs.title', { organisation: organisation.name }),
};

export function Component() {
  const { organisation, profile } = useLoaderData<Data>();
  const { t } = useI18n();
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('needs.heading', { organisation: organisation.name })}</PageHeading>
        <Paragraph className="lead">{t('needs.lead')}</Paragraph>
        <ul className="link-list">
          <li>
            <AppLink to={`/organisasjoner/${organisation.id}/pipeline`}>{t('pipeline.link')}</AppLink>
          </li>
          <li>
            <AppLink to={`/organisasjoner/${organisation.id}`}>{t('pipeline.backToOrganisation', { organisation: organisation.name })}</AppLink>
          </li>
        </ul>
      </div>
      <div className="two-columns two-columns--wide-first">
        <section className="section" aria-labelledby="needs-form-heading">
          <Heading level={2} data-size="sm" id="needs-form-heading">
            {t('needs.formHeading')}
          </Heading>
          <NeedsForm organisationId={organisation.id} profile={profile} />
        </section>
        {profile.register ? (
          <section className="section" aria-labelledby="needs-register-heading">
            <Heading level={2} data-size="sm" id="needs-register-heading">
              {t('needs.registerHeading')}
            </Heading>
            <RegisterFacts register={profile.register} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
