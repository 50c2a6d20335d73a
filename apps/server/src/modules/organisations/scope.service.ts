/**
 * Who advises whom, and what a municipality shares with them (issue 15, ADR 012).
 *
 * A regional organisation (county authority, State Administrator, regional council) advises the
 * municipalities of its scope: a set of counties or an explicit list of municipalities, set by platform
 * administrators (the State Administrator regions that span several counties are a set of counties).
 * Without a stored scope it advises its own county. A regional adviser is a member of such an
 * organisation; the municipalities they advise are the union of their organisations' scopes.
 *
 * A municipality organisation shares its pipeline with the advisers whose scope includes it only when
 * its administrators turn that on (off by default).
 */
import { FieldErrorCode } from '@varde/contracts';
import type { RegionScope, ScopeBody, SharingResponse, SharingSetting } from '@varde/contracts/mapping-api';
import { regionalOrganisationTypes } from '@varde/contracts/vocabulary';
import { fieldErrors, forbidden, notFound } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { RunInTransaction } from '../../core/transaction';
import type { AuditService } from '../audit/audit.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { OrganisationService } from './organisation.service';
import type { ScopeRepository } from './scope.repository';

/** The municipalities a user advises; null: every municipality (a platform administrator). */
export type AdvisedMunicipalities = ReadonlySet<string> | null;

interface StoredScope {
  kind: 'counties' | 'municipalities';
  counties: string[];
  municipalities: string[];
  updatedAt: Date | null;
  stored: boolean;
}

