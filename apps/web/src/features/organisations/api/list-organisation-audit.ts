import type { AuditEntry } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const listOrganisationAudit = (api: Api, organisationId: string) => api.get<AuditEntry[]>(`/api/organisations/${organisationId}/audit`);
