import { Alert, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { eligibilityRoles, isApplicantType, NO_MUNICIPALITY } from '@varde/contracts/vocabulary';
import { AppLink } from '../../components/app-link';
import { ExternalLink } from '../../components/external-link';
import { PageHeading } from '../../components/page-heading';
import { getSession, useSession } from '../../features/auth/api/get-session';
import { SchemePipelineSlot } from '../../features/pipeline/components/scheme-pipeline-slot';
import { listChecks } from '../../features/provenance/api/checks';
import { listFactReports } from '../../features/provenance/api/reports';
import { seesFactReports } from '../../features/provenance/can-answer';
import { checkedRecently, FactNotice } from '../../features/provenance/components/fact-notice';
import { ReportFactForm } from '../../features/provenance/components/report-fact-form';
import { SchemeChecks } from '../../features/provenance/components/scheme-checks';
import { canEditScheme } from '../../features/scheme-editor/can-edit';
import { inPageLanguage } from '../../features/scheme-editor/localized-name';
import { checkEligibility, getScheme } from '../../features/schemes/api/get-scheme';
import { countyNames, listMunicipalityOptions } from '../../features/schemes/api/list-municipality-options';
import { finderHref } from '../../features/schemes/api/list-schemes';
import { EligibilityPanel, type ConfirmableCall } from '../../features/schemes/components/eligibility-panel';
import { Evidence } from '../../features/schemes/components/evidence';
import { LifecycleNotice } from '../../features/schemes/components/lifecycle-notice';
import { ApplicantFacts, FundingFacts } from '../../features/schemes/components/scheme-facts';
import { CallTimeline } from '../../features/schemes/components/call-timeline';
import { SchemeRounds } from '../../features/schemes/components/scheme-rounds';
import { CallTable, CriteriaTable, SourceList } from '../../features/schemes/components/scheme-tables';
import { useSchemeFormat } from '../../features/schemes/format';
import { osloIsoDate } from '../../i18n/format-date';
import { apiFrom, type Api } from '../api-client';
import { notFound, orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

const SCHEME_ID = /^[a-z0-9-]{1,80}$/;

/** Both roles' verdicts with the planned partners taken into account. */
async function withPartners(api: Api, schemeId: string, municipality: string, partners: ReturnType<typeof parsePartners>) {
  const [lead, partner] = await Promise.all(eligibilityRoles.map((role) => checkEligibility(api, schemeId, { municipality, role, partners })));
  return { lead: lead!.eligibility, partner: partner!.eligibility };
}

const parsePartners = (search: URLSearchParams) => [...new Set(search.getAll('partners'))].filter(isApplicantType);

/**
 * The scheme and the municipality picker; with planned partners, the two verdicts again with those
 * partners (the scheme answer has them without). A signed-in member's own municipality is the default.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const schemeId = params.schemeId ?? '';
  if (!SCHEME_ID.test(schemeId)) throw notFound();
  const search = new URL(request.url).searchParams;
  const chosen = search.get('municipality');
  const code = chosen && /^\d{4}$/.test(chosen) ? chosen : undefined;
  const none = chosen === NO_MUNICIPALITY;
  const partners = parsePartners(search);
  const api = apiFrom(context);
  // The scheme and the municipalities at once; the scheme again without an unknown municipality.
  const scheme = getScheme(api, schemeId, none ? NO_MUNICIPALITY : code);
  scheme.catch(() => {}); // awaited below unless the municipality turns out unknown
  const [municipalities, session] = await orRouteError(request, Promise.all([listMunicipalityOptions(api), getSession(api)]));
  // An unknown municipality number is left out (with a notice) rather than failing the whole page.
  const known = code && municipalities.some((m) => m.code === code) ? code : undefined;
  const detail = await orRouteError(request, code && !known ? getScheme(api, schemeId, known) : scheme);
  const eligibility =
    detail.municipality && partners.length > 0
      ? await orRouteError(request, withPartners(api, schemeId, detail.municipality.code, partners))
      : detail.eligibility;
  const municipalityParam = detail.municipality?.code ?? (none ? NO_MUNICIPALITY : '');
  // The scheme's owners and platform admins (the API's `schemeOwner` routes): the checks with who made
  // them, and the open reports on their work list.
  const maintenance =
    canEditScheme(session.user, detail) && seesFactReports(session.user)
      ? await orRouteError(
          request,
          Promise.all([listChecks(api, schemeId), listFactReports(api, 'open')]).then(([checks, reports]) => ({
            checks,
            openReports: reports.items.filter((r) => r.schemeId === schemeId).length,
          })),
        )
      : null;
  // "Today" is fixed here, so the server render and the browser agree on which calls are still ahead.
  const today = osloIsoDate(new Date());
  return { detail, eligibility, partners, municipalities, municipalityParam, unknownMunicipality: code !== known ? code : null, today, maintenance };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { detail }) => inPageLanguage(t, detail.scheme.name),
  description: (t, { detail }) => inPageLanguage(t, detail.scheme.summary),
};

export function Component() {
  const { detail, eligibility, partners, municipalities, municipalityParam, unknownMunicipality, today, maintenance } = useLoaderData<Data>();
  const { t, lang, date } = useSchemeFormat();
  const { user } = useSession();
  const { scheme, round } = detail;
  const counties = countyNames(municipalities);
  // With a municipality, the API leaves out calls of other counties' rounds: say so.
  const hiddenCalls = scheme.calls.length - detail.calls.filter((c) => !c.predicted).length;
  // A signed-in member of the chosen municipality may confirm its conditions.
  const organisation =
    (detail.municipality && user?.memberships.find((m) => m.organisationType === 'municipality' && m.municipalityCode === detail.municipality!.code)) || null;
  const confirmableCalls: ConfirmableCall[] = detail.calls
    .filter((c) => !c.predicted && c.status !== 'closed' && c.deadline && c.deadline.date >= today)
    .map((c) => ({ id: c.id, title: c.title[lang], deadline: c.deadline! }));
  // The rules that apply: the municipality's round's own, else the scheme's.
  const applicants = round?.applicants ?? scheme.applicants;
  const funding = round?.funding ?? scheme.funding;
  const ownRules = detail.municipality ? [] : scheme.rounds.filter((r) => r.applicants);
  const ownFunding = detail.municipality ? [] : scheme.rounds.filter((r) => r.funding);
  const sections = [
    ['om', t('scheme.section.about')],
    ...(scheme.rounds.length > 0 ? ([['runder', t('scheme.section.rounds')]] as const) : []),
    ['hvem-kan-soke', t('scheme.section.applicants')],
    ['tilskudd', t('scheme.section.funding')],
    ['utlysninger', t('scheme.section.calls')],
    ['kriterier', t('scheme.section.criteria')],
    ['soknaden', t('scheme.section.requiredParts')],
    ['rapportering', t('scheme.section.reporting')],
    ['kilder', t('scheme.section.sources')],
    ...(maintenance ? ([['kontroll', t('checks.heading')]] as const) : []),
    ['meld-feil', t('report.heading')],
  ] as const;
  // Fact groups in the page language, for the report form and the checks.
  const factGroupLabels = detail.facts.map((f) => ({ group: f.group, label: t(`factGroup.${f.group}`) }));
  // Said once, at the top: when the facts were last checked in Varde, or that they have not been.
  const checkedLongAgo = detail.lastCheckedAt !== null && !checkedRecently(detail);
  const heading = (id: Exclude<(typeof sections)[number][0], 'runder' | 'kontroll' | 'meld-feil'>) => (
    <Heading level={2} data-size="sm" id={id}>
      {sections.find(([s]) => s === id)![1]}
    </Heading>
  );

  return (
    <div className="page scheme-page">
      <div className="stack">
        <PageHeading>{scheme.name[lang]}</PageHeading>
        <LifecycleNotice scheme={scheme} successor={detail.successor} municipalityParam={municipalityParam} />
        <Paragraph className="lead">{scheme.summary[lang]}</Paragraph>
        <dl className="scheme-meta">
          <div>
            <dt>{t('scheme.owner')}</dt>
            <dd>
              <ExternalLink href={scheme.owner.url}>{scheme.owner.name[lang]}</ExternalLink>
            </dd>
          </div>
          {round ? (
            <div>
              <dt>{t('scheme.roundOwner', { region: round.name[lang] })}</dt>
              <dd>
                <ExternalLink href={round.url ?? round.owner.url}>{round.owner.name[lang]}</ExternalLink>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('scheme.lastChecked')}</dt>
            <dd>
              {detail.lastCheckedAt ? (
                <time dateTime={detail.lastCheckedAt}>
                  {checkedLongAgo ? t('scheme.lastCheckedOld', { date: date(detail.lastCheckedAt) }) : date(detail.lastCheckedAt)}
                </time>
              ) : (
                <>
                  {t('scheme.lastCheckedNone')}{' '}
                  <a className="ds-link" href="#kilder">
                    {t('scheme.lastCheckedSources')}
                  </a>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('scheme.ownPage')}</dt>
            <dd>
              <ExternalLink href={scheme.url}>{t('scheme.ownPageLink', { owner: scheme.owner.name[lang] })}</ExternalLink>
            </dd>
          </div>
        </dl>
        {/* The history is open to everyone (the catalogue is open data); editing to the scheme's owners. */}
        <ul className="link-list scheme-admin-links">
          {canEditScheme(user, detail) ? (
            <li>
              <AppLink to={`/ordninger/${scheme.id}/rediger`}>{t('scheme.edit')}</AppLink>
            </li>
          ) : null}
          <li>
            <AppLink to={`/ordninger/${scheme.id}/historikk`}>{t('scheme.history')}</AppLink>
          </li>
        </ul>
        <nav aria-label={t('scheme.toc')} className="scheme-toc">
          <ul>
            {sections.map(([id, label]) => (
              <li key={id}>
                <a className="ds-link" href={`#${id}`}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      {unknownMunicipality ? (
        <Alert data-color="warning">
          <Paragraph>{t('error.municipality_not_found', { code: unknownMunicipality })}</Paragraph>
        </Alert>
      ) : null}
      <EligibilityPanel
        schemeId={scheme.id}
        municipality={detail.municipality}
        municipalities={municipalities}
        partners={partners}
        eligibility={eligibility}
        roundUnknown={detail.roundUnknown}
        organisationId={organisation ? organisation.organisationId : null}
        calls={confirmableCalls}
      />

      <SchemePipelineSlot
        schemeId={scheme.id}
        calls={detail.calls.map((c) => ({ id: c.id, title: c.title[lang], deadline: c.deadline, predicted: c.predicted, status: c.status }))}
        pipelineStatus={detail.pipelineStatus}
      />

      <section className="section" aria-labelledby="om">
        {heading('om')}
        <Paragraph>{scheme.purpose[lang]}</Paragraph>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('scheme.themes')}</dt>
            <dd>{scheme.themes.map((theme) => t(`theme.${theme}`)).join(', ')}</dd>
          </div>
        </dl>
        <FactNotice detail={detail} groups={['lifecycle']} />
      </section>

      <SchemeRounds
        scheme={scheme}
        municipality={detail.municipality}
        round={round}
        roundUnknown={detail.roundUnknown}
        counties={counties}
        headingId="runder"
        heading={t('scheme.section.rounds')}
      >
        <FactNotice detail={detail} groups={['rounds']} />
      </SchemeRounds>

      <section className="section" aria-labelledby="hvem-kan-soke">
        {heading('hvem-kan-soke')}
        {round?.applicants ? <Paragraph>{t('scheme.rounds.rulesFor', { region: round.name[lang] })}</Paragraph> : null}
        {ownRules.length > 0 ? <Paragraph>{t('scheme.rounds.general')}</Paragraph> : null}
        <ApplicantFacts rules={applicants} counties={counties} />
        <Evidence evidence={applicants} sources={scheme.sources} />
        <FactNotice detail={detail} groups={['applicants']} />
        {ownRules.map((r) => (
          <Details key={r.id}>
            <Details.Summary>{t('scheme.rounds.rulesFor', { region: r.name[lang] })}</Details.Summary>
            <Details.Content>
              <ApplicantFacts rules={r.applicants!} counties={counties} />
              <Evidence evidence={r.applicants!} sources={scheme.sources} />
            </Details.Content>
          </Details>
        ))}
      </section>

      <section className="section" aria-labelledby="tilskudd">
        {heading('tilskudd')}
        {round?.funding ? <Paragraph>{t('scheme.rounds.fundingFor', { region: round.name[lang] })}</Paragraph> : null}
        <FundingFacts funding={funding} />
        <Evidence evidence={funding} sources={scheme.sources} />
        <FactNotice detail={detail} groups={['funding']} />
        {ownFunding.map((r) => (
          <Details key={r.id}>
            <Details.Summary>{t('scheme.rounds.fundingFor', { region: r.name[lang] })}</Details.Summary>
            <Details.Content>
              <FundingFacts funding={r.funding!} />
              <Evidence evidence={r.funding!} sources={scheme.sources} />
            </Details.Content>
          </Details>
        ))}
      </section>

      <section className="section" aria-labelledby="utlysninger">
        {heading('utlysninger')}
        <Paragraph>
          {t(`scheme.cadence.${scheme.cadence.kind}`)} {t('scheme.callsLead')}
        </Paragraph>
        {hiddenCalls > 0 && detail.municipality ? (
          <Paragraph data-size="sm">
            {t('scheme.callsFiltered', { municipality: detail.municipality.name, count: hiddenCalls })}{' '}
            <AppLink to={`/ordninger/${scheme.id}?municipality=none#utlysninger`}>{t('scheme.callsAll')}</AppLink>
          </Paragraph>
        ) : null}
        {detail.calls.length > 0 ? <CallTimeline calls={detail.calls} today={today} scheme={scheme.name[lang]} /> : null}
        <CallTable
          calls={detail.calls}
          storedCalls={scheme.calls}
          sources={scheme.sources}
          caption={t('scheme.callsCaption', { scheme: scheme.name[lang] })}
          reportedCallIds={detail.reportedCallIds}
        />
        <Evidence evidence={scheme.cadence} sources={scheme.sources} />
        <FactNotice detail={detail} groups={['calls', 'cadence']} />
      </section>

      <section className="section" aria-labelledby="kriterier">
        {heading('kriterier')}
        <CriteriaTable criteria={scheme.criteria.items} caption={t('scheme.criteriaCaption', { scheme: scheme.name[lang] })} />
        <Evidence evidence={scheme.criteria} sources={scheme.sources} />
        <FactNotice detail={detail} groups={['criteria']} />
      </section>

      <section className="section" aria-labelledby="soknaden">
        {heading('soknaden')}
        <ItemList items={scheme.requiredParts.items.map((item) => item[lang])} empty={t('scheme.requiredPartsNone')} />
        <Evidence evidence={scheme.requiredParts} sources={scheme.sources} />
        <FactNotice detail={detail} groups={['requiredParts']} />
      </section>

      <section className="section" aria-labelledby="rapportering">
        {heading('rapportering')}
        <ItemList items={scheme.reporting.items.map((item) => item[lang])} empty={t('scheme.reportingNone')} />
        <Evidence evidence={scheme.reporting} sources={scheme.sources} />
        <FactNotice detail={detail} groups={['reporting']} />
      </section>

      <section className="section" aria-labelledby="kilder">
        {heading('kilder')}
        <Paragraph>{t('scheme.sourcesLead')}</Paragraph>
        <SourceList sources={scheme.sources} />
      </section>

      {maintenance ? <SchemeChecks schemeId={scheme.id} checks={maintenance.checks} groups={factGroupLabels} openReports={maintenance.openReports} /> : null}

      <ReportFactForm schemeId={scheme.id} groups={factGroupLabels} calls={scheme.calls.map((c) => ({ id: c.id, title: c.title[lang] }))} />

      <Paragraph>
        <AppLink to={finderHref(municipalityParam ? { municipality: municipalityParam } : {})}>{t('scheme.backToFinder')}</AppLink>
      </Paragraph>
    </div>
  );
}

function ItemList({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul className="plain-bullets">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
