/**
 * Who may do what with participation records. A member records (self-reports) for their own
 * municipality; a regional adviser (a member of a county authority, State Administrator or regional
 * council) records and verifies for the municipalities of their organisation's scope (ADR 012: a set
 * of counties or an explicit list, by default the organisation's county); a platform administrator for
 * any. A municipality's administrator reports a record of their municipality as wrong.
 *
 * The municipalities a caller advises are read once per request (`ParticipationService.access`) and
 * passed in as `Access`; these rules stay synchronous and pure.
 */
import type { Provenance } from '@varde/contracts/participation-vocabulary';
import type { AuthContext } from '../../core/auth-context';

/** The municipality a record is about: its number and county. */
export interface RecordPlace {
  municipalityCode: string;
  countyCode: string;
}

/** The caller and the municipalities they advise (null: every municipality, a platform administrator; empty: none). */
export interface Access {
  auth: AuthContext;
  advised: ReadonlySet<string> | null;
}

const isMemberOf = (auth: AuthContext, municipalityCode: string, role?: 'admin') =>
  auth.memberships.some((m) => m.organisationType === 'municipality' && m.municipalityCode === municipalityCode && (!role || m.role === role));

/** Municipalities the caller advises; null for a platform administrator (every municipality). */
export const adviserScope = (access: Access): ReadonlySet<string> | null => access.advised;

export const advises = (access: Access, place: RecordPlace) => access.advised === null || access.advised.has(place.municipalityCode);

/** The provenance a new record by this user gets, or null when they may not record for the municipality. */
export function provenanceFor(access: Access, place: RecordPlace): Provenance | null {
  if (advises(access, place)) return 'verified';
  if (isMemberOf(access.auth, place.municipalityCode)) return 'self_reported';
  return null;
}

/** Advisers and administrators edit any record they advise on; members only their own municipality's self-reports. */
export function mayEdit(access: Access | null, record: RecordPlace & { provenance: Provenance; isExample: boolean }) {
  if (!access || record.isExample) return false;
  if (advises(access, record)) return true;
  return record.provenance === 'self_reported' && isMemberOf(access.auth, record.municipalityCode);
}

export const mayVerify = (access: Access | null, record: RecordPlace & { isExample: boolean }) => !!access && !record.isExample && advises(access, record);

export const mayFlag = (access: Access | null, record: RecordPlace & { isExample: boolean }) =>
  !!access && !record.isExample && isMemberOf(access.auth, record.municipalityCode, 'admin');

/** Imports are for advisers (with at least one municipality in scope) and platform administrators. */
export const mayImport = (access: Access) => access.advised === null || access.advised.size > 0;
