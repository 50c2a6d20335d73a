/** Maintaining the catalogue (owners, versions, history, the schemes an organisation maintains) and the open-data export. */
import type { SchemeVersion } from '@varde/contracts/catalogue-api';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, municipalityOrganisation, signIn, type Client, getOk } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let memberTydal: Client;
let ownerClient: Client;
let otherOwnerClient: Client;
let platformAdmin: Client;
let ownerOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  const tydal = (await municipalityOrganisation(db, '5033')).id;
  const member = await createUser(db, { name: 'Tora Tydal' });
  await addMember(db, tydal, member.id);
  memberTydal = await signIn(app, member.email);
  ownerOrg = (await createOrganisation(db, { type: 'scheme_owner', name: 'Digitaliseringsdirektoratet (test)' })).id;
  const otherOrg = (await createOrganisation(db, { type: 'scheme_owner', name: 'Annen ordningseier (test)' })).id;
  const owner = await createUser(db, { name: 'Olav Eier' });
  await addMember(db, ownerOrg, owner.id);
  ownerClient = await signIn(app, owner.email);
  const otherOwner = await createUser(db, { name: 'Ola Annen' });
  await addMember(db, otherOrg, otherOwner.id);
  otherOwnerClient = await signIn(app, otherOwner.email);
  const adminUser = await createUser(db, { isPlatformAdmin: true });
  platformAdmin = await signIn(app, adminUser.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = <T>(url: string, client?: Client) => getOk<T>(app, url, client);

describe('maintaining facts', () => {
  it('refuses an owner organisation that does not exist with a field error, not a database error', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: '/api/schemes/digdir-medfinansiering/owner',
      headers: platformAdmin.headers,
      payload: { organisationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ path: 'organisationId', code: 'invalid_value' })]);
  });

  it('lets the owner save versions, refuses other owners and stale versions, and keeps the history', async () => {
    const assign = await app.inject({
      method: 'PUT',
      url: '/api/schemes/digdir-medfinansiering/owner',
      headers: platformAdmin.headers,
      payload: { organisationId: ownerOrg },
    });
    expect(assign.statusCode).toBe(204);
    const detail = await get<SchemeDetail>('/api/schemes/digdir-medfinansiering');
    expect(detail.ownerOrganisation?.id).toBe(ownerOrg);
    const edited = structuredClone(detail.scheme);
    const timeSource = edited.calls[0]!.sourceIds[0]!;
    edited.calls.push({
      ...edited.calls[0]!,
      id: 'utlysning-2027',
      deadline: { date: '2027-03-01', time: '12:00', timeSourceId: timeSource },
      opensOn: '2027-01-10',
    });
    const save = (client: Client, scheme: object, baseVersion: number) =>
      app.inject({
        method: 'PUT',
        url: '/api/schemes/digdir-medfinansiering',
        headers: client.headers,
        payload: { scheme, baseVersion, comment: 'Ny utlysning' },
      });

    const other = await save(otherOwnerClient, edited, detail.version);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('Bare ordningseieren og plattformadministratorer kan endre denne ordningen.');

    const invalid = structuredClone(edited);
    invalid.calls.at(-1)!.deadline = { date: '2027-01-01', time: '12:00', timeSourceId: timeSource };
    invalid.calls.at(-1)!.sourceIds = ['finnes-ikke'];
    const bad = await save(ownerClient, invalid, detail.version);
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields as { path: string; message: string }[];
    const last = edited.calls.length - 1;
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: `scheme.calls.${last}.deadline.date`, code: 'before_opening', message: 'Dato må være etter åpningsdatoen.' },
        { path: `scheme.calls.${last}.sourceIds.0`, code: 'unknown_source', message: 'Kilder viser til en kilde som ikke finnes i ordningen.' },
      ]),
    );
    const badShape = await save(ownerClient, { ...edited, funding: { ...edited.funding, maxGrantShare: 3 } }, detail.version);
    expect(badShape.json().error.fields[0].path).toBe('scheme.funding.maxGrantShare');

    const ok = await save(ownerClient, edited, detail.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(detail.version + 1);
    const stale = await save(ownerClient, edited, detail.version);
    expect(stale.statusCode).toBe(409);

    const history = await get<{ items: { version: number; changedBy: { name: string } | null; comment: string | null; changedFields: string[] }[] }>(
      '/api/schemes/digdir-medfinansiering/versions',
      memberTydal,
    );
    expect(history.items[0]).toMatchObject({
      version: detail.version + 1,
      changedBy: { name: 'Olav Eier' },
      comment: 'Ny utlysning',
      changedFields: ['calls'],
    });
    // Field by field: the new call with its title and deadline (as stated, with its time).
    expect((history.items[0] as unknown as SchemeVersion).changes).toEqual([
      { code: 'call_added', subject: edited.calls.at(-1)!.title, to: { date: '2027-03-01', time: '12:00', timeSourceId: timeSource } },
    ]);
    expect(history.items.at(-1)).toMatchObject({ version: 1, changedBy: null, changes: [] });
    const owned = await get<{ items: { id: string }[] }>(`/api/organisations/${ownerOrg}/schemes`, ownerClient);
    expect(owned.items.map((s) => s.id)).toEqual(['digdir-medfinansiering']);
  });
});

