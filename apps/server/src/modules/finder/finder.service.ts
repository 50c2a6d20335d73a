/**
 * The scheme finder, the hub of the scheme capabilities: finder results ranked for a municipality
 * with explained verdicts, a scheme's page, eligibility and the deadline list. It reads the
 * catalogue, and for a viewer's own municipality its pipeline, needs profile and condition
 * confirmations. A scheme's page also says when each group of its facts was last checked in Varde
 * and which are reported as possibly outdated (the provenance module; nobody is named).
 *
 * Confirmations (ADR 009) count only when the municipality shown is the signed-in viewer's own: anyone
 * else — anonymous callers, a member looking at another municipality, the public pages the render cache
 * keeps (rendered with no caller) — gets register-only verdicts (planned partners in the query still
 * count).
 */
import { translate, type Language } from '@varde/contracts';
import type { CalendarQuery, CallView, DeadlineList, DeadlineQuery } from '@varde/contracts/catalogue-api';
import type {
  EligibilityAnswer,
  EligibilityMunicipality,
  EligibilityQuery,
  SchemeCard,
  SchemeDetail,
  SchemeList,
  SchemeListQuery,
} from '@varde/contracts/finder-api';
import type { Scheme } from '@varde/contracts/schemes';
import { NO_MUNICIPALITY, type PipelineStatus, type SchemeTheme } from '@varde/contracts/vocabulary';
import { bestEligibility, type ConfirmationFact, evaluateEligibility, type MunicipalityProfile } from '@varde/domain/eligibility';
import { type FinderHit, findSchemes } from '@varde/domain/finder';
import { roundFor, rulesFor } from '@varde/domain/rounds';
import type { AuthContext, Viewer } from '../../core/auth-context';
import { pick } from '../../core/localized-text';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { ConfirmationService } from '../confirmations/confirmation.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { NeedsService } from '../needs/needs.service';
import type { PipelineService } from '../pipeline/pipeline.service';
import type { FactReportService } from '../provenance/fact-report.service';
import type { SourceCheckService } from '../provenance/source-check.service';
import type { SearchService } from '../search/search.service';
import { describeEligibility, describeRankReason } from './eligibility-text';

/** The municipality organisation a signed-in user belongs to (their own pipeline, needs and confirmations). */
function ownMunicipality(auth: AuthContext | null) {
  const membership = auth?.memberships.find((m) => m.organisationType === 'municipality' && m.municipalityCode);
  return membership ? { organisationId: membership.organisationId, code: membership.municipalityCode! } : null;
}

/** The municipality an answer is for: the one asked for, none on `none`, else the viewer's own. */
function chosenMunicipality(choice: string | undefined, viewer: Viewer): string | undefined {
  if (choice === NO_MUNICIPALITY) return undefined;
  return choice ?? ownMunicipality(viewer.auth)?.code;
}

/** Active and taking applications at any time: a rolling scheme, or one with an open call without a deadline. */
function isOpenAllYear(scheme: Scheme, calls: () => readonly CallView[]): boolean {
  if (scheme.lifecycle.status !== 'active') return false;
  return scheme.cadence.kind === 'rolling' || calls().some((call) => call.status === 'open' && !call.deadline);
}

/**
 * Which schemes a deadline list or calendar shows for a municipality (null: every municipality):
 * never an ended scheme; with a municipality, the ones it can take part in by the register facts (a
 * confirmation never lifts a blocker), or all on request, the others then marked.
 */
function deadlineFilter(municipality: MunicipalityProfile | null, includeIneligible: boolean, at: Date) {
  const eligible = (scheme: Scheme) => !municipality || bestEligibility({ municipality, scheme, now: at }).verdict !== 'not_eligible';
  return {
    eligible,
    listed: (scheme: Scheme) => scheme.lifecycle.status !== 'ended' && (includeIneligible || eligible(scheme)),
  };
}

interface OwnContext {
  pipeline: ReadonlyMap<string, PipelineStatus>;
  needs: SchemeTheme[];
  confirmations: ConfirmationFact[];
}

const noOwnContext: OwnContext = { pipeline: new Map(), needs: [], confirmations: [] };

