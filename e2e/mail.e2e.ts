/**
 * E-mail that arrives, through a real SMTP server on loopback and the built app with SMTP_URL set:
 * the platform administrator invites Tydal's coordinator by e-mail (the link is never shown to the
 * inviter); the coordinator signs up from the mail, chooses weekly digests and follows a call with an
 * announced deadline from the scheme page; the clock is moved forward with `npm run cli -- run-jobs
 * --at` (the app stopped, as for a maintenance run), and a digest and a deadline reminder arrive; the
 * digest's unsubscribe link works; then a password reset by e-mail. Every page is checked with axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { expectAccessible, launchBrowser, newJourney, type Journey } from './support/browser';
import { expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';
import { linkPath, mondayAhead, osloTime, startApp, startMailbox } from './support/mail-server';

const admin = { email: 'plattform-mail@example.org', password: 'e2e-admin-password-123' };
const coordinator = { name: 'Kari Koordinator', email: 'kari.mail@tydal.example.org', password: 'fjellvann-og-myr-2024', newPassword: 'stugusjoen-i-tydal-77' };
const SCHEME = 'digifin';
const CALL = 'e2e-frist-epost';
// The clock moves to 07:30 on a Monday at least two days ahead; the call's deadline is 13 days after
// it: further than 14 days from today (no reminder yet), within 14 days of that Monday.
const week = mondayAhead(2);
const DEADLINE_DAY = week.plus(13);

let browser: Browser;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let app: Awaited<ReturnType<typeof startApp>>;
let person: Journey;

beforeAll(async () => {
  browser = await launchBrowser();
  mailbox = await startMailbox();
  app = await startApp({ smtpUrl: mailbox.url, admin });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await mailbox?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email')).fill(email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

/** A JSON call from the page with its session and CSRF token (for set-up the journey is not about). */
function apiFromPage(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    },
    { method, path, body },
  );
}

