import type { AuditEntry } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const listAdminAudit = (api: Api) => api.get<AuditEntry[]>('/api/admin/audit');
