/**
 * Calendar addresses per member: each member of a municipality has their own secret feed address,
 * removing the member revokes it (the row hangs on the membership), and the shared address an
 * organisation had before answers 410 with where to get a personal one.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@varde/db';
import { sha256 } from '../../core/crypto';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let tydalName: string;
let admin: Client;
let ada: Client & { id: string };
let bo: Client & { id: string };

async function member(role: 'member' | 'admin' = 'member'): Promise<Client & { id: string }> {
  const user = await createUser(database.db);
  await addMember(database.db, tydal, user.id, role);
  return { ...(await signIn(app, user.email)), id: user.id };
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database, { publicUrl: 'https://varde.example.no' });
  const organisation = await municipalityOrganisation(database.db, '5033');
  tydal = organisation.id;
  tydalName = organisation.name;
  admin = await member('admin');
  ada = await member();
  bo = await member();
  const follow = await app.inject({
    method: 'PUT',
    url: `/api/organisations/${tydal}/pipeline`,
    headers: ada.headers,
    payload: { schemeId: 'klimasats', status: 'preparing' },
  });
  expect(follow.statusCode, follow.body).toBe(200);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const feedState = async (client: Client) => (await app.inject({ url: `/api/organisations/${tydal}/calendar`, headers: client.headers })).json();

async function createFeed(client: Client) {
  const response = await app.inject({ method: 'POST', url: `/api/organisations/${tydal}/calendar`, headers: client.headers });
  expect(response.statusCode, response.body).toBe(201);
  const url = new URL(response.json().url as string);
  expect(url.origin).toBe('https://varde.example.no');
  return url.pathname;
}

async function feedUids(path: string) {
  const response = await app.inject({ url: path });
  expect(response.statusCode, response.body).toBe(200);
  return new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).uid);
}

describe('calendar addresses per member', () => {
  let adaFeed: string;
  let boFeed: string;

  it('gives each member their own address; rotating one leaves the others working', async () => {
    expect(await feedState(ada)).toEqual({ exists: false, createdAt: null });
    adaFeed = await createFeed(ada);
    expect((await feedState(ada)).exists).toBe(true);
    // A colleague has no address until they make their own.
    expect(await feedState(bo)).toEqual({ exists: false, createdAt: null });
    boFeed = await createFeed(bo);
    expect(boFeed).not.toBe(adaFeed);

    const uids = await feedUids(adaFeed);
    expect(uids.length).toBeGreaterThan(0);
    expect(uids.every((uid) => uid.startsWith('klimasats-'))).toBe(true);
    expect(await feedUids(boFeed)).toEqual(uids);

    const rotated = await createFeed(bo);
    expect((await app.inject({ url: boFeed })).statusCode).toBe(404);
    expect(await feedUids(rotated)).toEqual(uids);
    expect(await feedUids(adaFeed)).toEqual(uids);
    boFeed = rotated;
  });

  it("revokes a member's address when an admin removes them, and only theirs", async () => {
    const removed = await app.inject({ method: 'DELETE', url: `/api/organisations/${tydal}/members/${bo.id}`, headers: admin.headers });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await app.inject({ url: boFeed })).statusCode).toBe(404);
    expect((await feedUids(adaFeed)).length).toBeGreaterThan(0);

    // Back as a member, the old address stays dead: a new one has to be made.
    await addMember(database.db, tydal, bo.id);
    expect(await feedState(bo)).toEqual({ exists: false, createdAt: null });
    expect((await app.inject({ url: boFeed })).statusCode).toBe(404);
  });

  it("holds only the municipality's own round of a county-run scheme, in the language asked for", async () => {
    const follow = await app.inject({
      method: 'PUT',
      url: `/api/organisations/${tydal}/pipeline`,
      headers: ada.headers,
      payload: { schemeId: 'prosjektskjonn', status: 'interested' },
    });
    expect(follow.statusCode, follow.body).toBe(200);
    const response = await app.inject({ url: `${adaFeed}?lang=en` });
    expect(response.statusCode).toBe(200);
    expect(response.body.endsWith('\r\n')).toBe(true);
    const events = new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const rounds = events.filter((e) => e.uid.startsWith('prosjektskjonn-'));
    expect(rounds.length).toBeGreaterThan(0);
    // Tydal is in Trøndelag: the other counties' rounds are left out, the region is named.
    expect(rounds.every((e) => e.uid.startsWith('prosjektskjonn-trondelag-'))).toBe(true);
    expect(rounds.every((e) => e.summary.startsWith('Deadline: ') && e.summary.includes('– Trøndelag'))).toBe(true);
    expect(rounds.every((e) => e.description.includes('The County Governor of Trøndelag'))).toBe(true);
  });

  it('refuses to make an address for someone who is no longer a member (a removal racing the request)', async () => {
    const outsider = await createUser(database.db);
    await expect(app.services.calendarFeedService.rotateFeed(tydal, outsider.id, 'https://varde.example.no')).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the retired shared address', () => {
  it('answers 410 with a message saying where to get a personal address; unknown tokens stay 404', async () => {
    const token = randomBytes(24).toString('base64url');
    await database.db
      .insert(schema.retiredCalendarFeeds)
      .values({ tokenHash: sha256(token), organisationId: tydal, createdAt: new Date('2025-01-10T10:00:00Z') });

    const gone = await app.inject({ url: `/api/calendar/feeds/${token}.ics` });
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(gone.body).toBe(
      `Denne kalenderadressen for ${tydalName} er ikke i bruk lenger. Nå har hver medarbeider sin egen, personlige adresse. ` +
        `Logg inn i Varde, og lag din under «Fristene i kalenderen» på siden for søknadsarbeid: https://varde.example.no/organisasjoner/${tydal}/pipeline`,
    );
    const english = await app.inject({ url: `/api/calendar/feeds/${token}.ics?lang=en` });
    expect(english.statusCode).toBe(410);
    expect(english.body).toContain(`Each member now has their own personal address. Sign in to Varde and create yours under “Deadlines in your calendar”`);
    const nynorsk = await app.inject({ url: `/api/calendar/feeds/${token}.ics`, headers: { 'accept-language': 'nn-NO' } });
    expect(nynorsk.body).toContain('No har kvar medarbeidar si eiga, personlege adresse.');

    const unknown = await app.inject({ url: `/api/calendar/feeds/${randomBytes(24).toString('base64url')}.ics` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
  });
});
