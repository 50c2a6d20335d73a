import type {
  Adoption,
  AdoptionBody,
  ContactConsentBody,
  PublishBody,
  ReportBody,
  ResolveReportBody,
  SolutionReportList,
  SolutionView,
  VisibilityBody,
  WithdrawBody,
} from '@varde/contracts/solutions-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

type WithId<T> = T & { id: string };

const publish = (api: Api, { id, ...body }: WithId<PublishBody>) => api.send<SolutionView>('POST', `/api/solutions/${id}/publish`, body);
const withdraw = (api: Api, { id, ...body }: WithId<WithdrawBody>) => api.send<SolutionView>('POST', `/api/solutions/${id}/withdraw`, body);
const setConsent = (api: Api, { id, ...body }: WithId<ContactConsentBody>) => api.send<SolutionView>('PUT', `/api/solutions/${id}/contact-consent`, body);
const setVisibility = (api: Api, { id, ...body }: WithId<VisibilityBody>) => api.send<SolutionView>('POST', `/api/solutions/${id}/visibility`, body);
const report = (api: Api, { id, ...body }: WithId<ReportBody>) => api.send('POST', `/api/solutions/${id}/reports`, body);
const saveAdoption = (api: Api, { id, organisationId, ...body }: WithId<AdoptionBody> & { organisationId: string }) =>
  api.send<Adoption>('PUT', `/api/solutions/${id}/adoptions/${organisationId}`, body);
const removeAdoption = (api: Api, { id, organisationId }: { id: string; organisationId: string }) =>
  api.send('DELETE', `/api/solutions/${id}/adoptions/${organisationId}`);
const resolveReport = (api: Api, { id, ...body }: WithId<ResolveReportBody>) => api.send('POST', `/api/solution-reports/${id}/resolve`, body);

export const usePublish = () => useMutation(publish);
export const useWithdraw = () => useMutation(withdraw);
export const useContactConsent = () => useMutation(setConsent);
export const useSetVisibility = () => useMutation(setVisibility);
export const useReportSolution = () => useMutation(report);
export const useSaveAdoption = () => useMutation(saveAdoption);
export const useRemoveAdoption = () => useMutation(removeAdoption);
export const useResolveReport = () => useMutation(resolveReport);

export const listSolutionReports = (api: Api, open: boolean) => api.get<SolutionReportList>(`/api/solution-reports${open ? '?open=true' : ''}`);
