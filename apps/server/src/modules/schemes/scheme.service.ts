/**
 * The scheme catalogue as a service: the finder, a scheme's page, eligibility, deadlines, editing
 * with versions, and the open-data export.
 *
 * The catalogue is read into memory and kept while its stamp (count, versions, newest change) stays
 * the same, so every instance sees an edit on its next request and a finder query costs one small
 * query plus the municipality's pipeline and needs.
 */
import { ErrorCode, FieldErrorCode, type Language } from '@varde/contracts';
import { NO_MUNICIPALITY, type PipelineStatus } from '@varde/contracts/pipeline';
import type { Scheme, SchemeTheme } from '@varde/contracts/schemes';
import type {
  DeadlineItem,
  EligibilityAnswer,
  EligibilityMunicipality,
  EligibilityQuery,
  SchemeDetail,
  SchemeEdit,
  SchemeList,
  SchemeListQuery,
  SchemeVersion,
} from '@varde/contracts/schemes-api';
import { canonicalJson, type AppDb } from '@varde/db';
import { callsFor, findSchemes } from '@varde/domain/finder';
import { bestEligibility, evaluateEligibility, type MunicipalityProfile } from '@varde/domain/eligibility';
import { checkSchemeIntegrity } from '@varde/domain/scheme-integrity';
import { AppError, fieldErrors, notFound, type PendingFieldError } from '../../plugins/app-error';
import type { AuthContext } from '../../plugins/auth';
import type { MunicipalityService } from '../municipalities/municipality.service';
import { callSummary, describeEligibility, pick } from './scheme-text';
import type { SchemeRepository, SchemeRow } from './scheme.repository';

export interface Viewer {
  lang: Language;
  auth: AuthContext | null;
}

interface Catalogue {
  stamp: string;
  rows: SchemeRow[];
  byId: Map<string, SchemeRow>;
  schemes: Scheme[];
  owners: string[];
}

const collator = new Intl.Collator('nb');

/** The municipality an answer is for: the one asked for, none on `none`, else the viewer's own. */
function chosenMunicipality(choice: string | undefined, viewer: Viewer): string | undefined {
  if (choice === NO_MUNICIPALITY) return undefined;
  return choice ?? ownMunicipality(viewer.auth)?.code;
}

/** The municipality organisation a signed-in user belongs to (their own pipeline and needs). */
export function ownMunicipality(auth: AuthContext | null) {
  const membership = auth?.memberships.find((m) => m.organisationType === 'municipality' && m.municipalityCode);
  return membership ? { organisationId: membership.organisationId, code: membership.municipalityCode! } : null;
}

/** One status per scheme: the scheme-wide item wins; otherwise the most recently changed call item. */
export function schemeStatuses(items: { schemeId: string; callId: string; status: PipelineStatus; updatedAt: Date }[]) {
  const statuses = new Map<string, PipelineStatus>();
  const sorted = [...items].sort((a, b) => Number(a.callId === '') - Number(b.callId === '') || a.updatedAt.getTime() - b.updatedAt.getTime());
  for (const item of sorted) statuses.set(item.schemeId, item.status);
  return statuses;
}

