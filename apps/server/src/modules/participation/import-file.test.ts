/** Messy files as people's spreadsheets write them: each must read to the same table. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, readImportFile } from './import-file';

const header = ['Kommunenummer', 'Ordning', 'År', 'Rolle', 'Status', 'Prosjekt'];
const expected = [
  ['5033', 'Klimasats', '2023', 'mottaker', 'innvilget', 'Ladepunkt på Ås'],
  ['1804', 'Gnist', '2022', 'pilot', 'valgt ut', 'Sentrum\nog havna'],
];

const windows1252 = (text: string) => Buffer.from([...text].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Å: 0xc5, Ø: 0xd8, '–': 0x96 })[c] ?? c.charCodeAt(0)));

describe('reading a CSV file', () => {
  it('reads UTF-8 with a byte order mark, semicolons, blank lines, quoted line breaks and an empty Excel line', async () => {
    const text = `\uFEFF${header.join(';')}\r\n5033;Klimasats;2023;mottaker;innvilget;Ladepunkt på Ås\r\n\r\n;;;;;\r\n1804;Gnist;2022;pilot;valgt ut;"Sentrum\r\nog havna"\r\n`;
    const file = await readImportFile(Buffer.from(text, 'utf8'), 100);
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8 (BOM)', delimiter: ';', headers: header });
    expect(file.rows.map((r) => r.cells)).toEqual([expected[0], ['1804', 'Gnist', '2022', 'pilot', 'valgt ut', 'Sentrum\r\nog havna']]);
    // Each row keeps its line in the file (the blank and empty lines count).
    expect(file.rows.map((r) => r.row)).toEqual([2, 5]);
  });

  it('reads Windows-1252 (Excel’s "CSV (semikolondelt)") and commas', async () => {
    const text = `${header.join(',')}\n5033,Klimasats,2023,mottaker,innvilget,Ladepunkt på Ås\n1804,Gnist,2022,pilot,valgt ut,"Sentrum\nog havna"\n`;
    const file = await readImportFile(windows1252(text), 100);
    expect(file).toMatchObject({ encoding: 'windows-1252', delimiter: ',', headers: header });
    expect(file.rows.map((r) => r.cells)).toEqual(expected);
  });

  it('reads UTF-16 with tabs (Excel’s "Unicode text") and Excel’s "sep=" line', async () => {
    const tabbed = `${header.join('\t')}\n${expected.map((r) => r.map((c) => (c.includes('\n') ? `"${c}"` : c)).join('\t')).join('\n')}\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]);
    expect((await readImportFile(utf16, 100)).rows.map((r) => r.cells)).toEqual(expected);
    const hinted = await readImportFile(Buffer.from(`sep=,\n${header.join(',')}\n5033,Klimasats,2023,mottaker,innvilget,"A; B"\n`), 100);
    expect(hinted).toMatchObject({ delimiter: ',', rows: [{ row: 3, cells: ['5033', 'Klimasats', '2023', 'mottaker', 'innvilget', 'A; B'] }] });
  });

  it('passes over a title line above the header', async () => {
    const file = await readImportFile(Buffer.from(`Tildelinger 2023;;;;;\n${header.join(';')}\n5033;Klimasats;2023;mottaker;innvilget;X\n`), 100);
    expect(file.headers).toEqual(header);
    expect(file.rows).toEqual([{ row: 3, cells: ['5033', 'Klimasats', '2023', 'mottaker', 'innvilget', 'X'] }]);
  });

  it('refuses an empty file and one with more rows than the cap', async () => {
    await expect(readImportFile(Buffer.alloc(0), 100)).rejects.toMatchObject({ problem: 'empty_file' });
    const many = `${header.join(';')}\n${'5033;Klimasats;2023;mottaker;innvilget;X\n'.repeat(11)}`;
    const error = await readImportFile(Buffer.from(many), 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ problem: 'too_many_rows', params: { limit: 10, rows: 11 } });
  });
});

describe('reading an XLSX file', () => {
  it('joins merged header cells with the row below, and reads dates, numbers, formulas and links', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deltakelse');
    sheet.addRow(['Deltakelse i ordninger']);
    sheet.mergeCells('A1:G1');
    sheet.addRow(['Kommune', '', 'Ordning', 'Vedtak', '', 'Kilde', 'Beløp']);
    sheet.addRow(['nummer', 'navn', '', 'år', 'dato', '', '']);
    sheet.mergeCells('A2:B2');
    sheet.mergeCells('D2:E2');
    sheet.mergeCells('C2:C3');
    sheet.mergeCells('F2:F3');
    sheet.mergeCells('G2:G3');
    sheet.addRow([
      5033,
      'Tydal',
      'Klimasats',
      { formula: '2020+3', result: 2023 },
      new Date(Date.UTC(2023, 2, 15)),
      { text: 'Miljødirektoratet', hyperlink: 'https://www.miljodirektoratet.no/klimasats' },
      250000,
    ]);
    sheet.addRow([]);
    sheet.addRow([1804, 'Bodø', 'Gnist', 2022, null, null, 1500000.5]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const file = await readImportFile(bytes, 100);
    expect(file.format).toBe('xlsx');
    expect(file.headers).toEqual(['Kommune nummer', 'Kommune navn', 'Ordning', 'Vedtak år', 'Vedtak dato', 'Kilde', 'Beløp']);
    expect(file.rows).toEqual([
      { row: 4, cells: ['5033', 'Tydal', 'Klimasats', '2023', '2023-03-15', 'https://www.miljodirektoratet.no/klimasats', '250000'] },
      { row: 6, cells: ['1804', 'Bodø', 'Gnist', '2022', '', '', '1500000.5'] },
    ]);
  });

  it('refuses a damaged file', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    await expect(readImportFile(bytes, 100)).rejects.toMatchObject({ problem: 'unreadable_file' });
  });
});
