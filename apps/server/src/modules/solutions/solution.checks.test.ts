/**
 * What a draft and its neighbours are checked against, with a clock that stands still: the call must
 * be one of the scheme's, a linked participation record one of the owner municipalities', a wrong
 * file type and an adoption note are named plainly; and the stamp of the public pages' render cache
 * changes with every write a public page shows (a document, hiding, adoption, an owner withdrawing).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolutionDraft, SolutionView } from '@varde/contracts/solutions-api';
import { solutionLimits } from '@varde/contracts/solutions-vocabulary';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, getOk, municipalityOrganisation, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let roros: string;
let oslo: string;
let memberTydal: Client;
let adminTydal: Client;
let adminRoros: Client;
let memberOslo: Client;
let platformAdmin: Client;
let tydalRecord: string;
let osloRecord: string;
let exampleRecord: string;

/** A clock that never moves: the stamp must change without it. */
const frozen = new Date('2025-05-02T10:00:00.000Z');

async function record(municipalityCode: string, isExample = false) {
  const [row] = await database.db
    .insert(schema.participationRecords)
    .values({
      schemeId: 'klimasats',
      schemeKey: 'klimasats',
      schemeName: 'Klimasats',
      year: 2023,
      municipalityCode,
      role: 'lead',
      status: 'granted',
      provenance: 'self_reported',
      isExample,
      dedupeKey: `solution-checks-${municipalityCode}-${isExample}`,
    })
    .returning({ id: schema.participationRecords.id });
  return row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database, {}, { now: () => new Date(frozen) });
  const db = database.db;
  tydal = (await municipalityOrganisation(db, '5033')).id;
  roros = (await municipalityOrganisation(db, '5025')).id;
  oslo = (await municipalityOrganisation(db, '0301')).id;
  const user = async (organisationId: string, role: 'member' | 'admin' = 'member') => {
    const created = await createUser(db);
    await addMember(db, organisationId, created.id, role);
    return signIn(app, created.email);
  };
  memberTydal = await user(tydal);
  adminTydal = await user(tydal, 'admin');
  adminRoros = await user(roros, 'admin');
  memberOslo = await user(oslo);
  platformAdmin = await signIn(app, (await createUser(db, { isPlatformAdmin: true })).email);
  tydalRecord = await record('5033');
  osloRecord = await record('0301');
  exampleRecord = await record('5033', true);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const send = (client: Client | null, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: client?.headers ?? {}, ...(payload ? { payload } : {}) });
const fieldOf = (response: { json(): unknown }) =>
  (response.json() as { error: { fields: { path: string; code: string; message: string }[] } }).error.fields[0]!;
const nn = (client: Client) => ({ ...client, headers: { ...client.headers, 'accept-language': 'nn' } });

describe('the funding of a draft', () => {
  it('takes a call only of the chosen scheme, and not without a scheme', async () => {
    const base = { organisationId: tydal, language: 'nn', title: 'Klimatiltak' };
    const wrongCall = await send(memberTydal, 'POST', '/api/solutions', { ...base, schemeId: 'klimasats', callId: 'gnist-2022' });
    expect(wrongCall.statusCode).toBe(400);
    expect(fieldOf(wrongCall)).toMatchObject({ path: 'callId', code: 'unknown_call' });
    expect(fieldOf(wrongCall).message).toMatch(/^Utlysning: ordningen har ingen slik utlysning/);
    const noScheme = await send(memberTydal, 'POST', '/api/solutions', { ...base, callId: 'hovedfrist-2023' });
    expect(fieldOf(noScheme)).toMatchObject({ path: 'callId', code: 'unknown_call' });
    const right = await send(memberTydal, 'POST', '/api/solutions', { ...base, schemeId: 'klimasats', callId: 'hovedfrist-2023' });
    expect(right.statusCode, right.body).toBe(201);
    const draft = await getOk<SolutionDraft>(app, `/api/solutions/${right.json().id}/draft`, memberTydal);
    expect(draft.content.funding).toMatchObject({ schemeId: 'klimasats', callId: 'hovedfrist-2023' });
  });

  it('links a participation record only of an owner municipality, real and existing', async () => {
    const base = { organisationId: tydal, language: 'nb', title: 'Finansiert' };
    for (const participationRecordId of ['00000000-0000-4000-8000-000000000000', osloRecord, exampleRecord]) {
      const refused = await send(memberTydal, 'POST', '/api/solutions', { ...base, participationRecordId });
      expect(refused.statusCode, participationRecordId).toBe(400);
      expect(fieldOf(refused)).toMatchObject({ path: 'participationRecordId', code: 'unknown_record' });
      expect(fieldOf(refused).message).toMatch(/^Deltakelsen som finansierte den: vi finner ingen deltakelse/);
    }
    expect((await send(memberTydal, 'POST', '/api/solutions', { ...base, participationRecordId: tydalRecord })).statusCode).toBe(201);
    // A co-owner added in the same draft is an owner: its municipality's records may be linked.
    const withOslo = await send(memberTydal, 'POST', '/api/solutions', { ...base, coOwnerIds: [oslo], participationRecordId: osloRecord });
    expect(withOslo.statusCode, withOslo.body).toBe(201);
  });
});