export function createScopeService(deps: {
  transaction: RunInTransaction;
  repo: ScopeRepository;
  organisations: OrganisationService;
  municipalities: MunicipalityService;
  audit: AuditService;
}) {
  const { transaction, repo, organisations, municipalities, audit } = deps;

  const allMunicipalities = async () => (await municipalities.list({})).items;

  /** The stored scope of each organisation, or its own county. */
  async function storedScopes(orgs: readonly { id: string; countyCode: string | null }[]): Promise<Map<string, StoredScope>> {
    const rows = new Map((await repo.scopes(orgs.map((o) => o.id))).map((r) => [r.organisationId, r]));
    return new Map(
      orgs.map((o) => {
        const row = rows.get(o.id);
        const scope: StoredScope = row
          ? { kind: row.kind, counties: row.counties, municipalities: row.municipalities, updatedAt: row.updatedAt, stored: true }
          : { kind: 'counties', counties: o.countyCode ? [o.countyCode] : [], municipalities: [], updatedAt: null, stored: false };
        return [o.id, scope];
      }),
    );
  }

  async function codesOf(scope: StoredScope): Promise<string[]> {
    const all = await allMunicipalities();
    if (scope.kind === 'municipalities') {
      const wanted = new Set(scope.municipalities);
      return all.filter((m) => wanted.has(m.code)).map((m) => m.code);
    }
    const counties = new Set(scope.counties);
    return all.filter((m) => counties.has(m.countyCode)).map((m) => m.code);
  }

  async function requireRegional(id: string) {
    const organisation = await organisations.requireOrganisation(id);
    if (!regionalOrganisationTypes.includes(organisation.type)) throw notFound('error.region_not_regional');
    return organisation;
  }

  async function requireMunicipalityOrganisation(id: string) {
    const organisation = await organisations.requireOrganisation(id);
    if (organisation.type !== 'municipality') throw notFound('error.sharing_not_municipality');
    return organisation;
  }

  async function describe(organisationId: string, scope: StoredScope): Promise<RegionScope> {
    const [all, counties] = await Promise.all([allMunicipalities(), municipalities.counties()]);
    const codes = new Set(await codesOf(scope));
    const countyName = new Map(counties.map((c) => [c.code, c.nameNorwegian]));
    return {
      organisationId,
      kind: scope.kind,
      counties: scope.kind === 'counties' ? scope.counties.map((code) => ({ code, name: countyName.get(code) ?? code })) : [],
      municipalities: all.filter((m) => codes.has(m.code)).map((m) => ({ code: m.code, name: m.name, countyCode: m.countyCode })),
      stored: scope.stored,
      updatedAt: scope.updatedAt?.toISOString() ?? null,
    };
  }

  return {
    /** A regional organisation's scope (404 for any other organisation). */
    async scope(organisationId: string): Promise<RegionScope> {
      const organisation = await requireRegional(organisationId);
      const scope = (await storedScopes([organisation])).get(organisation.id)!;
      return describe(organisation.id, scope);
    },

    /** The municipality numbers of a regional organisation's scope. */
    async scopeCodes(organisationId: string): Promise<string[]> {
      const organisation = await requireRegional(organisationId);
      return codesOf((await storedScopes([organisation])).get(organisation.id)!);
    },

    /** Platform administrators set a scope: counties (at least one) or municipalities (at least one). */
    async setScope(actor: AuthContext, organisationId: string, body: ScopeBody): Promise<RegionScope> {
      if (!actor.user.isPlatformAdmin) throw forbidden();
      const organisation = await requireRegional(organisationId);
      const counties = [...new Set(body.counties ?? [])].sort();
      const codes = [...new Set(body.municipalities ?? [])].sort();
      if (body.kind === 'counties') {
        if (counties.length === 0) throw fieldErrors({ path: 'counties', code: FieldErrorCode.required });
        const known = new Set((await municipalities.counties()).map((c) => c.code));
        const bad = counties.findIndex((c) => !known.has(c));
        if (bad >= 0) throw fieldErrors({ path: `counties/${(body.counties ?? []).indexOf(counties[bad]!)}`, code: FieldErrorCode.invalidValue });
      } else {
        if (codes.length === 0) throw fieldErrors({ path: 'municipalities', code: FieldErrorCode.required });
        const known = new Set((await allMunicipalities()).map((m) => m.code));
        const bad = codes.findIndex((c) => !known.has(c));
        if (bad >= 0) throw fieldErrors({ path: `municipalities/${(body.municipalities ?? []).indexOf(codes[bad]!)}`, code: FieldErrorCode.invalidValue });
      }
      const scope = { kind: body.kind, counties: body.kind === 'counties' ? counties : [], municipalities: body.kind === 'municipalities' ? codes : [] };
      await transaction(async (tx) => {
        await repo.saveScope({ organisationId: organisation.id, ...scope, updatedBy: actor.user.id }, tx);
        await audit.record(
          {
            actorUserId: actor.user.id,
            action: 'region_scope.changed',
            organisationId: organisation.id,
            targetType: 'organisation',
            targetId: organisation.id,
            detail: scope,
          },
          tx,
        );
      });
      return this.scope(organisation.id);
    },

    /**
     * The municipalities a user advises: the union of the scopes of their regional organisations that
     * have a county (the `regionalAdviser` permission's condition); null for a platform administrator.
     */
    async advisedBy(auth: AuthContext | null): Promise<AdvisedMunicipalities> {
      if (!auth) return new Set();
      if (auth.user.isPlatformAdmin) return null;
      const orgs = auth.memberships
        .filter((m) => regionalOrganisationTypes.includes(m.organisationType) && m.countyCode)
        .map((m) => ({ id: m.organisationId, countyCode: m.countyCode }));
      if (orgs.length === 0) return new Set();
      const scopes = await storedScopes(orgs);
      const codes = new Set<string>();
      for (const scope of scopes.values()) for (const code of await codesOf(scope)) codes.add(code);
      return codes;
    },

    async sharing(organisationId: string): Promise<SharingResponse> {
      await requireMunicipalityOrganisation(organisationId);
      const row = await repo.sharing(organisationId);
      return {
        sharePipelineWithAdvisers: row?.share ?? false,
        updatedAt: row?.updatedAt.toISOString() ?? null,
        updatedBy: row?.updatedByName ? { name: row.updatedByName } : null,
      };
    },

    /** The municipality's administrators (not platform administrators: the choice is the municipality's). */
    async setSharing(actor: AuthContext, organisationId: string, body: SharingSetting): Promise<SharingResponse> {
      const organisation = await requireMunicipalityOrganisation(organisationId);
      if (!actor.memberships.some((m) => m.organisationId === organisation.id && m.role === 'admin')) throw forbidden();
      await transaction(async (tx) => {
        await repo.saveSharing({ organisationId: organisation.id, share: body.sharePipelineWithAdvisers, updatedBy: actor.user.id }, tx);
        await audit.record(
          {
            actorUserId: actor.user.id,
            action: 'pipeline_sharing.changed',
            organisationId: organisation.id,
            targetType: 'organisation',
            targetId: organisation.id,
            detail: { share: body.sharePipelineWithAdvisers },
          },
          tx,
        );
      });
      return this.sharing(organisation.id);
    },

    /** Each municipality's organisation and whether it shares its pipeline with advisers (by municipality number). */
    async sharingByMunicipality(): Promise<Map<string, { organisationId: string; shares: boolean }>> {
      const rows = await repo.municipalityOrganisations();
      return new Map(
        rows.flatMap((r) => (r.municipalityCode ? [[r.municipalityCode, { organisationId: r.organisationId, shares: r.share === true }] as const] : [])),
      );
    },
  };
}

export type ScopeService = ReturnType<typeof createScopeService>;
