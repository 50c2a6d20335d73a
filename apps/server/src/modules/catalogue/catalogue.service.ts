/**
 * The scheme catalogue: the schemes with their calls (real and forecast), deadlines and their
 * iCalendar form, editing with versions and the change history.
 *
 * The catalogue is read into memory and kept while its stamp (count, versions, newest change) stays
 * the same, so every instance sees an edit on its next request and a finder query costs one small
 * query.
 */
import { ErrorCode, FieldErrorCode, type Language } from '@varde/contracts';
import type { CallSummary, DeadlineItem, SchemeChange, SchemeEdit, SchemeVersion } from '@varde/contracts/catalogue-api';
import type { Scheme, SchemeOwner } from '@varde/contracts/schemes';
import { canonicalJson } from '@varde/db/canonical-json';
import { type CallView, deadlineInstant } from '@varde/domain/calls';
import { callsFor } from '@varde/domain/finder';
import { roundFor } from '@varde/domain/rounds';
import { schemeChanges } from '@varde/domain/scheme-changes';
import { checkSchemeIntegrity } from '@varde/domain/scheme-integrity';
import { AppError, fieldErrors, notFound, type PendingFieldError } from '../../core/app-error';
import { coalesced } from '../../core/coalesced';
import type { AuthContext } from '../../core/auth-context';
import { pick } from '../../core/localized-text';
import type { RunInTransaction } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { OrganisationService } from '../organisations/organisation.service';
import { type CalendarEvent, deadlineCalendar } from './calendar';
import { deadlineChangeCounts, sequenceKey } from './call-sequences';
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
  /** Every owner of a scheme or of a round, once per id. */
  owners: SchemeOwner[];
}

/** A deadline still ahead: the call (real or forecast), its scheme, and who runs its round. */
export interface DeadlineEntry {
  scheme: Scheme;
  call: CallView & { deadline: NonNullable<CallView['deadline']> };
  owner: SchemeOwner;
  /** Epoch ms of the deadline instant. */
  at: number;
}

interface DeadlineOptions {
  days?: number;
  includeForecasts?: boolean;
  schemeIds?: ReadonlySet<string> | undefined;
  countyCode?: string | null | undefined;
}

const collator = new Intl.Collator('nb');

/** A call in the request's language, for finder cards and deadline lists. */
function callSummary(call: CallView, lang: Language): CallSummary {
  return {
    id: call.id,
    title: pick(call.title, lang),
    opensOn: call.opensOn,
    deadline: call.deadline,
    status: call.status,
    predicted: call.predicted,
    forecast: call.forecast,
    region: call.region ? pick(call.region, lang) : null,
  };
}

/** Who runs a call: the owner of its round, else the scheme's owner. */
export function ownerOfCall(scheme: Scheme, call: Pick<CallView, 'roundId'>): SchemeOwner {
  const round = call.roundId ? scheme.rounds.find((r) => r.id === call.roundId) : undefined;
  return round?.owner ?? scheme.owner;
}

/**
 * A scheme's calls and forecasts (newest first, forecasts first), worked out once a minute per scheme
 * document (the finder's cache). With a county: the national calls and those of the county's round only
 * (other counties' rounds are not shown to a municipality).
 */
export function schemeCalls(scheme: Scheme, at: Date, countyCode: string | null = null): CallView[] {
  const all = callsFor(scheme, null, at);
  if (countyCode === null || scheme.rounds.length === 0) return all;
  const roundId = roundFor(scheme, countyCode).round?.id ?? null;
  return all.filter((c) => c.roundId === null || c.roundId === roundId);
}