describe('open data', () => {
  it('exports the catalogue as JSON and CSV, with owners by id and name in the language asked for', async () => {
    const json = await get<{ id: string }[]>('/api/export/schemes.json');
    expect(json.length).toBeGreaterThanOrEqual(15);
    const csv = await app.inject({ url: '/api/export/schemes.csv' });
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.length);
    expect(rows.find((r) => r.id === 'digdir-medfinansiering')).toMatchObject({
      lead_types: 'state_agency',
      is_grant: 'true',
      owner_id: 'digdir',
      lifecycle: 'active',
    });
    expect(rows.find((r) => r.id === 'prosjektskjonn')).toMatchObject({
      owner_id: 'kommunal-og-distriktsdepartementet',
      owner_name: 'Kommunal- og distriktsdepartementet',
      rounds: 'trondelag;innlandet;vestland;oslo-og-viken;agder',
    });
    const english = parse((await app.inject({ url: '/api/export/schemes.csv?lang=en' })).body, { columns: true }) as Record<string, string>[];
    expect(english.find((r) => r.id === 'prosjektskjonn')!.owner_name).toBe('Ministry of Local Government and Regional Development');

    const calls = parse((await app.inject({ url: '/api/export/calls.csv' })).body, { columns: true }) as Record<string, string>[];
    expect(calls.some((c) => c.predicted === 'true' && ['high', 'medium', 'low'].includes(c.forecast_certainty!))).toBe(true);
    expect(calls.every((c) => c.deadline_date === '' || /^\d{4}-\d{2}-\d{2}$/.test(c.deadline_date!))).toBe(true);
    // No time is made up: an empty time has no source; a stated one names its source.
    expect(calls.every((c) => (c.deadline_time === '') === (c.deadline_time_source === ''))).toBe(true);
    const vestland = calls.find((c) => c.scheme_id === 'prosjektskjonn' && c.round_id === 'vestland')!;
    expect(vestland).toMatchObject({
      region: 'Vestland',
      owner_id: 'statsforvalteren-vestland',
      owner_name: 'Statsforvalteren i Vestland',
      lifecycle: 'active',
    });
    expect(calls.find((c) => c.scheme_id === 'klimasats')).toMatchObject({ round_id: '', region: '' });
    const nynorsk = parse((await app.inject({ url: '/api/export/calls.csv?lang=nn' })).body, { columns: true }) as Record<string, string>[];
    expect(nynorsk.find((c) => c.scheme_id === 'prosjektskjonn' && c.round_id === 'vestland')!.owner_name).toBe('Statsforvaltaren i Vestland');
  });
});

describe('the iCalendar identity of a call', () => {
  const feed = async () =>
    new ICAL.Component(ICAL.parse((await app.inject({ url: '/api/calendar/schemes.ics' })).body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  const sequenceOf = (event: ICAL.Event) => event.component.getFirstPropertyValue('sequence');

  it('keeps the UID when the real call replaces its forecast, and counts the versions that moved its deadline', async () => {
    const before = await get<SchemeDetail>('/api/schemes/husbanken-boligtiltak');
    const forecast = before.calls.find((c) => c.predicted)!;
    expect(forecast.deadline!.time).toBeNull();
    const tentative = (await feed()).find((e) => e.uid === forecast.uid)!;
    expect(tentative.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(tentative.startDate.toString()).toBe(forecast.deadline!.date);

    const year = forecast.deadline!.date.slice(0, 4);
    const source = before.scheme.sources[0]!.id;
    const edit = async (change: (scheme: SchemeDetail['scheme']) => void) => {
      const current = await get<SchemeDetail>('/api/schemes/husbanken-boligtiltak');
      const scheme = structuredClone(current.scheme);
      change(scheme);
      const saved = await app.inject({
        method: 'PUT',
        url: '/api/schemes/husbanken-boligtiltak',
        headers: platformAdmin.headers,
        payload: { scheme, baseVersion: current.version },
      });
      expect(saved.statusCode, saved.body).toBe(200);
    };
    const call = (deadline: { date: string; time: string | null; timeSourceId: string | null }, title = 'Tilskudd til boligtiltak') => ({
      id: `boligtiltak-${year}`,
      title: { nb: title, nn: title, en: title },
      roundId: null,
      opensOn: null,
      deadline,
      budgetNok: null,
      sourceIds: [source],
    });

    await edit((scheme) => scheme.calls.push(call({ date: `${year}-06-10`, time: null, timeSourceId: null })));
    let event = (await feed()).find((e) => e.uid === forecast.uid)!;
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.startDate.toString()).toBe(`${year}-06-10`);
    expect(sequenceOf(event)).toBe(0);

    await edit((scheme) => {
      scheme.calls[scheme.calls.length - 1] = call({ date: `${year}-06-12`, time: '12:00', timeSourceId: source });
    });
    event = (await feed()).find((e) => e.uid === forecast.uid)!;
    expect(event.startDate.isDate).toBe(false);
    expect(event.startDate.toJSDate().toISOString()).toBe(`${year}-06-12T10:00:00.000Z`);
    expect(sequenceOf(event)).toBe(1);

    // A change that leaves the deadline alone is no new sequence.
    await edit((scheme) => {
      scheme.calls[scheme.calls.length - 1] = call({ date: `${year}-06-12`, time: '12:00', timeSourceId: source }, 'Boligtiltak (ny tittel)');
    });
    event = (await feed()).find((e) => e.uid === forecast.uid)!;
    expect(event.description).toContain('Boligtiltak (ny tittel)');
    expect(sequenceOf(event)).toBe(1);
  });
});
