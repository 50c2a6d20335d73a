/**
 * Reads an import file into a header and rows of text cells, as people's spreadsheets write them:
 * CSV in UTF-8 (with or without a byte order mark), UTF-16 (Excel's "Unicode text") or Windows-1252,
 * separated by semicolons (Norwegian Excel), commas or tabs, with blank lines and quoted line breaks;
 * or XLSX (exceljs, loaded only when needed), where merged header cells over two header rows become
 * one header per column ("Kommune" over "nummer" and "navn": "Kommune nummer", "Kommune navn").
 * Title rows above the header (one cell of text) are passed over. Each row keeps its line (CSV) or
 * row number (XLSX) in the file, so problems can be found there.
 */
import { parse } from 'csv-parse/sync';
import { participationLimits as L } from '@varde/contracts/participation-vocabulary';

export interface ReadFile {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export type FileProblem = 'empty_file' | 'unreadable_file' | 'too_many_rows' | 'too_many_columns';

export class ImportFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly params: Record<string, number> = {},
  ) {
    super(problem);
  }
}

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;
/** Uncompressed XLSX content allowed: a small file that unpacks to gigabytes is refused before it is read. */
const MAX_UNPACKED = 400 * 1024 * 1024;

export async function readImportFile(bytes: Buffer, maxRows: number): Promise<ReadFile> {
  if (bytes.length === 0) throw new ImportFileError('empty_file');
  const read = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  const table = withHeader(read.grid);
  if (table.headers.length === 0) throw new ImportFileError('empty_file');
  if (table.headers.length > L.importColumnsMax) throw new ImportFileError('too_many_columns', { limit: L.importColumnsMax });
  if (table.rows.length > maxRows) throw new ImportFileError('too_many_rows', { limit: maxRows, rows: table.rows.length });
  return { format: read.format, encoding: read.encoding, delimiter: read.delimiter, ...table };
}

// --- CSV ---

function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes), encoding: bom ? 'utf-8 (BOM)' : 'utf-8' };
  } catch {
    // Not UTF-8: what Excel on Windows writes as "CSV (semikolondelt)".
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator that splits the first line (outside quotes) into the most cells. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text.slice(0, 20_000)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  const [best, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ',';
}

function readCsv(bytes: Buffer): { format: 'csv'; encoding: string; delimiter: string; grid: { row: number; cells: string[]; merged?: boolean[] }[] } {
  let { text, encoding } = decode(bytes);
  let lineOffset = 0;
  // Excel's hint line "sep=;" names the separator.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  let delimiter: string;
  if (hint) {
    delimiter = hint[1]!;
    text = text.slice(hint[0].length);
    lineOffset = 1;
  } else delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    throw new ImportFileError('unreadable_file');
  }
  // csv-parse counts the lines where a record ends, a quoted CR LF as two: this gives the line it starts on.
  let overcounted = 0;
  const grid = records.map(({ record, info }) => {
    const count = (pattern: RegExp) => record.reduce((n, cell) => n + (cell.match(pattern)?.length ?? 0), 0);
    overcounted += count(/\r\n/g);
    return { row: info.lines - overcounted - count(/\r\n|\n|\r/g) + lineOffset, cells: record.map(clip) };
  });
  return { format: 'csv', encoding, delimiter, grid };
}

const clip = (cell: string) => (cell.length > L.importCellMax ? cell.slice(0, L.importCellMax + 1) : cell);

// --- XLSX ---

/** The sum of the uncompressed sizes in the zip's central directory. */
function unpackedSize(bytes: Buffer): number {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new ImportFileError('unreadable_file');
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw new ImportFileError('unreadable_file');
    total += bytes.readUInt32LE(offset + 24);
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return total;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; hyperlink?: string; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.hyperlink) {
      const text = cellText(v.text);
      return /^https?:\/\//i.test(text) || !text ? v.hyperlink : text.includes('://') ? text : v.hyperlink;
    }
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}

async function readXlsx(
  bytes: Buffer,
): Promise<{ format: 'xlsx'; encoding: null; delimiter: null; grid: { row: number; cells: string[]; merged: boolean[] }[] }> {
  if (unpackedSize(bytes) > MAX_UNPACKED) throw new ImportFileError('unreadable_file');
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('unreadable_file');
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new ImportFileError('empty_file');
  const grid: { row: number; cells: string[]; merged: boolean[] }[] = [];
  const columns = Math.min(sheet.actualColumnCount > 0 ? sheet.columnCount : 0, L.importColumnsMax + 1);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const merged: boolean[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      // A merged cell's other cells repeat the first one's value; the header step decides what that means.
      const master = cell.isMerged ? cell.master : cell;
      cells.push(clip(cellText(master.value).trim()));
      merged.push(cell.isMerged && master.address !== cell.address && master.row === cell.row);
    }
    if (cells.some((c) => c !== '')) grid.push({ row: rowNumber, cells, merged });
  });
  return { format: 'xlsx', encoding: null, delimiter: null, grid };
}

// --- The header ---

/**
 * The header row (after any title rows) and the data rows. Where the header row has cells merged
 * across columns and the next row names the parts, the two rows are one header.
 */
function withHeader(grid: { row: number; cells: string[]; merged?: boolean[] }[]): { headers: string[]; rows: { row: number; cells: string[] }[] } {
  let start = 0;
  while (start < Math.min(grid.length - 1, 5) && new Set(grid[start]!.cells.map((c) => c.trim()).filter(Boolean)).size < 2) start++;
  const top = grid[start];
  if (!top) return { headers: [], rows: [] };
  let headers = top.cells.map((c) => c.trim());
  let first = start + 1;
  const next = grid[first];
  if (top.merged?.some(Boolean) && next) {
    headers = headers.map((above, i) => {
      const below = next.cells[i]?.trim() ?? '';
      return above && below && above !== below ? `${above} ${below}` : below || above;
    });
    first++;
  }
  // Trailing columns without a header or any value are not part of the table.
  let width = headers.length;
  const rows = grid.slice(first);
  while (width > 0 && !headers[width - 1] && rows.every((r) => !r.cells[width - 1])) width--;
  headers = headers.slice(0, width).map((h, i) => h || `(${i + 1})`);
  return { headers, rows: rows.map((r) => ({ row: r.row, cells: r.cells.slice(0, width) })) };
}
