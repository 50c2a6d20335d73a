/**
 * The scheme finder: filters the catalogue by a query and ranks it by fit for one municipality.
 * Pure: the caller supplies the schemes with their calls, the municipality's register profile, its
 * needs themes, its pipeline, its confirmations and the clock.
 *
 * Ranking, most significant first (`rankKeys`):
 * 0. live schemes before ended ones (listed only when the search names them or `status=ended` is asked
 *    for): an ended scheme is never ranked as a fit;
 * 1. the verdict's role: can take part as lead › only as a partner › not at all (after the
 *    municipality's confirmations; without a municipality: whether municipalities may lead);
 * 2. grants before schemes without money (guidance, prizes), unless `funding=guidance` is chosen;
 * 3. the verdict: eligible › eligible with conditions;
 * 4. made for municipalities like this one: register limits (centrality, population, a few counties)
 *    that it meets;
 * 5. an open or upcoming call with a known date › an open call without a deadline or a likely forecast
 *    › an uncertain or old forecast › no known call;
 * 6. themes shared with the needs profile;
 * 7. certainty of the data: the rules' certainty, a known grant amount; a county-run scheme with no
 *    known round for the county counts as unknown;
 * 8. the search text in the name.
 * Equal scores keep the order of the input.
 *
 * Each hit has a `rankReason` (translated as `rank.<code>`), naming what places it:
 * `ended` {} · `not_eligible` {} · `partner_only` {} · `no_grant` {} · `targeted` {} · `open_call` {deadline} ·
 * `rolling` {} · `upcoming_call` {deadline} · `open_no_deadline` {} · `opens_later` {opensOn} ·
 * `forecast_call` {deadline} · `forecast_uncertain` {deadline} · `needs_match` {count} · `no_known_call` {}
 * (`deadline` and `opensOn` are ISO dates, `YYYY-MM-DD`).
 */
import type { SchemeQuery } from '@varde/contracts/finder-api';
import type { ApplicantRules, Certainty, Funding, Scheme, SchemeRound, SchemeTheme } from '@varde/contracts/schemes';
import type { FundingSize, PipelineStatus } from '@varde/contracts/vocabulary';
import { type CallView, callsWithForecast, deadlineInstant, osloDate } from './calls';
import { bestEligibility, type ConfirmationFact, type EligibilityResult, evaluateEligibility, type MunicipalityProfile } from './eligibility';
import { roundFor, rulesFor } from './rounds';
import { createSearchEngine, type SearchEngine } from './search/engine';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Grant limits of the funding size filter, in NOK (`guidance` lists the schemes without money). */
export const fundingSizeLimits: Record<Exclude<FundingSize, 'guidance'>, [number, number]> = {
  small: [0, 500_000],
  medium: [500_001, 5_000_000],
  large: [5_000_001, Number.POSITIVE_INFINITY],
};

export interface FinderContext {
  municipality: MunicipalityProfile | null;
  needs: SchemeTheme[];
  pipeline: ReadonlyMap<string, PipelineStatus>;
  /** The municipality's confirmations (empty for anonymous callers and other municipalities: register-only verdicts). */
  confirmations: ConfirmationFact[];
  now: Date;
  /**
   * The Norwegian search engine (search/engine.ts) with the committed lexicon. Without it the same
   * engine runs without the word lists (stemming only).
   */
  search?: SearchEngine;
}

export interface RankReason {
  code: string;
  params: Record<string, string | number>;
}

export interface FinderHit {
  scheme: Scheme;
  calls: CallView[];
  nextCall: CallView | null;
  eligibility: EligibilityResult | null;
  pipelineStatus: PipelineStatus | null;
  matchedNeeds: SchemeTheme[];
  score: number;
  rankReason: RankReason;
}

export interface FinderResult {
  hits: FinderHit[];
  hiddenAsNotRelevant: number;
}

/** Lower-case in Norwegian rules, for matching search words. */
const fold = (text: string) => text.toLocaleLowerCase('nb').normalize('NFKC');

/**
 * Calls with forecasts per scheme document, for the minute they were worked out in: statuses and
 * forecasts read Oslo wall-clock time, which is the finder's main cost over a large catalogue.
 */
const callCache = new WeakMap<Scheme, { minute: number; calls: CallView[] }>();

/**
 * The calls that concern this municipality: national ones and those of its county's round (none of
 * another county's round). Without a municipality: every call, each round's named by its region.
 */
