import type { CurrentUser } from '@varde/contracts';
import { regionalOrganisationTypes } from '@varde/contracts/vocabulary';

/** Members of a regional organisation (and platform administrators) have an adviser overview at /region. */
export const advisesRegion = (user: CurrentUser) =>
  user.isPlatformAdmin || user.memberships.some((m) => regionalOrganisationTypes.includes(m.organisationType));