export function createSchemeService(deps: { db: AppDb; repo: SchemeRepository; municipalities: MunicipalityService; now?: () => Date }) {
  const { db, repo, municipalities } = deps;
  const now = deps.now ?? (() => new Date());
  let cached: Promise<Catalogue> | null = null;

  async function catalogue(): Promise<Catalogue> {
    const stamp = await repo.stamp();
    const current = cached ? await cached.catch(() => null) : null;
    if (current?.stamp === stamp) return current;
    cached = repo.listAll().then((rows) => {
      // By name: the finder keeps this order among equal scores.
      const sorted = rows.sort((a, b) => collator.compare(a.data.name.nb, b.data.name.nb));
      return {
        stamp,
        rows: sorted,
        byId: new Map(sorted.map((r) => [r.id, r])),
        schemes: sorted.map((r) => r.data),
        owners: [...new Set(sorted.map((r) => r.data.owner.name))].sort(collator.compare),
      };
    });
    return cached;
  }

  async function countyNames(): Promise<Map<string, string>> {
    return new Map((await municipalities.counties()).map((c) => [c.code, c.nameNorwegian]));
  }

  async function municipalityOf(code: string): Promise<{ profile: MunicipalityProfile; summary: EligibilityMunicipality }> {
    const m = await municipalities.get(code);
    const profile = { code: m.code, countyCode: m.countyCode, population: m.population, centralityClass: m.centralityClass };
    return { profile, summary: { ...profile, name: m.name, countyName: m.countyName } };
  }

  async function requireRow(id: string): Promise<SchemeRow> {
    const row = (await catalogue()).byId.get(id);
    if (!row) throw notFound('error.scheme_not_found', { id });
    return row;
  }

  /** Pipeline and needs apply when the municipality shown is the viewer's own. */
  async function ownContext(viewer: Viewer, code: string | undefined) {
    const own = ownMunicipality(viewer.auth);
    if (!own || own.code !== code) return { pipeline: new Map<string, PipelineStatus>(), needs: [] as SchemeTheme[] };
    const [items, needs] = await Promise.all([repo.pipelineStatuses(own.organisationId), repo.needsThemes(own.organisationId)]);
    return { pipeline: schemeStatuses(items), needs };
  }

  /** The same integrity check as the catalogue files, as field errors under `scheme.`. */
  async function checkEdit(id: string, scheme: Scheme): Promise<PendingFieldError[]> {
    const problems: PendingFieldError[] = [];
    if (scheme.id !== id) problems.push({ path: 'scheme.id', code: FieldErrorCode.invalidValue });
    const counties = new Set((await countyNames()).keys());
    for (const { path, code, limit } of checkSchemeIntegrity(scheme, counties)) {
      problems.push({ path: `scheme.${path}`, code, ...(limit !== undefined ? { limit } : {}) });
    }
    return problems;
  }

  function mayEdit(auth: AuthContext, row: SchemeRow) {
    return auth.user.isPlatformAdmin || (!!row.ownerOrganisationId && auth.memberships.some((m) => m.organisationId === row.ownerOrganisationId));
  }

  const service = {
    catalogue,

    async list(query: SchemeListQuery, viewer: Viewer): Promise<SchemeList> {
      const code = chosenMunicipality(query.municipality, viewer);
      const [cat, municipality, context, names] = await Promise.all([
        catalogue(),
        code ? municipalityOf(code) : null,
        ownContext(viewer, code),
        countyNames(),
      ]);
      const result = findSchemes(cat.schemes, { ...query, municipality: code }, { municipality: municipality?.profile ?? null, ...context, now: now() });
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      return {
        municipality: municipality?.summary ?? null,
        total: result.hits.length,
        hiddenAsNotRelevant: result.hiddenAsNotRelevant,
        owners: cat.owners,
        items: result.hits.slice(offset, offset + limit).map((hit) => ({
          id: hit.scheme.id,
          name: pick(hit.scheme.name, viewer.lang),
          summary: pick(hit.scheme.summary, viewer.lang),
          ownerName: hit.scheme.owner.name,
          themes: hit.scheme.themes,
          collaboration: hit.scheme.applicants.collaboration,
          isGrant: hit.scheme.funding.isGrant,
          minGrantNok: hit.scheme.funding.minGrantNok,
          maxGrantNok: hit.scheme.funding.maxGrantNok,
          nextCall: hit.nextCall ? callSummary(hit.nextCall, viewer.lang) : null,
          eligibility: hit.eligibility ? describeEligibility(hit.eligibility, viewer.lang, names) : null,
          pipelineStatus: hit.pipelineStatus,
          matchedNeeds: hit.matchedNeeds,
        })),
      };
    },

    async detail(id: string, code: string | undefined, viewer: Viewer): Promise<SchemeDetail> {
      const row = await requireRow(id);
      const chosen = chosenMunicipality(code, viewer);
      const [municipality, context, names] = await Promise.all([chosen ? municipalityOf(chosen) : null, ownContext(viewer, chosen), countyNames()]);
      const scheme = row.data;
      const eligibility = municipality
        ? {
            lead: describeEligibility(evaluateEligibility({ municipality: municipality.profile, rules: scheme.applicants, role: 'lead', isGrant: scheme.funding.isGrant }), viewer.lang, names),
            partner: describeEligibility(evaluateEligibility({ municipality: municipality.profile, rules: scheme.applicants, role: 'partner', isGrant: scheme.funding.isGrant }), viewer.lang, names),
          }
        : null;
      return {
        scheme,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
        lastCheckedAt: scheme.sources.map((s) => s.checkedAt).sort().at(-1)!,
        ownerOrganisation: row.ownerOrganisationId ? { id: row.ownerOrganisationId, name: row.ownerOrganisationName ?? '' } : null,
        calls: callsFor(scheme, municipality?.profile ?? null, now()),
        municipality: municipality?.summary ?? null,
        eligibility,
        pipelineStatus: context.pipeline.get(id) ?? null,
      };
    },

    async eligibility(id: string, query: EligibilityQuery, lang: Language): Promise<EligibilityAnswer> {
      const [row, municipality, names] = await Promise.all([requireRow(id), municipalityOf(query.municipality), countyNames()]);
      const input = {
        municipality: municipality.profile,
        rules: row.data.applicants,
        partners: (query.partners ?? []).map((type) => ({ type })),
        isGrant: row.data.funding.isGrant,
      };
      const result = query.role ? evaluateEligibility({ ...input, role: query.role }) : bestEligibility(input);
      return { schemeId: id, municipality: municipality.summary, eligibility: describeEligibility(result, lang, names) };
    },

    /** Deadlines from today on, nearest first; forecasts included on request. */
    async deadlines(options: { days?: number; includeForecasts?: boolean; schemeIds?: ReadonlySet<string> }, lang: Language): Promise<DeadlineItem[]> {
      const cat = await catalogue();
      const at = now();
      const horizon = at.getTime() + (options.days ?? 365) * 24 * 60 * 60 * 1000;
      return cat.schemes
        .filter((s) => !options.schemeIds || options.schemeIds.has(s.id))
        .flatMap((scheme) =>
          callsFor(scheme, null, at)
            .filter((c) => c.status !== 'closed' && Date.parse(c.deadline) <= horizon && (options.includeForecasts || !c.predicted))
            .map((call) => ({ schemeId: scheme.id, schemeName: pick(scheme.name, lang), ownerName: scheme.owner.name, call: callSummary(call, lang) })),
        )
        .sort((a, b) => a.call.deadline.localeCompare(b.call.deadline) || collator.compare(a.schemeName, b.schemeName));
    },

    async edit(auth: AuthContext, id: string, body: SchemeEdit, viewer: Viewer): Promise<SchemeDetail> {
      const row = await requireRow(id);
      if (!mayEdit(auth, row)) throw new AppError(ErrorCode.forbidden, 'error.not_scheme_owner');
      const problems = await checkEdit(id, body.scheme);
      if (problems.length) throw fieldErrors(...problems);
      if (body.baseVersion !== row.version) throw new AppError(ErrorCode.conflict, 'error.scheme_version_conflict', { version: row.version });
      const saved = await db.transaction((tx) =>
        repo.saveVersion({ id, data: body.scheme, baseVersion: body.baseVersion, userId: auth.user.id, comment: body.comment?.trim() || null }, tx),
      );
      if (!saved) {
        const latest = await repo.find(id);
        throw new AppError(ErrorCode.conflict, 'error.scheme_version_conflict', { version: latest?.version ?? body.baseVersion });
      }
      return service.detail(id, undefined, viewer);
    },

    async setOwner(id: string, organisationId: string | null) {
      if (!(await repo.setOwner(id, organisationId))) throw notFound('error.scheme_not_found', { id });
    },

    /** The history of a scheme, newest first; editors' names only for `showNames` (signed-in callers). */
    async versions(id: string, { showNames }: { showNames: boolean }): Promise<SchemeVersion[]> {
      await requireRow(id);
      const rows = await repo.versions(id);
      return rows.map((v, i) => {
        const previous = rows[i + 1]?.data as Record<string, unknown> | undefined;
        const current = v.data as Record<string, unknown>;
        const changedFields = previous ? Object.keys(current).filter((k) => canonicalJson(current[k]) !== canonicalJson(previous[k])) : [];
        return {
          version: v.version,
          changedAt: v.changedAt.toISOString(),
          changedBy: v.changedByName ? { name: showNames ? v.changedByName : null } : null,
          comment: v.comment,
          changedFields,
        };
      });
    },

    async ownedBy(organisationId: string, lang: Language) {
      const rows = await repo.ownedBy(organisationId);
      return rows
        .map((r) => ({ id: r.id, name: pick(r.data.name, lang), version: r.version, updatedAt: r.updatedAt.toISOString() }))
        .sort((a, b) => collator.compare(a.name, b.name));
    },
  };
  return service;
}

export type SchemeService = ReturnType<typeof createSchemeService>;
