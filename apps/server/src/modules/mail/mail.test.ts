/**
 * The mail queue through a real SMTP server on loopback: invitations by e-mail in the recipient's
 * language (the inviter never gets the link), the link shown instead while no mail server is set up,
 * the outbox, retries with back-off, a refusal, a crash between sending and recording, link expiry and
 * the 30-day deletion of bodies. Time is the test's clock, never a wait.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '@varde/contracts';
import type { Outbox } from '@varde/contracts/mail-api';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { loadConfig } from '../../config';
import { addMember, createTestApp, createUser, getOk, municipalityOrganisation, signIn, TEST_PASSWORD, type Client } from '../../test/factories';
import { linkIn, startTestSmtp, testClock, type TestSmtp } from '../../test/smtp';
import { createSmtpTransport } from './mail-transport';
import { createMailRepository } from './mail.repository';
import { LEASE_MS } from './mail.service';

const PUBLIC_URL = 'https://varde.example.org';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let database: TestDatabase;
let smtp: TestSmtp;
const clock = testClock();
/** With SMTP. */
let app: FastifyInstance;
/** The embedded default: no SMTP. */
let plain: FastifyInstance;
let admin: Client & { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtp();
  app = await createTestApp(database, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL, mailFrom: 'Varde <varde@example.org>' }, { now: clock.now });
  plain = await createTestApp(database, { publicUrl: PUBLIC_URL }, { now: clock.now });
  const user = await createUser(database.db, { isPlatformAdmin: true, name: 'Plattform Admin' });
  admin = { ...(await signIn(app, user.email)), id: user.id };
});

afterAll(async () => {
  await app?.close();
  await plain?.close();
  await smtp?.close();
  await database?.close();
});

const email = () => `invitert-${Math.random().toString(36).slice(2, 8)}@example.org`;

