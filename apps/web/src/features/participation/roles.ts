import type { CurrentUser } from '@varde/contracts';
import { regionalOrganisationTypes } from '@varde/contracts/vocabulary';

/** Counties the user advises (as on the server, `advisedCounties`): decides which adviser links to show. */
export const advisedCounties = (user: CurrentUser) =>
  user.memberships.filter((m) => regionalOrganisationTypes.includes(m.organisationType) && m.countyCode).map((m) => m.countyCode!);

/** Municipalities the user is a member of, by number. */
export const memberMunicipalities = (user: CurrentUser) =>
  user.memberships.filter((m) => m.organisationType === 'municipality' && m.municipalityCode).map((m) => m.municipalityCode!);
