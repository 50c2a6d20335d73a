/**
 * The solution library, on the built app with a real SMTP server on loopback (mail must arrive): a
 * member of Suldal (a nynorsk municipality) drafts a solution in nynorsk, sees field errors named by
 * their visible labels and "not described yet" for what was left empty, and uploads a document (a
 * file of the wrong type is refused); Suldal's administrator publishes it; a member of Tydal asks
 * its contact (the mail arrives at the contact) and records that Tydal uses it; the spread map, its
 * table and both municipality pages show it. axe on every step; screenshots at 360 and 1280 px in
 * test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launchBrowser, newJourney, type Journey } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, textPattern, waitForHeading, waitForHydration } from './support/journey';
import { linkPath, startApp, startMailbox } from './support/mail-server';

const SCREENSHOTS = 'test-results';
const runId = Date.now().toString(36);
const admin = { email: 'plattform-losning@example.org', password: 'e2e-admin-password-123' };
const drafter = { name: 'Siri Suldal', email: `siri.${runId}@suldal.example.org`, password: 'sauda-og-suldal-2024' };
const suldalAdmin = { name: 'Sverre Suldal', email: `sverre.${runId}@suldal.example.org`, password: 'suldalsvatnet-2024' };
const asker = { name: 'Tora Tydal', email: `tora.${runId}@tydal.example.org`, password: 'stugusjoen-og-nea-2024' };
const TITLE = `Digitalt tilsyn i heimetenesta ${runId}`;
const SUBJECT = 'Korleis kom de i gang?';
const YEAR = new Date().getFullYear();

let browser: Browser;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let app: Awaited<ReturnType<typeof startApp>>;
let solutionPath: string;

/** The platform administrator invites someone through the API; the invitation arrives by mail and is accepted. */
async function invite(organisationCode: string, person: { name: string; email: string; password: string }, role: 'member' | 'admin') {
  const login = await fetch(`${app.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const organisations = (await (await fetch(`${app.baseUrl}/api/organisations?type=municipality`)).json()) as { id: string; municipalityCode: string }[];
  const organisation = organisations.find((o) => o.municipalityCode === organisationCode)!;
  const created = await fetch(`${app.baseUrl}/api/organisations/${organisation.id}/invitations`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, role }),
  });
  expect(created.status).toBe(201);
  const mail = await mailbox.waitFor(person.email, /./);
  const token = linkPath(mail, `${app.baseUrl}/invitasjon/`).split('/').pop()!;
  const accepted = await fetch(`${app.baseUrl}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: person.name, password: person.password }),
  });
  expect(accepted.status).toBe(200);
}

async function signIn(page: Page, person: { email: string; password: string }) {
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email')).fill(person.email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(person.password);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

/**
 * Elements that reach past the right edge of a 360 px viewport while their parent does not (where the
 * overflow starts), outside containers that scroll on their own (wide tables): what would make the
 * page scroll sideways.
 */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
      .filter((el) => {
        for (let up = el.parentElement; up; up = up.parentElement) if (scrolls(up)) return false;
        return true;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}" (${Math.round(el.getBoundingClientRect().right)} px)`);
  });
}

