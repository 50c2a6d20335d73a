/** Imports over HTTP: a messy file, its dry run, fixes, an all-or-nothing commit and undo. */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportDetail, ImportList, ParticipationList, ParticipationRecord, UndoPreview } from '@varde/contracts/participation-api';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, getOk, municipalityOrganisation, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let adviser: Client;
let otherAdviser: Client;
let member: Client;
let platformAdmin: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  const trondelag = await createOrganisation(db, { type: 'county_authority', countyCode: '50' });
  const nordland = await createOrganisation(db, { type: 'regional_council', countyCode: '18' });
  const user = async (organisationId: string | null, isPlatformAdmin = false) => {
    const created = await createUser(db, { isPlatformAdmin });
    if (organisationId) await addMember(db, organisationId, created.id);
    return signIn(app, created.email);
  };
  adviser = await user(trondelag.id);
  otherAdviser = await user(nordland.id);
  member = await user((await municipalityOrganisation(db, '5033')).id);
  platformAdmin = await user(null, true);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** What Norwegian Excel writes: Windows-1252, semicolons, CR LF. */
const windows1252 = (text: string) => Buffer.from([...text].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Å: 0xc5, Ø: 0xd8 })[c] ?? c.charCodeAt(0)));
const messyCsv = windows1252(
  [
    'Kommunenr;Kommune;Ordning;År;Rolle;Status;Beløp;Prosjekt;Kilde',
    '5033;Tydal;Klimasats;2023;mottaker;innvilget;250 000;Ladepunkt;https://www.miljodirektoratet.no/klimasats',
    '5025;Røros;Prosjektskjønn / skjønnsmidler til fornying og innovasjon;2022;leder;innvilget;1 000 000;Digital Røros;',
    '1624;Rissa;Klimasats;2019;partner;innvilget;;;',
    '',
    '5026;Holtålen;Ukjent ordning;2023;mottaker;innvilget;;;',
    '5033;Tydal;Klimasats;2023;mottaker;innvilget;;Ladepunkt;',
    '1804;Bodø;Klimasats;2023;mottaker;innvilget;;;',
  ].join('\r\n'),
);

const upload = (client: Client, bytes: Buffer, name = 'tildelinger.csv', type = 'text/csv') =>
  app.inject({
    method: 'POST',
    url: `/api/participation-imports?name=${encodeURIComponent(name)}`,
    headers: { ...client.headers, 'content-type': type },
    payload: bytes,
  });
const send = (client: Client, method: 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: client.headers, ...(payload ? { payload } : {}) });
const problemsOf = (detail: ImportDetail) => detail.dryRun.invalidRows.map((r) => [r.row, r.problems.map((p) => `${p.field}:${p.code}`).join(',')]);
const countRecords = async () => (await getOk<ParticipationList>(app, '/api/participation')).total;

