/**
 * Participation statistics (issue 15, ADR 012): pure functions over municipalities and their counted
 * participations.
 *
 * - A municipality takes part in a scheme when it has a record of it that is selected, granted or
 *   completed; applied and rejected records are not counted.
 * - Each municipality × scheme × year × project counts once (a "participation"); its role is lead when
 *   any of its records is lead or recipient, else partner when any is partner, else other (pilots, prizes).
 * - A scheme's rate is over the municipalities its register rules admit (`admitted`; null: all, for a
 *   scheme the catalogue lacks), widened by any that took part anyway (rules change over time, and a
 *   municipality that took part was evidently admitted then), so a rate never exceeds 1. The overall
 *   rate is over all municipalities given.
 * - Population bands are half-open (`mappingBandOf`); centrality classes are 1–6.
 * - Peers: the same class and band; a group smaller than `peerGroupMin` widens to the class alone. The
 *   group includes the municipality itself; its size is reported.
 */
import { mappingBandOf, mappingBands, mappingLimits, type MappingBand, type PeerBasis, type RoleShare } from '@varde/contracts/mapping-vocabulary';
import { countedStatuses, normaliseName, type ParticipationRole, type ParticipationStatus } from '@varde/contracts/participation-vocabulary';

export interface StatsMunicipality {
  code: string;
  countyCode: string;
  population: number;
  centralityClass: number;
}

/** A record as the statistics read it. */
export interface StatsRecord {
  municipalityCode: string;
  schemeKey: string;
  year: number;
  projectTitle: string | null;
  role: ParticipationRole;
  status: ParticipationStatus;
}

/** Counted participations of one municipality in one scheme (what the database aggregates to). */
export interface SchemeAggregate {
  municipalityCode: string;
  schemeKey: string;
  participations: number;
  /** Distinct years, ascending. */
  years: number[];
  lead: number;
  partner: number;
  other: number;
}

export const roleShareOf = (role: ParticipationRole): RoleShare =>
  role === 'lead' || role === 'recipient' ? 'lead' : role === 'partner' ? 'partner' : 'other';

const shareRank: Record<RoleShare, number> = { lead: 0, partner: 1, other: 2 };

/** The project part of a participation's identity (the same normalisation as the records' dedupe key). */
export const projectKey = (title: string | null) => normaliseName(title ?? '');

/**
 * Records → one aggregate per municipality and scheme, counting each municipality × scheme × year ×
 * project once and only counted statuses. The database does the same in SQL (mapping.repository.ts);
 * a data test keeps them equal.
 */
export function aggregateRecords(records: readonly StatsRecord[]): SchemeAggregate[] {
  const units = new Map<string, { municipalityCode: string; schemeKey: string; year: number; share: RoleShare }>();
  for (const r of records) {
    if (!countedStatuses.includes(r.status)) continue;
    const key = `${r.municipalityCode}|${r.schemeKey}|${r.year}|${projectKey(r.projectTitle)}`;
    const share = roleShareOf(r.role);
    const found = units.get(key);
    if (!found) units.set(key, { municipalityCode: r.municipalityCode, schemeKey: r.schemeKey, year: r.year, share });
    else if (shareRank[share] < shareRank[found.share]) found.share = share;
  }
  const aggregates = new Map<string, SchemeAggregate & { yearSet: Set<number> }>();
  for (const u of units.values()) {
    const key = `${u.municipalityCode}|${u.schemeKey}`;
    let a = aggregates.get(key);
    if (!a) {
      a = { municipalityCode: u.municipalityCode, schemeKey: u.schemeKey, participations: 0, years: [], lead: 0, partner: 0, other: 0, yearSet: new Set() };
      aggregates.set(key, a);
    }
    a.participations++;
    a[u.share]++;
    a.yearSet.add(u.year);
  }
  return [...aggregates.values()].map(({ yearSet, ...a }) => ({ ...a, years: [...yearSet].sort((x, y) => x - y) }));
}

export interface RateCell {
  municipalities: number;
  participants: number;
  rate: number | null;
}

const cell = (municipalities: number, participants: number): RateCell => ({
  municipalities,
  participants,
  rate: municipalities === 0 ? null : participants / municipalities,
});

/** Per municipality: the distinct schemes it takes part in and its participations. */
export interface MunicipalityTotals {
  schemes: Set<string>;
  participations: number;
}

export function totalsByMunicipality(aggregates: readonly SchemeAggregate[]): Map<string, MunicipalityTotals> {
  const totals = new Map<string, MunicipalityTotals>();
  for (const a of aggregates) {
    if (a.participations === 0) continue;
    let t = totals.get(a.municipalityCode);
    if (!t) totals.set(a.municipalityCode, (t = { schemes: new Set(), participations: 0 }));
    t.schemes.add(a.schemeKey);
    t.participations += a.participations;
  }
  return totals;
}

