/**
 * The worker's scheduled work through a real SMTP server, on the test's clock: deadline reminders of
 * pipeline items 14, 7 and 2 days before (the assignee, else every member with reminders on; only
 * announced deadlines), one-click unsubscribe (RFC 8058), notification checks by the worker instead of
 * on reads, digests at once, daily and weekly, and no mail lost when SMTP fails during a digest.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '@varde/contracts';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { deadlineInstant, osloDateTime } from '@varde/domain/calls';
import { callsFor } from '@varde/domain/finder';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';
import { startTestSmtp, testClock, type ReceivedMail, type TestSmtp } from '../../test/smtp';
import { osloTime } from './schedule';

const PUBLIC_URL = 'https://varde.example.org';
const DAY = 24 * 60 * 60 * 1000;

let database: TestDatabase;
let smtp: TestSmtp;
let app: FastifyInstance;
let platformAdmin: Client;
let tydal: string;
const clock = testClock();

/** 06:00 in Oslo on the first Monday at least two days from now. */
function nextMondayMorning(): Date {
  let at = Date.now() + 2 * DAY;
  while (osloTime(new Date(at)).weekday !== 1) at += DAY;
  const [y, m, d] = osloTime(new Date(at)).day.split('-').map(Number) as [number, number, number];
  return new Date(osloDateTime(y, m, d, 6, 0));
}
const osloDayPlus = (from: Date, days: number, hour: number) => {
  const [y, m, d] = osloTime(new Date(from.getTime() + days * DAY))
    .day.split('-')
    .map(Number) as [number, number, number];
  return osloDateTime(y, m, d, hour, 0);
};

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtp();
  app = await createTestApp(database, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL }, { now: clock.now });
  tydal = (await municipalityOrganisation(database.db, '5033')).id;
  platformAdmin = await signIn(app, (await createUser(database.db, { isPlatformAdmin: true })).email);
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
  await database?.close();
});

async function member(name: string, organisationId = tydal): Promise<Client & { id: string; email: string }> {
  const user = await createUser(database.db, { name });
  await addMember(database.db, organisationId, user.id);
  return { ...(await signIn(app, user.email)), id: user.id, email: user.email };
}

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

/** Adds an announced national call to a scheme, its deadline at this instant (on the hour, Oslo time) as its source states it. */
const addCall = (schemeId: string, callId: string, deadlineAt: string) =>
  editScheme(schemeId, (scheme) => {
    const title = { nb: `Testutlysning ${callId}`, nn: `Testutlysing ${callId}`, en: `Test call ${callId}` };
    const { day, hour } = osloTime(new Date(deadlineAt));
    const source = scheme.sources[0]!.id;
    const deadline = { date: day, time: `${String(hour).padStart(2, '0')}:00`, timeSourceId: source };
    scheme.calls.push({ id: callId, title, roundId: null, opensOn: null, deadline, budgetNok: null, sourceIds: [source] });
  });

async function follow(client: Client, body: object) {
  const response = await app.inject({ method: 'PUT', url: `/api/organisations/${tydal}/pipeline`, headers: client.headers, payload: body });
  expect(response.statusCode, response.body).toBe(200);
}

/** Runs one worker round and returns the mails it delivered. */
async function round(): Promise<ReceivedMail[]> {
  const before = smtp.received.length;
  await app.services.jobsService.runDue();
  return smtp.received.slice(before);
}
const to = (mails: ReceivedMail[], client: { email: string }) => mails.filter((m) => m.to.includes(client.email));
/** Digests only (members of Tydal also get the reminders of the test above). */
const digestsTo = (mails: ReceivedMail[], client: { email: string }) => to(mails, client).filter((m) => / i Varde$/.test(m.subject));

