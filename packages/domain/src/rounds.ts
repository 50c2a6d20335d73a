/**
 * Regional rounds: a scheme run by different owners for different counties (prosjektskjønn: each State
 * Administrator with its own rules, amounts and dates). A municipality belongs to the round of its
 * county; a round's rules and funding, where given, replace the scheme's.
 */
import type { ApplicantRules, Funding, Scheme, SchemeOwner, SchemeRound } from '@varde/contracts/schemes';

/**
 * The round of a county. A national scheme (no rounds) has none and nothing is unknown; a county-run
 * scheme with no round for the county answers `unknown` ("no known round for {county}"): an unknown,
 * not a blocker, and the scheme's general rules apply.
 */
export function roundFor(scheme: Scheme, countyCode: string): { round: SchemeRound | null; unknown: boolean } {
  if (scheme.rounds.length === 0) return { round: null, unknown: false };
  const round = scheme.rounds.find((r) => r.counties.includes(countyCode)) ?? null;
  return { round, unknown: round === null };
}

/** The rules, funding and owner that apply in a round (the scheme's where the round gives none). */
export function rulesFor(scheme: Scheme, round: SchemeRound | null): { applicants: ApplicantRules; funding: Funding; owner: SchemeOwner } {
  return {
    applicants: round?.applicants ?? scheme.applicants,
    funding: round?.funding ?? scheme.funding,
    owner: round?.owner ?? scheme.owner,
  };
}