const schemeCount = (totals: ReadonlyMap<string, MunicipalityTotals>, code: string) => totals.get(code)?.schemes.size ?? 0;

/** Overall: municipalities with at least one participation, over all given. */
export function overallRate(municipalities: readonly StatsMunicipality[], aggregates: readonly SchemeAggregate[]) {
  const totals = totalsByMunicipality(aggregates);
  let participants = 0;
  let participations = 0;
  let schemes = 0;
  for (const m of municipalities) {
    const t = totals.get(m.code);
    if (!t) continue;
    participants++;
    participations += t.participations;
    schemes += t.schemes.size;
  }
  return { ...cell(municipalities.length, participants), participations, meanSchemes: municipalities.length === 0 ? 0 : schemes / municipalities.length };
}

export interface SchemeBase {
  key: string;
  /** Municipalities the scheme's register rules admit; null: all (the catalogue lacks the scheme). */
  admitted: ReadonlySet<string> | null;
}

export interface SchemeRate extends RateCell {
  key: string;
  participations: number;
  byClass: (RateCell & { centralityClass: number })[];
}

/** One row per scheme: its rate over the municipalities given that its rules admit (or that took part), and per class 1–6. */
export function schemeRates(
  municipalities: readonly StatsMunicipality[],
  aggregates: readonly SchemeAggregate[],
  schemes: readonly SchemeBase[],
): SchemeRate[] {
  const bySchemeAndCode = new Map<string, Map<string, number>>();
  for (const a of aggregates) {
    if (a.participations === 0) continue;
    let m = bySchemeAndCode.get(a.schemeKey);
    if (!m) bySchemeAndCode.set(a.schemeKey, (m = new Map()));
    m.set(a.municipalityCode, (m.get(a.municipalityCode) ?? 0) + a.participations);
  }
  return schemes.map((scheme) => {
    const taking = bySchemeAndCode.get(scheme.key) ?? new Map<string, number>();
    const base = municipalities.filter((m) => scheme.admitted === null || scheme.admitted.has(m.code) || taking.has(m.code));
    const participantsOf = (list: readonly StatsMunicipality[]) => list.filter((m) => taking.has(m.code)).length;
    let participations = 0;
    for (const m of base) participations += taking.get(m.code) ?? 0;
    return {
      key: scheme.key,
      ...cell(base.length, participantsOf(base)),
      participations,
      byClass: [1, 2, 3, 4, 5, 6].map((c) => {
        const inClass = base.filter((m) => m.centralityClass === c);
        return { centralityClass: c, ...cell(inClass.length, participantsOf(inClass)) };
      }),
    };
  });
}

export interface GroupRate extends RateCell {
  group: string;
  participations: number;
  meanSchemes: number;
}

/** A breakdown: for each group (in the order given; empty groups included), rate, participations and mean distinct schemes. */
export function groupRates(
  municipalities: readonly StatsMunicipality[],
  aggregates: readonly SchemeAggregate[],
  groupOf: (m: StatsMunicipality) => string,
  groups: readonly string[],
): GroupRate[] {
  const totals = totalsByMunicipality(aggregates);
  return groups.map((group) => {
    const members = municipalities.filter((m) => groupOf(m) === group);
    let participants = 0;
    let participations = 0;
    let schemes = 0;
    for (const m of members) {
      const t = totals.get(m.code);
      if (!t) continue;
      participants++;
      participations += t.participations;
      schemes += t.schemes.size;
    }
    return { group, ...cell(members.length, participants), participations, meanSchemes: members.length === 0 ? 0 : schemes / members.length };
  });
}

export const classGroup = (m: StatsMunicipality) => String(m.centralityClass);
export const bandGroup = (m: StatsMunicipality) => mappingBandOf(m.population);
export const countyGroup = (m: StatsMunicipality) => m.countyCode;
export const classGroups = ['1', '2', '3', '4', '5', '6'] as const;
export const bandGroups = mappingBands;

/** How many municipalities take part in exactly n distinct schemes, for n = 0 … the largest seen (no gaps). */
export function schemeDistribution(municipalities: readonly StatsMunicipality[], aggregates: readonly SchemeAggregate[]) {
  const totals = totalsByMunicipality(aggregates);
  const counts: number[] = [0];
  for (const m of municipalities) {
    const n = schemeCount(totals, m.code);
    while (counts.length <= n) counts.push(0);
    counts[n]!++;
  }
  return counts.map((municipalities, schemes) => ({ schemes, municipalities }));
}

