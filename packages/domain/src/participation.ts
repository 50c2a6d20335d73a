/**
 * Participation records' rules, pure: reading the cells of an import row into a record (municipality
 * numbers of 2020–2023 mapped to 2024, Norwegian and English words for roles and statuses, Norwegian
 * amounts and dates), the problems as codes with parameters (translated at the edge), and the key
 * that makes a record a duplicate of another.
 */
import {
  countedStatuses,
  normaliseName,
  participationLimits as L,
  type ImportField,
  type ImportProblemCode,
  type ParticipationRole,
  type ParticipationStatus,
} from '@varde/contracts/participation-vocabulary';

export const takesPart = (status: ParticipationStatus) => countedStatuses.includes(status);

/** The municipality registers a number is read against: 2024 (current) and 2020–2023. */
export interface MunicipalityRegisters {
  current: ReadonlyMap<string, { name: string; countyCode: string }>;
  from2020: ReadonlyMap<string, { name: string; codes2024: readonly string[] }>;
}

/** A scheme an import may name: by the catalogue's id or any of its names, or by a known scheme the catalogue lacks. */
export interface SchemeEntry {
  key: string;
  catalogueId: string | null;
  name: string;
}

export type SchemeLookup = ReadonlyMap<string, SchemeEntry>;

/** A lookup by key and by every name (normalised): catalogue entries win over others of the same name. */
export function schemeLookup(entries: readonly (SchemeEntry & { names: readonly string[] })[]): SchemeLookup {
  const lookup = new Map<string, SchemeEntry>();
  const sorted = [...entries].sort((a, b) => Number(a.catalogueId === null) - Number(b.catalogueId === null));
  for (const { names, ...entry } of sorted) {
    for (const name of [entry.key, entry.name, ...names]) {
      const key = normaliseName(name);
      if (key && !lookup.has(key)) lookup.set(key, entry);
    }
  }
  return lookup;
}

export type MunicipalityResolution =
  | { ok: true; code: string; codeAtTime: string | null }
  | { ok: false; code: 'required' | 'unknown_municipality' | 'pre_2020_number' | 'split_municipality'; choices?: string[] };

/** County numbers in use before 2020 (and Trøndelag's 50 from 2018): a number under one of them that no register has is an old one. */
const countiesBefore2020 = new Set(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '14', '15', '16', '17', '18', '19', '20', '50']);

/**
 * A municipality number as written in a file: spreadsheets drop the leading zero ("301"), so three
 * digits are read as four. A 2024 number is taken as it is; a 2020–2023 number maps to its 2024
 * successor (1507 Ålesund was split in 2024, so the person must choose); an older number is refused
 * with "give the 2024 number", as no register of them is shipped.
 */
export function resolveMunicipality(raw: string, registers: MunicipalityRegisters): MunicipalityResolution {
  const text = raw.trim().replace(/\.0$/, '');
  if (!text) return { ok: false, code: 'required' };
  if (!/^[0-9]{3,4}$/.test(text)) return { ok: false, code: 'unknown_municipality' };
  const code = text.padStart(4, '0');
  if (registers.current.has(code)) return { ok: true, code, codeAtTime: null };
  const old = registers.from2020.get(code);
  if (old) {
    if (old.codes2024.length === 1) return { ok: true, code: old.codes2024[0]!, codeAtTime: code };
    return { ok: false, code: 'split_municipality', choices: [...old.codes2024] };
  }
  return { ok: false, code: countiesBefore2020.has(code.slice(0, 2)) ? 'pre_2020_number' : 'unknown_municipality' };
}

const roleWords: Record<string, ParticipationRole> = {
  lead: 'lead',
  leder: 'lead',
  prosjekteier: 'lead',
  prosjekteigar: 'lead',
  hovedsøker: 'lead',
  hovudsøkar: 'lead',
  søker: 'lead',
  søkar: 'lead',
  partner: 'partner',
  deltaker: 'partner',
  deltakar: 'partner',
  samarbeidspartner: 'partner',
  recipient: 'recipient',
  mottaker: 'recipient',
  mottakar: 'recipient',
  tilskuddsmottaker: 'recipient',
  tilskotsmottakar: 'recipient',
  pilot: 'pilot',
  pilotkommune: 'pilot',
  winner: 'winner',
  vinner: 'winner',
  finalist: 'finalist',
  nominee: 'nominee',
  nominert: 'nominee',
};

const statusWords: Record<string, ParticipationStatus> = {
  applied: 'applied',
  søkt: 'applied',
  'har søkt': 'applied',
  selected: 'selected',
  'valgt ut': 'selected',
  valgt: 'selected',
  utvalgt: 'selected',
  granted: 'granted',
  innvilget: 'granted',
  innvilga: 'granted',
  tildelt: 'granted',
  'fått tilskudd': 'granted',
  rejected: 'rejected',
  avslått: 'rejected',
  avslag: 'rejected',
  completed: 'completed',
  fullført: 'completed',
  avsluttet: 'completed',
  avslutta: 'completed',
  gjennomført: 'completed',
};

