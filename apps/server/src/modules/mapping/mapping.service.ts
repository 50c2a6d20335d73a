/**
 * Participation mapping (issue 15, ADR 012): rates, breakdowns, the gap against peers, the map's
 * measures, the open calls' never-taken-part lists, and the regional adviser's overview.
 *
 * The records are aggregated in SQL (mapping.repository.ts) to one row per municipality and scheme;
 * everything else is the domain's pure statistics over those rows and the 357 municipalities.
 * Eligibility is register-only (county, centrality, population, applicant type): never a
 * municipality's private confirmations. The pipeline of a municipality is read only when it shares it
 * with advisers, and only for the municipalities of the adviser organisation's scope.
 */
import type { Language, MunicipalitySummary } from '@varde/contracts';
import { translate } from '@varde/contracts';
import type {
  AppliedFilters,
  CallListItem,
  Coverage,
  GapRow,
  GapTable,
  MapMeasures,
  MappingAnalytics,
  MappingQuery,
  MunicipalityGap,
  MunicipalityRef,
  NextCall,
  OpenCallGaps,
  OpenCallRef,
  PeerGroup as PeerGroupView,
  RegionList,
  RegionOverview,
  SchemeRef,
  ScopeMunicipality,
} from '@varde/contracts/mapping-api';
import { mappingBandOf, mappingLimits, type OpenDataRecordField, type SharedPipelineState } from '@varde/contracts/mapping-vocabulary';
import { countedStatuses } from '@varde/contracts/participation-vocabulary';
import { regionalOrganisationTypes, type PipelineStatus } from '@varde/contracts/vocabulary';
import type { Scheme } from '@varde/contracts/schemes';
import { osloDate } from '@varde/domain/calls';
import { bestEligibility } from '@varde/domain/eligibility';
import {
  bandGroup,
  bandGroups,
  classGroup,
  classGroups,
  countyGroup,
  gaps,
  groupRates,
  overallRate,
  type PeerGroup,
  roleSharesByClass,
  type SchemeAggregate,
  schemeDistribution,
  schemeRates,
  topMunicipalities,
  totalsByMunicipality,
} from '@varde/domain/participation-stats';
import { roundFor } from '@varde/domain/rounds';
import { forbidden } from '../../core/app-error';
import { coalesced } from '../../core/coalesced';
import type { AuthContext, Viewer } from '../../core/auth-context';
import { pick } from '../../core/localized-text';
import type { CatalogueService, DeadlineEntry } from '../catalogue/catalogue.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { ScopeService } from '../organisations/scope.service';
import type { ParticipationService } from '../participation/participation.service';
import type { PipelineService } from '../pipeline/pipeline.service';
import type { MappingRepository, PeriodFilter } from './mapping.repository';

/** A pipeline item in one of these states is "something started" for the adviser's overview. */
const activeStatuses: ReadonlySet<PipelineStatus> = new Set(['interested', 'preparing', 'applied', 'granted']);
const collators: Record<Language, Intl.Collator> = { nb: new Intl.Collator('nb'), nn: new Intl.Collator('nb'), en: new Intl.Collator('en') };
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_SOURCES = 12;

/** Whole Oslo days from `today` to `date` (both YYYY-MM-DD). */
const daysBetween = (today: string, date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);

interface Context {
  lang: Language;
  all: MunicipalitySummary[];
  byCode: Map<string, MunicipalitySummary>;
  inFilter: MunicipalitySummary[];
  filters: AppliedFilters;
  period: PeriodFilter;
  /** Municipalities of the filter for SQL (null: no class/band/county filter). */
  codes: string[] | null;
  /** The records' reads, cached while the records' stamp stays the same. */
  read: CachedReads;
}

type CachedReads = Pick<MappingRepository, 'aggregates' | 'schemes' | 'coverage' | 'yearly'>;
/** Distinct filters kept per records stamp before the cache starts over. */
const CACHE_ENTRIES = 64;

/** The register-only verdicts of every catalogue scheme for every municipality, worked out once per catalogue and Oslo day. */
interface Admissions {
  key: string;
  /** Scheme id → municipalities its register rules admit (lead or partner). */
  admitted: Map<string, Set<string>>;
  verdicts: Map<string, Map<string, 'eligible' | 'eligible_with_conditions'>>;
  /** Catalogue schemes that have not ended. */
  active: string[];
}

