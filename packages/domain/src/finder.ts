/**
 * The scheme finder: filters the catalogue by a query and ranks it by fit for one municipality.
 * Pure: the caller supplies the schemes with their calls, the municipality's register profile, its
 * needs themes and its pipeline, and the clock.
 */
import type { FundingSize, PipelineStatus } from '@varde/contracts/vocabulary';
import type { SchemeQuery } from '@varde/contracts/finder-api';
import type { Scheme, SchemeTheme } from '@varde/contracts/schemes';
import { callsWithForecast, type CallView } from './calls';
import { bestEligibility, evaluateEligibility, type EligibilityResult, type MunicipalityProfile } from './eligibility';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Upper grant limits of the funding size filter, in NOK. */
export const fundingSizeLimits: Record<FundingSize, [number, number]> = {
  small: [0, 500_000],
  medium: [500_001, 5_000_000],
  large: [5_000_001, Number.POSITIVE_INFINITY],
};

export interface FinderContext {
  municipality: MunicipalityProfile | null;
  needs: SchemeTheme[];
  pipeline: ReadonlyMap<string, PipelineStatus>;
  now: Date;
}

export interface FinderHit {
  scheme: Scheme;
  calls: CallView[];
  nextCall: CallView | null;
  eligibility: EligibilityResult | null;
  pipelineStatus: PipelineStatus | null;
  matchedNeeds: SchemeTheme[];
  score: number;
}

export interface FinderResult {
  hits: FinderHit[];
  hiddenAsNotRelevant: number;
}

/** Lower-case in Norwegian rules, for matching search words. */
const fold = (text: string) => text.toLocaleLowerCase('nb').normalize('NFKC');

/**
 * Calls with forecasts per scheme document, for the minute they were worked out in: forecasting reads
 * Oslo wall-clock time through Intl, which is the finder's main cost over a large catalogue.
 */
const callCache = new WeakMap<Scheme, { minute: number; calls: CallView[] }>();

/** The calls that concern this municipality: national ones and those of its county. */
export function callsFor(scheme: Scheme, municipality: MunicipalityProfile | null, now: Date): CallView[] {
  const minute = Math.floor(now.getTime() / 60_000);
  let cached = callCache.get(scheme);
  if (cached?.minute !== minute) {
    cached = { minute, calls: callsWithForecast(scheme.calls, scheme.cadence.kind, now) };
    callCache.set(scheme, cached);
  }
  const all = cached.calls;
  if (!municipality) return all;
  return all.filter((c) => !c.counties || c.counties.includes(municipality.countyCode));
}

const byDeadline = (a: CallView, b: CallView) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0);

/** The open call with the nearest deadline, else the next upcoming one, else the latest closed one. */
export function nextCallOf(calls: CallView[]): CallView | null {
  const open = calls.filter((c) => c.status === 'open').sort(byDeadline);
  if (open[0]) return open[0];
  const upcoming = calls.filter((c) => c.status === 'forecast').sort(byDeadline);
  if (upcoming[0]) return upcoming[0];
  return calls.find((c) => c.status === 'closed') ?? null;
}

/** Rolling schemes take applications at any time, so they count as open. */
const isOpenNow = (scheme: Scheme, calls: CallView[]) => scheme.cadence.kind === 'rolling' || calls.some((c) => c.status === 'open');

function matchesText(scheme: Scheme, q: string): { matches: boolean; inName: boolean } {
  const needle = fold(q.trim());
  if (!needle) return { matches: true, inName: false };
  const names = [scheme.name.nb, scheme.name.nn, scheme.name.en, scheme.owner.name].map(fold);
  const inName = names.some((n) => n.includes(needle));
  if (inName) return { matches: true, inName };
  const texts = [scheme.summary, scheme.purpose].flatMap((t) => [t.nb, t.nn, t.en]).map(fold);
  return { matches: texts.some((t) => t.includes(needle)), inName: false };
}

function roleAllowed(scheme: Scheme, role: 'lead' | 'partner', municipality: MunicipalityProfile | null): boolean {
  const { leadTypes, partnerTypes } = scheme.applicants;
  if (!municipality) return role === 'lead' ? leadTypes.includes('municipality') : leadTypes.includes('municipality') || partnerTypes.includes('municipality');
  return evaluateEligibility({ municipality, rules: scheme.applicants, role, isGrant: scheme.funding.isGrant }).verdict !== 'not_eligible';
}

function fundingMatches(scheme: Scheme, size: FundingSize): boolean {
  const max = scheme.funding.maxGrantNok;
  if (!scheme.funding.isGrant || max === null) return false;
  const [low, high] = fundingSizeLimits[size];
  return max >= low && max <= high;
}

const verdictScore = { eligible: 30, eligible_with_conditions: 20, not_eligible: 0 } as const;

/**
 * Filters and ranks. Equal scores keep the order of `schemes`, so pass the catalogue sorted by name
 * (Norwegian collation is slow enough to dominate if done per request over hundreds of schemes).
 */
export function findSchemes(schemes: readonly Scheme[], query: SchemeQuery, context: FinderContext): FinderResult {
  const { municipality, now } = context;
  const hits: FinderHit[] = [];
  let hiddenAsNotRelevant = 0;
  const horizon = query.deadlineWithin ? now.getTime() + query.deadlineWithin * DAY_MS : null;

  for (const scheme of schemes) {
    const text = matchesText(scheme, query.q ?? '');
    if (!text.matches) continue;
    if (query.theme?.length && !scheme.themes.some((t) => query.theme!.includes(t))) continue;
    if (query.collaboration && scheme.applicants.collaboration !== query.collaboration) continue;
    if (query.owner && scheme.owner.name !== query.owner) continue;
    if (query.funding && !fundingMatches(scheme, query.funding)) continue;
    if (query.role && !roleAllowed(scheme, query.role, municipality)) continue;

    const calls = callsFor(scheme, municipality, now);
    if (query.openNow && !isOpenNow(scheme, calls)) continue;
    if (horizon !== null && !calls.some((c) => c.status !== 'closed' && Date.parse(c.deadline) <= horizon)) continue;

    const pipelineStatus = context.pipeline.get(scheme.id) ?? null;
    if (pipelineStatus === 'not_relevant') {
      hiddenAsNotRelevant++;
      continue;
    }

    const eligibility = municipality
      ? query.role
        ? evaluateEligibility({ municipality, rules: scheme.applicants, role: query.role, isGrant: scheme.funding.isGrant })
        : bestEligibility({ municipality, rules: scheme.applicants, isGrant: scheme.funding.isGrant })
      : null;
    const matchedNeeds = scheme.themes.filter((t) => context.needs.includes(t) && t !== 'other');
    const nextCall = nextCallOf(calls);

    let score = eligibility ? verdictScore[eligibility.verdict] : 0;
    score += Math.min(matchedNeeds.length, 2) * 10;
    if (isOpenNow(scheme, calls)) score += 8;
    else if (nextCall && nextCall.status === 'forecast' && Date.parse(nextCall.deadline) - now.getTime() < 180 * DAY_MS) score += 4;
    if (text.inName) score += 5;
    hits.push({ scheme, calls, nextCall, eligibility, pipelineStatus, matchedNeeds, score });
  }

  hits.sort((a, b) => b.score - a.score);
  return { hits, hiddenAsNotRelevant };
}
