/**
 * Upgrades a scheme document of the first model (ADR 005) to the second (ADR 005, addition): owners
 * with ids and names per language, precise applicant types, opening days and deadlines as Oslo dates
 * with a time only where a source stated one, county-limited calls as regional rounds, free-text
 * conditions as "check this yourself", and an active lifecycle. Pure: the caller passes the county
 * names (data/reference/counties.json). A document already in the new shape is returned unchanged.
 */
import type { ApplicantRules, ApplicantType, LocalizedText, Scheme, SchemeCall, SchemeOwner, SchemeRound } from '@varde/contracts/schemes';
import { applicantTypes, retiredApplicantTypes } from '@varde/contracts/vocabulary';
import { ownerFromRetiredName, slugOf } from './scheme-owners';

/** County number → its Norwegian name. */
export type CountyNames = ReadonlyMap<string, string>;

/** A document already in the second model: owners have ids, and lifecycle and rounds exist. */
export function isUpgradedScheme(doc: unknown): boolean {
  if (!isRecord(doc)) return false;
  const owner = doc.owner;
  return isRecord(owner) && typeof owner.id === 'string' && isRecord(doc.lifecycle) && Array.isArray(doc.rounds);
}

/**
 * Regions whose rounds carry a name of their own rather than their counties' names (the former
 * county of Viken and Oslo shared one State Administrator).
 */
const namedRegions: Readonly<Record<string, { id: string; name: LocalizedText }>> = {
  '03,31,32,33': { id: 'oslo-og-viken', name: { nb: 'Oslo og Viken', nn: 'Oslo og Viken', en: 'Oslo and Viken' } },
};

export function upgradeSchemeDocument(old: unknown, countyNames: CountyNames): Scheme {
  if (isUpgradedScheme(old)) return old as Scheme;
  if (!isRecord(old)) throw new TypeError('a scheme document must be an object');
  const doc = old as Record<string, unknown> & { owner: { name: string; url: string | null }; applicants: Record<string, unknown>; calls: OldCall[] };
  const owner = ownerFromRetiredName(String(doc.owner?.name ?? ''), doc.owner?.url ?? null);

  const rounds: SchemeRound[] = [];
  const roundByCounties = new Map<string, SchemeRound>();
  const calls: SchemeCall[] = (doc.calls ?? []).map((call) => {
    let roundId: string | null = null;
    if (Array.isArray(call.counties) && call.counties.length > 0) {
      const counties = [...new Set(call.counties)].sort();
      const key = counties.join(',');
      let round = roundByCounties.get(key);
      if (!round) {
        round = newRound(counties, owner, countyNames, new Set(rounds.map((r) => r.id)));
        roundByCounties.set(key, round);
        rounds.push(round);
      }
      for (const id of call.sourceIds) if (!round.sourceIds.includes(id)) round.sourceIds.push(id);
      roundId = round.id;
    }
    return {
      id: call.id,
      title: call.title,
      roundId,
      opensOn: call.opensAt ? osloParts(call.opensAt).date : null,
      deadline: upgradeDeadline(call.deadline, call.sourceIds[0] ?? null),
      budgetNok: call.budgetNok ?? null,
      sourceIds: call.sourceIds,
    };
  });

  // The old document's property order, with lifecycle after the owner and rounds before the calls.
  const scheme: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    if (key === 'owner') {
      scheme.owner = owner;
      scheme.lifecycle = { status: 'active', endedOn: null, successorId: null, sourceIds: [] };
    } else if (key === 'applicants') scheme.applicants = upgradeApplicants(doc.applicants);
    else if (key === 'calls') {
      scheme.rounds = rounds;
      scheme.calls = calls;
    } else scheme[key] = doc[key];
  }
  return scheme as unknown as Scheme;
}

interface OldCall {
  id: string;
  title: LocalizedText;
  opensAt?: string | null;
  deadline?: string | null;
  budgetNok?: number | null;
  counties?: string[] | null;
  sourceIds: string[];
}

function upgradeApplicants(old: Record<string, unknown>): ApplicantRules {
  const rules: Record<string, unknown> = {};
  for (const key of Object.keys(old)) {
    if (key === 'conditions') {
      rules.conditions = [];
      rules.checkYourself = Array.isArray(old.conditions) ? (old.conditions as LocalizedText[]) : [];
    } else if (key === 'leadTypes' || key === 'partnerTypes' || key === 'requiredPartnerTypes') rules[key] = upgradeTypes(old[key] as string[]);
    else rules[key] = old[key];
  }
  rules.conditions ??= [];
  rules.checkYourself ??= [];
  return rules as unknown as ApplicantRules;
}

/** Old applicant type names mapped to the new ones, duplicates and unknown names left out, order kept. */
export function upgradeTypes(types: readonly string[] | undefined): ApplicantType[] {
  const out: ApplicantType[] = [];
  for (const type of types ?? []) {
    const mapped = retiredApplicantTypes[type] ?? ((applicantTypes as readonly string[]).includes(type) ? (type as ApplicantType) : undefined);
    if (mapped && !out.includes(mapped)) out.push(mapped);
  }
  return out;
}

/**
 * An ISO date-time with offset → the Oslo day and wall-clock time. 23:59 was the first model's default
 * when no source stated a time, so it becomes "time not stated"; any other time is kept with the
 * call's first source as the one that states it.
 */
export function upgradeDeadline(deadline: string | null | undefined, firstSourceId: string | null): SchemeCall['deadline'] {
  if (!deadline) return null;
  const { date, time } = osloParts(deadline);
  if (time === '23:59' || firstSourceId === null) return { date, time: null, timeSourceId: null };
  return { date, time, timeSourceId: firstSourceId };
}

let osloFormat: Intl.DateTimeFormat | undefined;

/** The Oslo calendar day (YYYY-MM-DD) and wall-clock time (HH:MM) of an instant. */
export function osloParts(iso: string): { date: string; time: string } {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a date-time: ${iso}`);
  osloFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const part = Object.fromEntries(osloFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

function newRound(counties: string[], owner: SchemeOwner, countyNames: CountyNames, taken: ReadonlySet<string>): SchemeRound {
  const named = namedRegions[counties.join(',')];
  const names = counties.map((code) => countyNames.get(code) ?? code);
  const name: LocalizedText = named?.name ?? { nb: joinNames(names, 'og'), nn: joinNames(names, 'og'), en: joinNames(names, 'and') };
  let id = named?.id ?? slugOf(name.nb);
  for (let n = 2; taken.has(id); n++) id = `${slugOf(name.nb).slice(0, 76)}-${n}`;
  return { id, name, counties, owner, url: null, applicants: null, funding: null, sourceIds: [] };
}

function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