/** Every owner of the schemes and their rounds, once per id (the first document naming it wins). */
function ownersOf(schemes: readonly Scheme[]): SchemeOwner[] {
  const owners = new Map<string, SchemeOwner>();
  for (const scheme of schemes) {
    for (const owner of [scheme.owner, ...scheme.rounds.map((r) => r.owner)]) if (!owners.has(owner.id)) owners.set(owner.id, owner);
  }
  return [...owners.values()];
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
  let sequences: { stamp: string; counts: Promise<Map<string, number>> } | null = null;
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
      owners: ownersOf(sorted.map((r) => r.data)),
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
    for (const { path, code, limit } of checkSchemeIntegrity(scheme, counties, now())) {
      problems.push({ path: `scheme.${path}`, code, ...(limit !== undefined ? { limit } : {}) });
    }
    return problems;
  }

  function mayEdit(auth: AuthContext, row: SchemeRow) {
    return auth.user.isPlatformAdmin || (!!row.ownerOrganisationId && auth.memberships.some((m) => m.organisationId === row.ownerOrganisationId));
  }

  /**
   * Deadlines from now on of schemes that have not ended, nearest first; forecasts included on request; `schemeIds` limits them, and
   * `countyCode` leaves out other counties' rounds (a municipality's own feed).
   */
  async function deadlineEntries(options: DeadlineOptions): Promise<DeadlineEntry[]> {
    const cat = await catalogue();
    const at = now();
    const horizon = at.getTime() + (options.days ?? 365) * 24 * 60 * 60 * 1000;
    const entries: DeadlineEntry[] = [];
    for (const scheme of cat.schemes) {
      if (options.schemeIds && !options.schemeIds.has(scheme.id)) continue;
      // An ended scheme takes no more applications, whatever its stored calls say.
      if (scheme.lifecycle.status === 'ended') continue;
      for (const call of schemeCalls(scheme, at, options.countyCode ?? null)) {
        if (call.status === 'closed' || !call.deadline || (call.predicted && !options.includeForecasts)) continue;
        const deadlineAt = deadlineInstant(call.deadline).getTime();
        if (deadlineAt > horizon) continue;
        entries.push({ scheme, call: call as DeadlineEntry['call'], owner: ownerOfCall(scheme, call), at: deadlineAt });
      }
    }
    return entries.sort((a, b) => a.at - b.at || collator.compare(a.scheme.name.nb, b.scheme.name.nb) || collator.compare(a.call.id, b.call.id));
  }

  /** How many saved versions changed each call's deadline (`scheme/call`), read once per catalogue stamp. */
  async function deadlineSequences(stamp: string): Promise<Map<string, number>> {
    if (sequences?.stamp !== stamp) {
      const counts = repo.callHistory().then(deadlineChangeCounts);
      sequences = { stamp, counts };
      counts.catch(() => {
        if (sequences?.counts === counts) sequences = null;
      });
    }
    return sequences.counts;
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
        for (const call of schemeCalls(scheme, after)) {
          const instants = [
            call.opensOn ? deadlineInstant({ date: call.opensOn, time: '00:00', timeSourceId: null }).getTime() : Number.NaN,
            call.deadline ? deadlineInstant(call.deadline).getTime() : Number.NaN,
          ];
          for (const at of instants) if (at >= from && at < next) next = at;
        }
      }
      return Number.isFinite(next) ? new Date(next) : null;
    },
    requireRow,
    deadlineEntries,
    callSummary,
    /** A scheme's calls and forecasts; with a county, only the national ones and its round's. */
    calls: (scheme: Scheme, countyCode: string | null = null) => schemeCalls(scheme, now(), countyCode),

    /**
     * Every deadline of the next two years (forecasts included, as tentative, unless `includeForecasts`
     * is false) as iCalendar in `lang`; `schemeIds` and `countyCode` limit it (see `deadlineEntries`).
     * Each event's `SEQUENCE` counts the saved versions that moved its deadline.
     */
    async calendar(options: {
      name: string;
      lang: Language;
      schemeIds?: ReadonlySet<string> | undefined;
      countyCode?: string | null;
      includeForecasts?: boolean;
    }): Promise<string> {
      const { lang } = options;
      const cat = await catalogue();
      const [entries, counts] = await Promise.all([
        deadlineEntries({ days: 730, includeForecasts: options.includeForecasts ?? true, schemeIds: options.schemeIds, countyCode: options.countyCode }),
        deadlineSequences(cat.stamp),
      ]);
      const events: CalendarEvent[] = entries.map(({ scheme, call, owner }) => ({
        uid: call.uid,
        schemeId: scheme.id,
        schemeName: pick(scheme.name, lang),
        ownerName: pick(owner.name, lang),
        region: call.region ? pick(call.region, lang) : null,
        title: pick(call.title, lang),
        deadline: call.deadline,
        predicted: call.predicted,
        sequence: call.predicted ? 0 : (counts.get(sequenceKey(scheme.id, call.id)) ?? 0),
      }));
      return deadlineCalendar(events, { name: options.name, publicUrl, lang });
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
        const changes = previous ? schemeChanges(previous as Scheme, current as Scheme) : [];
        const editorName = v.changedBy ? editors.get(v.changedBy) : undefined;
        return {
          version: v.version,
          changedAt: v.changedAt.toISOString(),
          changedBy: editorName ? { name: showNames ? editorName : null } : null,
          comment: v.comment,
          changedFields,
          changes,
        };
      });
    },

    /**
     * What changed in a scheme from a saved version to the current one (a `scheme_changed`
     * notification: since the version the user last saw); empty when that version is not stored.
     */
    async changesSince(id: string, version: number): Promise<SchemeChange[]> {
      const current = (await catalogue()).byId.get(id);
      if (!current || current.version <= version) return [];
      const before = await repo.versionData(id, version);
      return before ? schemeChanges(before, current.data) : [];
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
