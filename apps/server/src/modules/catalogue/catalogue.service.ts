/**
 * The scheme catalogue: the schemes with their calls (real and forecast), deadlines and their
 * iCalendar form, editing with versions and the change history.
 *
 * The catalogue is read into memory and kept while its stamp (count, versions, newest change) stays
 * the same, so every instance sees an edit on its next request and a finder query costs one small
 * query.
 */
import { ErrorCode, FieldErrorCode, type Language } from '@varde/contracts';
import type { CallSummary, DeadlineItem, SchemeEdit, SchemeVersion } from '@varde/contracts/catalogue-api';
import type { Scheme } from '@varde/contracts/schemes';
import { canonicalJson } from '@varde/db/canonical-json';
import type { CallView } from '@varde/domain/calls';
import { callsFor } from '@varde/domain/finder';
import { checkSchemeIntegrity } from '@varde/domain/scheme-integrity';
import { AppError, fieldErrors, notFound, type PendingFieldError } from '../../core/app-error';
import { coalesced } from '../../core/coalesced';
import type { AuthContext } from '../../core/auth-context';
import { pick } from '../../core/localized-text';
import type { RunInTransaction } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { OrganisationService } from '../organisations/organisation.service';
import { deadlineCalendar } from './calendar';
import type { CatalogueRepository, SchemeRecord } from './catalogue.repository';

/** A scheme in the catalogue, with the name of the organisation that maintains it. */
interface SchemeRow extends SchemeRecord {
  ownerOrganisationName: string | null;
}

interface Catalogue {
  stamp: string;
  rows: SchemeRow[];
  byId: Map<string, SchemeRow>;
  schemes: Scheme[];
  owners: string[];
}

const collator = new Intl.Collator('nb');

/** A call in the request's language, for finder cards and deadline lists. */
function callSummary(call: CallView, lang: Language): CallSummary {
  return {
    id: call.id,
    title: pick(call.title, lang),
    opensAt: call.opensAt,
    deadline: call.deadline,
    status: call.status,
    predicted: call.predicted,
  };
}

