import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { getSolution, getSolutionVersion } from '../../features/solutions/api/get-solution';
import { SolutionContentView } from '../../features/solutions/components/solution-content';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** One published version as it was published (public, like the solution page). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const number = Number(params.version);
  if (!isUuid(params.id) || !Number.isInteger(number) || number < 1 || number > 100_000) throw notFound();
  const api = apiFrom(context);
  const [version, solution] = await orRouteError(request, Promise.all([getSolutionVersion(api, params.id, number), getSolution(api, params.id)]));
  return { version, solution };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { version }) => t('library.versionTitle', { title: version.content.title, version: version.version }),
};

export function Component() {
  const { version: v, solution } = useLoaderData<Data>();
  const { t, lang, dateTime } = useI18n();
  const textLang = v.content.language !== lang ? v.content.language : undefined;
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to={`/losninger/${v.id}`}>{t('library.backToSolution')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading lang={textLang}>{t('library.versionTitle', { title: v.content.title, version: v.version })}</PageHeading>
        <Alert data-color="info">
          <Paragraph>
            {t('library.versionNotice', { when: dateTime(v.publishedAt), name: v.publishedBy.name ?? t('participation.someone') })}
            {solution.version !== v.version ? ` ${t('library.versionNotCurrent')}` : ''}
          </Paragraph>
        </Alert>
        {v.note ? <Paragraph>{t('library.versionNote', { note: v.note })}</Paragraph> : null}
        {v.content.summary ? (
          <Paragraph className="lead" lang={textLang}>
            {v.content.summary}
          </Paragraph>
        ) : null}
      </div>
      <SolutionContentView content={v.content} owners={solution.owners} />
    </div>
  );
}