/** The page at 1280 px (whole) and at 360 px in screen-high slices, back at 1280 after. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/solutions-${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  const wide = await overflowing(page);
  expect(wide, `sideways scroll at 360 px on ${page.url()}`).toEqual([]);
  await expectNoHorizontalScroll(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; y < height; y += 1200, i++) {
    await page.screenshot({
      path: `${SCREENSHOTS}/solutions-${name}-360-${i}.png`,
      fullPage: true,
      clip: { x: 0, y, width: 360, height: Math.min(1200, height - y) },
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  mailbox = await startMailbox();
  app = await startApp({ smtpUrl: mailbox.url, admin });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await mailbox?.close();
});

describe('solution library', () => {
  test('set-up: two members of Suldal (one an administrator) and one of Tydal, invited by e-mail', async () => {
    await invite('1134', drafter, 'member');
    await invite('1134', suldalAdmin, 'admin');
    await invite('5033', asker, 'member');
  }, 120_000);

  test('a member of a nynorsk municipality drafts a solution: errors by label, "not described yet", a document', async () => {
    const journey: Journey = await newJourney(browser, { baseUrl: app.baseUrl });
    const { page } = journey;
    try {
      await signIn(page, drafter);
      await page.goto('/losninger');
      await waitForHeading(page, text('nn', 'library.heading'));
      await waitForHydration(page);
      await expectAccessible(page);
      await screenshots(page, 'list');

      await page
        .getByRole('link', { name: text('nn', 'library.createLink') })
        .first()
        .click();
      await waitForHeading(page, text('nn', 'library.form.createTitle'));
      await waitForHydration(page);
      await expectAccessible(page);

      // Too long a summary: the counter says so, and the server's error names the field by its label.
      await page.getByLabel(text('nn', 'field.title'), { exact: true }).fill(TITLE);
      await page.getByLabel(text('nn', 'field.summary')).fill('x'.repeat(1001));
      await page.getByText(text('nn', 'library.counterOver', { count: 1 })).waitFor();
      await page.getByRole('button', { name: text('nn', 'library.form.createDraft') }).click();
      const tooLong = text('nn', 'validation.too_long', { field: text('nn', 'field.summary'), limit: 1000 });
      await page.getByRole('link', { name: tooLong }).waitFor();
      await expectAccessible(page);
      await screenshots(page, 'form-errors');

      await page.getByLabel(text('nn', 'field.summary')).fill('Tryggleiksalarm og digitalt tilsyn om natta for heimebuande.');
      await page.getByLabel(text('nn', 'field.problem')).fill('Nattevakta køyrde langt for å sjå til folk som sov trygt.');
      await page.getByLabel(text('nn', 'field.whatWasDone')).fill('Vi prøvde sensorar i ti heimar i eitt år saman med heimetenesta.');
      await page.getByLabel(text('nn', 'field.maturity')).selectOption('pilot');
      await page.getByLabel(text('nn', 'theme.health_care')).check();
      await page.getByLabel(text('nn', 'field.year'), { exact: true }).fill(String(YEAR - 1));
      // The scheme's calls are offered once the scheme is chosen (past ones too: it records what funded it).
      await page.getByLabel(text('nn', 'field.schemeId')).selectOption('helseteknologiordningen');
      await page.getByLabel(text('nn', 'field.callId')).selectOption('tilrettelegging-2024');
      await page.getByRole('button', { name: text('nn', 'library.form.createDraft') }).click();
      await page.waitForURL(/\/losninger\/[0-9a-f-]{36}$/);
      solutionPath = new URL(page.url()).pathname;
      await waitForHeading(page, TITLE);
      await waitForHydration(page);
      await page.getByText(text('nn', 'library.draftNotice')).waitFor();
      // Results were left empty: shown as not described, never guessed.
      const results = page.getByRole('region', { name: text('nn', 'library.field.results') });
      await results.getByText(text('nn', 'library.notDescribed')).waitFor();
      await expectAccessible(page);

      // A document: a PDF is taken; a program disguised as a PDF is refused by its content.
      const documents = page.getByRole('region', { name: text('nn', 'library.documentsHeading') });
      await documents.locator('#document-file').setInputFiles({
        name: '../../plan/tilsyn.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      });
      await documents.getByRole('button', { name: text('nn', 'library.upload') }).click();
      await documents.getByRole('status').getByText(textPattern('nn', 'library.documentUploaded')).waitFor();
      const uploaded = await documents.getByRole('link', { name: /tilsyn\.pdf/ }).textContent();
      expect(uploaded).not.toContain('/');
      await documents
        .locator('#document-file')
        .setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00this is not a pdf') });
      await documents.getByRole('button', { name: text('nn', 'library.upload') }).click();
      await documents.locator('#document-file-error').waitFor();
      // The refusal names the types that are taken.
      expect(await documents.locator('#document-file-error').textContent()).toContain('PDF');
      await expectAccessible(page);
      await screenshots(page, 'draft');

      // The saved call: the edit page, as the server renders it (no JavaScript needed), offers the scheme's calls with it chosen.
      const editHtml = await (await page.request.get(`${solutionPath}/rediger`)).text();
      expect(editHtml).toMatch(/<option value="tilrettelegging-2024" selected="">/);
      await page.goto(`${solutionPath}/rediger`);
      await waitForHydration(page);
      expect(await page.getByLabel(text('nn', 'field.callId')).inputValue()).toBe('tilrettelegging-2024');
      await expectAccessible(page);
      expectNoProblems(journey, [415, 400, 422]);
    } finally {
      await journey.context.close();
    }
  }, 180_000);

  test('its administrator publishes it', async () => {
    const journey = await newJourney(browser, { baseUrl: app.baseUrl });
    const { page } = journey;
    try {
      await signIn(page, suldalAdmin);
      await page.goto(solutionPath);
      await waitForHeading(page, TITLE);
      await waitForHydration(page);
      await expectAccessible(page);
      await page.getByLabel(text('nn', 'library.publishNote')).fill('Første versjon');
      await page.getByRole('button', { name: text('nn', 'library.publish') }).click();
      await page.getByText(text('nn', 'library.published')).waitFor();
      await page.getByRole('link', { name: text('nn', 'library.versionLabel', { version: 1 }) }).waitFor();
      expect(await page.getByText(text('nn', 'library.draftNotice')).count()).toBe(0);
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  }, 120_000);

  test('a member of another municipality asks its contact (the mail arrives), records adoption, and the map and municipality pages update', async () => {
    const journey = await newJourney(browser, { baseUrl: app.baseUrl });
    const { page } = journey;
    try {
      await signIn(page, asker);
      await page.goto(solutionPath);
      await waitForHeading(page, TITLE);
      await waitForHydration(page);
      await expectAccessible(page);

      const ask = page.getByRole('region', { name: text('nb', 'library.askHeading') });
      await ask.getByLabel(text('nb', 'field.subject')).fill(SUBJECT);
      await ask.getByLabel(text('nb', 'library.askBody')).fill('Vi vurderer det samme i Tydal. Hva kostet sensorene?');
      await ask.getByRole('button', { name: text('nb', 'library.askSubmit') }).click();
      await waitForHeading(page, SUBJECT);
      await waitForHydration(page);
      await page.getByText('Hva kostet sensorene?').waitFor();
      await expectAccessible(page);
      await screenshots(page, 'conversation');
      const mail = await mailbox.waitFor(drafter.email, textPattern('nn', 'mail.solution.question.subject', { title: TITLE }));
      expect(mail.text).toContain(TITLE);

      await page.goto(solutionPath);
      await waitForHydration(page);
      const adoption = page.getByRole('region', { name: text('nb', 'library.adoptionHeading') });
      await adoption.getByLabel(text('nb', 'library.adoptionState.uses')).check();
      await adoption.getByRole('button', { name: text('nb', 'library.adoptionSave') }).click();
      await adoption
        .getByRole('status')
        .getByText(text('nb', 'library.adoptionSaved', { municipality: 'Tydal', state: text('nb', 'library.adoptionState.uses') }))
        .waitFor();

      // The spread: Tydal is in this year's table and coloured on the map; the figures count it.
      const places = page.getByRole('region', { name: text('nb', 'library.spread.placesCaption', { year: YEAR }) });
      await places.getByRole('row', { name: /Tydal/ }).getByText(text('nb', 'library.spread.mark.uses')).waitFor();
      await places
        .getByRole('row', { name: /Suldal/ })
        .getByText(text('nb', 'library.spread.mark.owner'))
        .waitFor();
      await expect.poll(() => page.locator('svg.spread-map path.spread-uses').count()).toBe(1);
      expect(await page.locator('svg.spread-map path.spread-owner').count()).toBe(1);
      const adopters = page.getByRole('region', { name: text('nb', 'library.adoptersCaption') });
      await adopters.getByRole('link', { name: 'Tydal' }).waitFor();
      await expectAccessible(page);
      await screenshots(page, 'published');

      await page.goto('/kommuner/5033');
      await waitForHydration(page);
      await page
        .getByRole('region', { name: text('nb', 'library.municipality.usedCaption', { name: 'Tydal' }) })
        .getByRole('link', { name: TITLE })
        .waitFor();
      await expectAccessible(page);
      await screenshots(page, 'municipality-uses');

      await page.goto('/kommuner/1134');
      await waitForHydration(page);
      const shared = page.locator('section', { has: page.getByRole('heading', { name: text('nb', 'library.municipality.sharedHeading') }) });
      await shared.getByRole('link', { name: TITLE }).waitFor();
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  }, 180_000);

  test('the contact sees the question as unread and answers it', async () => {
    const journey = await newJourney(browser, { baseUrl: app.baseUrl });
    const { page } = journey;
    try {
      await signIn(page, drafter);
      await page.goto('/losninger/mine');
      await waitForHydration(page);
      await page.getByRole('link', { name: text('nn', 'library.newMessages') }).waitFor();
      await expectAccessible(page);
      await screenshots(page, 'mine');
      await page.getByRole('link', { name: SUBJECT }).click();
      await waitForHeading(page, SUBJECT);
      await waitForHydration(page);
      await page.getByLabel(text('nn', 'library.replyBody')).fill('Om lag 4 000 kroner per heim. Ring gjerne!');
      await page.getByRole('button', { name: text('nn', 'library.replySubmit') }).click();
      await page.getByText('Ring gjerne!').waitFor();
      await expectAccessible(page);
      await mailbox.waitFor(asker.email, textPattern('nb', 'mail.solution.question.subject', { title: TITLE }));
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  }, 120_000);
});