export function createCatalogueService(deps: {
  transaction: RunInTransaction;
  repo: CatalogueRepository;
  municipalities: MunicipalityService;
  organisations: OrganisationService;
  accounts: AccountService;
  publicUrl: string;
  now?: () => Date;
}) {
  const { transaction, repo, municipalities, organisations, accounts, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  let cached: Promise<Catalogue> | null = null;
  // Asked for by every finder and scheme page: under load one query per round trip, not one per page.
  const stamp = coalesced(() => repo.stamp());

  async function load(stamp: string): Promise<Catalogue> {
    const records = await repo.listAll();
    const ownerNames = await organisations.names([...new Set(records.flatMap((r) => (r.ownerOrganisationId ? [r.ownerOrganisationId] : [])))]);
    const rows = records.map((r) => ({ ...r, ownerOrganisationName: r.ownerOrganisationId ? (ownerNames.get(r.ownerOrganisationId) ?? null) : null }));
    // By name: the finder keeps this order among equal scores.
    const sorted = rows.sort((a, b) => collator.compare(a.data.name.nb, b.data.name.nb));
    return {
      stamp,
      rows: sorted,
      byId: new Map(sorted.map((r) => [r.id, r])),
      schemes: sorted.map((r) => r.data),
      owners: [...new Set(sorted.map((r) => r.data.owner.name))].sort(collator.compare),
    };
  }

  async function catalogue(): Promise<Catalogue> {
    const latest = await stamp();
    const current = cached ? await cached.catch(() => null) : null;
    if (current?.stamp === latest) return current;
    cached = load(latest);
    return cached;
  }

  async function requireRow(id: string): Promise<SchemeRow> {
    const row = (await catalogue()).byId.get(id);
    if (!row) throw notFound('error.scheme_not_found', { id });
    return row;
  }

  /** The same integrity check as the catalogue files, as field errors under `scheme.`. */
  async function checkEdit(id: string, scheme: Scheme): Promise<PendingFieldError[]> {
    const problems: PendingFieldError[] = [];
    if (scheme.id !== id) problems.push({ path: 'scheme.id', code: FieldErrorCode.invalidValue });
    const counties = new Set((await municipalities.counties()).map((c) => c.code));
    for (const { path, code, limit } of checkSchemeIntegrity(scheme, counties)) {
      problems.push({ path: `scheme.${path}`, code, ...(limit !== undefined ? { limit } : {}) });
    }
    return problems;
  }

  function mayEdit(auth: AuthContext, row: SchemeRow) {
    return auth.user.isPlatformAdmin || (!!row.ownerOrganisationId && auth.memberships.some((m) => m.organisationId === row.ownerOrganisationId));
  }

  /** Deadlines from today on, nearest first; forecasts included on request. */
  async function deadlines(options: { days?: number; includeForecasts?: boolean; schemeIds?: ReadonlySet<string> }, lang: Language): Promise<DeadlineItem[]> {
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
  }

  return {
    catalogue,
    /** The catalogue's current stamp: it changes whenever a scheme is added or saved. */
    stamp,

    /**
     * The first instant at or after `after` at which the clock alone changes a call's status: a call
     * opening or closing, a forecast falling due (and the next one appearing). Null when none is ahead.
     */
    async nextCallChange(after: Date): Promise<Date | null> {
      const from = after.getTime();
      let next = Number.POSITIVE_INFINITY;
      for (const scheme of (await catalogue()).schemes) {
        for (const call of callsFor(scheme, null, after)) {
          for (const instant of [call.opensAt, call.deadline]) {
            const at = instant ? Date.parse(instant) : Number.NaN;
            if (at >= from && at < next) next = at;
          }
        }
      }
      return Number.isFinite(next) ? new Date(next) : null;
    },
    requireRow,
    deadlines,
    callSummary,

    /** Every deadline of the next two years (forecasts included, as tentative) as iCalendar; `schemeIds` limits it. */
    async calendar(options: { name: string; lang: Language; schemeIds?: ReadonlySet<string> }): Promise<string> {
      const items = await deadlines({ days: 730, includeForecasts: true, ...(options.schemeIds ? { schemeIds: options.schemeIds } : {}) }, options.lang);
      return deadlineCalendar(items, { name: options.name, publicUrl, lang: options.lang });
    },

    /** Saves a new version; refused when the caller may not edit the scheme, it fails the checks, or a newer version was saved. */
    async edit(auth: AuthContext, id: string, body: SchemeEdit): Promise<void> {
      const row = await requireRow(id);
      if (!mayEdit(auth, row)) throw new AppError(ErrorCode.forbidden, 'error.not_scheme_owner');
      const problems = await checkEdit(id, body.scheme);
      if (problems.length) throw fieldErrors(...problems);
      if (body.baseVersion !== row.version) throw new AppError(ErrorCode.conflict, 'error.scheme_version_conflict', { version: row.version });
      const saved = await transaction((tx) =>
        repo.saveVersion({ id, data: body.scheme, baseVersion: body.baseVersion, userId: auth.user.id, comment: body.comment?.trim() || null }, tx),
      );
      if (!saved) {
        const latest = await repo.find(id);
        throw new AppError(ErrorCode.conflict, 'error.scheme_version_conflict', { version: latest?.version ?? body.baseVersion });
      }
    },

    async setOwner(id: string, organisationId: string | null) {
      if (organisationId && !(await organisations.names([organisationId])).has(organisationId)) {
        throw fieldErrors({ path: 'organisationId', code: FieldErrorCode.invalidValue });
      }
      if (!(await repo.setOwner(id, organisationId))) throw notFound('error.scheme_not_found', { id });
    },

    /** The history of a scheme, newest first; editors' names only for `showNames` (signed-in callers). */
    async versions(id: string, { showNames }: { showNames: boolean }): Promise<SchemeVersion[]> {
      await requireRow(id);
      const rows = await repo.versions(id);
      const editors = await accounts.names([...new Set(rows.flatMap((v) => (v.changedBy ? [v.changedBy] : [])))]);
      return rows.map((v, i) => {
        const previous = rows[i + 1]?.data as Record<string, unknown> | undefined;
        const current = v.data as Record<string, unknown>;
        const changedFields = previous ? Object.keys(current).filter((k) => canonicalJson(current[k]) !== canonicalJson(previous[k])) : [];
        const editorName = v.changedBy ? editors.get(v.changedBy) : undefined;
        return {
          version: v.version,
          changedAt: v.changedAt.toISOString(),
          changedBy: editorName ? { name: showNames ? editorName : null } : null,
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
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