export function createMappingService(deps: {
  repo: MappingRepository;
  /** The records' stamp (count, revisions, newest change): the aggregates are kept while it stays the same. */
  participation: Pick<ParticipationService, 'stamp'>;
  municipalities: MunicipalityService;
  catalogue: CatalogueService;
  organisations: OrganisationService;
  scopes: ScopeService;
  pipeline: PipelineService;
  exampleData: boolean;
  now?: () => Date;
}) {
  const { repo, participation, municipalities, catalogue, organisations, scopes, pipeline, exampleData } = deps;
  // Asked for by every request: under load one query per round trip.
  const recordsStamp = coalesced(() => participation.stamp());
  let cacheStamp = '';
  const cache = new Map<string, Promise<unknown>>();

  /**
   * The repository's reads for one request, kept per records stamp and arguments: the aggregate is one
   * scan of every record (seconds for 50,000 on the embedded database), while the stamp is one cheap
   * query, so a page costs the stamp and work in memory until a record changes (on any instance).
   */
  async function reads(): Promise<CachedReads> {
    const stamp = await recordsStamp();
    if (stamp !== cacheStamp) {
      cache.clear();
      cacheStamp = stamp;
    }
    const kept =
      <A extends unknown[], R>(name: string, load: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const key = `${name}|${JSON.stringify(args)}`;
        let hit = cache.get(key) as Promise<R> | undefined;
        if (!hit) {
          if (cache.size >= CACHE_ENTRIES) cache.clear();
          hit = load(...args);
          cache.set(key, hit);
          hit.catch(() => cache.delete(key));
        }
        return hit;
      };
    return {
      aggregates: kept('aggregates', repo.aggregates),
      schemes: kept('schemes', repo.schemes),
      coverage: kept('coverage', repo.coverage),
      yearly: kept('yearly', repo.yearly),
    };
  }
  const now = deps.now ?? (() => new Date());
  let admissions: Promise<Admissions> | null = null;
  let admissionsKey = '';

  async function admissionsNow(all: readonly MunicipalitySummary[]): Promise<Admissions> {
    const cat = await catalogue.catalogue();
    const at = now();
    const key = `${cat.stamp}|${osloDate(at)}|${all.length}`;
    if (admissions && admissionsKey === key) return admissions;
    admissionsKey = key;
    admissions = (async () => {
      const admitted = new Map<string, Set<string>>();
      const verdicts = new Map<string, Map<string, 'eligible' | 'eligible_with_conditions'>>();
      for (const scheme of cat.schemes) {
        const set = new Set<string>();
        const byCode = new Map<string, 'eligible' | 'eligible_with_conditions'>();
        for (const m of all) {
          const profile = { code: m.code, countyCode: m.countyCode, population: m.population, centralityClass: m.centralityClass };
          const verdict = bestEligibility({ municipality: profile, scheme, now: at }).verdict;
          if (verdict === 'not_eligible') continue;
          set.add(m.code);
          byCode.set(m.code, verdict);
        }
        admitted.set(scheme.id, set);
        verdicts.set(scheme.id, byCode);
      }
      return { key, admitted, verdicts, active: cat.schemes.filter((s) => s.lifecycle.status !== 'ended').map((s) => s.id) };
    })();
    admissions.catch(() => {
      admissions = null;
    });
    return admissions;
  }

  async function context(query: MappingQuery, lang: Language): Promise<Context> {
    const [all, read] = await Promise.all([municipalities.list({}).then((list) => list.items), reads()]);
    const classes = [...new Set(query.class ?? [])].sort();
    const bands = [...new Set(query.band ?? [])];
    const county = query.county ?? null;
    let from = query.from ?? null;
    let to = query.to ?? null;
    if (from !== null && to !== null && from > to) [from, to] = [to, from];
    const inFilter = all.filter(
      (m) =>
        (classes.length === 0 || classes.includes(m.centralityClass)) &&
        (bands.length === 0 || bands.includes(mappingBandOf(m.population))) &&
        (county === null || m.countyCode === county),
    );
    const includeExamples = exampleData && query.example !== 'exclude';
    const filtered = inFilter.length !== all.length;
    return {
      lang,
      all,
      byCode: new Map(all.map((m) => [m.code, m])),
      inFilter,
      filters: { from, to, classes, bands: bands.sort(), county, example: includeExamples ? 'include' : 'exclude' },
      period: { from, to, includeExamples, codes: null },
      codes: filtered ? inFilter.map((m) => m.code) : null,
      read,
    };
  }

  const ref = (m: MunicipalitySummary): MunicipalityRef => ({
    code: m.code,
    name: m.name,
    countyCode: m.countyCode,
    countyName: m.countyName,
    centralityClass: m.centralityClass,
    population: m.population,
    band: mappingBandOf(m.population),
  });

  const peerView = (group: PeerGroup): PeerGroupView => ({
    basis: group.basis,
    centralityClass: group.centralityClass,
    band: group.band,
    size: group.size,
    expected: group.expected,
  });

  /** Scheme names: the catalogue's in the request's language, else the name as recorded. */
  async function schemeNamer(ctx: Context) {
    const lang = ctx.lang;
    const cat = await catalogue.catalogue();
    const recorded = new Map((await ctx.read.schemes({ from: null, to: null, includeExamples: exampleData, codes: null })).map((s) => [s.key, s]));
    return (key: string): SchemeRef => {
      const row = recorded.get(key);
      const catalogueId = cat.byId.has(key) ? key : (row?.catalogueId ?? null);
      const scheme = catalogueId ? cat.byId.get(catalogueId)?.data : undefined;
      return { key, catalogueId: scheme ? catalogueId : null, name: scheme ? pick(scheme.name, lang) : (row?.recordedName ?? key) };
    };
  }

  async function coverageOf(ctx: Context, aggregates: readonly SchemeAggregate[], name: (key: string) => SchemeRef): Promise<Coverage> {
    const filter = { ...ctx.period, codes: ctx.codes };
    const [cov, schemes] = await Promise.all([ctx.read.coverage(filter), ctx.read.schemes(filter)]);
    const overall = overallRate(ctx.inFilter, aggregates);
    const order = collators[ctx.lang];
    return {
      records: cov.records,
      participations: overall.participations,
      municipalities: ctx.inFilter.length,
      municipalitiesWithRecords: overall.participants,
      schemes: schemes.map((s) => ({ ...name(s.key), records: s.records })).sort((a, b) => order.compare(a.name, b.name)),
      yearFrom: cov.yearFrom,
      yearTo: cov.yearTo,
      sources: cov.sources.slice(0, MAX_SOURCES),
      moreSources: Math.max(0, cov.sources.length - MAX_SOURCES),
      includesExamples: cov.includesExamples,
      exampleDataOn: exampleData,
      incomplete: true,
    };
  }

  /** The gap rows of `subset`, compared with peers among all 357. */
  function gapRows(ctx: Context, aggregates: readonly SchemeAggregate[], adm: Admissions, subset: readonly MunicipalitySummary[]): GapRow[] {
    const totals = totalsByMunicipality(aggregates);
    // The schemes with any counted participation in the period: a municipality's rate is over those its rules admit.
    const covered = [...new Set(aggregates.filter((a) => a.participations > 0).map((a) => a.schemeKey))];
    return gaps(ctx.all, aggregates, subset).map((line) => {
      const m = ctx.byCode.get(line.code)!;
      const taken = totals.get(line.code)?.schemes ?? new Set<string>();
      let eligibleNotUsed = 0;
      for (const id of adm.active) if (adm.admitted.get(id)?.has(line.code) && !taken.has(id)) eligibleNotUsed++;
      const base = covered.filter((key) => !adm.admitted.has(key) || adm.admitted.get(key)!.has(line.code) || taken.has(key));
      return {
        municipality: ref(m),
        schemes: line.schemes,
        participations: line.participations,
        peers: peerView(line.peers),
        gap: line.gap,
        eligibleNotUsed,
        rate: base.length === 0 ? null : base.filter((key) => taken.has(key)).length / base.length,
      };
    });
  }

  /** Calls open now (with a deadline), nearest deadline first, and the announced ones within `days`. */
  async function callEntries(days: number) {
    return catalogue.deadlineEntries({ days, includeForecasts: false });
  }

  function nextCall(entry: DeadlineEntry, lang: Language): NextCall {
    return { id: entry.call.id, title: pick(entry.call.title, lang) ?? null, deadline: entry.call.deadline.date, open: entry.call.status === 'open' };
  }

  /** May this municipality apply to this call: register rules, and the call's round covers its county. */
  function eligibleFor(entry: DeadlineEntry, m: MunicipalitySummary, adm: Admissions) {
    if (!adm.admitted.get(entry.scheme.id)?.has(m.code)) return false;
    if (!entry.call.roundId) return true;
    return roundFor(entry.scheme, m.countyCode).round?.id === entry.call.roundId;
  }

  return {
    async analytics(query: MappingQuery, viewer: Viewer): Promise<MappingAnalytics> {
      const ctx = await context(query, viewer.lang);
      const [aggregates, adm, name, counties, schemeRows] = await Promise.all([
        ctx.read.aggregates(ctx.period),
        admissionsNow(ctx.all),
        schemeNamer(ctx),
        municipalities.counties(),
        ctx.read.schemes({ ...ctx.period, codes: ctx.codes }),
      ]);
      const order = collators[viewer.lang];
      const coverage = await coverageOf(ctx, aggregates, name);
      const schemes = schemeRates(
        ctx.inFilter,
        aggregates,
        schemeRows.map((s) => {
          const id = name(s.key).catalogueId;
          return { key: s.key, admitted: id ? (adm.admitted.get(id) ?? null) : null };
        }),
      )
        .map((row) => ({
          ...row,
          scheme: name(row.key),
          basis: adm.admitted.has(name(row.key).catalogueId ?? '') ? ('register_rules' as const) : ('all_municipalities' as const),
        }))
        .sort((a, b) => order.compare(a.scheme.name, b.scheme.name))
        .map(({ key: _key, ...row }) => row);
      const countyName = new Map(counties.map((c) => [c.code, c.nameNorwegian]));
      const countyCodes = [...new Set(ctx.inFilter.map((m) => m.countyCode))].sort((a, b) => order.compare(countyName.get(a) ?? a, countyName.get(b) ?? b));
      const label = (rows: ReturnType<typeof groupRates>, names?: Map<string, string>) => rows.map((r) => ({ ...r, label: names?.get(r.group) ?? null }));
      const summaries = new Map(ctx.inFilter.map((m) => [m.code, m]));
      const overall = overallRate(ctx.inFilter, aggregates);
      return {
        filters: ctx.filters,
        coverage,
        overall,
        schemes,
        byClass: label(groupRates(ctx.inFilter, aggregates, classGroup, classGroups)),
        byBand: label(groupRates(ctx.inFilter, aggregates, bandGroup, bandGroups)),
        byCounty: label(groupRates(ctx.inFilter, aggregates, countyGroup, countyCodes), countyName),
        distribution: schemeDistribution(ctx.inFilter, aggregates),
        top: topMunicipalities(ctx.inFilter, aggregates, mappingLimits.topMunicipalities, (a, b) =>
          order.compare(summaries.get(a.code)!.name, summaries.get(b.code)!.name),
        ).map((t) => ({
          municipality: ref(summaries.get(t.municipality.code)!),
          schemes: t.schemes.length,
          participations: t.participations,
          schemeNames: t.schemes.map((key) => name(key).name).sort((a, b) => order.compare(a, b)),
        })),
        roles: roleSharesByClass(ctx.inFilter, aggregates),
      };
    },

    async gapTable(query: MappingQuery, viewer: Viewer): Promise<GapTable> {
      const ctx = await context(query, viewer.lang);
      const [aggregates, adm, name] = await Promise.all([ctx.read.aggregates(ctx.period), admissionsNow(ctx.all), schemeNamer(ctx)]);
      const coverage = await coverageOf(ctx, aggregates, name);
      return { filters: ctx.filters, coverage, items: gapRows(ctx, aggregates, adm, ctx.inFilter) };
    },

    async map(query: MappingQuery, viewer: Viewer): Promise<MapMeasures> {
      const ctx = await context(query, viewer.lang);
      const [aggregates, adm, name] = await Promise.all([ctx.read.aggregates(ctx.period), admissionsNow(ctx.all), schemeNamer(ctx)]);
      const coverage = await coverageOf(ctx, aggregates, name);
      const inFilter = new Set(ctx.inFilter.map((m) => m.code));
      return {
        filters: ctx.filters,
        coverage,
        items: gapRows(ctx, aggregates, adm, ctx.all).map((row) => ({
          code: row.municipality.code,
          name: row.municipality.name,
          countyCode: row.municipality.countyCode,
          participation: row.schemes,
          participations: row.participations,
          rate: row.rate,
          gap: row.gap,
          population: row.municipality.population,
          centralityClass: row.municipality.centralityClass,
          inFilter: inFilter.has(row.municipality.code),
        })),
      };
    },

    async municipality(code: string, query: MappingQuery, viewer: Viewer): Promise<MunicipalityGap> {
      await municipalities.get(code); // 404 for an unknown number
      const ctx = await context({ ...query, class: undefined, band: undefined, county: undefined }, viewer.lang);
      const m = ctx.byCode.get(code)!;
      const [aggregates, adm, name, entries, yearly] = await Promise.all([
        ctx.read.aggregates(ctx.period),
        admissionsNow(ctx.all),
        schemeNamer(ctx),
        callEntries(365),
        ctx.read.yearly(code, ctx.period),
      ]);
      const coverage = await coverageOf({ ...ctx, inFilter: [m], codes: [code] }, aggregates, name);
      const row = gapRows(ctx, aggregates, adm, [m])[0]!;
      const own = aggregates.filter((a) => a.municipalityCode === code && a.participations > 0);
      const taken = new Set(own.map((a) => a.schemeKey));
      const order = collators[viewer.lang];
      const cat = await catalogue.catalogue();
      const firstCall = new Map<string, DeadlineEntry>();
      for (const entry of entries) if (!firstCall.has(entry.scheme.id) && eligibleFor(entry, m, adm)) firstCall.set(entry.scheme.id, entry);
      const totals = totalsByMunicipality(aggregates);
      const peerCodes = gaps(ctx.all, aggregates, [m])[0]!.peers.members;
      return {
        filters: ctx.filters,
        coverage,
        row,
        takesPartIn: own
          .map((a) => ({
            scheme: name(a.schemeKey),
            years: a.years,
            participations: a.participations,
            roles: (['lead', 'partner', 'other'] as const).filter((share) => a[share] > 0),
          }))
          .sort((a, b) => order.compare(a.scheme.name, b.scheme.name)),
        eligibleNotUsed: cat.schemes
          .filter((s) => s.lifecycle.status !== 'ended' && adm.verdicts.get(s.id)?.has(code) && !taken.has(s.id))
          .map((s: Scheme) => {
            const entry = firstCall.get(s.id);
            return { scheme: name(s.id), verdict: adm.verdicts.get(s.id)!.get(code)!, nextCall: entry ? nextCall(entry, viewer.lang) : null };
          })
          .sort((a, b) => (a.nextCall ? 0 : 1) - (b.nextCall ? 0 : 1) || order.compare(a.scheme.name, b.scheme.name)),
        peers: peerCodes
          .map((c) => ({ municipality: ref(ctx.byCode.get(c)!), schemes: totals.get(c)?.schemes.size ?? 0 }))
          .sort((a, b) => b.schemes - a.schemes || order.compare(a.municipality.name, b.municipality.name)),
        history: yearly,
      };
    },

    async openCalls(query: MappingQuery, viewer: Viewer): Promise<OpenCallGaps> {
      const ctx = await context(query, viewer.lang);
      const ever = { ...ctx.period, from: null, to: null };
      const [aggregates, everAggregates, adm, name, entries] = await Promise.all([
        ctx.read.aggregates(ctx.period),
        ctx.read.aggregates(ever),
        admissionsNow(ctx.all),
        schemeNamer(ctx),
        callEntries(365),
      ]);
      const coverage = await coverageOf(ctx, aggregates, name);
      const tookPart = new Set(everAggregates.filter((a) => a.participations > 0).map((a) => `${a.municipalityCode}|${a.schemeKey}`));
      const order = collators[viewer.lang];
      return {
        filters: ctx.filters,
        coverage,
        items: entries
          .filter((e) => e.call.status === 'open')
          .map((entry) => {
            const eligible = ctx.inFilter.filter((m) => eligibleFor(entry, m, adm));
            return {
              scheme: name(entry.scheme.id),
              call: nextCall(entry, viewer.lang),
              eligible: eligible.length,
              neverTakenPart: eligible
                .filter((m) => !tookPart.has(`${m.code}|${entry.scheme.id}`))
                .sort((a, b) => order.compare(a.name, b.name))
                .map(ref),
            };
          }),
      };
    },

    /** The regional organisations the caller advises through (platform administrators: all). */
    async regions(auth: AuthContext): Promise<RegionList> {
      const list = auth.user.isPlatformAdmin
        ? (await Promise.all(regionalOrganisationTypes.map((type) => organisations.list({ type })))).flat()
        : auth.memberships
            .filter((m) => regionalOrganisationTypes.includes(m.organisationType))
            .map((m) => ({ id: m.organisationId, name: m.organisationName, type: m.organisationType }));
      const items = await Promise.all(
        list.map(async (o) => ({ id: o.id, name: o.name, type: o.type, municipalities: (await scopes.scopeCodes(o.id)).length })),
      );
      return { items: items.sort((a, b) => collators.nb.compare(a.name, b.name)) };
    },

    /**
     * A regional organisation's overview for its members (and platform administrators): the
     * municipalities of its scope, their pipeline for the open calls they are eligible for — only where
     * the municipality shares it — deadlines, and who to call this week.
     */
    async region(organisationId: string, viewer: Viewer): Promise<RegionOverview> {
      const auth = viewer.auth;
      if (!auth) throw forbidden();
      const lang = viewer.lang;
      const organisation = await organisations.requireOrganisation(organisationId);
      const scope = await scopes.scope(organisationId); // 404 unless regional
      const ctx = await context({}, lang);
      const inScope = scope.municipalities.map((m) => ctx.byCode.get(m.code)!).filter(Boolean);
      const scopeCtx: Context = { ...ctx, inFilter: inScope, codes: inScope.map((m) => m.code) };
      const [aggregates, adm, name, entries, sharing] = await Promise.all([
        ctx.read.aggregates(ctx.period),
        admissionsNow(ctx.all),
        schemeNamer(ctx),
        callEntries(mappingLimits.upcomingDeadlineDays),
        scopes.sharingByMunicipality(),
      ]);
      const coverage = await coverageOf(scopeCtx, aggregates, name);
      // Only organisations that share, and only those in the scope: nothing else is read.
      const sharedOrgs = new Map<string, string>();
      for (const m of inScope) {
        const s = sharing.get(m.code);
        if (s?.shares) sharedOrgs.set(s.organisationId, m.code);
      }
      const items = await pipeline.sharedStatuses([...sharedOrgs.keys()]);
      const statusOf = new Map<string, PipelineStatus>();
      for (const item of items) {
        const code = sharedOrgs.get(item.organisationId);
        if (!code) continue;
        const key = `${code}|${item.schemeId}|${item.callId}`;
        statusOf.set(key, item.status);
      }
      const today = osloDate(now());
      const callKey = (e: DeadlineEntry) => `${e.scheme.id}/${e.call.id}`;
      const callRef = (e: DeadlineEntry): OpenCallRef => ({
        key: callKey(e),
        scheme: name(e.scheme.id),
        call: nextCall(e, lang),
        daysLeft: daysBetween(today, e.call.deadline.date),
      });
      const open = entries.filter((e) => e.call.status === 'open');
      const gapsByCode = new Map(gapRows(ctx, aggregates, adm, inScope).map((g) => [g.municipality.code, g]));
      const totals = totalsByMunicipality(aggregates);
      const counts = new Map(open.map((e) => [callKey(e), { shared_active: 0, shared_idle: 0, not_shared: 0 }]));
      const eligibleCount = new Map(open.map((e) => [callKey(e), 0]));
      const order = collators[lang];
      const callList: CallListItem[] = [];
      const rows: ScopeMunicipality[] = inScope
        .map((m) => {
          const shares = sharing.get(m.code)?.shares === true;
          const gap = gapsByCode.get(m.code)!;
          const taken = totals.get(m.code)?.schemes ?? new Set<string>();
          const calls: ScopeMunicipality['calls'] = [];
          const reasons: CallListItem['reasons'] = [];
          let score = 0;
          for (const e of open) {
            if (!eligibleFor(e, m, adm)) continue;
            const key = callKey(e);
            eligibleCount.set(key, (eligibleCount.get(key) ?? 0) + 1);
            let state: SharedPipelineState = 'not_shared';
            let status: PipelineStatus | null = null;
            if (shares) {
              status = statusOf.get(`${m.code}|${e.scheme.id}|${e.call.id}`) ?? statusOf.get(`${m.code}|${e.scheme.id}|`) ?? null;
              state = status && activeStatuses.has(status) ? 'shared_active' : 'shared_idle';
            }
            counts.get(key)![state]++;
            calls.push({ key, state, pipelineStatus: shares ? status : null });
            const days = daysBetween(today, e.call.deadline.date);
            const scheme = name(e.scheme.id);
            if (state === 'shared_idle' && days <= mappingLimits.deadlineSoonDays) {
              score += 3 + (mappingLimits.deadlineSoonDays - days) / 7;
              reasons.push({
                code: 'deadline_soon_nothing_started',
                message: translate(lang, 'mapping.callReason.deadline_soon_nothing_started', { scheme: scheme.name, days }),
                scheme,
                callKey: key,
                daysLeft: days,
              });
            } else if (state !== 'shared_active' && !taken.has(e.scheme.id)) {
              score += 1 + Math.max(0, mappingLimits.deadlineSoonDays - days) / 21;
              reasons.push({
                code: 'eligible_never_taken_part',
                message: translate(lang, 'mapping.callReason.eligible_never_taken_part', { scheme: scheme.name }),
                scheme,
                callKey: key,
                daysLeft: days,
              });
            }
          }
          if (gap.gap <= mappingLimits.gapCallThreshold) {
            score += -gap.gap;
            const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 });
            reasons.push({
              code: 'gap_vs_peers',
              message: translate(lang, 'mapping.callReason.gap_vs_peers', {
                actual: gap.schemes,
                expected: number.format(gap.peers.expected),
                size: gap.peers.size,
              }),
              scheme: null,
              callKey: null,
              daysLeft: null,
            });
          }
          if (gap.schemes === 0) {
            score += 1;
            reasons.push({
              code: 'no_participation',
              message: translate(lang, 'mapping.callReason.no_participation'),
              scheme: null,
              callKey: null,
              daysLeft: null,
            });
          }
          if (reasons.length > 0) callList.push({ municipality: gap.municipality, score, reasons });
          return { municipality: gap.municipality, shares, schemes: gap.schemes, gap: gap.gap, peers: gap.peers, calls };
        })
        .sort((a, b) => order.compare(a.municipality.name, b.municipality.name));
      return {
        organisation: { id: organisation.id, name: organisation.name, type: organisation.type },
        scope,
        coverage,
        openCalls: open
          .filter((e) => (eligibleCount.get(callKey(e)) ?? 0) > 0)
          .map((e) => ({ ...callRef(e), eligibleInScope: eligibleCount.get(callKey(e)) ?? 0, counts: counts.get(callKey(e))! })),
        deadlines: entries.filter((e) => inScope.some((m) => eligibleFor(e, m, adm))).map(callRef),
        municipalities: rows,
        callList: callList.sort((a, b) => b.score - a.score || order.compare(a.municipality.name, b.municipality.name)).slice(0, mappingLimits.callListMax),
      };
    },

    /** The records for open data, with the filters applied and what they cover. */
    async exportRecords(query: MappingQuery, viewer: Viewer) {
      const ctx = await context(query, viewer.lang);
      const [aggregates, name] = await Promise.all([ctx.read.aggregates(ctx.period), schemeNamer(ctx)]);
      const [coverage, rows] = await Promise.all([coverageOf(ctx, aggregates, name), repo.exportRows({ ...ctx.period, codes: ctx.codes })]);
      const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
      const counted: readonly string[] = countedStatuses;
      return {
        filters: ctx.filters,
        coverage,
        rows: rows.map((r) => {
          const m = ctx.byCode.get(r.municipality_code);
          const scheme = name(r.scheme_key);
          return {
            id: r.id,
            scheme_key: r.scheme_key,
            scheme_catalogue_id: scheme.catalogueId,
            scheme_name: scheme.catalogueId ? scheme.name : r.scheme_name,
            round: r.round,
            year: Number(r.year),
            decided_on: r.decided_on,
            municipality_code: r.municipality_code,
            municipality_name: m?.name ?? null,
            county_code: m?.countyCode ?? null,
            code_at_time: r.code_at_time,
            name_at_time: r.name_at_time,
            role: r.role,
            status: r.status,
            takes_part: counted.includes(r.status),
            amount_nok: r.amount_nok === null ? null : Number(r.amount_nok),
            project_title: r.project_title,
            other_participants: (typeof r.other_participants === 'string' ? (JSON.parse(r.other_participants) as string[]) : r.other_participants).join(';'),
            source_url: r.source_url,
            source_document: r.source_document,
            provenance: r.provenance,
            verified_at: iso(r.verified_at),
            is_example: r.is_example,
            updated_at: iso(r.updated_at),
          } satisfies Record<OpenDataRecordField, string | number | boolean | null>;
        }),
      };
    },
  };
}

export type MappingService = ReturnType<typeof createMappingService>;
