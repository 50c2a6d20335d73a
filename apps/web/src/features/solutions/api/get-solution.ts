import type { MunicipalitySolutions, SolutionDraft, SolutionSpread, SolutionVersion, SolutionView } from '@varde/contracts/solutions-api';
import type { Api } from '../../../app/api-client';

export const getSolution = (api: Api, id: string) => api.get<SolutionView>(`/api/solutions/${id}`);
export const getSolutionSpread = (api: Api, id: string) => api.get<SolutionSpread>(`/api/solutions/${id}/spread`);
export const getSolutionVersion = (api: Api, id: string, version: number) => api.get<SolutionVersion>(`/api/solutions/${id}/versions/${version}`);
export const getSolutionDraft = (api: Api, id: string) => api.get<SolutionDraft>(`/api/solutions/${id}/draft`);
export const getMunicipalitySolutions = (api: Api, code: string) => api.get<MunicipalitySolutions>(`/api/municipalities/${code}/solutions`);