async function invite(on: FastifyInstance, organisationId: string, body: object, client: Client = admin) {
  const response = await on.inject({ method: 'POST', url: `/api/organisations/${organisationId}/invitations`, headers: client.headers, payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const deliver = (on: FastifyInstance = app) => on.services.mailService.deliverDue();
const outbox = (client: Client, on: FastifyInstance = plain) => getOk<Outbox>(on, '/api/admin/outbox', client);
const mailRow = async (to: string) => (await database.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, to)))[0]!;

describe('invitations by e-mail', () => {
  it('go to the invitee only, in the municipality’s målform: nynorsk for Suldal, bokmål for Tydal, or the language the inviter picks', async () => {
    const suldal = await municipalityOrganisation(database.db, '1134');
    const tydal = await municipalityOrganisation(database.db, '5033');
    const to = email();
    const created = await invite(app, suldal.id, { email: to, role: 'admin' });
    expect(created).toMatchObject({ email: to, delivery: 'email', acceptUrl: null });
    expect(JSON.stringify(created)).not.toContain('/invitasjon/');
    // Queued, not sent by the request: the worker sends it.
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(0);
    expect(await deliver()).toMatchObject({ sent: 1, failed: 0 });

    const mail = smtp.received.find((m) => m.to.includes(to))!;
    expect(mail.from).toBe('varde@example.org');
    expect(mail.subject).toBe(translate('nn', 'mail.invitation.subject', { organisation: suldal.name }));
    expect(mail.text).toContain(translate('nn', 'mail.invitation.action'));
    expect(mail.text).toContain('Plattform Admin');
    expect(mail.html).toContain('<html lang="nn">');
    const link = linkIn(mail, `${PUBLIC_URL}/invitasjon/`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@varde\.example\.org>$/);

    // The link in the mail is the invitation.
    const token = link.split('/').pop()!;
    const accepted = await app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Siri Suldal', password: TEST_PASSWORD } });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const bokmal = email();
    await invite(app, tydal.id, { email: bokmal, role: 'member' });
    const english = email();
    await invite(app, suldal.id, { email: english, role: 'member', language: 'en' });
    await deliver();
    expect(smtp.received.find((m) => m.to.includes(bokmal))!.subject).toBe(translate('nb', 'mail.invitation.subject', { organisation: tydal.name }));
    expect(smtp.received.find((m) => m.to.includes(english))!.subject).toBe(translate('en', 'mail.invitation.subject', { organisation: suldal.name }));
  });

  it('without a mail server: the link is given to the inviter, and the mail waits in the outbox, its body shown to that inviter only', async () => {
    const tydal = await municipalityOrganisation(database.db, '5033');
    const to = email();
    const created = await invite(plain, tydal.id, { email: to, role: 'member' });
    expect(created.delivery).toBe('link');
    expect(created.acceptUrl).toMatch(new RegExp(`^${PUBLIC_URL}/invitasjon/[A-Za-z0-9_-]{43}$`));
    expect(await deliver(plain)).toEqual({ sent: 0, failed: 0 });

    const mine = (await outbox(admin)).items.find((i) => i.to === to)!;
    expect(mine).toMatchObject({
      kind: 'invitation',
      state: 'queued',
      attempts: 0,
      subject: translate('nb', 'mail.invitation.subject', { organisation: tydal.name }),
    });
    expect(mine.body).toContain(created.acceptUrl);
    expect((await outbox(admin)).smtp).toBe(false);

    // Another platform administrator sees that it waits, not the link.
    const other = await signIn(plain, (await createUser(database.db, { isPlatformAdmin: true })).email);
    expect((await outbox(other)).items.find((i) => i.to === to)!.body).toBeNull();
    // With a mail server, nobody sees an invitation's body (the link is the invitee's alone).
    expect((await outbox(admin, app)).items.every((i) => i.body === null)).toBe(true);
    // Only platform administrators see the outbox.
    const member = await createUser(database.db);
    await addMember(database.db, tydal.id, member.id, 'admin');
    expect((await plain.inject({ url: '/api/admin/outbox', headers: (await signIn(plain, member.email)).headers })).statusCode).toBe(403);
  });
});

describe('delivery', () => {
  it('retries a temporary failure after a back-off and records a refusal as given up', async () => {
    const tydal = await municipalityOrganisation(database.db, '5033');
    const to = email();
    await deliver(); // what earlier tests left queued
    smtp.failWith(451, 1);
    await invite(app, tydal.id, { email: to, role: 'member' });
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    const waiting = await mailRow(to);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    expect(waiting.lastError).toContain('451');
    expect(waiting.runAt.getTime()).toBe(clock.now().getTime() + MINUTE);
    // Not due yet.
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    clock.advance(MINUTE + 1000);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    expect(await mailRow(to)).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);

    const refused = email();
    smtp.failWith(550, 1);
    await invite(app, tydal.id, { email: refused, role: 'member' });
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    expect(await mailRow(refused)).toMatchObject({ state: 'failed', attempts: 1 });
    clock.advance(DAY);
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    smtp.heal();
  });

  it('sends a mail again when a worker crashed between sending and recording it: it may go twice, never not at all', async () => {
    const tydal = await municipalityOrganisation(database.db, '5033');
    const to = email();
    await deliver(); // what earlier tests left queued
    await invite(app, tydal.id, { email: to, role: 'member' });
    // A worker claims the mail, sends it, and dies before recording it.
    const at = clock.now();
    const [claimed] = await createMailRepository(database.db).claimDue('crashed-worker', at, new Date(at.getTime() + LEASE_MS), 1);
    expect(claimed!.to).toBe(to);
    const transport = createSmtpTransport({ url: smtp.url, from: 'varde@example.org', replyTo: undefined, messageIdDomain: 'varde.example.org' });
    await transport.send({ id: claimed!.id, to, subject: claimed!.subject, text: claimed!.text!, html: claimed!.html!, headers: claimed!.headers });
    transport.close();
    expect(await mailRow(to)).toMatchObject({ state: 'sending', leaseOwner: 'crashed-worker' });

    // While the lease holds, no other worker touches it; after it, the mail goes again.
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    clock.advance(LEASE_MS + 1000);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const copies = smtp.received.filter((m) => m.to.includes(to));
    expect(copies).toHaveLength(2);
    // The same Message-ID both times, so a mail client can tell it is one message.
    expect(copies[0]!.messageId).toBe(copies[1]!.messageId);
    expect(await mailRow(to)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('does not send an invitation whose link expired unsent, and deletes bodies 30 days after queueing', async () => {
    const tydal = await municipalityOrganisation(database.db, '5033');
    const to = email();
    await invite(plain, tydal.id, { email: to, role: 'member' });
    const config = loadConfig({});
    clock.advance((config.invitationTtlDays + 1) * DAY);
    await deliver(app);
    expect(await mailRow(to)).toMatchObject({ state: 'expired' });
    expect(smtp.received.some((m) => m.to.includes(to))).toBe(false);
    expect((await mailRow(to)).bodyText).toContain('/invitasjon/');

    clock.advance(30 * DAY);
    expect(await app.services.mailService.purgeBodies()).toBeGreaterThan(0);
    const purged = await mailRow(to);
    expect(purged.bodyText).toBeNull();
    expect(purged.bodyHtml).toBeNull();
    // The row stays: the outbox still lists it.
    expect((await outbox(admin)).items.find((i) => i.to === to)).toMatchObject({ state: 'expired', body: null });
  });
});