/** The municipalities in the most distinct schemes (then most participations, then by `order`); only those with any. */
export function topMunicipalities(
  municipalities: readonly StatsMunicipality[],
  aggregates: readonly SchemeAggregate[],
  limit: number = mappingLimits.topMunicipalities,
  order: (a: StatsMunicipality, b: StatsMunicipality) => number = (a, b) => a.code.localeCompare(b.code),
) {
  const totals = totalsByMunicipality(aggregates);
  return municipalities
    .filter((m) => totals.has(m.code))
    .map((m) => ({ municipality: m, schemes: [...totals.get(m.code)!.schemes].sort(), participations: totals.get(m.code)!.participations }))
    .sort((a, b) => b.schemes.length - a.schemes.length || b.participations - a.participations || order(a.municipality, b.municipality))
    .slice(0, limit);
}

/** Lead / partner / other participations per centrality class 1–6; leadShare = lead / (lead + partner). */
export function roleSharesByClass(municipalities: readonly StatsMunicipality[], aggregates: readonly SchemeAggregate[]) {
  const classOf = new Map(municipalities.map((m) => [m.code, m.centralityClass]));
  const rows = [1, 2, 3, 4, 5, 6].map((centralityClass) => ({ centralityClass, lead: 0, partner: 0, other: 0 }));
  for (const a of aggregates) {
    const c = classOf.get(a.municipalityCode);
    if (c === undefined) continue;
    const row = rows[c - 1];
    if (!row) continue;
    row.lead += a.lead;
    row.partner += a.partner;
    row.other += a.other;
  }
  return rows.map((r) => ({ ...r, leadShare: r.lead + r.partner === 0 ? null : r.lead / (r.lead + r.partner) }));
}

export interface PeerGroup {
  basis: PeerBasis;
  centralityClass: number;
  band: MappingBand | null;
  size: number;
  expected: number;
  /** The members' codes, the municipality itself included. */
  members: string[];
}

/**
 * Each municipality's peer group and expected number of distinct schemes (the group's mean), among
 * `all` (every municipality, whatever the view's filter).
 */
export function peerGroups(
  all: readonly StatsMunicipality[],
  aggregates: readonly SchemeAggregate[],
  minimum: number = mappingLimits.peerGroupMin,
): Map<string, PeerGroup> {
  const totals = totalsByMunicipality(aggregates);
  const byClassBand = new Map<string, StatsMunicipality[]>();
  const byClass = new Map<number, StatsMunicipality[]>();
  for (const m of all) {
    const key = `${m.centralityClass}|${mappingBandOf(m.population)}`;
    byClassBand.set(key, [...(byClassBand.get(key) ?? []), m]);
    byClass.set(m.centralityClass, [...(byClass.get(m.centralityClass) ?? []), m]);
  }
  const groupOf = (members: readonly StatsMunicipality[], basis: PeerBasis, centralityClass: number, band: MappingBand | null): PeerGroup => {
    let schemes = 0;
    for (const m of members) schemes += schemeCount(totals, m.code);
    return { basis, centralityClass, band, size: members.length, expected: schemes / members.length, members: members.map((m) => m.code) };
  };
  const groups = new Map<string, PeerGroup>();
  const made = new Map<string, PeerGroup>();
  for (const m of all) {
    const band = mappingBandOf(m.population);
    const narrow = byClassBand.get(`${m.centralityClass}|${band}`)!;
    const wide = narrow.length < minimum;
    const key = wide ? `class|${m.centralityClass}` : `${m.centralityClass}|${band}`;
    let group = made.get(key);
    if (!group) {
      group = wide ? groupOf(byClass.get(m.centralityClass)!, 'class', m.centralityClass, null) : groupOf(narrow, 'class_and_band', m.centralityClass, band);
      made.set(key, group);
    }
    groups.set(m.code, group);
  }
  return groups;
}

export interface GapLine {
  code: string;
  schemes: number;
  participations: number;
  peers: PeerGroup;
  /** schemes − expected */
  gap: number;
}

/** Actual distinct schemes vs the peer group's mean, for each municipality of `subset` (default: all). */
export function gaps(all: readonly StatsMunicipality[], aggregates: readonly SchemeAggregate[], subset: readonly StatsMunicipality[] = all): GapLine[] {
  const totals = totalsByMunicipality(aggregates);
  const peers = peerGroups(all, aggregates);
  return subset.map((m) => {
    const group = peers.get(m.code)!;
    const schemes = schemeCount(totals, m.code);
    return { code: m.code, schemes, participations: totals.get(m.code)?.participations ?? 0, peers: group, gap: schemes - group.expected };
  });
}
