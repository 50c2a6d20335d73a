/** Participation records over HTTP: the shipped records, who records and verifies what, reports of wrong records, and publishing a pipeline item. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlagList, ParticipationList, ParticipationRecord, PublishOffers } from '@varde/contracts/participation-api';
import { participationLimits } from '@varde/contracts/participation-vocabulary';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, getOk, municipalityOrganisation, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let memberTydal: Client;
let adminTydal: Client;
let memberRoros: Client;
let adviserTrondelag: Client;
let adviserNordland: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  tydal = (await municipalityOrganisation(db, '5033')).id;
  const roros = (await municipalityOrganisation(db, '5025')).id;
  const trondelag = await createOrganisation(db, { type: 'county_authority', name: 'Trøndelag fylkeskommune (test)', countyCode: '50' });
  const nordland = await createOrganisation(db, { type: 'state_administrator', name: 'Statsforvalteren i Nordland (test)', countyCode: '18' });
  const user = async (organisationId: string, role: 'member' | 'admin' = 'member', name?: string) => {
    const created = await createUser(db, name ? { name } : {});
    await addMember(db, organisationId, created.id, role);
    return signIn(app, created.email);
  };
  memberTydal = await user(tydal);
  adminTydal = await user(tydal, 'admin', 'Ada Admin');
  memberRoros = await user(roros);
  adviserTrondelag = await user(trondelag.id, 'member', 'Rita Rådgiver');
  adviserNordland = await user(nordland.id);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const send = (client: Client | null, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: client?.headers ?? {}, ...(payload ? { payload } : {}) });

const tydalRecord = {
  municipalityCode: '5033',
  schemeId: 'klimasats',
  year: 2024,
  role: 'recipient',
  status: 'granted',
  projectTitle: 'Ladepunkt i Ås',
  amountNok: 250_000,
};

describe('the shipped records', () => {
  it('are public, each with its source and quote, and listed by scheme and municipality', async () => {
    const all = await getOk<ParticipationList>(app, '/api/participation');
    expect(all).toMatchObject({ total: 767, page: 1, pageSize: participationLimits.pageSize, includesExamples: false, exampleDataOn: false });
    expect(all.items.every((r) => r.source.url?.startsWith('http') && r.evidence && r.provenance.kind === 'imported')).toBe(true);
    expect((await getOk<ParticipationList>(app, '/api/participation?scheme=prosjektskjonn')).total).toBe(176);
    const roros = await getOk<ParticipationList>(app, '/api/participation?municipality=5025');
    expect(roros.total).toBe(3);
    expect(roros.items[0]).toMatchObject({ municipality: { code: '5025', name: 'Røros' }, can: { edit: false, verify: false, flag: false } });
    const trondelag = await getOk<ParticipationList>(app, '/api/participation?county=50&page=1');
    expect(trondelag.items.every((r) => r.municipality.countyCode === '50')).toBe(true);
    const record = await getOk<ParticipationRecord>(app, `/api/participation/${roros.items[0]!.id}`);
    expect(record.id).toBe(roros.items[0]!.id);
    expect((await app.inject({ url: '/api/participation/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});

describe('recording a participation', () => {
  let recordId: string;

  it('lets a member self-report for their own municipality, and refuses another one', async () => {
    const stamp = await app.services.participationService.stamp();
    const created = await send(memberTydal, 'POST', '/api/participation', tydalRecord);
    // Cached public pages (municipality pages, the record list) are rendered again.
    expect(await app.services.participationService.stamp()).not.toBe(stamp);
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json() as ParticipationRecord;
    recordId = record.id;
    expect(record).toMatchObject({
      scheme: { key: 'klimasats', catalogueId: 'klimasats' },
      municipality: { code: '5033', name: 'Tydal' },
      provenance: { kind: 'self_reported', verifiedBy: null },
      takesPart: true,
      can: { edit: true, verify: false, flag: false },
    });
    expect((await send(memberRoros, 'POST', '/api/participation', tydalRecord)).statusCode).toBe(403);
    expect((await send(null, 'POST', '/api/participation', tydalRecord)).statusCode).toBe(401);
    expect((await send(memberTydal, 'POST', '/api/participation', tydalRecord)).statusCode).toBe(409);
    const unknown = await send(memberTydal, 'POST', '/api/participation', { ...tydalRecord, schemeId: 'finnes-ikke' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0]).toMatchObject({ path: 'schemeId', code: 'invalid_value' });
    const tooLong = await send(memberTydal, 'POST', '/api/participation', {
      ...tydalRecord,
      projectTitle: 'x'.repeat(participationLimits.projectTitleMax + 1),
    });
    expect(tooLong.json().error.fields[0]).toMatchObject({ path: 'projectTitle', code: 'too_long' });
  });

  it('takes a named scheme the catalogue lacks, and links a name the shipped records use to its catalogue scheme', async () => {
    const created = await send(memberTydal, 'POST', '/api/participation', {
      municipalityCode: '5033',
      schemeName: 'Gnist – innovasjonsprogram for stedsutvikling i distriktskommuner',
      year: 2021,
      role: 'pilot',
      status: 'selected',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().scheme).toMatchObject({ key: 'doga-gnist', catalogueId: 'doga-gnist' });
    const historical = await send(memberTydal, 'POST', '/api/participation', {
      municipalityCode: '5033',
      schemeName: 'Utviklingsprogram for byregioner (Byregionprogrammet)',
      year: 2015,
      role: 'partner',
      status: 'completed',
    });
    expect(historical.statusCode, historical.body).toBe(201);
    expect(historical.json().scheme).toMatchObject({ key: 'byregionprogrammet', catalogueId: null });
    const own = await send(memberTydal, 'POST', '/api/participation', {
      municipalityCode: '5033',
      schemeName: 'Bygdeutvikling i Tydal',
      year: 2020,
      role: 'lead',
      status: 'applied',
    });
    expect(own.json()).toMatchObject({ scheme: { key: 'bygdeutvikling-i-tydal', name: 'Bygdeutvikling i Tydal' }, takesPart: false });
  });

  it('lets the county’s adviser verify it (who and when), and no adviser of another county', async () => {
    expect((await send(adviserNordland, 'POST', `/api/participation/${recordId}/verify`)).statusCode).toBe(403);
    expect((await send(memberTydal, 'POST', `/api/participation/${recordId}/verify`)).statusCode).toBe(403);
    const verified = await send(adviserTrondelag, 'POST', `/api/participation/${recordId}/verify`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ provenance: { kind: 'verified', verifiedBy: { name: 'Rita Rådgiver' } }, revision: 2 });
    // The verifier's name is for signed-in readers.
    expect((await getOk<ParticipationRecord>(app, `/api/participation/${recordId}`)).provenance.verifiedBy).toEqual({ name: null });
  });

  it('is changed by the adviser at the revision read; a member cannot change a verified record', async () => {
    expect((await send(memberTydal, 'PUT', `/api/participation/${recordId}`, { ...tydalRecord, revision: 2 })).statusCode).toBe(403);
    const stale = await send(adviserTrondelag, 'PUT', `/api/participation/${recordId}`, { ...tydalRecord, amountNok: 300_000, revision: 1 });
    expect(stale.statusCode).toBe(409);
    const changed = await send(adviserTrondelag, 'PUT', `/api/participation/${recordId}`, { ...tydalRecord, amountNok: 300_000, revision: 2 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ amountNok: 300_000, revision: 3, provenance: { kind: 'verified' } });
  });

  it('is removed by those who may change it; records of the shipped data set are corrected instead', async () => {
    const shipped = (await getOk<ParticipationList>(app, '/api/participation?municipality=5025')).items[0]!;
    expect((await send(adviserTrondelag, 'DELETE', `/api/participation/${shipped.id}`)).statusCode).toBe(409);
    expect((await send(memberRoros, 'DELETE', `/api/participation/${recordId}`)).statusCode).toBe(403);
    expect((await send(adviserTrondelag, 'DELETE', `/api/participation/${recordId}`)).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/participation/${recordId}` })).statusCode).toBe(404);
  });
});

describe('reports of wrong records', () => {
  it('are made by the municipality’s administrators and resolved by the county’s advisers', async () => {
    const record = (await send(memberTydal, 'POST', '/api/participation', { ...tydalRecord, year: 2023 })).json() as ParticipationRecord;
    const flag = { reason: 'Vi fikk ikke dette tilskuddet i 2023.', sourceUrl: 'https://www.tydal.kommune.no/vedtak' };
    expect((await send(memberTydal, 'POST', `/api/participation/${record.id}/flags`, flag)).statusCode).toBe(403);
    expect((await send(adminTydal, 'POST', `/api/participation/${record.id}/flags`, { ...flag, sourceUrl: 'javascript:alert(1)' })).statusCode).toBe(400);
    expect((await send(adminTydal, 'POST', `/api/participation/${record.id}/flags`, flag)).statusCode).toBe(204);
    expect((await getOk<ParticipationRecord>(app, `/api/participation/${record.id}`)).openFlags).toBe(1);

    expect((await getOk<FlagList>(app, '/api/participation-flags', adviserNordland)).items).toEqual([]);
    const open = await getOk<FlagList>(app, '/api/participation-flags', adviserTrondelag);
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({
      recordId: record.id,
      reason: flag.reason,
      createdBy: { name: 'Ada Admin' },
      organisationName: 'Tydal',
      resolvedAt: null,
    });
    const flagId = open.items[0]!.id;
    expect((await send(adviserNordland, 'POST', `/api/participation-flags/${flagId}/resolve`, { resolution: 'dismissed' })).statusCode).toBe(403);
    expect(
      (await send(adviserTrondelag, 'POST', `/api/participation-flags/${flagId}/resolve`, { resolution: 'corrected', note: 'Rettet år.' })).statusCode,
    ).toBe(204);
    expect((await send(adviserTrondelag, 'POST', `/api/participation-flags/${flagId}/resolve`, { resolution: 'corrected' })).statusCode).toBe(409);
    expect((await getOk<ParticipationRecord>(app, `/api/participation/${record.id}`)).openFlags).toBe(0);
    expect((await getOk<FlagList>(app, '/api/participation-flags?resolved=true', adviserTrondelag)).items[0]).toMatchObject({
      resolution: 'corrected',
      resolutionNote: 'Rettet år.',
    });

    // At most ten open reports per person.
    for (let i = 0; i < participationLimits.openFlagsPerUser; i++) {
      expect((await send(adminTydal, 'POST', `/api/participation/${record.id}/flags`, { reason: `Feil ${i}` })).statusCode).toBe(204);
    }
    expect((await send(adminTydal, 'POST', `/api/participation/${record.id}/flags`, { reason: 'En til' })).statusCode).toBe(409);
  });
});

describe('publishing a pipeline item', () => {
  it('is offered to the municipality’s members for granted and rejected items, prefilled, and published once on confirmation', async () => {
    const item = await send(memberTydal, 'PUT', `/api/organisations/${tydal}/pipeline`, {
      schemeId: 'stimulab',
      status: 'granted',
      notes: 'Privat: budsjett 2 mill.',
    });
    expect(item.statusCode, item.body).toBe(200);
    await send(memberTydal, 'PUT', `/api/organisations/${tydal}/pipeline`, { schemeId: 'digifin', status: 'preparing' });
    const offers = await getOk<PublishOffers>(app, `/api/organisations/${tydal}/participation-offers`, memberTydal);
    expect(offers.municipalityCode).toBe('5033');
    expect(offers.items).toEqual([
      { pipelineItemId: item.json().id, schemeId: 'stimulab', schemeName: 'StimuLab', callTitle: null, status: 'granted', year: new Date().getUTCFullYear() },
    ]);
    expect(JSON.stringify(offers)).not.toContain('Privat');
    // The pipeline stays private: others are refused the offers.
    expect((await app.inject({ url: `/api/organisations/${tydal}/participation-offers`, headers: memberRoros.headers })).statusCode).toBe(403);

    const body = {
      municipalityCode: '5033',
      schemeId: 'stimulab',
      year: offers.items[0]!.year,
      role: 'lead',
      status: 'granted',
      pipelineItemId: item.json().id,
    };
    expect((await send(memberRoros, 'POST', '/api/participation', { ...body, municipalityCode: '5025' })).statusCode).toBe(400);
    const published = await send(memberTydal, 'POST', '/api/participation', body);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().provenance.kind).toBe('self_reported');
    expect((await getOk<PublishOffers>(app, `/api/organisations/${tydal}/participation-offers`, memberTydal)).items).toEqual([]);
    expect((await send(memberTydal, 'POST', '/api/participation', { ...body, projectTitle: 'Igjen' })).statusCode).toBe(409);
  });
});
