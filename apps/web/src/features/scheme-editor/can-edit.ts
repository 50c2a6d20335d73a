import type { CurrentUser } from '@varde/contracts';
import type { SchemeDetail } from '@varde/contracts/finder-api';

/** The same rule as the API's: platform admins, and members of the organisation that maintains the scheme. */
export function canEditScheme(user: CurrentUser | null, detail: Pick<SchemeDetail, 'ownerOrganisation'>): boolean {
  if (!user) return false;
  if (user.isPlatformAdmin) return true;
  const owner = detail.ownerOrganisation?.id;
  return !!owner && user.memberships.some((m) => m.organisationId === owner);
}
