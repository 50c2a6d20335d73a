/**
 * Who may call what. Every server route declares one of these policies; `evaluatePermission` is the
 * single place that decides, so the route table and the permission test read the same rules.
 */
import { regionalOrganisationTypes, type MembershipRole, type OrganisationType } from '@varde/contracts/vocabulary';

export type Permission =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** Any signed-in user. */
  | { kind: 'authenticated' }
  /** Platform administrators only. */
  | { kind: 'platformAdmin' }
  /**
   * Members of a scheme-owner organisation, and platform admins. The route then checks that the
   * organisation owns the scheme in question (a resource check, like any other row-level check).
   */
  | { kind: 'schemeOwner' }
  /**
   * Regional advisers: members of a county authority, State Administrator or regional council that
   * serves a county, and platform admins. The route then checks the county of the resource.
   */
  | { kind: 'regionalAdviser' }
  /** Members (any role) of the organisation named by the route parameter, and platform admins. */
  | { kind: 'organisationMember'; param: string }
  /** Administrators of the organisation named by the route parameter, and platform admins. */
  | { kind: 'organisationAdmin'; param: string }
  /**
   * Members of the organisation named by the route parameter and nobody else, not even platform
   * admins: the organisation's own work (its pipeline, needs profile and calendar address), which it
   * shares only with those it invites.
   */
  | { kind: 'organisationPrivate'; param: string };

export type PermissionKind = Permission['kind'];

export interface Principal {
  isPlatformAdmin: boolean;
  memberships: readonly {
    organisationId: string;
    organisationType: OrganisationType;
    countyCode: string | null;
    role: MembershipRole;
  }[];
}

export type PermissionOutcome = 'allowed' | 'unauthenticated' | 'forbidden';

export function evaluatePermission(permission: Permission, principal: Principal | null, params: Record<string, string | undefined>): PermissionOutcome {
  if (permission.kind === 'public') return 'allowed';
  if (!principal) return 'unauthenticated';
  if (permission.kind === 'organisationPrivate') {
    return principal.memberships.some((m) => m.organisationId === params[permission.param]) ? 'allowed' : 'forbidden';
  }
  if (principal.isPlatformAdmin) return 'allowed';
  switch (permission.kind) {
    case 'authenticated':
      return 'allowed';
    case 'platformAdmin':
      return 'forbidden';
    case 'schemeOwner':
      return isSchemeOwner(principal) ? 'allowed' : 'forbidden';
    case 'regionalAdviser':
      return advisedCounties(principal).length > 0 ? 'allowed' : 'forbidden';
    case 'organisationMember':
    case 'organisationAdmin': {
      const organisationId = params[permission.param];
      const membership = principal.memberships.find((m) => m.organisationId === organisationId);
      if (!membership) return 'forbidden';
      if (permission.kind === 'organisationAdmin' && membership.role !== 'admin') return 'forbidden';
      return 'allowed';
    }
  }
}

/** Counties a user advises as a member of a county authority, State Administrator or regional council. */
export function advisedCounties(principal: Principal | null): string[] {
  if (!principal) return [];
  return [...new Set(principal.memberships.filter((m) => regionalOrganisationTypes.includes(m.organisationType) && m.countyCode).map((m) => m.countyCode!))];
}

export function isSchemeOwner(principal: Principal | null): boolean {
  return !!principal?.memberships.some((m) => m.organisationType === 'scheme_owner');
}
