import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth/api/get-session';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { getSolution, getSolutionDraft, getSolutionSpread } from '../../features/solutions/api/get-solution';
import { AdoptersSection } from '../../features/solutions/components/adopters';
import { AdoptionForm } from '../../features/solutions/components/adoption-form';
import { AskForm } from '../../features/solutions/components/ask-form';
import { DocumentsSection } from '../../features/solutions/components/documents-section';
import { Moderation } from '../../features/solutions/components/moderation';
import { OwnerActions } from '../../features/solutions/components/owner-actions';
import { ReportForm } from '../../features/solutions/components/report-form';
import { SolutionContentView } from '../../features/solutions/components/solution-content';
import { SolutionExampleNotice, SolutionTags } from '../../features/solutions/components/solution-notes';
import { SpreadSection } from '../../features/solutions/components/spread-map';
import { VersionHistory } from '../../features/solutions/components/version-history';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isUuid(params.id)) throw notFound();
  const api = apiFrom(context);
  const [solution, spread, counties] = await orRouteError(
    request,
    // A draft never published has no spread to show: its spread may be refused, the page is not.
    Promise.all([getSolution(api, params.id), getSolutionSpread(api, params.id).catch(() => null), listCounties(api)]),
  );
  // The draft's revision, for "publish" (what the administrator saw is what is published).
  const draft = solution.can.publish && solution.hasDraft ? await orRouteError(request, getSolutionDraft(api, params.id)) : null;
  const asked = Number(new URL(request.url).searchParams.get('ar'));
  const years = spread?.years.map((y) => y.year) ?? [];
  const year = years.includes(asked) ? asked : (years.at(-1) ?? new Date().getFullYear());
  return { solution, spread, counties, year, draftRevision: draft?.revision ?? null };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (_t, { solution }) => solution.content.title,
  description: (t, { solution }) => solution.content.summary ?? t('library.pageDescription', { title: solution.content.title }),
};

export function Component() {
  const { solution: s, spread, counties, year, draftRevision } = useLoaderData<Data>();
  const { t, lang, dateTime } = useI18n();
  const { user } = useSession();
  const textLang = s.content.language !== lang ? s.content.language : undefined;
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/losninger">{t('library.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading lang={textLang}>{s.content.title}</PageHeading>
        <SolutionTags status={s.status} isExample={s.isExample} hidden={s.hidden} />
        {s.isExample ? <SolutionExampleNotice /> : null}
        {s.status === 'withdrawn' ? (
          <Alert data-color="warning">
            <Heading level={2} data-size="xs">
              {t('library.withdrawnHeading')}
            </Heading>
            <Paragraph>{t('library.withdrawnNotice', { when: s.withdrawnAt ? dateTime(s.withdrawnAt) : '–' })}</Paragraph>
          </Alert>
        ) : null}
        {s.status === 'draft' ? (
          <Alert data-color="info">
            <Paragraph>{t('library.draftNotice')}</Paragraph>
          </Alert>
        ) : null}
        {s.hidden ? (
          <Alert data-color="danger">
            <Heading level={2} data-size="xs">
              {t('library.hiddenHeading')}
            </Heading>
            <Paragraph>{s.hiddenReason ? t('library.hiddenNoticeReason', { reason: s.hiddenReason }) : t('library.hiddenNotice')}</Paragraph>
          </Alert>
        ) : null}
        {s.content.summary ? (
          <Paragraph className="lead" lang={textLang}>
            {s.content.summary}
          </Paragraph>
        ) : null}
        {s.publishedAt ? (
          <Paragraph data-size="sm" className="muted">
            {t('library.publishedLine', { version: s.version ?? 1, when: dateTime(s.publishedAt) })}
          </Paragraph>
        ) : null}
      </div>
      <div className="two-columns two-columns--wide-first">
        <div className="stack">
          <SolutionContentView content={s.content} owners={s.owners} contact={s.contact} />
          <DocumentsSection solutionId={s.id} documents={s.documents} canUpload={s.can.uploadDocument} />
        </div>
        <div className="stack">
          <OwnerActions solution={s} draftRevision={draftRevision} />
          {user ? <AdoptionForm solutionId={s.id} adoptFor={s.can.adoptFor} adoptions={s.adoptions} user={user} /> : null}
          {user ? <AskForm solutionId={s.id} askFrom={s.can.askFrom} contact={s.contact} user={user} /> : null}
          {!user && s.status !== 'draft' ? (
            <Paragraph>
              <AppLink to={`/logg-inn?neste=${encodeURIComponent(`/losninger/${s.id}`)}`}>{t('library.signInToAsk')}</AppLink>
            </Paragraph>
          ) : null}
          <Moderation solution={s} />
          {s.can.report ? <ReportForm solutionId={s.id} /> : null}
        </div>
      </div>
      <AdoptersSection adoptions={s.adoptions} figures={s.figures} />
      {spread && s.status !== 'draft' ? <SpreadSection solutionId={s.id} spread={spread} year={year} counties={counties} /> : null}
      <VersionHistory solutionId={s.id} versions={s.versions} current={s.version} />
    </div>
  );
}