export function callsFor(scheme: Scheme, municipality: MunicipalityProfile | null, now: Date): CallView[] {
  const minute = Math.floor(now.getTime() / 60_000);
  let cached = callCache.get(scheme);
  if (cached?.minute !== minute) {
    cached = { minute, calls: callsWithForecast(scheme, now) };
    callCache.set(scheme, cached);
  }
  const all = cached.calls;
  if (!municipality || scheme.rounds.length === 0) return all;
  const roundId = roundFor(scheme, municipality.countyCode).round?.id ?? null;
  return all.filter((c) => c.roundId === null || c.roundId === roundId);
}

/** Nearest deadline first; calls without a deadline after those with one. */
function byDeadline(a: CallView, b: CallView): number {
  if (!a.deadline || !b.deadline) return a.deadline ? -1 : b.deadline ? 1 : 0;
  return deadlineInstant(a.deadline).getTime() - deadlineInstant(b.deadline).getTime();
}

/** The open call with the nearest deadline, else the next upcoming one (announced or forecast), else the latest closed one. */
export function nextCallOf(calls: CallView[]): CallView | null {
  const open = calls.filter((c) => c.status === 'open').sort(byDeadline);
  if (open[0]) return open[0];
  const upcoming = calls.filter((c) => c.status === 'forecast').sort(byDeadline);
  if (upcoming[0]) return upcoming[0];
  return calls.find((c) => c.status === 'closed') ?? null;
}

/** Rolling schemes take applications at any time while active, so they count as open. */
const isRolling = (scheme: Scheme) => scheme.cadence.kind === 'rolling' && scheme.lifecycle.status === 'active';
const isOpenNow = (scheme: Scheme, calls: CallView[]) => isRolling(scheme) || calls.some((c) => c.status === 'open');

function ownerNames(scheme: Scheme): string[] {
  const owners = [scheme.owner, ...scheme.rounds.map((r) => r.owner)];
  return owners.flatMap((o) => [o.name.nb, o.name.nn, o.name.en]);
}

let plainEngine: SearchEngine | null = null;
/** Search keys of each scheme document's name and of all its texts, per engine. */
const keyCache = new WeakMap<SearchEngine, WeakMap<Scheme, { name: Set<string>; all: Set<string> }>>();

function schemeKeys(scheme: Scheme, engine: SearchEngine) {
  let perEngine = keyCache.get(engine);
  if (!perEngine) keyCache.set(engine, (perEngine = new WeakMap()));
  let keys = perEngine.get(scheme);
  if (!keys) {
    const names = [scheme.name.nb, scheme.name.nn, scheme.name.en];
    const texts = [scheme.summary, scheme.purpose].flatMap((t) => [t.nb, t.nn, t.en]).concat(ownerNames(scheme));
    keys = { name: engine.textKeys(names), all: engine.textKeys([...names, ...texts]) };
    perEngine.set(scheme, keys);
  }
  return keys;
}

/**
 * The search text matches a scheme when the Norwegian search engine matches every query word in its
 * name, summary, purpose or owners (any form of the word, bokmål or nynorsk, inside compounds), or, as
 * before, when the text occurs as it is written. `inName`: it matches the name alone.
 */
function matchesText(scheme: Scheme, q: string, engine: SearchEngine): { matches: boolean; inName: boolean } {
  const needle = fold(q.trim());
  if (!needle) return { matches: true, inName: false };
  const query = engine.parseQuery(q);
  const keys = query.groups.length > 0 ? schemeKeys(scheme, engine) : null;
  const inName =
    [scheme.name.nb, scheme.name.nn, scheme.name.en].some((n) => fold(n).includes(needle)) || (keys !== null && engine.matchesKeys(query, keys.name));
  if (inName) return { matches: true, inName };
  const texts = [scheme.summary, scheme.purpose].flatMap((t) => [t.nb, t.nn, t.en]).concat(ownerNames(scheme));
  return { matches: texts.some((t) => fold(t).includes(needle)) || (keys !== null && engine.matchesKeys(query, keys.all)), inName: false };
}

/** Every set of rules a scheme has: its own and its rounds'. */
const allRules = (scheme: Scheme): ApplicantRules[] => [scheme.applicants, ...scheme.rounds.flatMap((r) => (r.applicants ? [r.applicants] : []))];
const allFunding = (scheme: Scheme): Funding[] => [scheme.funding, ...scheme.rounds.flatMap((r) => (r.funding ? [r.funding] : []))];

