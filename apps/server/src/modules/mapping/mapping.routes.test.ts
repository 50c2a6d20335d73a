/**
 * Participation mapping over HTTP on the shipped records: the rates and what they cover, the SQL
 * aggregation against the domain's, the gap, open data; regional scopes and the sharing setting; the
 * adviser's overview never shows a pipeline that is not shared.
 */
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  GapTable,
  MapMeasures,
  MappingAnalytics,
  MunicipalityGap,
  OpenDataCatalogue,
  RegionOverview,
  RegionScope,
  SharingResponse,
} from '@varde/contracts/mapping-api';
import { mappingBandOf, mappingTables } from '@varde/contracts/mapping-vocabulary';
import { schema } from '@varde/db';
import { aggregateRecords } from '@varde/domain/participation-stats';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, getOk, municipalityOrganisation, signIn, type Client } from '../../test/factories';
import { createMappingRepository } from './mapping.repository';

let database: TestDatabase;
let app: FastifyInstance;
let platformAdmin: Client;
let adminTydal: Client;
let memberTydal: Client;
let adviserTroms: Client;
let adviserTrondelag: Client;
let tydal: string;
let roros: string;
let tromsFinnmark: string;
let trondelag: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  tydal = (await municipalityOrganisation(db, '5033')).id;
  roros = (await municipalityOrganisation(db, '5025')).id;
  tromsFinnmark = (await createOrganisation(db, { type: 'state_administrator', name: 'Statsforvalteren i Troms og Finnmark (test)', countyCode: '55' })).id;
  trondelag = (await createOrganisation(db, { type: 'county_authority', name: 'Trøndelag fylkeskommune (test)', countyCode: '50' })).id;
  const user = async (organisationId: string | null, role: 'member' | 'admin' = 'member', isPlatformAdmin = false) => {
    const created = await createUser(db, { isPlatformAdmin });
    if (organisationId) await addMember(db, organisationId, created.id, role);
    return signIn(app, created.email);
  };
  platformAdmin = await user(null, 'member', true);
  adminTydal = await user(tydal, 'admin');
  memberTydal = await user(tydal);
  adviserTroms = await user(tromsFinnmark);
  adviserTrondelag = await user(trondelag);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const send = (client: Client | null, method: 'PUT' | 'POST', url: string, payload: object) =>
  app.inject({ method, url, headers: client?.headers ?? {}, payload });

