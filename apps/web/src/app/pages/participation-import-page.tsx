import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { getImport, getUndoPreview } from '../../features/participation/api/imports';
import { CommitSection } from '../../features/participation/components/commit-section';
import { DRY_RUN_HEADING, DryRun } from '../../features/participation/components/dry-run';
import { MappingForm } from '../../features/participation/components/mapping-form';
import { UndoSection } from '../../features/participation/components/undo-section';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isUuid(params.importId)) throw notFound();
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const page = Number(new URL(request.url).searchParams.get('side'));
  const detail = await orRouteError(request, getImport(api, params.importId, Number.isInteger(page) && page > 1 && page <= 10_000 ? page : 1));
  const preview = detail.status === 'committed' ? await orRouteError(request, getUndoPreview(api, detail.id)) : null;
  return { detail, preview };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { detail }) => t('participationImport.importTitle', { file: detail.fileName }),
};

const mappingComplete = (mapping: Data['detail']['mapping']) =>
  (['municipality', 'scheme', 'role', 'status'] as const).every((f) => mapping[f] !== null && mapping[f] !== undefined) &&
  (mapping.year != null || mapping.decidedOn != null);

export function Component() {
  const { detail, preview } = useLoaderData<Data>();
  const { t, number, dateTime } = useI18n();
  const navigate = useNavigate();
  const status =
    detail.status === 'committed' && detail.committedAt
      ? t('participationImport.statusCommitted', { count: number(detail.recordCount ?? 0), when: dateTime(detail.committedAt) })
      : detail.status === 'undone' && detail.undoneAt
        ? t('participationImport.statusUndone', { when: dateTime(detail.undoneAt) })
        : t('participationImport.statusDraft');
  const read = [
    t(`participationImport.format.${detail.format}`),
    detail.encoding ? t('participationImport.encoding', { encoding: detail.encoding }) : null,
    detail.delimiter ? t('participationImport.delimiter', { delimiter: detail.delimiter === '\t' ? 'tab' : detail.delimiter }) : null,
    t('participationImport.rowCount', { rows: number(detail.rowCount) }),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/deltakelse/import">{t('participationImport.backToImports')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{t('participationImport.importTitle', { file: detail.fileName })}</PageHeading>
        <Paragraph className="lead">{read}</Paragraph>
        <Paragraph id="import-status" tabIndex={-1} role="status">
          {status}
        </Paragraph>
      </div>
      {detail.status === 'draft' ? (
        <>
          <MappingForm detail={detail} onChecked={() => document.getElementById(DRY_RUN_HEADING)?.focus()} />
          {mappingComplete(detail.mapping) ? (
            <>
              <DryRun detail={detail} />
              <CommitSection detail={detail} onDiscarded={() => void navigate('/deltakelse/import')} />
            </>
          ) : null}
        </>
      ) : null}
      {detail.status === 'committed' && preview ? <UndoSection detail={detail} preview={preview} /> : null}
    </div>
  );
}