function fundingMatches(funding: Funding, size: FundingSize): boolean {
  if (size === 'guidance') return !funding.isGrant;
  const max = funding.maxGrantNok;
  if (!funding.isGrant || max === null) return false;
  const [low, high] = fundingSizeLimits[size];
  return max >= low && max <= high;
}

/** Without a municipality: can municipalities take this role under any of the scheme's rules? */
function roleOpenToMunicipalities(scheme: Scheme, role: 'lead' | 'partner'): boolean {
  return allRules(scheme).some((r) => r.leadTypes.includes('municipality') || (role === 'partner' && r.partnerTypes.includes('municipality')));
}

const certaintyScore: Record<Certainty, number> = { verified: 2, partial: 1, uncertain: 0 };

/** Register limits the municipality meets as lead: centrality, population, or a region of at most three counties. */
function targeting(rules: ApplicantRules, municipality: MunicipalityProfile): number {
  let score = 0;
  if (rules.centralityClasses?.includes(municipality.centralityClass)) score++;
  const { maxPopulation: max, minPopulation: min } = rules;
  if ((max !== null || min !== null) && (max === null || municipality.population <= max) && (min === null || municipality.population >= min)) score++;
  if (rules.counties && rules.counties.length <= 3 && rules.counties.includes(municipality.countyCode)) score++;
  return Math.min(score, 2);
}

/** How actionable the calls are: 3 open or announced with a known date (or rolling), 2 open without a deadline or a likely forecast, 1 an uncertain forecast. */
function callScore(scheme: Scheme, calls: CallView[]): { score: number; call: CallView | null } {
  let best: { score: number; call: CallView | null } = { score: isRolling(scheme) ? 3 : 0, call: null };
  for (const call of [...calls].sort(byDeadline)) {
    if (call.status === 'closed') continue;
    let score: number;
    if (!call.predicted) score = call.deadline ? 3 : 2;
    else score = call.forecast && call.forecast.certainty !== 'low' && !call.forecast.old ? 2 : 1;
    if (score > best.score) best = { score, call };
  }
  return best;
}

interface RankKeys {
  live: number;
  participation: number;
  grant: number;
  verdict: number;
  targeted: number;
  call: number;
  needs: number;
  certainty: number;
  name: number;
}

/** Sizes of each key (its largest value + 1), most significant first. */
const keySizes: Array<[keyof RankKeys, number]> = [
  ['live', 2],
  ['participation', 3],
  ['grant', 2],
  ['verdict', 2],
  ['targeted', 3],
  ['call', 4],
  ['needs', 3],
  ['certainty', 4],
  ['name', 2],
];

function scoreOf(keys: RankKeys): number {
  let score = 0;
  for (const [key, size] of keySizes) score = score * size + keys[key];
  return score;
}

function rankReason(keys: RankKeys, grantsFirst: boolean, best: { score: number; call: CallView | null }, scheme: Scheme, matchedNeeds: number): RankReason {
  if (keys.live === 0) return { code: 'ended', params: {} };
  if (keys.participation === 0) return { code: 'not_eligible', params: {} };
  if (keys.participation === 1) return { code: 'partner_only', params: {} };
  if (grantsFirst && keys.grant === 0) return { code: 'no_grant', params: {} };
  if (keys.targeted > 0) return { code: 'targeted', params: {} };
  const call = best.call;
  if (best.score === 3 && !call) return { code: 'rolling', params: {} };
  if (call?.status === 'open')
    return call.deadline ? { code: 'open_call', params: { deadline: call.deadline.date } } : { code: 'open_no_deadline', params: {} };
  if (call && !call.predicted) {
    return call.deadline
      ? { code: 'upcoming_call', params: { deadline: call.deadline.date } }
      : { code: 'opens_later', params: { opensOn: call.opensOn ?? '' } };
  }
  if (call?.deadline) return { code: best.score === 2 ? 'forecast_call' : 'forecast_uncertain', params: { deadline: call.deadline.date } };
  if (isRolling(scheme)) return { code: 'rolling', params: {} };
  if (matchedNeeds > 0) return { code: 'needs_match', params: { count: matchedNeeds } };
  return { code: 'no_known_call', params: {} };
}

