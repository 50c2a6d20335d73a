/**
 * Norwegian search in the solution library (issue 17, ADR 014), on the built app with example
 * solutions (EXAMPLE_DATA=on) and a real SMTP server on loopback for the invitation: a member of
 * Suldal (a nynorsk municipality, so the pages are in nynorsk) searches "løysing for heimetenesta"
 * and finds a bokmål solution about "løsning for hjemmetjenesten", the matched words marked in its
 * title and snippet; "teknologi" finds a solution about "velferdsteknologi"; a filter and an order
 * are chosen in the same form; the search works without JavaScript. axe on every step; screenshots
 * at 360 and 1280 px in test-results/.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launchBrowser, newJourney } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';
import { linkPath, startMailbox } from './support/mail-server';

const SCREENSHOTS = 'test-results';
const root = resolve(import.meta.dirname, '..');
const runId = Date.now().toString(36);
const admin = { email: 'plattform-sok@example.org', password: 'e2e-admin-password-123' };
const member = { name: 'Sigrid Suldal', email: `sigrid.${runId}@suldal.example.org`, password: 'suldalsosen-og-sand-2024' };

let browser: Browser;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let server: ChildProcess | null = null;
let dir: string;
let baseUrl: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** The built app on its own data, with example solutions made by the CLI before it starts. */
async function startApp() {
  dir = mkdtempSync(join(tmpdir(), 'varde-e2e-search-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATA_DIR: join(dir, 'db'),
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    SMTP_URL: mailbox.url,
    MAIL_FROM: 'Varde <varde@example.org>',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    LOGIN_RATE_LIMIT: '1000',
    EXAMPLE_DATA: 'on',
  };
  const cli = (...args: string[]) => execFileSync(process.execPath, [join(root, 'apps/server/dist/cli.js'), ...args], { cwd: root, env, encoding: 'utf8' });
  cli('create-admin', '--email', admin.email, '--name', 'Plattform Admin', '--password', admin.password);
  cli('example-data', '--seed', '4', '--count', '0', '--solutions', '250');
  server = spawn(process.execPath, [join(root, 'apps/server/dist/server.js')], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The server did not become ready within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The platform administrator invites the member through the API; the invitation arrives by mail and is accepted. */
async function invite(organisationCode: string, person: { name: string; email: string; password: string }) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const organisations = (await (await fetch(`${baseUrl}/api/organisations?type=municipality`)).json()) as { id: string; municipalityCode: string }[];
  const organisation = organisations.find((o) => o.municipalityCode === organisationCode)!;
  const created = await fetch(`${baseUrl}/api/organisations/${organisation.id}/invitations`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, role: 'member' }),
  });
  expect(created.status).toBe(201);
  const mail = await mailbox.waitFor(person.email, /./);
  const token = linkPath(mail, `${baseUrl}/invitasjon/`).split('/').pop()!;
  const accepted = await fetch(`${baseUrl}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: person.name, password: person.password }),
  });
  expect(accepted.status).toBe(200);
}

async function signIn(page: Page) {
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email')).fill(member.email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(member.password);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

/** The page at 1280 px (whole) and at 360 px (whole, no sideways scroll), back at 1280 after. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/search-${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SCREENSHOTS}/search-${name}-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The search hits: each hit's heading text, its language and its marked words (title and snippet). */
function hitsOf(page: Page) {
  return page.locator('article.solution-card').evaluateAll((cards) =>
    cards.map((card) => {
      const heading = card.querySelector('h3')!;
      return {
        title: heading.textContent ?? '',
        lang: heading.getAttribute('lang'),
        titleMarks: [...heading.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
        snippetMarks: [...card.querySelectorAll('p mark')].map((m) => m.textContent ?? ''),
      };
    }),
  );
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  mailbox = await startMailbox();
  await startApp();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  await mailbox?.close();
});

describe('solution search', () => {
  test('set-up: a member of Suldal, invited by e-mail', async () => {
    await invite('1134', member);
  }, 120_000);

  test('a member of a nynorsk municipality searches in nynorsk and finds a bokmål solution, the matched words marked', async () => {
    const journey = await newJourney(browser, { baseUrl });
    const { page } = journey;
    try {
      await signIn(page);
      await page.goto('/losninger');
      await waitForHeading(page, text('nn', 'library.heading'));
      await waitForHydration(page);
      await expectAccessible(page);

      const form = page.getByRole('search', { name: text('nn', 'search.label') });
      await form.getByRole('searchbox', { name: text('nn', 'search.label') }).fill('løysing for heimetenesta');
      await form.getByRole('button', { name: text('nn', 'search.submit') }).click();
      await page.waitForURL((url) => url.searchParams.get('sok') === 'løysing for heimetenesta');
      await page.getByRole('heading', { level: 2, name: text('nn', 'search.resultsHeading') }).waitFor();
      await waitForHydration(page);
      const hits = await hitsOf(page);
      // A bokmål solution (its heading marked as such on a nynorsk page) whose title and snippet mark the bokmål forms of both words.
      const marked = (h: (typeof hits)[number]) => [...h.titleMarks, ...h.snippetMarks].map((m) => m.toLowerCase());
      const bokmal = hits.find((h) => h.lang === 'nb' && marked(h).some((m) => m.startsWith('løsning')) && marked(h).includes('hjemmetjenesten'));
      expect(bokmal, JSON.stringify(hits.slice(0, 5))).toBeDefined();
      await expectAccessible(page);
      await screenshots(page, 'nynorsk-query');

      // A filter and an order in the same form; the search words stay.
      await page.getByLabel(text('nn', 'field.sort')).selectOption('newest');
      await page.getByLabel(text('nn', 'field.theme')).selectOption('health_care');
      await page.getByRole('button', { name: text('nn', 'search.apply') }).click();
      await page.waitForURL((url) => url.searchParams.get('sortering') === 'newest' && url.searchParams.get('tema') === 'health_care');
      await waitForHydration(page);
      expect(await page.getByRole('searchbox', { name: text('nn', 'search.label') }).inputValue()).toBe('løysing for heimetenesta');
      expect((await hitsOf(page)).length).toBeGreaterThan(0);
      await expectAccessible(page);

      // A part of a compound word.
      await page.getByRole('link', { name: text('nn', 'search.clear') }).click();
      await page.waitForURL((url) => url.pathname === '/losninger' && !url.search);
      await page.getByRole('searchbox', { name: text('nn', 'search.label') }).fill('teknologi');
      await page.getByRole('button', { name: text('nn', 'search.submit') }).click();
      await page.waitForURL((url) => url.searchParams.get('sok') === 'teknologi');
      await page.getByRole('heading', { level: 2, name: text('nn', 'search.resultsHeading') }).waitFor();
      const compound = await hitsOf(page);
      expect(compound.some((h) => h.titleMarks.some((m) => /velferdsteknologi/i.test(m)))).toBe(true);
      await expectAccessible(page);
      await screenshots(page, 'compound');
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  }, 180_000);

  test('the search works without JavaScript', async () => {
    const journey = await newJourney(browser, { baseUrl, javaScriptEnabled: false });
    const { page } = journey;
    try {
      await page.goto('/losninger?lang=nn');
      await page.getByRole('searchbox', { name: text('nn', 'search.label') }).fill('kvardagsrehabilitering');
      await page.getByRole('button', { name: text('nn', 'search.submit') }).click();
      await page.waitForURL((url) => url.searchParams.get('sok') === 'kvardagsrehabilitering');
      const hits = await hitsOf(page);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.some((h) => h.titleMarks.length > 0 || h.snippetMarks.length > 0)).toBe(true);
      await expectAccessible(page);
    } finally {
      await journey.context.close();
    }
  }, 120_000);
});
