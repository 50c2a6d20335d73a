/**
 * A coordinator's home on a laptop (1280 px) and a phone (360 px): a visitor asking for /min-kommune
 * is sent to sign in and comes back; the home shows the municipality's work, the header links to it, a
 * member of two municipalities switches and the choice is remembered on the server; from there the
 * pipeline, the deadlines filtered to the municipality and its calendar subscription. Sign-in without
 * JavaScript (a real form post, errors on the page). The platform administrator searches organisations
 * by name and number and pages the list. Screenshots of the home and /admin are kept in test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newJourney } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

const FROYA = { code: '5014', name: 'Frøya' };
const HITRA = { code: '5056', name: 'Hitra' };
const EMAIL = 'koordinator@froya.example.org';
const NAME = 'Frida Frøya';
const PASSWORD = 'e2e-home-password-123';
const SCREENSHOTS = 'test-results';
const WIDTHS = [1280, 360] as const;

let browser: Browser;
const organisationIds = new Map<string, string>();

/** Signs in over the API: a function that sends JSON with the session and its CSRF token. */
async function session(email: string, password: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const organisations = (await (await fetch(`${baseUrl()}/api/organisations?type=municipality`)).json()) as { id: string; municipalityCode: string }[];
  for (const o of organisations) organisationIds.set(o.municipalityCode, o.id);
  // The coordinator is a member of Frøya and of Hitra (invited by the platform administrator).
  const admin = await session(inject('adminEmail'), inject('adminPassword'));
  for (const [index, code] of [FROYA.code, HITRA.code].entries()) {
    const invitation = await admin('POST', `/api/organisations/${organisationIds.get(code)}/invitations`, { email: EMAIL, role: 'admin' });
    const { acceptUrl } = (await invitation.json()) as { acceptUrl: string };
    const accepted = await fetch(`${baseUrl()}/api${new URL(acceptUrl).pathname.replace('/invitasjon/', '/invitations/')}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(index === 0 ? { name: NAME, password: PASSWORD } : { password: PASSWORD }),
    });
    expect(accepted.status).toBe(200);
  }
  // Something on Hitra's board, so the home has counts to show.
  const member = await session(EMAIL, PASSWORD);
  const saved = await member('PUT', `/api/organisations/${organisationIds.get(HITRA.code)}/pipeline`, { schemeId: 'prosjektskjonn', status: 'interested' });
  expect(saved.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
});

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel(text('nb', 'field.email'), { exact: true }).fill(email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
}

const homeHeading = (municipality: string) => text('nb', 'home.mine.heading', { municipality });

async function checkPage(page: Page, shot?: string) {
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  if (shot) await page.screenshot({ path: `${SCREENSHOTS}/${shot}.png`, fullPage: true });
}

describe.each(WIDTHS)('a coordinator at %i px', (width) => {
  test('signs in to /min-kommune, switches municipality, then the pipeline, the deadlines and the calendar', { timeout: 120_000 }, async () => {
    const journey = await newJourney(browser, { width });
    const { page } = journey;
    try {
      // A visitor is sent to sign in, and comes back.
      await page.goto('/min-kommune');
      await page.waitForURL((url) => url.pathname === '/logg-inn' && url.searchParams.get('neste') === '/min-kommune');
      await waitForHydration(page);
      await fillSignIn(page, EMAIL, PASSWORD);
      await page.waitForURL((url) => url.pathname === '/min-kommune');
      await waitForHydration(page);
      // Two municipalities, none chosen yet (first run) or the one chosen last: either way one of the two, with a switcher.
      const switcher = page.getByRole('navigation', { name: text('nb', 'home.mine.switchLabel') });
      await switcher.waitFor();
      await switcher.getByRole('link', { name: HITRA.name }).click();
      await page.waitForURL((url) => url.searchParams.has('organisasjon'));
      await waitForHeading(page, homeHeading(HITRA.name));
      expect(await switcher.getByRole('link', { name: HITRA.name }).getAttribute('aria-current')).toBe('page');
      // The header links to the home, marked as the current page.
      const headerLink = page.getByRole('banner').getByRole('link', { name: text('nb', 'nav.myMunicipality') });
      expect(await headerLink.getAttribute('aria-current')).toBe('page');
      for (const key of ['home.mine.schemesHeading', 'home.mine.pipelineHeading', 'home.mine.needsHeading'] as const) {
        await page.getByRole('heading', { level: 2, name: text('nb', key) }).waitFor();
      }
      await page
        .getByRole('region', { name: text('nb', 'home.mine.pipelineHeading'), exact: true })
        .getByText(text('nb', 'pipelineStatus.interested'))
        .waitFor();
      await checkPage(page, `home-${width}`);

      // The choice is remembered: the header's link now opens Hitra.
      await headerLink.click();
      await page.waitForURL((url) => url.pathname === '/min-kommune' && !url.searchParams.has('organisasjon'));
      await waitForHeading(page, homeHeading(HITRA.name));

      // The pipeline at a glance leads to the board.
      await page.getByRole('link', { name: text('nb', 'home.mine.pipelineMore') }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/pipeline'));
      await waitForHeading(page, text('nb', 'pipeline.heading', { organisation: HITRA.name }));
      await checkPage(page);

      // Back home, then the deadlines filtered to Hitra, and its calendar subscription.
      await page.goBack();
      await waitForHeading(page, homeHeading(HITRA.name));
      await page.getByRole('link', { name: text('nb', 'home.mine.deadlinesMore') }).click();
      await page.waitForURL((url) => url.pathname === '/frister' && url.searchParams.get('municipality') === HITRA.code);
      await waitForHeading(page, text('nb', 'deadlines.heading'));
      await page.getByRole('heading', { name: text('nb', 'deadlines.subscribe.heading') }).waitFor();
      const webcal = page.locator('a[href^="webcal:"]').first();
      expect(await webcal.getAttribute('href')).toContain(HITRA.code);
      await checkPage(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });
});

describe('sign-in without JavaScript', () => {
  test('a wrong password is shown on the page; the right one lands on the municipality chosen last', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser, { javaScriptEnabled: false, width: 360 });
    const { page } = journey;
    try {
      await page.goto('/logg-inn');
      await waitForHeading(page, text('nb', 'login.heading'));
      await fillSignIn(page, EMAIL, 'feil-passord-123');
      await page.waitForURL((url) => url.pathname === '/logg-inn' && url.searchParams.get('feil') === 'invalid_credentials');
      await page.getByRole('main').getByText(text('nb', 'error.invalid_credentials')).waitFor();
      await checkPage(page, 'login-error-nojs-360');

      await fillSignIn(page, '', '');
      await page.getByRole('link', { name: text('nb', 'validation.required', { field: text('nb', 'field.email') }) }).waitFor();
      expect(await page.getByLabel(text('nb', 'field.password'), { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await checkPage(page);

      await fillSignIn(page, EMAIL, PASSWORD);
      await page.waitForURL((url) => url.pathname === '/min-kommune');
      // Hitra was chosen last (in the journeys above), and that choice lives on the server.
      await waitForHeading(page, homeHeading(HITRA.name));
      await checkPage(page);
      expectNoProblems(journey, [401]);
    } finally {
      await journey.context.close();
    }
  });
});

describe.each(WIDTHS)('the platform administrator at %i px', (width) => {
  test('searches organisations by name and by municipality number, and pages the list', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser, { width });
    const { page } = journey;
    try {
      await page.goto('/logg-inn?neste=%2Fadmin');
      await waitForHydration(page);
      await fillSignIn(page, inject('adminEmail'), inject('adminPassword'));
      await page.waitForURL((url) => url.pathname === '/admin');
      await waitForHeading(page, text('nb', 'admin.heading'));
      await waitForHydration(page);
      const organisations = page.getByRole('region', { name: text('nb', 'admin.organisationsHeading'), exact: true });
      const pages = page.getByRole('navigation', { name: text('nb', 'admin.organisationPages') });
      await pages.waitFor();
      await checkPage(page, `admin-${width}`);

      await pages.getByRole('link', { name: text('nb', 'finder.nextPage') }).click();
      await page.waitForURL((url) => url.searchParams.get('page') === '2');
      // The address changes before the next page has rendered: wait for the list to mark its page.
      await expect
        .poll(() => pages.getByRole('link', { name: text('nb', 'finder.pageNumber', { page: 2 }), exact: true }).getAttribute('aria-current'))
        .toBe('page');

      const search = organisations.getByRole('searchbox', { name: text('nb', 'admin.searchOrganisations') });
      await search.fill('hitra');
      await organisations.getByRole('button', { name: text('nb', 'admin.filterSubmit') }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'hitra' && !url.searchParams.has('page'));
      await organisations.getByRole('link', { name: HITRA.name, exact: true }).waitFor();
      await expect.poll(() => organisations.locator('tbody tr').count()).toBe(1);
      await checkPage(page);

      await search.fill(FROYA.code);
      await organisations.getByRole('button', { name: text('nb', 'admin.filterSubmit') }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === FROYA.code);
      await organisations.getByRole('link', { name: FROYA.name, exact: true }).waitFor();
      await expect.poll(() => organisations.locator('tbody tr').count()).toBe(1);

      // Frøya's page: the coordinator is its only administrator, so no "make member" is offered; the invitations fit.
      await organisations.getByRole('link', { name: FROYA.name, exact: true }).click();
      await waitForHeading(page, FROYA.name);
      const members = page.getByRole('region', { name: text('nb', 'members.caption') });
      await members.getByText(text('nb', 'members.onlyAdmin')).waitFor();
      expect(await members.getByRole('button', { name: new RegExp(text('nb', 'members.makeMember')) }).count()).toBe(0);
      await checkPage(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });
});
