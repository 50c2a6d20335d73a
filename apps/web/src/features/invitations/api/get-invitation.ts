import type { InvitationPreview } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

/** Same rule as the API's token parameter; anything else cannot be a valid invitation. */
export const isInvitationToken = (token: string | undefined): token is string => !!token && /^[A-Za-z0-9_-]{20,100}$/.test(token);

export const getInvitation = (api: Api, token: string) => api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`);
