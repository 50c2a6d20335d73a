/** Rules both provenance services share: who may answer for a scheme's facts, and when a check is old. */
import { CHECK_STALE_MONTHS } from '@varde/contracts/vocabulary';
import type { AuthContext } from '../../core/auth-context';

/**
 * Who checks a scheme's facts and answers its reports: platform admins, and members of the
 * organisation that maintains the scheme (the same rule as editing it).
 */
export function maintains(auth: AuthContext, ownerOrganisationId: string | null): boolean {
  return auth.user.isPlatformAdmin || (!!ownerOrganisationId && auth.memberships.some((m) => m.organisationId === ownerOrganisationId));
}

/** `at` plus `months` calendar months (the last day of a shorter month when the day is missing). */
export function monthsAfter(at: Date, months: number): Date {
  const result = new Date(at);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** True when a fact group checked at `checkedAt` (null: never) has not been checked in the last 12 months. */
export function isStale(checkedAt: Date | null, now: Date): boolean {
  return checkedAt === null || monthsAfter(checkedAt, CHECK_STALE_MONTHS).getTime() <= now.getTime();
}