describe('an import', () => {
  let importId: string;

  it('reads a messy file, guesses the columns and lists every invalid row with its reason', async () => {
    const response = await upload(adviser, messyCsv);
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json() as ImportDetail;
    importId = detail.id;
    expect(detail).toMatchObject({ fileName: 'tildelinger.csv', format: 'csv', encoding: 'windows-1252', delimiter: ';', status: 'draft', rowCount: 6 });
    expect(detail.mapping).toMatchObject({
      municipality: 0,
      municipalityName: 1,
      scheme: 2,
      year: 3,
      role: 4,
      status: 5,
      amountNok: 6,
      projectTitle: 7,
      sourceUrl: 8,
    });
    expect(detail.dryRun).toMatchObject({ valid: 2, invalid: 4, skipped: 0 });
    expect(problemsOf(detail)).toEqual([
      [4, 'municipality:pre_2020_number'],
      [6, 'scheme:unknown_scheme'],
      [7, 'municipality:duplicate_in_file'],
      [8, 'municipality:outside_region'],
    ]);
    expect(detail.dryRun.invalidRows[0]!.problems[0]!.message).toBe('Dette ser ut som et kommunenummer fra før 2020. Oppgi nummeret kommunen har fra 2024.');
    expect(detail.dryRun.invalidRows[2]!.problems[0]!.message).toBe('Samme deltakelse står også på rad 2 i filen.');
  });

  it('is only for advisers, and only its own adviser sees it', async () => {
    expect((await upload(member, messyCsv)).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/participation-imports/${importId}`, headers: otherAdviser.headers })).statusCode).toBe(404);
    expect((await getOk<ImportList>(app, '/api/participation-imports', otherAdviser)).items).toEqual([]);
    expect((await getOk<ImportList>(app, '/api/participation-imports', platformAdmin)).items.map((i) => i.id)).toContain(importId);
  });

  it('saves nothing while a row is invalid', async () => {
    const before = await countRecords();
    const refused = await send(adviser, 'POST', `/api/participation-imports/${importId}/commit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('4 rader har feil. Rett dem eller hopp over dem. Ingenting er lagret.');
    expect(await countRecords()).toBe(before);
  });

  it('takes fixes typed in the app and rows left out, then commits every row at once', async () => {
    await send(adviser, 'PUT', `/api/participation-imports/${importId}/rows/4`, { values: { municipality: '5054' } });
    await send(adviser, 'PUT', `/api/participation-imports/${importId}/rows/6`, { values: { scheme: 'klimasats', projectTitle: 'Varmepumpe' } });
    await send(adviser, 'PUT', `/api/participation-imports/${importId}/rows/7`, { values: {}, skip: true });
    const fixed = await send(adviser, 'PUT', `/api/participation-imports/${importId}/rows/8`, { values: {}, skip: true });
    expect(fixed.json().dryRun).toMatchObject({ valid: 4, invalid: 0, skipped: 2 });
    expect((await send(adviser, 'PUT', `/api/participation-imports/${importId}/rows/99`, { values: {} })).statusCode).toBe(404);

    const before = await countRecords();
    const committed = await send(adviser, 'POST', `/api/participation-imports/${importId}/commit`);
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toEqual({ recordCount: 4 });
    expect(await countRecords()).toBe(before + 4);
    expect((await send(adviser, 'POST', `/api/participation-imports/${importId}/commit`)).statusCode).toBe(409);
    const tydal = await getOk<ParticipationList>(app, '/api/participation?municipality=5033');
    expect(tydal.items[0]).toMatchObject({
      provenance: { kind: 'imported', importId },
      amountNok: 250_000,
      source: { url: 'https://www.miljodirektoratet.no/klimasats' },
    });
    // Without a source in the file, the file is the source.
    const roros = (await getOk<ParticipationList>(app, '/api/participation?municipality=5025&year=2022')).items.find((r) => r.provenance.importId === importId);
    expect(roros?.source).toEqual({ url: null, document: 'tildelinger.csv' });
  });

  it('is undone: unchanged records go, changed ones stay unless chosen', async () => {
    const records = (await getOk<ParticipationList>(app, '/api/participation?municipality=5033')).items.filter((r) => r.provenance.importId === importId);
    const record = records[0]!;
    const edited = await send(adviser, 'PUT', `/api/participation/${record.id}`, {
      municipalityCode: '5033',
      schemeId: 'klimasats',
      year: 2023,
      role: 'recipient',
      status: 'completed',
      projectTitle: 'Ladepunkt',
      revision: record.revision,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const preview = await getOk<UndoPreview>(app, `/api/participation-imports/${importId}/undo`, adviser);
    expect(preview.unchanged).toBe(3);
    expect(preview.changed).toEqual([expect.objectContaining({ id: record.id, revision: 2, summary: expect.stringContaining('Tydal') })]);

    const before = await countRecords();
    const undone = await send(adviser, 'POST', `/api/participation-imports/${importId}/undo`, { remove: [] });
    expect(undone.json()).toEqual({ removed: 3, kept: 1 });
    expect(await countRecords()).toBe(before - 3);
    expect((await getOk<ParticipationRecord>(app, `/api/participation/${record.id}`)).status).toBe('completed');
    expect((await getOk<ImportDetail>(app, `/api/participation-imports/${importId}`, adviser)).status).toBe('undone');
    expect((await send(adviser, 'POST', `/api/participation-imports/${importId}/undo`, { remove: [] })).statusCode).toBe(409);
  });

  it('removes a changed record when chosen at the revision seen', async () => {
    const csv = Buffer.from('Kommunenummer;Ordning;År;Rolle;Status\n5026;StimuLab;2024;partner;søkt\n');
    const detail = (await upload(adviser, csv, 'stimulab.csv')).json() as ImportDetail;
    await send(adviser, 'POST', `/api/participation-imports/${detail.id}/commit`);
    const record = (await getOk<ParticipationList>(app, '/api/participation?municipality=5026&year=2024')).items[0]!;
    await send(adviser, 'POST', `/api/participation/${record.id}/verify`);
    const preview = await getOk<UndoPreview>(app, `/api/participation-imports/${detail.id}/undo`, adviser);
    expect(preview).toMatchObject({ unchanged: 0, changed: [{ id: record.id, revision: 2 }] });
    expect((await send(adviser, 'POST', `/api/participation-imports/${detail.id}/undo`, { remove: [{ id: record.id, revision: 2 }] })).json()).toEqual({
      removed: 1,
      kept: 0,
    });
    expect((await app.inject({ url: `/api/participation/${record.id}` })).statusCode).toBe(404);
  });
});

describe('the mapping', () => {
  it('needs the required fields, each in its own column', async () => {
    const detail = (await upload(adviser, Buffer.from('A;B;C\n5033;klimasats;2023\n'), 'ukjent.csv')).json() as ImportDetail;
    expect(detail.dryRun).toMatchObject({ valid: 0, invalid: 0 });
    const refused = await send(adviser, 'PUT', `/api/participation-imports/${detail.id}/mapping`, { mapping: { municipality: 0, scheme: 0, year: 2 } });
    expect(refused.json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual([
      'mapping.scheme:duplicate',
      'mapping.role:required',
      'mapping.status:required',
    ]);
    expect((await send(adviser, 'DELETE', `/api/participation-imports/${detail.id}`)).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/participation-imports/${detail.id}`, headers: adviser.headers })).statusCode).toBe(404);
  });
});

describe('an XLSX import by a platform administrator', () => {
  it('reads merged header cells and asks which 2024 municipality 1507 Ålesund means', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['Kommune', '', 'Ordning', 'År', 'Rolle', 'Status']);
    sheet.addRow(['nummer', 'navn', '', '', '', '']);
    sheet.mergeCells('A1:B1');
    for (const c of ['C', 'D', 'E', 'F']) sheet.mergeCells(`${c}1:${c}2`);
    sheet.addRow([1507, 'Ålesund', 'StimuLab', 2021, 'lead', 'selected']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(platformAdmin, bytes, 'ålesund.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json() as ImportDetail;
    expect(detail.headers).toEqual(['Kommune nummer', 'Kommune navn', 'Ordning', 'År', 'Rolle', 'Status']);
    expect(detail.dryRun.invalidRows[0]!.problems[0]).toMatchObject({
      code: 'split_municipality',
      choices: [
        { code: '1508', name: 'Ålesund' },
        { code: '1580', name: 'Haram' },
      ],
    });
    const fixed = (
      await send(platformAdmin, 'PUT', `/api/participation-imports/${detail.id}/rows/3`, { values: { municipality: '1580' } })
    ).json() as ImportDetail;
    expect(fixed.dryRun).toMatchObject({ valid: 1, invalid: 0 });
  });
});

describe('the row cap on the embedded database', () => {
  it('refuses a file with more rows than configured', async () => {
    const capped = await createTestApp(database, { importMaxRowsEmbedded: 2, databaseUrl: undefined });
    try {
      const client = await signIn(capped, (await createUser(database.db, { isPlatformAdmin: true })).email);
      const rows = `Kommunenummer;Ordning;År;Rolle;Status\n${'5033;klimasats;2023;lead;granted\n'.repeat(3)}`;
      const response = await capped.inject({
        method: 'POST',
        url: '/api/participation-imports?name=stor.csv',
        headers: { ...client.headers, 'content-type': 'text/csv' },
        payload: rows,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        message: 'Filen har 3 rader. Én import kan ha høyst 2 rader her. Del filen i flere.',
        fields: [{ path: 'file', code: 'too_large', limit: 2 }],
      });
      expect((await getOk<ImportList>(capped, '/api/participation-imports', client)).maxRows).toBe(2);
    } finally {
      await capped.close();
    }
  });
});
