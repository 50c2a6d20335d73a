import type { CurrentUser } from '@varde/contracts';

/**
 * Who sees the work list of reported facts (the API's `schemeOwner` permission): platform admins and
 * members of scheme-owner organisations. Which reports they may answer the API decides per scheme.
 */
export function seesFactReports(user: CurrentUser | null): boolean {
  return !!user && (user.isPlatformAdmin || user.memberships.some((m) => m.organisationType === 'scheme_owner'));
}
