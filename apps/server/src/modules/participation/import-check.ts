/**
 * The dry run of an import: every row read through the column mapping and any fix typed in the app,
 * checked by the domain's rules (`readImportRow`), then against the other rows of the file and the
 * records already stored, for duplicates. The same check runs again inside the commit.
 */
import { translate, type Language } from '@varde/contracts';
import type { ImportRow as ImportRowView } from '@varde/contracts/participation-api';
import { dedupeKey, importFields, predecessorName, type ImportField, type ImportProblemCode } from '@varde/contracts/participation-vocabulary';
import { readImportRow, type MunicipalityRegisters, type RecordValues, type RowProblem } from '@varde/domain/participation';
import type { ImportRow as StoredImport } from './import.repository';
import type { MunicipalityNames } from './record-view';
import type { SchemeDirectory } from './scheme-directory';

export interface CheckedRow {
  row: number;
  values: Partial<Record<ImportField, string>>;
  problems: RowProblem[];
  record: RecordValues | null;
  key: string | null;
  fixed: boolean;
  skipped: boolean;
}

export interface CheckContext {
  registers: MunicipalityRegisters;
  names: MunicipalityNames;
  schemes: SchemeDirectory;
  counties: ReadonlySet<string> | null;
  /** Municipalities the importer may record for (their organisations' scopes); used instead of `counties` when given. */
  municipalities?: ReadonlySet<string> | null;
  currentYear: number;
  /** Which of these keys are already stored. */
  takenKeys: (keys: string[]) => Promise<Set<string>>;
}

/** Rows checked between two turns of the event loop. */
const YIELD_EVERY = 2000;

export const mappingComplete = (mapping: StoredImport['mapping']) =>
  (['municipality', 'scheme', 'role', 'status'] as const).every((f) => mapping[f] !== null && mapping[f] !== undefined) &&
  ((mapping.year !== null && mapping.year !== undefined) || (mapping.decidedOn !== null && mapping.decidedOn !== undefined));

export async function checkImport(stored: Pick<StoredImport, 'rows' | 'mapping' | 'fixes'>, context: CheckContext): Promise<CheckedRow[]> {
  const rowContext = {
    registers: context.registers,
    schemes: context.schemes.lookup,
    counties: context.counties,
    ...(context.municipalities !== undefined ? { municipalities: context.municipalities } : {}),
    currentYear: context.currentYear,
  };
  const checkRow = (row: number, cells: string[]): CheckedRow => {
    const fix = stored.fixes[String(row)];
    const values: Partial<Record<ImportField, string>> = {};
    for (const field of importFields) {
      const column = stored.mapping[field];
      const value = fix?.values[field] ?? (column !== null && column !== undefined ? (cells[column] ?? '') : undefined);
      if (value !== undefined) values[field] = value;
    }
    if (fix?.skip) return { row, values, problems: [], record: null, key: null, fixed: true, skipped: true };
    const { record, problems } = readImportRow(values, rowContext);
    const key = record
      ? dedupeKey({
          municipalityCode: record.municipalityCode,
          schemeKey: record.scheme.key,
          year: record.year,
          round: record.round,
          projectTitle: record.projectTitle,
          predecessor: predecessorName(record.nameAtTime, context.names.get(record.municipalityCode)?.names ?? []),
        })
      : null;
    return { row, values, problems, record, key, fixed: !!fix, skipped: false };
  };
  const checked: CheckedRow[] = [];
  for (const [index, { row, cells }] of stored.rows.entries()) {
    // Checking is CPU work: other requests get their turn every few thousand rows.
    if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    checked.push(checkRow(row, cells));
  }

  const firstRowOf = new Map<string, number>();
  for (const row of checked) {
    if (!row.key) continue;
    const first = firstRowOf.get(row.key);
    if (first === undefined) firstRowOf.set(row.key, row.row);
    else row.problems.push({ field: 'municipality', code: 'duplicate_in_file', params: { row: first } });
  }
  const taken = await context.takenKeys([...firstRowOf.keys()]);
  for (const row of checked) {
    if (row.key && taken.has(row.key) && !row.problems.length) row.problems.push({ field: 'municipality', code: 'duplicate_existing' });
  }
  for (const row of checked) if (row.problems.length) row.record = null;
  return checked;
}

/** One invalid row for the API, its problems in the request's language. */
export function rowView(row: CheckedRow, lang: Language, names: MunicipalityNames): ImportRowView {
  return {
    row: row.row,
    values: row.values as Record<string, string>,
    fixed: row.fixed,
    skipped: row.skipped,
    problems: row.problems.map((p) => ({
      field: p.field,
      code: p.code,
      message: problemMessage(lang, p.field, p.code, p.params ?? {}),
      ...(p.choices ? { choices: p.choices.map((code) => ({ code, name: names.get(code)?.name ?? code })) } : {}),
    })),
  };
}

export function problemMessage(lang: Language, field: ImportField, code: ImportProblemCode, params: Record<string, string | number>) {
  return translate(lang, `importProblem.${code}`, { field: translate(lang, `importField.${field}`), ...params });
}