export const readRole = (raw: string): ParticipationRole | null => roleWords[normaliseName(raw)] ?? null;
export const readStatus = (raw: string): ParticipationStatus | null => statusWords[normaliseName(raw)] ?? null;

/** "1 500 000", "1 500 000 kr", "1.500.000", "1500000,00", "kr 350 000,-": whole kroner, or null when unreadable. */
export function readAmount(raw: string): number | null {
  let text = raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^(kr\.?|nok)/i, '')
    .replace(/(kr\.?|nok|,-|,--)$/i, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) text = text.replace(/[.,]/g, '');
  else if (/^\d+,\d{1,2}$/.test(text)) text = text.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const value = Math.round(Number(text));
  return Number.isSafeInteger(value) && value <= L.amountMax ? value : null;
}

/** "15.03.2023", "15.3.2023", "2023-03-15" (or an ISO date-time from a spreadsheet cell): the calendar date, or null. */
export function readDate(raw: string): string | null {
  const text = raw.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(text);
  let [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match) {
    match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (!match) return null;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export const isHttpUrl = (text: string) => {
  if (text.length > L.urlMax) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Other participants: one cell with names separated by ";", "," or line breaks. */
export const splitParticipants = (raw: string) =>
  raw
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A record as read from a row, ready to store. */
export interface RecordValues {
  municipalityCode: string;
  codeAtTime: string | null;
  nameAtTime: string | null;
  scheme: SchemeEntry;
  year: number;
  decidedOn: string | null;
  round: string | null;
  role: ParticipationRole;
  status: ParticipationStatus;
  amountNok: number | null;
  projectTitle: string | null;
  otherParticipants: string[];
  sourceUrl: string | null;
  sourceDocument: string | null;
  evidence: string | null;
}

export interface RowProblem {
  field: ImportField;
  code: ImportProblemCode;
  params?: Record<string, string | number>;
  /** For a split municipality: the 2024 numbers to choose from. */
  choices?: string[];
}

export interface RowContext {
  registers: MunicipalityRegisters;
  schemes: SchemeLookup;
  /** Counties the importer may record for; null: any (platform administrators). */
  counties: ReadonlySet<string> | null;
  /** Municipalities the importer may record for (their organisations' scopes, ADR 012); when given, used instead of `counties`. */
  municipalities?: ReadonlySet<string> | null;
  /** The current year: a decision can be at most one year ahead (a prize announced for next year). */
  currentYear: number;
}

const textLimits: Partial<Record<ImportField, number>> = {
  municipalityName: L.participantNameMax,
  round: L.roundMax,
  projectTitle: L.projectTitleMax,
  sourceDocument: L.sourceDocumentMax,
  evidence: L.evidenceMax,
  otherParticipants: L.participantNameMax * L.otherParticipantsMax,
};

const optional = (text: string | undefined) => {
  const value = text?.trim();
  return value ? value : null;
};

/** Reads one row's mapped cells; every problem is reported, not only the first. */
export function readImportRow(cells: Partial<Record<ImportField, string>>, context: RowContext): { record: RecordValues | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: ImportField, code: ImportProblemCode, extra: Omit<RowProblem, 'field' | 'code'> = {}) => problems.push({ field, code, ...extra });

  for (const [field, limit] of Object.entries(textLimits) as [ImportField, number][]) {
    if ((cells[field]?.trim().length ?? 0) > limit) problem(field, 'too_long', { params: { limit } });
  }

  const municipality = resolveMunicipality(cells.municipality ?? '', context.registers);
  if (!municipality.ok) {
    problem('municipality', municipality.code, municipality.choices ? { choices: municipality.choices } : {});
  } else if (
    context.municipalities !== undefined
      ? context.municipalities !== null && !context.municipalities.has(municipality.code)
      : context.counties !== null && !context.counties.has(context.registers.current.get(municipality.code)!.countyCode)
  ) {
    problem('municipality', 'outside_region');
  }

  const schemeText = cells.scheme?.trim() ?? '';
  const scheme = schemeText ? context.schemes.get(normaliseName(schemeText)) : undefined;
  if (!schemeText) problem('scheme', 'required');
  else if (!scheme) problem('scheme', 'unknown_scheme');

  const dateText = cells.decidedOn?.trim() ?? '';
  const decidedOn = dateText ? readDate(dateText) : null;
  if (dateText && !decidedOn) problem('decidedOn', 'bad_date');

  // The year from its own column, else from the decision date; a full date in the year column is read as a date.
  const yearText = cells.year?.trim().replace(/\.0$/, '') ?? '';
  let year: number | null = null;
  if (/^\d{4}$/.test(yearText)) year = Number(yearText);
  else if (yearText) {
    const asDate = readDate(yearText);
    if (asDate) year = Number(asDate.slice(0, 4));
    else problem('year', /[.-]/.test(yearText) ? 'bad_date' : 'bad_year');
  } else if (decidedOn) year = Number(decidedOn.slice(0, 4));
  else if (!dateText) problem('year', 'required');
  if (year !== null && (year < L.yearMin || year > context.currentYear + 1)) {
    problem('year', 'bad_year');
    year = null;
  }
  if (year !== null && decidedOn && Number(decidedOn.slice(0, 4)) !== year) problem('decidedOn', 'year_mismatch', { params: { year } });

  const roleText = cells.role?.trim() ?? '';
  const role = roleText ? readRole(roleText) : null;
  if (!roleText) problem('role', 'required');
  else if (!role) problem('role', 'bad_role');

  const statusText = cells.status?.trim() ?? '';
  const status = statusText ? readStatus(statusText) : null;
  if (!statusText) problem('status', 'required');
  else if (!status) problem('status', 'bad_status');

  const amountText = cells.amountNok?.trim() ?? '';
  const amountNok = amountText ? readAmount(amountText) : null;
  if (amountText && amountNok === null) problem('amountNok', 'bad_amount');

  const sourceUrl = optional(cells.sourceUrl);
  if (sourceUrl && !isHttpUrl(sourceUrl)) problem('sourceUrl', 'bad_url');

  const otherParticipants = splitParticipants(cells.otherParticipants ?? '');
  if (otherParticipants.length > L.otherParticipantsMax || otherParticipants.some((p) => p.length > L.participantNameMax)) {
    if (!problems.some((p) => p.field === 'otherParticipants')) problem('otherParticipants', 'too_long', { params: { limit: L.participantNameMax } });
  }

  if (problems.length > 0 || !municipality.ok || !scheme || year === null || !role || !status) return { record: null, problems };
  return {
    record: {
      municipalityCode: municipality.code,
      codeAtTime: municipality.codeAtTime,
      nameAtTime: optional(cells.municipalityName),
      scheme,
      year,
      decidedOn,
      round: optional(cells.round),
      role,
      status,
      amountNok,
      projectTitle: optional(cells.projectTitle),
      otherParticipants,
      sourceUrl,
      sourceDocument: optional(cells.sourceDocument),
      evidence: optional(cells.evidence),
    },
    problems,
  };
}

const headerWords: Record<ImportField, string[]> = {
  municipality: [
    'kommunenummer',
    'kommunenr',
    'knr',
    'kommune nr',
    'kommune nummer',
    'nummer',
    'municipality number',
    'municipality code',
    'code',
    'code2024',
    'kode',
  ],
  municipalityName: ['kommune', 'kommunenavn', 'kommunenamn', 'kommune navn', 'kommune namn', 'navn', 'municipality', 'municipality name', 'municipalityname'],
  scheme: ['ordning', 'ordningen', 'tilskuddsordning', 'tilskotsordning', 'program', 'scheme'],
  year: ['år', 'year', 'vedtaksår', 'tildelingsår', 'tildelt år'],
  decidedOn: ['dato', 'vedtaksdato', 'tildelingsdato', 'date', 'decided on', 'decidedon'],
  round: ['runde', 'utlysning', 'utlysing', 'round', 'call'],
  role: ['rolle', 'role'],
  status: ['status', 'resultat', 'result'],
  amountNok: ['beløp', 'tilskudd', 'tilskot', 'innvilget beløp', 'tildelt beløp', 'amount', 'amountnok', 'kr', 'beløp (kr)', 'beløp kr'],
  projectTitle: ['prosjekt', 'prosjektnavn', 'prosjektnamn', 'prosjekttittel', 'tittel', 'project', 'project title', 'projecttitle'],
  otherParticipants: ['andre deltakere', 'andre deltakarar', 'samarbeidspartnere', 'partnere', 'other participants', 'otherparticipants'],
  sourceUrl: ['kilde', 'kjelde', 'lenke', 'url', 'source', 'source url', 'sourceurl', 'nettadresse'],
  sourceDocument: ['dokument', 'kildedokument', 'kjeldedokument', 'source document', 'sourcedocument'],
  evidence: ['sitat', 'utdrag', 'evidence', 'quote'],
};

/** A first guess at which column holds which field, from the header texts. */
export function suggestMapping(headers: readonly string[]): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {};
  const taken = new Set<number>();
  const normalised = headers.map((h) => normaliseName(h).replace(/[*:]$/, ''));
  for (const [field, words] of Object.entries(headerWords) as [ImportField, string[]][]) {
    for (const word of words) {
      const index = normalised.findIndex((h, i) => !taken.has(i) && h === word);
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}
