/** A municipality's pipeline: private to its members, and what it changes in their finder and calendar feed. */
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeDetail, SchemeList } from '@varde/contracts/finder-api';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, type Client, getOk } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let memberTydal: Client;
let colleagueId: string;
let memberRoros: Client;
let rorosUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  tydal = (await municipalityOrganisation(db, '5033')).id;
  const roros = (await municipalityOrganisation(db, '5025')).id;
  const member = await createUser(db, { name: 'Tora Tydal' });
  const colleague = await createUser(db, { name: 'Kari Kollega' });
  colleagueId = colleague.id;
  await addMember(db, tydal, member.id);
  await addMember(db, tydal, colleague.id);
  memberTydal = await signIn(app, member.email);
  const rorosUser = await createUser(db, { name: 'Rune Røros' });
  await addMember(db, roros, rorosUser.id);
  rorosUserId = rorosUser.id;
  memberRoros = await signIn(app, rorosUser.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = <T>(url: string, client?: Client) => getOk<T>(app, url, client);

describe('the pipeline', () => {
  it('is private to the municipality, hides "not relevant" schemes from its finder, and feeds its calendar', async () => {
    const put = (client: Client, org: string, payload: object) =>
      app.inject({ method: 'PUT', url: `/api/organisations/${org}/pipeline`, headers: client.headers, payload });
    const preparing = await put(memberTydal, tydal, { schemeId: 'klimasats', status: 'preparing', assigneeUserId: colleagueId, notes: 'Søknad om ladepunkt' });
    expect(preparing.statusCode, preparing.body).toBe(200);
    expect(preparing.json()).toMatchObject({ schemeName: expect.stringMatching(/^Klimasats/), status: 'preparing', assignee: { name: 'Kari Kollega' } });
    const strangerAssignee = await put(memberTydal, tydal, { schemeId: 'klimasats', status: 'preparing', assigneeUserId: rorosUserId });
    expect(strangerAssignee.statusCode).toBe(400);
    expect((await put(memberRoros, tydal, { schemeId: 'klimasats', status: 'applied' })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/organisations/${tydal}/pipeline`, headers: memberRoros.headers })).statusCode).toBe(403);

    await put(memberTydal, tydal, { schemeId: 'husbanken-boligtiltak', status: 'not_relevant' });
    const own = await get<SchemeList>('/api/schemes', memberTydal);
    expect(own.municipality?.code).toBe('5033');
    expect(own.hiddenAsNotRelevant).toBe(1);
    expect(own.items.map((c) => c.id)).not.toContain('husbanken-boligtiltak');
    expect(own.items.find((c) => c.id === 'klimasats')!.pipelineStatus).toBe('preparing');
    const rorosView = await get<SchemeList>('/api/schemes', memberRoros);
    expect(rorosView.items.map((c) => c.id)).toContain('husbanken-boligtiltak');
    // A member may look without a municipality, or for another one: no verdicts, pipeline or hiding of their own then.
    const none = await get<SchemeList>('/api/schemes?municipality=none', memberTydal);
    expect(none.municipality).toBeNull();
    expect(none.hiddenAsNotRelevant).toBe(0);
    expect(none.items.every((c) => c.eligibility === null && c.pipelineStatus === null)).toBe(true);
    const bodo = await get<SchemeList>('/api/schemes?municipality=1804', memberTydal);
    expect(bodo.municipality?.code).toBe('1804');
    expect(bodo.items.find((c) => c.id === 'klimasats')!.pipelineStatus).toBeNull();
    const detailNone = await get<SchemeDetail>('/api/schemes/klimasats?municipality=none', memberTydal);
    expect(detailNone).toMatchObject({ municipality: null, eligibility: null, pipelineStatus: null });
    expect((await get<SchemeDetail>('/api/schemes/klimasats', memberTydal)).pipelineStatus).toBe('preparing');

    const feed = await app.inject({ method: 'POST', url: `/api/organisations/${tydal}/calendar`, headers: memberTydal.headers });
    expect(feed.statusCode).toBe(201);
    const path = new URL(feed.json().url).pathname;
    const ics = await app.inject({ url: path });
    expect(ics.statusCode).toBe(200);
    const uids = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).uid);
    expect(uids.length).toBeGreaterThan(0);
    expect(uids.every((uid) => uid.startsWith('klimasats-'))).toBe(true);
    await app.inject({ method: 'POST', url: `/api/organisations/${tydal}/calendar`, headers: memberTydal.headers });
    expect((await app.inject({ url: path })).statusCode).toBe(404);
  });

  it('refuses "applied", "granted" and "rejected" for a call that has not opened yet, with a translated 400 on the status', async () => {
    const put = (payload: object, lang = 'nb') =>
      app.inject({ method: 'PUT', url: `/api/organisations/${tydal}/pipeline?lang=${lang}`, headers: memberTydal.headers, payload });
    const detail = await get<SchemeDetail>('/api/schemes/prosjektskjonn?municipality=5033');
    const forecast = detail.calls.find((c) => c.predicted && c.status === 'forecast');
    const closed = detail.calls.find((c) => !c.predicted && c.status === 'closed');
    expect(forecast, 'prosjektskjønn has an expected call').toBeDefined();
    expect(closed, 'prosjektskjønn has a closed call').toBeDefined();

    for (const status of ['applied', 'granted', 'rejected']) {
      const refused = await put({ schemeId: 'prosjektskjonn', callId: forecast!.id, status }, 'en');
      expect(refused.statusCode, status).toBe(400);
      expect(refused.json().error.fields).toEqual([
        { path: 'status', code: 'call_not_open', message: expect.stringMatching(/^Status: the call has not opened yet/) },
      ]);
    }
    const nb = await put({ schemeId: 'prosjektskjonn', callId: forecast!.id, status: 'granted' });
    expect(nb.json().error.fields[0].message).toMatch(/^Status: utlysningen har ikke åpnet ennå/);

    // What a call not open yet can have: interest, preparation, not relevant; the item says the call is not open.
    for (const status of ['interested', 'preparing', 'not_relevant'])
      expect((await put({ schemeId: 'prosjektskjonn', callId: forecast!.id, status })).statusCode).toBe(200);
    const saved = (await put({ schemeId: 'prosjektskjonn', callId: forecast!.id, status: 'preparing' })).json();
    expect(saved).toMatchObject({ callId: forecast!.id, callStatus: 'forecast', callPredicted: true });
    // A closed call, and the scheme as a whole, can be granted.
    expect((await put({ schemeId: 'prosjektskjonn', callId: closed!.id, status: 'granted' })).json()).toMatchObject({
      callStatus: 'closed',
      callPredicted: false,
    });
    expect((await put({ schemeId: 'prosjektskjonn', status: 'granted' })).json()).toMatchObject({ callId: '', callStatus: null, callPredicted: false });
  });
});
