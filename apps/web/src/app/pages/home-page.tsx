import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Form, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { TextInput } from '../../components/text-input';
import { useSession } from '../../features/auth/api/get-session';
import { listMunicipalityOptions } from '../../features/schemes/api/list-municipality-options';
import { MunicipalitySelect, useMunicipalityChoice } from '../../features/schemes/components/municipality-select';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** The municipalities for the scheme finder's picker. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return { municipalities: await orRouteError(request, listMunicipalityOptions(apiFrom(context))) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  static: true,
  title: (t) => t('home.title'),
  description: (t) => t('meta.description'),
};

export function Component() {
  const { t } = useI18n();
  const { user } = useSession();
  const { municipalities } = useLoaderData<Data>();
  const { own } = useMunicipalityChoice();
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('home.heading')}</PageHeading>
        <Paragraph className="lead">{t('home.lead')}</Paragraph>
      </div>

      <section className="section" aria-labelledby="home-finder-heading">
        <Heading level={2} data-size="sm" id="home-finder-heading">
          {t('finder.home.heading')}
        </Heading>
        <Paragraph>{t('finder.home.lead')}</Paragraph>
        <Form method="get" action="/ordninger" className="search-form" aria-labelledby="home-finder-heading">
          <MunicipalitySelect
            id="home-municipality"
            label={t('finder.municipalityLabel')}
            options={municipalities}
            defaultValue={own ?? ''}
            emptyLabel={t('finder.noMunicipality')}
          />
          <div>
            <Button type="submit">{t('finder.home.submit')}</Button>
          </div>
        </Form>
        <Paragraph>
          <AppLink to="/frister">{t('finder.home.deadlines')}</AppLink>
        </Paragraph>
      </section>

      <section className="section" aria-labelledby="home-search-heading">
        <Heading level={2} data-size="sm" id="home-search-heading">
          {t('home.searchHeading')}
        </Heading>
        {/* A GET form to the list page: works the same with and without JavaScript. */}
        <Form method="get" action="/kommuner" className="search-form" role="search" aria-labelledby="home-search-heading">
          <TextInput
            id="home-q"
            name="q"
            type="search"
            label={t('home.searchLabel')}
            description={t('municipalities.searchHint')}
            autoComplete="off"
            append={<Button type="submit">{t('common.search')}</Button>}
          />
        </Form>
        <Paragraph>
          <AppLink to="/kommuner">{t('home.allMunicipalities')}</AppLink>
        </Paragraph>
      </section>

      <section className="section" aria-labelledby="home-why-heading">
        <Heading level={2} data-size="sm" id="home-why-heading">
          {t('home.whyHeading')}
        </Heading>
        <Paragraph>{t('home.why1')}</Paragraph>
        <Paragraph>{t('home.why2')}</Paragraph>
      </section>

      <section className="section" aria-labelledby="home-now-heading">
        <Heading level={2} data-size="sm" id="home-now-heading">
          {t('home.nowHeading')}
        </Heading>
        <ul className="link-list">
          <li>
            <AppLink to="/kommuner">{t('home.nowMunicipalities')}</AppLink>
          </li>
          <li>{user ? <AppLink to="/konto">{t('home.nowAccount')}</AppLink> : <AppLink to="/logg-inn">{t('home.nowSignIn')}</AppLink>}</li>
        </ul>
        {user ? null : (
          <Paragraph data-size="sm" className="muted">
            {t('home.invitationOnly')}
          </Paragraph>
        )}
      </section>
    </div>
  );
}
