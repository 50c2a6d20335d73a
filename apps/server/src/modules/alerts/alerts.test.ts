/**
 * Saved searches are bounded: a cap per user that holds under concurrent requests, reads that never
 * run the finder, and the worker's notification checks that run each user's searches at most once per
 * catalogue change and Oslo day (stored in the database, so every instance honours it).
 */
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { limits } from '@varde/contracts';
import type { NotificationList } from '@varde/contracts/alerts-api';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';
import { osloDay } from './alert-events';

let database: TestDatabase;
let app: FastifyInstance;
let platformAdmin: Client;
let tydal: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  tydal = (await municipalityOrganisation(database.db, '5033')).id;
  platformAdmin = await signIn(app, (await createUser(database.db, { isPlatformAdmin: true })).email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function member(): Promise<Client & { id: string }> {
  const user = await createUser(database.db);
  await addMember(database.db, tydal, user.id);
  return { ...(await signIn(app, user.email)), id: user.id };
}

const createSearch = (client: Client, name: string, query: object = { theme: ['digitalisation'] }, lang = 'nb') =>
  app.inject({ method: 'POST', url: `/api/saved-searches?lang=${lang}`, headers: client.headers, payload: { name, query } });

async function readNotifications(client: Client) {
  const response = await app.inject({ url: '/api/notifications', headers: client.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as NotificationList;
}

async function unreadCount(client: Client) {
  const response = await app.inject({ url: '/api/notifications/unread-count', headers: client.headers });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { unread: number }).unread;
}

/** The worker's notification check (it runs every user's saved searches that are due). */
const check = (on: FastifyInstance = app) => on.services.alertService.checkAll();

/** Finder runs made for this user (the check runs other users' searches too). */
const runsFor = (finder: { mock: { calls: unknown[][] } }, user: { id: string }) =>
  finder.mock.calls.filter((call) => (call[1] as { auth: { user: { id: string } } | null }).auth?.user.id === user.id).length;

async function storedSearches(userId: string) {
  const [row] = await database.db.select({ n: count() }).from(schema.savedSearches).where(eq(schema.savedSearches.userId, userId));
  return row!.n;
}

/** Saves a new version of a scheme as the platform admin: the catalogue stamp changes. */
async function editScheme(id: string, change: (scheme: SchemeDetail['scheme']) => void) {
  const detail = (await app.inject({ url: `/api/schemes/${id}` })).json() as SchemeDetail;
  const scheme = structuredClone(detail.scheme);
  change(scheme);
  const saved = await app.inject({
    method: 'PUT',
    url: `/api/schemes/${id}`,
    headers: platformAdmin.headers,
    payload: { scheme, baseVersion: detail.version },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

/** The first minute-aligned instant after `from` that falls on the next Oslo day. */
function nextOsloMidnight(from: number) {
  const day = osloDay(new Date(from));
  let t = Math.ceil(from / 60_000) * 60_000;
  while (osloDay(new Date(t)) === day) t += 60_000;
  return t;
}

describe('the saved-search cap', () => {
  it(`refuses search number ${limits.savedSearchesPerUser + 1} with a translated message naming the limit, and allows one again after a delete`, async () => {
    const user = await member();
    const other = await member();
    const ids: string[] = [];
    for (let i = 0; i < limits.savedSearchesPerUser; i++) {
      const created = await createSearch(user, `Søk ${i}`);
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().id);
    }
    const refused = await createSearch(user, 'Ett for mye');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({
      code: 'conflict',
      message: `Du kan ha opptil ${limits.savedSearchesPerUser} lagrede søk. Slett et søk du ikke trenger, før du lagrer et nytt.`,
    });
    expect((await createSearch(user, 'One too many', undefined, 'en')).json().error.message).toBe(
      `You can have up to ${limits.savedSearchesPerUser} saved searches. Delete one you no longer need before saving a new one.`,
    );
    expect((await createSearch(user, 'Eitt for mykje', undefined, 'nn')).json().error.message).toContain(`opptil ${limits.savedSearchesPerUser} lagra søk`);
    expect(await storedSearches(user.id)).toBe(limits.savedSearchesPerUser);
    // The cap is per user.
    expect((await createSearch(other, 'Mitt søk')).statusCode).toBe(201);

    expect((await app.inject({ method: 'DELETE', url: `/api/saved-searches/${ids[0]}`, headers: user.headers })).statusCode).toBe(204);
    expect((await createSearch(user, 'Etter sletting')).statusCode).toBe(201);
    expect((await createSearch(user, 'Igjen for mye')).statusCode).toBe(409);
  });

  it('holds when one user sends many creates at once', async () => {
    const user = await member();
    await createSearch(user, 'Først');
    const attempts = limits.savedSearchesPerUser + 10;
    const responses = await Promise.all(Array.from({ length: attempts }, (_, i) => createSearch(user, `Samtidig ${i}`)));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(limits.savedSearchesPerUser - 1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(attempts - limits.savedSearchesPerUser + 1);
    expect(await storedSearches(user.id)).toBe(limits.savedSearchesPerUser);
  });
});

describe('reading notifications', () => {
  it('counts and lists stored notifications without running any saved search', async () => {
    const user = await member();
    await createSearch(user, 'Klima', { theme: ['climate_environment'] });
    await createSearch(user, 'Helse', { theme: ['health_care'] });
    const finder = vi.spyOn(app.services.finderService, 'list');
    const [row] = await database.db
      .insert(schema.notifications)
      .values([
        { userId: user.id, kind: 'scheme_new', dedupeKey: 'test:a', payload: { schemeId: 'klimasats', searchName: 'Klima', deadline: null, version: 1 } },
        { userId: user.id, kind: 'scheme_new', dedupeKey: 'test:b', payload: { schemeId: 'digifin', searchName: 'Klima', deadline: null, version: 1 } },
        { userId: user.id, kind: 'scheme_new', dedupeKey: 'test:c', payload: { schemeId: 'digifin', searchName: 'Helse', deadline: null, version: 1 } },
      ])
      .returning();
    expect(await unreadCount(user)).toBe(3);
    await app.inject({ method: 'POST', url: `/api/notifications/${row!.id}/dismiss`, headers: user.headers });
    expect(await unreadCount(user)).toBe(2);
    const list = await readNotifications(user);
    expect(list.unread).toBe(2);
    expect(list.items).toHaveLength(2);
    expect(finder).not.toHaveBeenCalled();
    await app.inject({ method: 'POST', url: '/api/notifications/read', headers: user.headers });
    expect(await unreadCount(user)).toBe(0);
    expect(finder).not.toHaveBeenCalled();
    expect(await unreadCount(await member())).toBe(0);
    expect((await app.inject({ url: '/api/notifications/unread-count' })).statusCode).toBe(401);
  });
});

describe('notification checks', () => {
  it('run the saved searches once per catalogue change, not on reads', async () => {
    const user = await member();
    await createSearch(user, 'Digitalisering', { theme: ['digitalisation'] });
    await createSearch(user, 'Klima', { theme: ['climate_environment'] });
    const finder = vi.spyOn(app.services.finderService, 'list');

    await check();
    expect(runsFor(finder, user)).toBe(2);
    await check();
    await readNotifications(user);
    expect(runsFor(finder, user)).toBe(2);

    // A new version of a matching scheme: reads do not notice it; the next check runs the searches and notifies it.
    await editScheme('digifin', (scheme) => {
      scheme.summary.nb = `${scheme.summary.nb} Endret i testen.`;
    });
    expect((await readNotifications(user)).items.some((n) => n.kind === 'scheme_changed')).toBe(false);
    expect(runsFor(finder, user)).toBe(2);
    await check();
    expect(runsFor(finder, user)).toBe(4);
    const after = await readNotifications(user);
    expect(after.items.filter((n) => n.kind === 'scheme_changed' && n.schemeId === 'digifin')).toHaveLength(1);
    await check();
    expect(runsFor(finder, user)).toBe(4);

    // Checks at the same time after a change (two workers): one of them runs the user's searches.
    await editScheme('digifin', (scheme) => {
      scheme.summary.nb = `${scheme.summary.nb} Endret igjen.`;
    });
    await Promise.all([check(), check(), check()]);
    expect(runsFor(finder, user)).toBe(6);
    expect((await readNotifications(user)).items.some((n) => n.kind === 'scheme_changed' && n.message.includes('Digitalisering'))).toBe(true);

    // The check is stored in the database: another app instance on it does not run the searches again.
    const second = await createTestApp(database);
    try {
      const finderThere = vi.spyOn(second.services.finderService, 'list');
      await check(second);
      expect(runsFor(finderThere, user)).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('run the saved searches again on the next Oslo day, not at midnight UTC', async () => {
    const user = await member();
    await createSearch(user, 'Helse', { theme: ['health_care'] });
    const finder = vi.spyOn(app.services.finderService, 'list');
    const start = Date.now();
    const midnight = nextOsloMidnight(start + 2 * 60_000);
    vi.useFakeTimers({ toFake: ['Date'] });

    vi.setSystemTime(start);
    await check();
    expect(runsFor(finder, user)).toBe(1);
    vi.setSystemTime(midnight - 60_000);
    await check();
    expect(runsFor(finder, user)).toBe(1);
    // Oslo midnight is 22:00 or 23:00 UTC: a new Oslo day on the same UTC date.
    vi.setSystemTime(midnight + 60_000);
    expect(new Date(midnight + 60_000).getUTCHours()).toBeGreaterThanOrEqual(22);
    await check();
    expect(runsFor(finder, user)).toBe(2);
    vi.setSystemTime(midnight + 60 * 60_000);
    await check();
    expect(runsFor(finder, user)).toBe(2);
  });

  it("notifies a new search's near deadline at once, even when today's check has run", async () => {
    const user = await member();
    const soon = new Date(Date.now() + 5 * 24 * 3600_000);
    await editScheme('klimasats', (scheme) => {
      const source = scheme.calls[0]!.sourceIds[0]!;
      scheme.calls.push({ ...scheme.calls[0]!, id: 'testfrist-snart', opensOn: null, deadline: { date: osloDay(soon), time: '12:00', timeSourceId: source } });
    });
    await createSearch(user, 'Noe annet', { theme: ['health_care'] });
    await check();
    const finder = vi.spyOn(app.services.finderService, 'list');

    expect((await createSearch(user, 'Klimasats', { q: 'Klimasats' })).statusCode).toBe(201);
    expect(runsFor(finder, user)).toBe(1);
    const list = await readNotifications(user);
    expect(runsFor(finder, user)).toBe(1);
    const soonItems = list.items.filter((n) => n.kind === 'deadline_soon' && n.schemeId === 'klimasats');
    expect(soonItems).toHaveLength(1);
    // The time the source states, on an Oslo clock.
    expect(soonItems[0]!.message).toMatch(/^Søknadsfristen for Klimasats.* er \d{1,2}\. \p{L}+ \d{4} kl\. 12:00\.$/u);
    expect(list.items.some((n) => n.kind === 'scheme_new')).toBe(false);
  });
});

describe('saved searches and notifications', () => {
  it('notifies a changed matching scheme once, and lets the user dismiss it', async () => {
    const user = await member();
    const other = await member();
    expect((await createSearch(user, 'Digitalisering')).statusCode).toBe(201);
    await check();
    expect((await readNotifications(user)).items).toEqual([]);

    await editScheme('digifin', (scheme) => {
      scheme.summary.nb = `${scheme.summary.nb} Oppdatert.`;
    });
    await check();

    const first = await readNotifications(user);
    const changed = first.items.filter((n) => n.kind === 'scheme_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.message).toMatch(/^Ordningen DigiFin .* er endret \(søket «Digitalisering»\)\.$/);
    expect((await readNotifications(user)).items).toHaveLength(first.items.length);

    const dismissed = await app.inject({ method: 'POST', url: `/api/notifications/${changed[0]!.id}/dismiss`, headers: user.headers });
    expect(dismissed.statusCode).toBe(204);
    const foreign = await app.inject({ method: 'POST', url: `/api/notifications/${changed[0]!.id}/dismiss`, headers: other.headers });
    expect(foreign.statusCode).toBe(404);
    expect((await readNotifications(user)).items.some((n) => n.kind === 'scheme_changed')).toBe(false);
  });
});

describe('a scheme that ends', () => {
  it('is notified once per saved search that matched it; its page and the pipeline item remain', async () => {
    const user = await member();
    // One search keeps StimuLab in its results once ended (its name is searched), one loses it (a theme).
    expect((await createSearch(user, 'Navnet', { q: 'StimuLab' })).statusCode).toBe(201);
    expect((await createSearch(user, 'Temaet', { theme: ['other'] })).statusCode).toBe(201);
    const item = await app.inject({
      method: 'PUT',
      url: `/api/organisations/${tydal}/pipeline`,
      headers: user.headers,
      payload: { schemeId: 'stimulab', status: 'interested' },
    });
    expect(item.statusCode, item.body).toBe(200);
    expect((await readNotifications(user)).items).toEqual([]);

    await editScheme('stimulab', (scheme) => {
      scheme.lifecycle = { status: 'ended', endedOn: null, successorId: 'klimasats', sourceIds: [scheme.sources[0]!.id] };
    });
    await check();
    const ended = (await readNotifications(user)).items.filter((n) => n.kind === 'scheme_ended');
    expect(ended.map((n) => n.searchName).sort()).toEqual(['Navnet', 'Temaet']);
    expect(ended.every((n) => n.schemeId === 'stimulab')).toBe(true);
    expect(ended[0]!.message).toMatch(/^Ordningen StimuLab.* er avsluttet \(søket «(Navnet|Temaet)»\)\.$/);
    expect((await readNotifications(user)).items.some((n) => n.kind === 'scheme_changed')).toBe(false);

    // Further edits of the ended scheme tell nobody it ended again.
    await editScheme('stimulab', (scheme) => {
      scheme.summary.nb = `${scheme.summary.nb} Avsluttet.`;
    });
    await check();
    expect((await readNotifications(user)).items.filter((n) => n.kind === 'scheme_ended')).toHaveLength(2);

    // Out of the finder, but its page, the successor and the pipeline item remain.
    const finder = (await app.inject({ url: '/api/schemes?theme=other', headers: user.headers })).json() as { items: { id: string }[] };
    expect(finder.items.map((c) => c.id)).not.toContain('stimulab');
    const byName = (await app.inject({ url: '/api/schemes?q=StimuLab' })).json() as { items: { id: string; lifecycle: string }[] };
    expect(byName.items.find((c) => c.id === 'stimulab')?.lifecycle).toBe('ended');
    const page = (await app.inject({ url: '/api/schemes/stimulab' })).json() as SchemeDetail;
    expect(page.scheme.lifecycle.status).toBe('ended');
    expect(page.successor).toMatchObject({ id: 'klimasats' });
    const pipeline = (await app.inject({ url: `/api/organisations/${tydal}/pipeline`, headers: user.headers })).json() as { items: { schemeId: string }[] };
    expect(pipeline.items.map((i) => i.schemeId)).toContain('stimulab');
    const history = await app.inject({ url: '/api/schemes/stimulab/versions' });
    expect(history.statusCode).toBe(200);
    expect((history.json() as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(3);
  });

  it("saves an owner filter by the owner's id, never by a name", async () => {
    const user = await member();
    const byName = await createSearch(user, 'Miljø', { owner: 'Miljødirektoratet' });
    expect(byName.statusCode).toBe(400);
    expect(byName.json().error.fields[0]).toMatchObject({ path: 'query.owner', code: 'invalid_format' });
    const byId = await createSearch(user, 'Miljø', { owner: 'miljodirektoratet' });
    expect(byId.statusCode, byId.body).toBe(201);
    const found = (await app.inject({ url: '/api/schemes?owner=miljodirektoratet' })).json() as { items: { id: string; ownerId: string }[] };
    expect(found.items.map((c) => c.id)).toContain('klimasats');
    expect(found.items.every((c) => c.ownerId === 'miljodirektoratet')).toBe(true);
  });
});

describe('what a changed scheme notification says', () => {
  it('names each change since the version the search saw, translated, stores only codes, and lists them in the digest', async () => {
    const user = await member();
    await createSearch(user, 'Digitalt', { theme: ['digitalisation'] });
    await check();
    const title = { nb: 'Testutlysning', nn: 'Testutlysing', en: 'Test call' };
    // Two versions between checks: the notification names both changes (since the version the search saw).
    await editScheme('digifin', (scheme) => {
      scheme.calls.push({
        id: 'test-2027',
        title,
        roundId: null,
        opensOn: null,
        deadline: { date: '2027-09-01', time: null, timeSourceId: null },
        budgetNok: null,
        sourceIds: ['ks-digifin'],
      });
    });
    await editScheme('digifin', (scheme) => {
      scheme.funding.maxGrantNok = 1_500_000;
      scheme.summary.nb = `${scheme.summary.nb} En ny setning.`;
    });
    await check();
    const changed = (list: NotificationList) =>
      list.items.filter((n) => n.kind === 'scheme_changed' && n.schemeId === 'digifin' && n.searchName === 'Digitalt');
    const [first] = changed(await readNotifications(user));
    expect(first!.changes).toEqual([
      'Ny utlysning: «Testutlysning», frist 1. september 2027',
      'Største tilskudd: fra ikke oppgitt til 1\u00a0500\u00a0000 kr',
      'Sammendrag er endret',
    ]);

    // The next change is told from the version the search saw last: only the deadline.
    await editScheme('digifin', (scheme) => {
      scheme.calls.find((c) => c.id === 'test-2027')!.deadline = { date: '2027-09-15', time: null, timeSourceId: null };
    });
    await check();
    const both = changed(await readNotifications(user));
    expect(both).toHaveLength(2);
    expect(both[0]!.changes).toEqual(['Frist for «Testutlysning» flyttet fra 1. september 2027 til 15. september 2027']);
    const english = changed((await app.inject({ url: '/api/notifications?lang=en', headers: user.headers })).json() as NotificationList);
    expect(english[0]!.changes).toEqual(['Deadline for “Test call” moved from 1 September 2027 to 15 September 2027']);
    expect(english[1]!.changes![1]).toBe('Largest grant: from not stated to NOK 1,500,000');

    // Stored: codes and short values, no sentences and no long texts.
    const rows = await database.db.select({ payload: schema.notifications.payload }).from(schema.notifications).where(eq(schema.notifications.userId, user.id));
    const stored = rows.map((r) => r.payload).find((p) => Array.isArray(p.changes) && p.changes.length === 3)!;
    expect(stored.changes).toEqual([
      { code: 'call_added', subject: title, to: { date: '2027-09-01', time: null, timeSourceId: null } },
      { code: 'max_grant', from: null, to: 1_500_000 },
      { code: 'summary' },
    ]);

    // The e-mail digest lists the changes after the sentence.
    const reader = await app.services.alertService.digestReader();
    const lines = await database.db.transaction((tx) => reader.take(user.id, 'nb', tx as never));
    const line = lines.find((l) => l.message.includes('Frist for «Testutlysning» flyttet'));
    expect(line?.message).toMatch(/er endret \(søket «Digitalt»\)\. Frist for «Testutlysning» flyttet fra 1\. september 2027 til 15\. september 2027\.$/);
  });
});
