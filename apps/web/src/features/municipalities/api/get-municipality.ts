import type { MunicipalityDetail } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const isMunicipalityCode = (code: string | undefined): code is string => !!code && /^\d{4}$/.test(code);

export const getMunicipality = (api: Api, code: string) => api.get<MunicipalityDetail>(`/api/municipalities/${encodeURIComponent(code)}`);
