import type { Home } from '@varde/contracts/home-api';
import type { Api } from '../../../app/api-client';

/** Which municipality `/min-kommune` shows; asking for one (`organisation`) remembers it as the choice. */
export const getHome = (api: Api, organisation?: string) =>
  api.get<Home>(organisation ? `/api/auth/home?organisation=${encodeURIComponent(organisation)}` : '/api/auth/home');

/** Whether the signed-in user has a municipality whose work `/min-kommune` can show (the header's link). */
export const hasHome = (memberships: readonly { organisationType: string; municipalityCode: string | null }[]) =>
  memberships.some((m) => m.organisationType === 'municipality' && m.municipalityCode !== null);
