import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { listOrganisations } from '../../features/organisations/api/list-organisations';
import { listRecords } from '../../features/participation/api/list-records';
import { listParticipationSchemes } from '../../features/participation/api/list-schemes';
import { getScheme } from '../../features/schemes/api/get-scheme';
import { getSolution, getSolutionDraft } from '../../features/solutions/api/get-solution';
import { SolutionForm } from '../../features/solutions/components/solution-form';
import { emptySolutionValues, valuesOfDraft } from '../../features/solutions/form-model';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** A new draft (`/losninger/ny`) or a draft changed (`/losninger/<id>/rediger`): members of an owner organisation. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const user = session.user;
  if (params.id !== undefined && !isUuid(params.id)) throw notFound();
  const [draft, view, schemes, organisations] = await orRouteError(
    request,
    Promise.all([
      params.id ? getSolutionDraft(api, params.id) : Promise.resolve(null),
      params.id ? getSolution(api, params.id) : Promise.resolve(null),
      listParticipationSchemes(api),
      listOrganisations(api),
    ]),
  );
  const ownIds = new Set(view ? view.owners.map((o) => o.organisationId) : user.memberships.slice(0, 1).map((m) => m.organisationId));
  // The participation records of the (first) owner municipality, to link the one that funded it.
  const ownerCode = view
    ? (view.owners.find((o) => o.municipalityCode)?.municipalityCode ?? null)
    : (user.memberships.find((m) => m.municipalityCode)?.municipalityCode ?? null);
  const records = ownerCode ? await orRouteError(request, listRecords(api, { municipality: ownerCode, example: 'exclude' })) : null;
  const nynorsk = user.memberships.some((m) => m.languageForm === 'nynorsk');
  // The calls of the saved scheme (a scheme since left out of the catalogue has none to offer).
  const schemeId = draft?.content.funding.schemeId ?? null;
  const scheme = schemeId ? await getScheme(api, schemeId).catch(() => null) : null;
  return {
    title: view?.content.title ?? null,
    draft: draft ? { id: draft.id, revision: draft.revision } : null,
    initial: draft ? valuesOfDraft(draft) : emptySolutionValues(nynorsk ? 'nn' : 'nb', user.id),
    organisations: user.memberships.map((m) => ({ value: m.organisationId, label: m.organisationName })),
    schemes: schemes.items.filter((s) => s.catalogueId).map((s) => ({ value: s.catalogueId!, label: s.name })),
    calls: scheme ? scheme.calls.filter((c) => !c.predicted) : [],
    records: (records?.items ?? []).map((r) => ({ value: r.id, label: `${r.scheme.name}, ${r.year}${r.projectTitle ? ` – ${r.projectTitle}` : ''}` })),
    ownerOptions: organisations.filter((o) => !ownIds.has(o.id) && o.type !== 'partner').map((o) => ({ value: o.id, label: o.name })),
    contactChoices: draft
      ? draft.contactChoices.map((c) => ({ value: c.userId, label: `${c.name} (${c.organisationName})` }))
      : [{ value: user.id, label: user.name }],
    viewerId: user.id,
  };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { draft }) => (draft ? t('library.form.editTitle') : t('library.form.createTitle')),
};

export function Component() {
  const data = useLoaderData<Data>();
  const { t } = useI18n();
  const { draft } = data;
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to={draft ? `/losninger/${draft.id}` : '/losninger'}>{draft ? t('library.backToSolution') : t('library.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{draft ? t('library.form.editTitle') : t('library.form.createTitle')}</PageHeading>
        {data.title && draft ? <Paragraph className="lead">{data.title}</Paragraph> : null}
        <Paragraph>{t('library.form.lead')}</Paragraph>
      </div>
      {data.organisations.length === 0 ? (
        <Paragraph>{t('library.form.noOrganisation')}</Paragraph>
      ) : (
        <SolutionForm
          initial={data.initial}
          {...(draft ? { draft } : {})}
          organisations={data.organisations}
          schemes={data.schemes}
          calls={data.calls}
          records={data.records}
          ownerOptions={data.ownerOptions}
          contactChoices={data.contactChoices}
          viewerId={data.viewerId}
        />
      )}
    </div>
  );
}