/**
 * Filters and ranks (see the module comment). Equal scores keep the order of `schemes`, so pass the
 * catalogue sorted by name (Norwegian collation is slow enough to dominate if done per request over
 * hundreds of schemes).
 *
 * Lifecycle: ended schemes are left out unless `status=ended` is asked for or the search text is in
 * the name; `status` lists only schemes in that state. `funding=guidance` lists only schemes without money.
 */
export function findSchemes(schemes: readonly Scheme[], query: SchemeQuery, context: FinderContext): FinderResult {
  const { municipality, now } = context;
  const engine = context.search ?? (plainEngine ??= createSearchEngine());
  const hits: Array<FinderHit & { index: number }> = [];
  let hiddenAsNotRelevant = 0;
  const horizon = query.deadlineWithin ? osloDate(new Date(now.getTime() + query.deadlineWithin * DAY_MS)) : null;
  const grantsFirst = query.funding !== 'guidance';

  for (const [index, scheme] of schemes.entries()) {
    const text = matchesText(scheme, query.q ?? '', engine);
    if (!text.matches) continue;
    if (query.status ? scheme.lifecycle.status !== query.status : scheme.lifecycle.status === 'ended' && !text.inName) continue;
    if (query.theme?.length && !scheme.themes.some((t) => query.theme!.includes(t))) continue;
    if (query.owner && scheme.owner.id !== query.owner && !scheme.rounds.some((r) => r.owner.id === query.owner)) continue;

    const round: SchemeRound | null = municipality ? roundFor(scheme, municipality.countyCode).round : null;
    const { applicants: rules, funding } = rulesFor(scheme, round);
    if (
      query.collaboration &&
      (municipality ? rules.collaboration !== query.collaboration : !allRules(scheme).some((r) => r.collaboration === query.collaboration))
    )
      continue;
    if (query.funding && (municipality ? !fundingMatches(funding, query.funding) : !allFunding(scheme).some((f) => fundingMatches(f, query.funding!))))
      continue;
    if (query.role && !municipality && !roleOpenToMunicipalities(scheme, query.role)) continue;

    const calls = callsFor(scheme, municipality, now);
    if (query.openNow && !isOpenNow(scheme, calls)) continue;
    if (horizon !== null && !calls.some((c) => c.status !== 'closed' && c.deadline && c.deadline.date <= horizon)) continue;

    const pipelineStatus = context.pipeline.get(scheme.id) ?? null;
    if (pipelineStatus === 'not_relevant') {
      hiddenAsNotRelevant++;
      continue;
    }

    let eligibility: EligibilityResult | null = null;
    if (municipality) {
      const input = { municipality, scheme, confirmations: context.confirmations, now };
      eligibility = query.role ? evaluateEligibility({ ...input, role: query.role }) : bestEligibility(input);
      if (query.role && eligibility.verdict === 'not_eligible') continue;
    }

    const matchedNeeds = scheme.themes.filter((t) => context.needs.includes(t) && t !== 'other');
    const nextCall = nextCallOf(calls);
    const best = callScore(scheme, calls);
    const keys: RankKeys = {
      live: scheme.lifecycle.status === 'ended' ? 0 : 1,
      participation: eligibility
        ? eligibility.verdict === 'not_eligible'
          ? 0
          : eligibility.role === 'lead'
            ? 2
            : 1
        : roleOpenToMunicipalities(scheme, 'lead')
          ? 2
          : roleOpenToMunicipalities(scheme, 'partner')
            ? 1
            : 0,
      grant: grantsFirst && funding.isGrant ? 1 : 0,
      verdict: eligibility?.verdict === 'eligible' ? 1 : 0,
      targeted: eligibility && eligibility.role === 'lead' && eligibility.verdict !== 'not_eligible' ? targeting(rules, municipality!) : 0,
      call: best.score,
      needs: Math.min(matchedNeeds.length, 2),
      certainty: eligibility?.roundUnknown ? 0 : certaintyScore[rules.certainty] + (funding.isGrant && funding.maxGrantNok !== null ? 1 : 0),
      name: text.inName ? 1 : 0,
    };
    hits.push({
      index,
      scheme,
      calls,
      nextCall,
      eligibility,
      pipelineStatus,
      matchedNeeds,
      score: scoreOf(keys),
      rankReason: rankReason(keys, grantsFirst, best, scheme, matchedNeeds.length),
    });
  }

  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  return { hits: hits.map(({ index: _, ...hit }) => hit), hiddenAsNotRelevant };
}
