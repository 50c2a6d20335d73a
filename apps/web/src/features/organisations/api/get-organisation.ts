import type { Organisation } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const isUuid = (value: string | undefined): value is string => !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export const getOrganisation = (api: Api, id: string) => api.get<Organisation>(`/api/organisations/${id}`);
