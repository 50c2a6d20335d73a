/**
 * Who may do what with participation records. A member records (self-reports) for their own
 * municipality; a regional adviser (a member of a county authority, State Administrator or regional
 * council) records and verifies for the municipalities of their county; a platform administrator for
 * any. A municipality's administrator reports a record of their municipality as wrong.
 */
import type { Provenance } from '@varde/contracts/participation-vocabulary';
import { advisedCounties } from '@varde/domain/permissions';
import type { AuthContext } from '../../core/auth-context';

/** The municipality a record is about: its number and county. */
export interface RecordPlace {
  municipalityCode: string;
  countyCode: string;
}

const isMemberOf = (auth: AuthContext, municipalityCode: string, role?: 'admin') =>
  auth.memberships.some((m) => m.organisationType === 'municipality' && m.municipalityCode === municipalityCode && (!role || m.role === role));

/** Counties the user advises; null for a platform administrator (every county). */
export function adviserScope(auth: AuthContext): ReadonlySet<string> | null {
  if (auth.user.isPlatformAdmin) return null;
  return new Set(advisedCounties({ isPlatformAdmin: false, memberships: auth.memberships }));
}

export const advises = (auth: AuthContext, place: RecordPlace) => {
  const scope = adviserScope(auth);
  return scope === null || scope.has(place.countyCode);
};

/** The provenance a new record by this user gets, or null when they may not record for the municipality. */
export function provenanceFor(auth: AuthContext, place: RecordPlace): Provenance | null {
  if (advises(auth, place)) return 'verified';
  if (isMemberOf(auth, place.municipalityCode)) return 'self_reported';
  return null;
}

/** Advisers and administrators edit any record they advise on; members only their own municipality's self-reports. */
export function mayEdit(auth: AuthContext | null, record: RecordPlace & { provenance: Provenance; isExample: boolean }) {
  if (!auth || record.isExample) return false;
  if (advises(auth, record)) return true;
  return record.provenance === 'self_reported' && isMemberOf(auth, record.municipalityCode);
}

export const mayVerify = (auth: AuthContext | null, record: RecordPlace & { isExample: boolean }) => !!auth && !record.isExample && advises(auth, record);

export const mayFlag = (auth: AuthContext | null, record: RecordPlace & { isExample: boolean }) =>
  !!auth && !record.isExample && isMemberOf(auth, record.municipalityCode, 'admin');

/** Imports are for advisers and platform administrators. */
export const mayImport = (auth: AuthContext) => {
  const scope = adviserScope(auth);
  return scope === null || scope.size > 0;
};