describe('e-mail', () => {
  test('an invitation by e-mail: the inviter never sees the link; the invitee signs up from the mail', async () => {
    const tydal = ((await (await fetch(`${app.baseUrl}/api/organisations?type=municipality`)).json()) as { id: string; municipalityCode: string }[]).find(
      (o) => o.municipalityCode === '5033',
    )!;
    const inviter = await newJourney(browser, { baseUrl: app.baseUrl });
    try {
      await signIn(inviter.page, admin.email, admin.password);
      await inviter.page.goto(`/organisasjoner/${tydal.id}`);
      await waitForHydration(inviter.page);
      const form = inviter.page.getByRole('region', { name: text('nb', 'invite.heading') });
      await form.getByLabel(text('nb', 'field.email')).fill(coordinator.email);
      await form.getByLabel(text('nb', 'field.role')).selectOption('admin');
      await form.getByRole('button', { name: text('nb', 'invite.submit') }).click();
      await inviter.page.getByText(text('nb', 'invite.sentHeading')).waitFor();
      expect(await inviter.page.locator('#invite-link').count()).toBe(0);
      expect(await inviter.page.content()).not.toContain('/invitasjon/');
      await expectAccessible(inviter.page);
      expectNoProblems(inviter);
    } finally {
      await inviter.context.close();
    }

    const mail = await mailbox.waitFor(coordinator.email, new RegExp(text('nb', 'mail.invitation.subject', { organisation: '.+' })));
    person = await newJourney(browser, { baseUrl: app.baseUrl });
    const { page } = person;
    await page.goto(linkPath(mail, `${app.baseUrl}/invitasjon/`));
    await waitForHydration(page);
    await expectAccessible(page);
    await page.getByLabel(text('nb', 'field.name')).fill(coordinator.name);
    await page.getByLabel(text('nb', 'invitation.choosePassword')).fill(coordinator.password);
    await page.getByLabel(text('nb', 'field.repeatPassword')).fill(coordinator.password);
    await page.getByRole('button', { name: text('nb', 'invitation.submitNew') }).click();
    await page.waitForURL(/\/organisasjoner\//);
    expectNoProblems(person);
  });

  test('the coordinator chooses weekly digests, saves a search and follows a call with an announced deadline', async () => {
    const { page } = person;
    await page.goto('/konto');
    await waitForHydration(page);
    const section = page.getByRole('region', { name: text('nb', 'account.mailHeading') });
    await section.getByLabel(text('nb', 'mailPrefs.digest.weekly')).check();
    expect(await section.getByLabel(text('nb', 'mailPrefs.reminders')).isChecked()).toBe(true);
    await section.getByRole('button', { name: text('nb', 'mailPrefs.save') }).click();
    await section.getByRole('status').getByText(text('nb', 'mailPrefs.saved')).waitFor();
    await expectAccessible(page);
    const saved = await apiFromPage(page, 'POST', '/api/saved-searches', { name: 'Digitalisering', query: { theme: ['digitalisation'] } });
    expect(saved.status).toBe(201);

    // The platform administrator announces a call (the catalogue changes: news for the saved search).
    const editor = await newJourney(browser, { baseUrl: app.baseUrl });
    try {
      await signIn(editor.page, admin.email, admin.password);
      const detail = (await (await fetch(`${app.baseUrl}/api/schemes/${SCHEME}`)).json()) as SchemeDetail;
      const scheme = structuredClone(detail.scheme);
      scheme.calls.push({
        id: CALL,
        title: { nb: 'Utlysning med frist', nn: 'Utlysing med frist', en: 'Call with a deadline' },
        roundId: null,
        opensOn: null,
        deadline: { date: DEADLINE_DAY, time: '12:00', timeSourceId: scheme.sources[0]!.id },
        budgetNok: null,
        sourceIds: [scheme.sources[0]!.id],
      });
      const put = await apiFromPage(editor.page, 'PUT', `/api/schemes/${SCHEME}`, { scheme, baseVersion: detail.version });
      expect(put.status, put.body).toBe(200);
    } finally {
      await editor.context.close();
    }

    await page.goto(`/ordninger/${SCHEME}`);
    await waitForHydration(page);
    const slot = page.getByRole('region', { name: text('nb', 'pipeline.slot.heading') });
    await slot.getByLabel(text('nb', 'pipeline.field.call')).selectOption(CALL);
    await slot.getByLabel(text('nb', 'field.status')).selectOption('preparing');
    await slot.getByRole('button', { name: text('nb', 'pipeline.save') }).click();
    await slot
      .getByRole('status')
      .getByText(text('nb', 'pipeline.slot.saved', { target: 'Utlysning med frist', status: text('nb', 'pipelineStatus.preparing') }))
      .waitFor();
    await expectAccessible(page);
    expectNoProblems(person);
  });

  test('with the clock moved to Monday 07:30, a weekly digest and a deadline reminder arrive; the digest’s unsubscribe link works', async () => {
    // Nothing of the kind yet: the deadline is more than 14 days away and the weekly digest waits for Monday.
    expect(mailbox.received.filter((m) => m.to.includes(coordinator.email)).map((m) => m.subject)).toHaveLength(1);
    await app.stop();
    const report = await app.runJobs(osloTime(week.monday, '07:30'));
    expect(report.reminders).toBeGreaterThanOrEqual(1);
    expect(report.digests).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBe(0);
    await app.start();

    const reminder = await mailbox.waitFor(coordinator.email, /^Søknadsfrist /);
    expect(reminder.subject).toContain(text('nb', 'mail.when.days', { days: 13 }));
    expect(reminder.text).toContain('Utlysning med frist');
    const digest = await mailbox.waitFor(coordinator.email, /varsel i Varde$|varsler i Varde$/);
    expect(digest.text).toContain(text('nb', 'mail.digest.why.weekly'));
    expect(digest.text).toContain('DigiFin');

    const { page } = person;
    await page.goto(linkPath(digest, `${app.baseUrl}/avmelding/`));
    await waitForHeading(page, text('nb', 'unsubscribe.heading'));
    await waitForHydration(page);
    await expectAccessible(page);
    await page.getByRole('button', { name: text('nb', 'unsubscribe.submit') }).click();
    await page.getByRole('status').getByText(text('nb', 'unsubscribe.done.digest')).waitFor();
    await expectAccessible(page);
    await page.goto('/konto');
    await waitForHydration(page);
    expect(await page.getByLabel(text('nb', 'mailPrefs.digest.never')).isChecked()).toBe(true);
    expectNoProblems(person);
    await person.context.close();
  }, 240_000);

  test('a password reset by e-mail', async () => {
    const journey = await newJourney(browser, { baseUrl: app.baseUrl });
    const { page } = journey;
    try {
      await page.goto('/logg-inn');
      await waitForHydration(page);
      await page.getByRole('link', { name: text('nb', 'login.forgotPassword') }).click();
      await waitForHeading(page, text('nb', 'forgot.heading'));
      await waitForHydration(page);
      await page.getByLabel(text('nb', 'field.email')).fill(coordinator.email);
      await page.getByRole('button', { name: text('nb', 'forgot.submit') }).click();
      await page
        .getByRole('status')
        .getByText(text('nb', 'forgot.sent', { email: coordinator.email }))
        .waitFor();
      await expectAccessible(page);

      const mail = await mailbox.waitFor(coordinator.email, new RegExp(`^${text('nb', 'mail.reset.subject')}$`));
      await page.goto(linkPath(mail, `${app.baseUrl}/nytt-passord/`));
      await waitForHeading(page, text('nb', 'reset.heading'));
      await waitForHydration(page);
      await expectAccessible(page);
      await page.getByLabel(text('nb', 'field.newPassword')).fill(coordinator.newPassword);
      await page.getByLabel(text('nb', 'field.repeatPassword')).fill(coordinator.newPassword);
      await page.getByRole('button', { name: text('nb', 'reset.submit') }).click();
      await page.getByRole('status').getByText(text('nb', 'reset.done')).waitFor();
      await expectAccessible(page);

      await page.getByRole('link', { name: text('nb', 'reset.signIn') }).click();
      await waitForHeading(page, text('nb', 'login.heading'));
      await signIn(page, coordinator.email, coordinator.newPassword);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });
});
