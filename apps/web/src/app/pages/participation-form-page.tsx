import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { listMunicipalities } from '../../features/municipalities/api/list-municipalities';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { getRecord } from '../../features/participation/api/get-record';
import { listPublishOffers } from '../../features/participation/api/list-offers';
import { listParticipationSchemes } from '../../features/participation/api/list-schemes';
import { IncompleteNote } from '../../features/participation/components/participation-notes';
import { emptyValues, RecordForm, valuesOfRecord, type RecordFormValues } from '../../features/participation/components/record-form';
import { advisedCounties, memberMunicipalities } from '../../features/participation/roles';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/**
 * New record (`/deltakelse/ny`), a pipeline item published as one (`?soknad=<item>&organisasjon=<id>`,
 * prefilled from what the municipality marked, nothing private), or a record changed (`/deltakelse/<id>/rediger`).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const user = session.user;
  if (params.recordId !== undefined && !isUuid(params.recordId)) throw notFound();
  const search = new URL(request.url).searchParams;
  const itemId = search.get('soknad');
  const organisationId = search.get('organisasjon');
  const [record, schemes, all, offers] = await orRouteError(
    request,
    Promise.all([
      params.recordId ? getRecord(api, params.recordId) : Promise.resolve(null),
      listParticipationSchemes(api),
      listMunicipalities(api),
      itemId && isUuid(itemId) && organisationId && isUuid(organisationId) ? listPublishOffers(api, organisationId) : Promise.resolve(null),
    ]),
  );
  // The municipalities the user may record for: their own, those of the counties they advise, or all (platform administrators).
  const counties = new Set(advisedCounties(user));
  const own = new Set(memberMunicipalities(user));
  const municipalities = all.items
    .filter((m) => user.isPlatformAdmin || counties.has(m.countyCode) || own.has(m.code) || m.code === record?.municipality.code)
    .map((m) => ({ code: m.code, name: m.nameNorwegian }));
  const offer = offers?.items.find((o) => o.pipelineItemId === itemId) ?? null;
  let initial: RecordFormValues = record ? valuesOfRecord(record) : emptyValues(municipalities[0]?.code ?? '');
  if (offer && offers?.municipalityCode) {
    initial = {
      ...emptyValues(offers.municipalityCode),
      scheme: `c:${offer.schemeId}`,
      round: offer.callTitle ?? '',
      year: String(offer.year),
      status: offer.status,
    };
  }
  return { record, schemes, municipalities, initial, pipelineItemId: offer?.pipelineItemId ?? null };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { record, pipelineItemId }) =>
    record ? t('participation.editTitle') : pipelineItemId ? t('participation.publishTitle') : t('participation.createTitle'),
};

export function Component() {
  const { record, schemes, municipalities, initial, pipelineItemId } = useLoaderData<Data>();
  const { t } = useI18n();
  const title = record ? t('participation.editTitle') : pipelineItemId ? t('participation.publishTitle') : t('participation.createTitle');
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to={record ? `/deltakelse/${record.id}` : '/deltakelse'}>{record ? t('participation.backToRecord') : t('participation.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{title}</PageHeading>
        <Paragraph className="lead">{t('participation.formLead')}</Paragraph>
        <IncompleteNote />
      </div>
      {municipalities.length === 0 ? (
        <Paragraph>{t('participation.noMunicipality')}</Paragraph>
      ) : (
        <RecordForm
          initial={initial}
          municipalities={municipalities}
          schemes={schemes}
          {...(record ? { record } : {})}
          {...(pipelineItemId ? { pipelineItemId } : {})}
        />
      )}
    </div>
  );
}