describe('plain field errors', () => {
  it('names the accepted file types when a file is of another type', async () => {
    const created = await send(memberTydal, 'POST', '/api/solutions', { organisationId: tydal, language: 'nn', title: 'Med dokument' });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/solutions/${created.json().id}/documents?name=program.pdf`,
      headers: { ...nn(memberTydal).headers, 'content-type': 'application/pdf' },
      payload: exe,
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldOf(wrong)).toMatchObject({ path: 'file', code: 'file_type' });
    expect(fieldOf(wrong).message).toMatch(/^Fila er av ein type vi ikkje tek imot\. Vi tek imot PDF, .*CSV\./);
  });
});

describe('the render cache stamp', () => {
  let id: string;
  const stamp = () => app.services.solutionService.stamp();
  const changes = async (write: () => Promise<{ statusCode: number; body: string; json(): { id?: string } }>, status = 200) => {
    const before = await stamp();
    const response = await write();
    expect(response.statusCode, response.body).toBe(status);
    expect(await stamp()).not.toBe(before);
    return response;
  };

  beforeAll(async () => {
    const created = await send(memberTydal, 'POST', '/api/solutions', { organisationId: tydal, language: 'nb', title: 'Stempel', coOwnerIds: [roros] });
    id = created.json().id;
    const draft = await getOk<SolutionDraft>(app, `/api/solutions/${id}/draft`, memberTydal);
    await changes(() => send(adminTydal, 'POST', `/api/solutions/${id}/publish`, { revision: draft.revision, versionNote: 'Første' }));
  });

  it('changes when a document is uploaded and removed, with a clock that stands still', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const uploaded = await changes(
      () => app.inject({ method: 'POST', url: `/api/solutions/${id}/documents?name=a.pdf`, headers: memberTydal.headers, payload: pdf }),
      201,
    );
    await changes(() => send(memberTydal, 'DELETE', `/api/solutions/${id}/documents/${uploaded.json().id}`), 204);
    // The same again: same count of documents, same clock: the stamp still moves.
    const again = await changes(
      () => app.inject({ method: 'POST', url: `/api/solutions/${id}/documents?name=a.pdf`, headers: memberTydal.headers, payload: pdf }),
      201,
    );
    await changes(() => send(memberTydal, 'DELETE', `/api/solutions/${id}/documents/${again.json().id}`), 204);
  });

  it('changes when a solution is hidden and restored', async () => {
    await changes(() => send(platformAdmin, 'POST', `/api/solutions/${id}/visibility`, { hidden: true, reason: 'Sjekkes' }));
    await changes(() => send(platformAdmin, 'POST', `/api/solutions/${id}/visibility`, { hidden: false }));
  });

  it('changes when an adoption is recorded, changed and removed', async () => {
    await changes(() => send(memberOslo, 'PUT', `/api/solutions/${id}/adoptions/${oslo}`, { state: 'testing', date: '2025-01-01' }));
    await changes(() => send(memberOslo, 'PUT', `/api/solutions/${id}/adoptions/${oslo}`, { state: 'uses', date: '2025-02-01' }));
    await changes(() => send(memberOslo, 'DELETE', `/api/solutions/${id}/adoptions/${oslo}`), 204);
  });

  it('names the adoption note by its own label', async () => {
    const long = await send(memberOslo, 'PUT', `/api/solutions/${id}/adoptions/${oslo}`, {
      state: 'uses',
      date: '2025-01-01',
      adoptionNote: 'x'.repeat(solutionLimits.adoptionNoteMax + 1),
    });
    expect(long.statusCode).toBe(400);
    expect(fieldOf(long)).toMatchObject({ path: 'adoptionNote', code: 'too_long' });
    expect(fieldOf(long).message).toMatch(/^Merknad /);
    expect(fieldOf(long).message).not.toContain('usikkert');
  });

  it('changes when each owner withdraws its name', async () => {
    await changes(() => send(adminRoros, 'POST', `/api/solutions/${id}/withdraw`, { organisationId: roros }));
    await changes(() => send(adminTydal, 'POST', `/api/solutions/${id}/withdraw`, { organisationId: tydal }));
    expect((await getOk<SolutionView>(app, `/api/solutions/${id}`)).status).toBe('withdrawn');
  });
});