describe('deadline reminders', () => {
  it('go 14, 7 and 2 days before an announced deadline to the assignee, or else to the members with reminders on', async () => {
    const start = nextMondayMorning();
    clock.set(start);
    const coordinator = await member('Kari Koordinator');
    const colleague = await member('Ola Kollega');
    const quiet = await member('Stille Medlem');
    const outsider = await member('Per Utenfor', (await municipalityOrganisation(database.db, '5025')).id);
    const quietChoice = await app.inject({
      method: 'PUT',
      url: '/api/mail/preferences',
      headers: quiet.headers,
      payload: { digest: 'never', reminders: false },
    });
    expect(quietChoice.json()).toEqual({ digest: 'never', reminders: false });

    await addCall('klimasats', 'testfrist-paaminning', osloDayPlus(start, 14, 12));
    await addCall('digifin', 'testfrist-ansvarlig', osloDayPlus(start, 14, 13));
    await follow(coordinator, { schemeId: 'klimasats', callId: 'testfrist-paaminning', status: 'preparing' });
    await follow(coordinator, { schemeId: 'digifin', callId: 'testfrist-ansvarlig', status: 'interested', assigneeUserId: colleague.id });

    // Before 07:00 in Oslo: nothing yet.
    expect((await round()).filter((m) => m.subject.startsWith('Søknadsfrist'))).toHaveLength(0);
    clock.set(new Date(start.getTime() + 90 * 60_000));
    const first = await round();
    const klimasats = (m: ReceivedMail) => m.text.includes('testfrist-paaminning') || m.subject.includes('Klimasats');
    expect(to(first, coordinator).filter(klimasats)).toHaveLength(1);
    expect(to(first, colleague)).toHaveLength(2);
    expect(to(first, quiet)).toHaveLength(0);
    expect(to(first, outsider)).toHaveLength(0);
    // The assigned item goes to the assignee only.
    expect(to(first, coordinator).filter((m) => m.subject.includes('DigiFin'))).toHaveLength(0);
    const assigned = to(first, colleague).find((m) => m.subject.includes('DigiFin'))!;
    expect(assigned.text).toContain(translate('nb', 'mail.reminder.assigned'));
    const reminder = to(first, coordinator)[0]!;
    expect(reminder.subject).toContain(translate('nb', 'mail.when.days', { days: 14 }));
    expect(reminder.text).toContain(`${PUBLIC_URL}/organisasjoner/${tydal}/pipeline`);
    expect(reminder.text).toContain(translate('nb', 'pipelineStatus.preparing'));
    // RFC 8058 one-click unsubscribe.
    expect(reminder.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(reminder.raw).toMatch(new RegExp(`^List-Unsubscribe: <${PUBLIC_URL}/api/mail/unsubscribe/[A-Za-z0-9_-]{43}>$`, 'm'));

    // Once per reminder, whatever the number of rounds that day.
    expect((await round()).filter((m) => m.subject.startsWith('Søknadsfrist'))).toHaveLength(0);
    clock.set(new Date(start.getTime() + DAY + 90 * 60_000));
    expect((await round()).filter((m) => m.subject.startsWith('Søknadsfrist'))).toHaveLength(0);

    // The colleague unsubscribes with one click, as a mail provider does it: a form-encoded POST without a session.
    const header = /^List-Unsubscribe: <([^>]+)>$/m.exec(to(first, colleague)[0]!.raw)![1]!;
    const path = new URL(header).pathname;
    expect((await app.inject({ url: path })).json()).toEqual({ topic: 'reminder', done: false });
    const unsubscribed = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.statusCode, unsubscribed.body).toBe(200);
    expect(unsubscribed.json()).toEqual({ topic: 'reminder', done: true });
    expect((await app.inject({ url: '/api/mail/preferences', headers: colleague.headers })).json()).toMatchObject({ reminders: false });
    // A request from another site is refused by the CSRF rules; an unknown token is 404.
    const crossSite = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/mail/unsubscribe/${'x'.repeat(43)}` })).statusCode).toBe(404);

    // A week before: the 7-day reminder, no longer to the colleague.
    clock.set(new Date(start.getTime() + 7 * DAY + 90 * 60_000));
    const week = await round();
    expect(to(week, coordinator).filter(klimasats)).toHaveLength(1);
    expect(to(week, coordinator)[0]!.subject).toContain(translate('nb', 'mail.when.days', { days: 7 }));
    expect(to(week, colleague)).toHaveLength(0);

    // Two days before; then the day itself and after: nothing.
    clock.set(new Date(start.getTime() + 12 * DAY + 90 * 60_000));
    expect(to(await round(), coordinator)[0]!.subject).toContain(translate('nb', 'mail.when.days', { days: 2 }));
    clock.set(new Date(start.getTime() + 14 * DAY + 90 * 60_000));
    expect(to(await round(), coordinator)).toHaveLength(0);
  }, 180_000);

  it('never for a forecast deadline', async () => {
    const at = new Date();
    const withForecast = (await app.services.catalogueService.catalogue()).schemes
      .map((scheme) => ({ scheme, forecast: callsFor(scheme, null, at).find((c) => c.predicted) }))
      .find((s) => s.forecast);
    expect(withForecast, 'a scheme with a forecast call').toBeDefined();
    const planner = await member('Planlegger Prognose');
    await follow(planner, { schemeId: withForecast!.scheme.id, callId: withForecast!.forecast!.id, status: 'interested' });
    // Ten days before the forecast deadline, at 08:00 in Oslo.
    const deadline = deadlineInstant(withForecast!.forecast!.deadline!);
    clock.set(osloDayPlus(new Date(deadline.getTime() - 10 * DAY), 0, 8));
    expect(to(await round(), planner)).toHaveLength(0);
  }, 60_000);
});

describe('notifications and digests', () => {
  it('the worker finds news when the catalogue changes; digests go at once, daily at 07:00 and weekly on Monday', async () => {
    const start = nextMondayMorning();
    clock.set(new Date(start.getTime() + 7 * DAY - 3 * 60 * 60_000)); // Monday 03:00 a week on
    const eager = await member('Rask Leser');
    const daily = await member('Daglig Leser');
    const weekly = await member('Ukentlig Leser');
    for (const [client, digest] of [
      [eager, 'immediately'],
      [weekly, 'weekly'],
    ] as const) {
      await app.inject({ method: 'PUT', url: '/api/mail/preferences', headers: client.headers, payload: { digest, reminders: true } });
    }
    for (const client of [eager, daily, weekly]) {
      const saved = await app.inject({
        method: 'POST',
        url: '/api/saved-searches',
        headers: client.headers,
        payload: { name: 'Digitalt', query: { theme: ['digitalisation'] } },
      });
      expect(saved.statusCode).toBe(201);
    }
    await round();
    const unread = async () => (await app.inject({ url: '/api/notifications/unread-count', headers: eager.headers })).json().unread as number;
    const before = await unread();
    // Reads run no search: after a catalogue change, the news waits for the worker.
    await editScheme('digifin', (scheme) => {
      scheme.summary.nb = `${scheme.summary.nb} Endret for e-post.`;
    });
    expect(await unread()).toBe(before);
    expect((await app.inject({ url: '/api/notifications', headers: eager.headers })).json().unread).toBe(before);

    // SMTP fails while the digest goes out: it stays queued and arrives later.
    smtp.failWith(451);
    const failed = await round();
    expect(failed).toHaveLength(0);
    expect(await unread()).toBe(before + 1);
    smtp.heal();
    clock.advance(2 * 60_000);
    const sent = await round();
    const digest = digestsTo(sent, eager);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toMatch(/nye varsler i Varde$|^Ett nytt varsel i Varde$/);
    expect(digest[0]!.text).toContain('DigiFin');
    expect(digest[0]!.text).toContain(translate('nb', 'mail.digest.why.immediately'));
    expect(digest[0]!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(digestsTo(sent, daily)).toHaveLength(0);
    expect(digestsTo(sent, weekly)).toHaveLength(0);
    // Each notification goes out once.
    clock.advance(60_000);
    expect(digestsTo(await round(), eager)).toHaveLength(0);

    // 07:00 Monday: the daily and the weekly digests.
    clock.set(new Date(start.getTime() + 7 * DAY + 90 * 60_000));
    const morning = await round();
    expect(digestsTo(morning, daily)).toHaveLength(1);
    expect(digestsTo(morning, weekly)).toHaveLength(1);
    expect(digestsTo(morning, weekly)[0]!.text).toContain(translate('nb', 'mail.digest.why.weekly'));
    expect(digestsTo(morning, eager)).toHaveLength(0);

    // One click on the digest's unsubscribe link: no more digests.
    const path = new URL(/^List-Unsubscribe: <([^>]+)>$/m.exec(digestsTo(morning, daily)[0]!.raw)![1]!).pathname;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
          payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
        })
      ).json(),
    ).toEqual({ topic: 'digest', done: true });
    expect((await app.inject({ url: '/api/mail/preferences', headers: daily.headers })).json()).toEqual({ digest: 'never', reminders: true });
  }, 180_000);
});