describe('analytics on the shipped records', () => {
  it('counts over all 357 and says what the records cover', async () => {
    const a = await getOk<MappingAnalytics>(app, '/api/mapping');
    expect(a.coverage).toMatchObject({ records: 767, municipalities: 357, includesExamples: false, exampleDataOn: false, incomplete: true });
    expect(a.coverage.yearFrom).toBeGreaterThanOrEqual(2012);
    expect(a.coverage.sources.length).toBeGreaterThan(0);
    expect(a.overall.municipalities).toBe(357);
    expect(a.overall.participants).toBe(a.coverage.municipalitiesWithRecords);
    expect(a.overall.participants).toBeGreaterThan(200);
    expect(a.byClass.map((r) => r.group)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(a.byClass.reduce((n, r) => n + r.municipalities, 0)).toBe(357);
    expect(a.byBand.reduce((n, r) => n + r.municipalities, 0)).toBe(357);
    expect(a.byCounty).toHaveLength(15);
    expect(a.distribution.reduce((n, r) => n + r.municipalities, 0)).toBe(357);
    expect(a.schemes.length).toBeGreaterThanOrEqual(20);
    for (const s of a.schemes) {
      expect(s.participants).toBeLessThanOrEqual(s.municipalities);
      expect(s.byClass.reduce((n, c) => n + c.municipalities, 0)).toBe(s.municipalities);
    }
    expect(a.top.length).toBeGreaterThan(0);
    expect(a.top[0]!.schemes).toBeGreaterThanOrEqual(a.top.at(-1)!.schemes);
  });

  it('filters to centrality classes 5–6, a band and a county; a bad filter is a 400 naming the field', async () => {
    const a = await getOk<MappingAnalytics>(app, '/api/mapping?class=5&class=6&from=2018&to=2025');
    const all = (await app.services.municipalityService.list({})).items;
    expect(a.filters).toMatchObject({ classes: [5, 6], from: 2018, to: 2025 });
    expect(a.overall.municipalities).toBe(all.filter((m) => m.centralityClass >= 5).length);
    expect(a.byClass.filter((r) => r.municipalities > 0).map((r) => r.group)).toEqual(['5', '6']);
    expect(a.coverage.yearFrom).toBeGreaterThanOrEqual(2018);
    const band = await getOk<MappingAnalytics>(app, '/api/mapping?band=lt2000&county=50');
    expect(band.overall.municipalities).toBe(all.filter((m) => m.countyCode === '50' && mappingBandOf(m.population) === 'lt2000').length);
    const bad = await app.inject({ url: '/api/mapping?class=7' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toContain('class');
  });

  it('aggregates in SQL exactly as the domain counts', async () => {
    const rows = await database.db.select().from(schema.participationRecords);
    const expected = aggregateRecords(rows.map((r) => ({ ...r, projectTitle: r.projectTitle })));
    const actual = await createMappingRepository(database.db).aggregates({ from: null, to: null, includeExamples: false, codes: null });
    const sort = <T extends { municipalityCode: string; schemeKey: string }>(list: T[]) =>
      [...list].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode) || a.schemeKey.localeCompare(b.schemeKey));
    expect(sort(actual)).toEqual(sort(expected));
  });

  it('the gap: peers of at least 5 or the class alone, expected = the group mean', async () => {
    const gap = await getOk<GapTable>(app, '/api/mapping/gap');
    expect(gap.items).toHaveLength(357);
    const schemes = new Map(gap.items.map((g) => [g.municipality.code, g.schemes]));
    for (const g of gap.items) {
      if (g.peers.basis === 'class_and_band') expect(g.peers.size).toBeGreaterThanOrEqual(5);
      const members = gap.items.filter(
        (o) => o.municipality.centralityClass === g.municipality.centralityClass && (g.peers.basis === 'class' || o.municipality.band === g.municipality.band),
      );
      expect(members).toHaveLength(g.peers.size);
      expect(g.peers.expected).toBeCloseTo(members.reduce((n, o) => n + schemes.get(o.municipality.code)!, 0) / members.length);
      expect(g.gap).toBeCloseTo(g.schemes - g.peers.expected);
    }
    const map = await getOk<MapMeasures>(app, '/api/mapping/map?county=50');
    expect(map.items).toHaveLength(357);
    expect(map.items.filter((m) => m.inFilter).every((m) => m.countyCode === '50')).toBe(true);
  });

  it('one municipality: its schemes, register-only eligibility it has not used, peers and history', async () => {
    const roros = await getOk<MunicipalityGap>(app, '/api/mapping/municipalities/5025');
    expect(roros.row.municipality.code).toBe('5025');
    expect(roros.takesPartIn.length).toBe(roros.row.schemes);
    expect(roros.peers).toHaveLength(roros.row.peers.size);
    expect(roros.history.reduce((n, h) => n + h.participations, 0)).toBe(roros.row.participations);
    expect(roros.eligibleNotUsed.every((e) => e.scheme.catalogueId)).toBe(true);
    expect((await app.inject({ url: '/api/mapping/municipalities/9999' })).statusCode).toBe(404);
  });
});

describe('open data', () => {
  it('records as CSV with the source URL per record, and as JSON with the licence', async () => {
    const csv = await app.inject({ url: '/api/open-data/records.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(767);
    expect(rows.every((r) => r.source_url!.startsWith('http'))).toBe(true);
    expect(Object.keys(rows[0]!)).not.toContain('evidence');
    const json = await getOk<{ licence: { name: string }; rows: unknown[] }>(app, '/api/open-data/records.json?county=50');
    expect(json.licence.name).toBe('CC BY 4.0');
    expect(json.rows.length).toBeGreaterThan(0);
    expect(json.rows.length).toBeLessThan(767);
  });

  it('every table as CSV and JSON, documented in the catalogue', async () => {
    const catalogue = await getOk<OpenDataCatalogue>(app, '/api/open-data');
    expect(catalogue.datasets.map((d) => d.id)).toEqual(['records', ...mappingTables]);
    for (const table of mappingTables) {
      const csv = await app.inject({ url: `/api/open-data/tables/${table}.csv?class=5&class=6` });
      expect(csv.statusCode, table).toBe(200);
      const header = (parse(csv.body, { to: 1 }) as string[][])[0];
      expect(header).toEqual(catalogue.datasets.find((d) => d.id === table)!.fields.map((f) => f.name));
      const json = await app.inject({ url: `/api/open-data/tables/${table}.json` });
      expect(json.statusCode, table).toBe(200);
    }
    expect((await app.inject({ url: '/api/open-data/tables/secrets.csv' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/open-data/tables/schemes.xml' })).statusCode).toBe(404);
  });
});

describe('a regional organisation’s scope', () => {
  it('defaults to its county; platform administrators set counties or municipalities', async () => {
    const before = await getOk<RegionScope>(app, `/api/organisations/${tromsFinnmark}/scope`);
    expect(before).toMatchObject({ kind: 'counties', stored: false, counties: [{ code: '55' }] });
    expect((await send(adviserTroms, 'PUT', `/api/organisations/${tromsFinnmark}/scope`, { kind: 'counties', counties: ['55', '56'] })).statusCode).toBe(403);
    const bad = await send(platformAdmin, 'PUT', `/api/organisations/${tromsFinnmark}/scope`, { kind: 'counties', counties: ['55', '99'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('counties/1');
    const saved = await send(platformAdmin, 'PUT', `/api/organisations/${tromsFinnmark}/scope`, { kind: 'counties', counties: ['56', '55'] });
    expect(saved.statusCode).toBe(200);
    const scope = saved.json() as RegionScope;
    expect(scope).toMatchObject({ kind: 'counties', stored: true });
    expect(scope.counties.map((c) => c.code)).toEqual(['55', '56']);
    expect(scope.municipalities.every((m) => m.countyCode === '55' || m.countyCode === '56')).toBe(true);
    expect((await app.inject({ url: `/api/organisations/${tydal}/scope` })).statusCode).toBe(404);
  });

  it('decides where an adviser records and verifies', async () => {
    const record = { municipalityCode: '5601', schemeId: 'klimasats', year: 2024, role: 'recipient', status: 'granted', projectTitle: 'Scope test' };
    // Troms og Finnmark now covers county 56 (Alta, 5601): the adviser records as verified.
    const created = await send(adviserTroms, 'POST', '/api/participation', record);
    expect(created.statusCode).toBe(201);
    expect(created.json().provenance.kind).toBe('verified');
    // Trøndelag with an explicit list: Tydal only.
    await send(platformAdmin, 'PUT', `/api/organisations/${trondelag}/scope`, { kind: 'municipalities', municipalities: ['5033'] });
    expect((await send(adviserTrondelag, 'POST', '/api/participation', { ...record, municipalityCode: '5025', projectTitle: 'Scope Røros' })).statusCode).toBe(
      403,
    );
    expect((await send(adviserTrondelag, 'POST', '/api/participation', { ...record, municipalityCode: '5033', projectTitle: 'Scope Tydal' })).statusCode).toBe(
      201,
    );
  });
});

describe('sharing and the adviser overview', () => {
  it('sharing is off by default; only the municipality’s administrators change it', async () => {
    const first = await getOk<SharingResponse>(app, `/api/organisations/${tydal}/sharing`, memberTydal);
    expect(first.sharePipelineWithAdvisers).toBe(false);
    expect((await send(memberTydal, 'PUT', `/api/organisations/${tydal}/sharing`, { sharePipelineWithAdvisers: true })).statusCode).toBe(403);
    expect((await send(platformAdmin, 'PUT', `/api/organisations/${tydal}/sharing`, { sharePipelineWithAdvisers: true })).statusCode).toBe(403);
    const saved = await send(adminTydal, 'PUT', `/api/organisations/${tydal}/sharing`, { sharePipelineWithAdvisers: true });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ sharePipelineWithAdvisers: true });
  });

  it('shows a pipeline only where shared, and reads no other', async () => {
    // Trøndelag advises all of county 50 again.
    await send(platformAdmin, 'PUT', `/api/organisations/${trondelag}/scope`, { kind: 'counties', counties: ['50'] });
    const { pipelineItems } = schema;
    const cat = await app.services.catalogueService.catalogue();
    const anyScheme = cat.schemes[0]!.id;
    // Røros (not shared) and Tydal (shared) both have a pipeline item.
    await database.db.insert(pipelineItems).values([
      { organisationId: roros, schemeId: anyScheme, callId: '', status: 'preparing', notes: 'secret Røros note' },
      { organisationId: tydal, schemeId: anyScheme, callId: '', status: 'preparing', notes: 'Tydal note' },
    ]);
    const spy = vi.spyOn(app.services.pipelineService, 'sharedStatuses');
    const overview = await getOk<RegionOverview>(app, `/api/organisations/${trondelag}/region`, adviserTrondelag);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toEqual([tydal]);
    spy.mockRestore();
    expect(JSON.stringify(overview)).not.toContain('secret');
    const rorosRow = overview.municipalities.find((m) => m.municipality.code === '5025')!;
    const tydalRow = overview.municipalities.find((m) => m.municipality.code === '5033')!;
    expect(rorosRow.shares).toBe(false);
    expect(rorosRow.calls.every((c) => c.state === 'not_shared' && c.pipelineStatus === null)).toBe(true);
    expect(tydalRow.shares).toBe(true);
    expect(tydalRow.calls.every((c) => c.state !== 'not_shared')).toBe(true);
    expect(overview.municipalities.every((m) => m.municipality.countyCode === '50')).toBe(true);
    for (const call of overview.openCalls) expect(call.counts.shared_active + call.counts.shared_idle + call.counts.not_shared).toBe(call.eligibleInScope);
    expect(overview.callList.length).toBeGreaterThan(0);
    expect(overview.callList.every((c) => c.reasons.length > 0 && c.reasons.every((r) => r.message.length > 0))).toBe(true);
    // Another organisation's members, and municipalities, are refused.
    expect((await app.inject({ url: `/api/organisations/${trondelag}/region`, headers: adviserTroms.headers })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/organisations/${trondelag}/region`, headers: memberTydal.headers })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/organisations/${trondelag}/region` })).statusCode).toBe(401);
  });
});
