import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getMunicipalityGap } from '../../features/mapping/api/mapping';
import { MunicipalityMapping } from '../../features/mapping/components/municipality-mapping';
import { getMunicipality, isMunicipalityCode } from '../../features/municipalities/api/get-municipality';
import { MunicipalityFacts } from '../../features/municipalities/components/municipality-facts';
import { NameForms } from '../../features/municipalities/components/name-forms';
import { NeighbourList } from '../../features/municipalities/components/neighbour-list';
import { PopulationHistory } from '../../features/municipalities/components/population-history';
import { listRecords } from '../../features/participation/api/list-records';
import { MunicipalityParticipation } from '../../features/participation/components/municipality-participation';
import { getMunicipalitySolutions } from '../../features/solutions/api/get-solution';
import { MunicipalitySolutions } from '../../features/solutions/components/municipality-solutions';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Anything that is not a 4-digit number cannot be a municipality: 404 without asking the API.
  if (!isMunicipalityCode(params.code)) throw notFound();
  const api = apiFrom(context);
  const [municipality, participation, gap, solutions] = await orRouteError(
    request,
    Promise.all([
      getMunicipality(api, params.code),
      listRecords(api, { municipality: params.code }),
      getMunicipalityGap(api, params.code),
      getMunicipalitySolutions(api, params.code),
    ]),
  );
  return { municipality, participation, gap, solutions };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (_t, { municipality }) => municipality.name,
  description: (t, { municipality }) => t('municipality.description', { name: municipality.name, county: municipality.countyName }),
};

export function Component() {
  const { municipality: m, participation, gap, solutions } = useLoaderData<Data>();
  const { t } = useI18n();
  const norwegian = m.nameForms.find((f) => f.lang === 'nor')?.name ?? m.nameNorwegian;

  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/kommuner">{t('municipality.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{m.name}</PageHeading>
        <Paragraph className="lead">{t('municipality.lead', { name: norwegian, county: m.countyName })}</Paragraph>
      </div>

      <div className="two-columns">
        <section className="section" aria-labelledby="facts-heading">
          <Heading level={2} data-size="sm" id="facts-heading">
            {t('municipality.factsHeading')}
          </Heading>
          <MunicipalityFacts municipality={m} />
          <Paragraph className="source-note">{t('municipality.sources')}</Paragraph>
          {m.nameForms.length > 0 ? (
            <>
              <Heading level={3} data-size="xs">
                {t('municipality.nameFormsHeading')}
              </Heading>
              <NameForms nameForms={m.nameForms} />
            </>
          ) : null}
          {m.organisationId ? (
            <Paragraph>
              <AppLink to={`/organisasjoner/${m.organisationId}`}>{t('municipality.organisationLink')}</AppLink>
            </Paragraph>
          ) : null}
        </section>

        <section className="section" aria-labelledby="map-heading">
          <Heading level={2} data-size="sm" id="map-heading">
            {t('municipality.mapHeading')}
          </Heading>
          <figure className="map-figure locator-map">
            <img
              src={`/api/map/municipalities/${m.code}.svg`}
              alt={t('municipality.mapAlt', { name: norwegian, county: m.countyName })}
              width="300"
              height="300"
              decoding="async"
            />
            <figcaption>{t('municipality.mapCaption')}</figcaption>
          </figure>
        </section>
      </div>

      <section className="section" aria-labelledby="history-heading">
        <Heading level={2} data-size="sm" id="history-heading">
          {t('municipality.historyHeading')}
        </Heading>
        <PopulationHistory history={m.populationHistory} name={norwegian} />
        <Paragraph className="source-note">{t('municipality.historySource')}</Paragraph>
      </section>

      <MunicipalityParticipation code={m.code} name={norwegian} records={participation} />

      <section className="section" aria-labelledby="neighbours-heading">
        <Heading level={2} data-size="sm" id="neighbours-heading">
          {t('neighbours.heading')}
        </Heading>
        <NeighbourList neighbours={m.neighbours} />
      </section>

      <MunicipalityMapping gap={gap} name={norwegian} />
      <MunicipalitySolutions name={norwegian} solutions={solutions} />
    </div>
  );
}