export function createFinderService(deps: {
  catalogue: CatalogueService;
  pipeline: PipelineService;
  needs: NeedsService;
  confirmations: ConfirmationService;
  municipalities: MunicipalityService;
  checks: SourceCheckService;
  reports: FactReportService;
  /** The Norwegian search engine for the search text (ADR 014). */
  search?: SearchService;
  now?: () => Date;
}) {
  const { catalogue, pipeline, needs, confirmations, municipalities, checks, reports } = deps;
  const now = deps.now ?? (() => new Date());
  const collators: Record<Language, Intl.Collator> = { nb: new Intl.Collator('nb'), nn: new Intl.Collator('nb'), en: new Intl.Collator('en') };

  async function countyNames(): Promise<Map<string, string>> {
    return new Map((await municipalities.counties()).map((c) => [c.code, c.nameNorwegian]));
  }

  async function municipalityOf(code: string): Promise<{ profile: MunicipalityProfile; summary: EligibilityMunicipality }> {
    const m = await municipalities.get(code);
    const profile = { code: m.code, countyCode: m.countyCode, population: m.population, centralityClass: m.centralityClass };
    return { profile, summary: { ...profile, name: m.name, countyName: m.countyName } };
  }

  /** Pipeline, needs and confirmations apply when the municipality shown is the viewer's own. */
  async function ownContext(viewer: Viewer, code: string | undefined): Promise<OwnContext> {
    const own = ownMunicipality(viewer.auth);
    if (!own || own.code !== code) return noOwnContext;
    const [statuses, themes, facts] = await Promise.all([
      pipeline.statuses(own.organisationId),
      needs.themes(own.organisationId),
      confirmations.facts(own.organisationId),
    ]);
    return { pipeline: statuses, needs: themes, confirmations: facts };
  }

  function card(hit: FinderHit, lang: Language, names: ReadonlyMap<string, string>): SchemeCard {
    const { scheme } = hit;
    // With a municipality in a county-run scheme: its round's owner, rules and money.
    const round = hit.eligibility?.roundId ? (scheme.rounds.find((r) => r.id === hit.eligibility!.roundId) ?? null) : null;
    const { applicants, funding, owner } = rulesFor(scheme, round);
    return {
      id: scheme.id,
      name: pick(scheme.name, lang),
      summary: pick(scheme.summary, lang),
      ownerId: owner.id,
      ownerName: pick(owner.name, lang),
      lifecycle: scheme.lifecycle.status,
      themes: scheme.themes,
      collaboration: applicants.collaboration,
      isGrant: funding.isGrant,
      minGrantNok: funding.minGrantNok,
      maxGrantNok: funding.maxGrantNok,
      nextCall: hit.nextCall ? catalogue.callSummary(hit.nextCall, lang) : null,
      eligibility: hit.eligibility ? describeEligibility(hit.eligibility, lang, names) : null,
      pipelineStatus: hit.pipelineStatus,
      matchedNeeds: hit.matchedNeeds,
      rankReason: describeRankReason(hit.rankReason, lang, names),
    };
  }

  return {
    async list(query: SchemeListQuery, viewer: Viewer): Promise<SchemeList> {
      const code = chosenMunicipality(query.municipality, viewer);
      const [cat, municipality, context, names] = await Promise.all([
        catalogue.catalogue(),
        code ? municipalityOf(code) : null,
        ownContext(viewer, code),
        countyNames(),
      ]);
      const result = findSchemes(
        cat.schemes,
        { ...query, municipality: code },
        {
          municipality: municipality?.profile ?? null,
          ...context,
          now: now(),
          ...(deps.search && query.q?.trim() ? { search: deps.search.engine() } : {}),
        },
      );
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      const order = collators[viewer.lang];
      return {
        municipality: municipality?.summary ?? null,
        total: result.hits.length,
        hiddenAsNotRelevant: result.hiddenAsNotRelevant,
        owners: cat.owners.map((o) => ({ id: o.id, name: pick(o.name, viewer.lang) })).sort((a, b) => order.compare(a.name, b.name)),
        items: result.hits.slice(offset, offset + limit).map((hit) => card(hit, viewer.lang, names)),
      };
    },

    async detail(id: string, code: string | undefined, viewer: Viewer): Promise<SchemeDetail> {
      const row = await catalogue.requireRow(id);
      const chosen = chosenMunicipality(code, viewer);
      const scheme = row.data;
      const [cat, municipality, context, names, checked, reported] = await Promise.all([
        catalogue.catalogue(),
        chosen ? municipalityOf(chosen) : null,
        ownContext(viewer, chosen),
        countyNames(),
        checks.pageState(scheme),
        reports.openTargets(id),
      ]);
      const at = now();
      const roundOf = municipality ? roundFor(scheme, municipality.profile.countyCode) : { round: null, unknown: false };
      const verdict = (role: 'lead' | 'partner') =>
        describeEligibility(
          evaluateEligibility({ municipality: municipality!.profile, scheme, role, confirmations: context.confirmations, now: at }),
          viewer.lang,
          names,
        );
      const successorId = scheme.lifecycle.successorId;
      const successor = successorId ? cat.byId.get(successorId)?.data : undefined;
      return {
        scheme,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
        lastCheckedAt: checked.lastCheckedOn,
        facts: checked.groups.map((g) => ({ ...g, reported: reported.groups.has(g.group) })),
        reportedCallIds: reported.callIds,
        successor: successor ? { id: successor.id, name: pick(successor.name, viewer.lang) } : null,
        ownerOrganisation: row.ownerOrganisationId ? { id: row.ownerOrganisationId, name: row.ownerOrganisationName ?? '' } : null,
        calls: catalogue.calls(scheme, municipality?.profile.countyCode ?? null),
        municipality: municipality?.summary ?? null,
        round: roundOf.round,
        roundUnknown: roundOf.unknown,
        eligibility: municipality ? { lead: verdict('lead'), partner: verdict('partner') } : null,
        pipelineStatus: context.pipeline.get(id) ?? null,
      };
    },

    async eligibility(id: string, query: EligibilityQuery, viewer: Viewer): Promise<EligibilityAnswer> {
      const [row, municipality, context, names] = await Promise.all([
        catalogue.requireRow(id),
        municipalityOf(query.municipality),
        ownContext(viewer, query.municipality),
        countyNames(),
      ]);
      const input = {
        municipality: municipality.profile,
        scheme: row.data,
        partners: (query.partners ?? []).map((type) => ({ type })),
        confirmations: context.confirmations,
        now: now(),
      };
      const result = query.role ? evaluateEligibility({ ...input, role: query.role }) : bestEligibility(input);
      return { schemeId: id, municipality: municipality.summary, eligibility: describeEligibility(result, viewer.lang, names) };
    },

    /**
     * Deadlines from now on, nearest first; forecasts included on request. For a municipality (the one
     * asked for, else a member's own unless `none`): the national calls and its county's round only,
     * none of a scheme it cannot take part in by the registers (county, centrality, population,
     * applicant type) unless `includeIneligible` (then marked), and the county-run schemes with no known
     * round for its county named apart. Schemes open all year (no deadline) are listed apart under the
     * same filter. Ended schemes are never listed as upcoming.
     */
    async deadlines(query: DeadlineQuery, viewer: Viewer): Promise<DeadlineList> {
      const code = chosenMunicipality(query.municipality, viewer);
      const [cat, municipality] = await Promise.all([catalogue.catalogue(), code ? municipalityOf(code) : null]);
      const countyCode = municipality?.profile.countyCode ?? null;
      const entries = await catalogue.deadlineEntries({ days: query.days, includeForecasts: query.includeForecasts, countyCode });
      const lang = viewer.lang;
      const filter = deadlineFilter(municipality?.profile ?? null, query.includeIneligible ?? false, now());
      const mark = (scheme: Scheme) => (filter.eligible(scheme) ? {} : { notForMunicipality: true });
      const items = entries
        .filter(({ scheme }) => filter.listed(scheme))
        .map(({ scheme, call, owner }) => ({
          schemeId: scheme.id,
          schemeName: pick(scheme.name, lang),
          ownerName: pick(owner.name, lang),
          call: catalogue.callSummary(call, lang),
          ...mark(scheme),
        }));
      const byName = (a: { schemeName: string }, b: { schemeName: string }) => collators[lang].compare(a.schemeName, b.schemeName);
      const noKnownRound =
        countyCode === null
          ? []
          : cat.schemes
              .filter((scheme) => roundFor(scheme, countyCode).unknown && filter.listed(scheme))
              .map((scheme) => ({ schemeId: scheme.id, schemeName: pick(scheme.name, lang) }))
              .sort(byName);
      const openAllYear = cat.schemes
        .filter(
          (scheme) =>
            isOpenAllYear(scheme, () => catalogue.calls(scheme)) && filter.listed(scheme) && (countyCode === null || !roundFor(scheme, countyCode).unknown),
        )
        .map((scheme) => ({ schemeId: scheme.id, schemeName: pick(scheme.name, lang), ownerName: pick(scheme.owner.name, lang), ...mark(scheme) }))
        .sort(byName);
      const summary = municipality?.summary;
      return {
        items,
        municipality: summary ? { code: summary.code, name: summary.name, countyCode: summary.countyCode, countyName: summary.countyName } : null,
        noKnownRound,
        openAllYear,
      };
    },

    /**
     * The public calendar under the deadline page's filter (`CalendarQuery`): for a municipality, the
     * national calls and its county's round of the schemes it can take part in (all of them on
     * request); forecasts unless left out. The municipality is only ever the one asked for.
     */
    async deadlineCalendar(query: CalendarQuery, lang: Language): Promise<string> {
      const code = query.municipality && query.municipality !== NO_MUNICIPALITY ? query.municipality : null;
      const municipality = code ? await municipalityOf(code) : null;
      const includeForecasts = query.includeForecasts ?? true;
      if (!municipality) return catalogue.calendar({ name: translate(lang, 'calendar.allName'), lang, includeForecasts });
      const filter = deadlineFilter(municipality.profile, query.includeIneligible ?? false, now());
      const schemeIds = new Set((await catalogue.catalogue()).schemes.filter((scheme) => filter.listed(scheme)).map((scheme) => scheme.id));
      return catalogue.calendar({
        name: translate(lang, 'calendar.municipalityName', { municipality: municipality.summary.name }),
        lang,
        schemeIds,
        countyCode: municipality.profile.countyCode,
        includeForecasts,
      });
    },
  };
}

export type FinderService = ReturnType<typeof createFinderService>;
