import type { FactReport, FactReportCreate, FactReportList, FactReportResolve } from '@varde/contracts/provenance-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

/** The reports the signed-in owner or platform admin may answer: open (oldest first) or answered. */
export const listFactReports = (api: Api, status: 'open' | 'closed') =>
  api.get<FactReportList>(`/api/fact-reports${status === 'closed' ? '?status=closed' : ''}`);

const reportFact = (api: Api, { schemeId, ...body }: FactReportCreate & { schemeId: string }) =>
  api.send<FactReport>('POST', `/api/schemes/${encodeURIComponent(schemeId)}/reports`, body);

const resolveFactReport = (api: Api, { reportId, ...body }: FactReportResolve & { reportId: string }) =>
  api.send<FactReport>('POST', `/api/fact-reports/${encodeURIComponent(reportId)}/resolve`, body);

export const useReportFact = () => useMutation(reportFact);
export const useResolveFactReport = () => useMutation(resolveFactReport);
