/**
 * Participation mapping. An analyst (not signed in) filters /kartlegging to centrality classes 5–6
 * with the GET form, and sees the rate table and the map from the shipped records with what they
 * cover stated; the map's regions are focusable links named with their value, with a tooltip, and
 * the county filter zooms the map. The same page works before JavaScript. A regional adviser sees
 * the municipalities of their county with only the shared pipelines; the sharing setting is the
 * municipality's own. axe on every step, at 1280 and 360 px; screenshots in test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newJourney } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, textPattern, waitForHeading, waitForHydration } from './support/journey';

const SCREENSHOTS = 'test-results';
const runId = Date.now().toString(36);
/** Nordland: its municipalities, two of which get a member each below. */
const COUNTY = '18';
const adviser = { name: 'Aud Rådgiver', email: `aud.${runId}@nordland.example.org`, password: 'lofoten-og-vesteralen-2024' };
const sharing = { code: '1856', name: 'Røst', email: `rost.${runId}@example.org`, password: 'rost-kommune-deler-2024' };
const private_ = { code: '1857', name: 'Værøy', email: `varoy.${runId}@example.org`, password: 'varoy-kommune-deler-ikke' };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in through the API and returns headers for further calls as that user. */
async function apiSession(email: string, password: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/** The platform administrator invites a person to an organisation; the person accepts. */
async function addMember(
  admin: Record<string, string>,
  organisationId: string,
  person: { name: string; email: string; password: string },
  role: 'admin' | 'member',
) {
  const invitation = await fetch(`${baseUrl()}/api/organisations/${organisationId}/invitations`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ email: person.email, role }),
  });
  expect(invitation.ok).toBe(true);
  const { acceptUrl } = (await invitation.json()) as { acceptUrl: string };
  const token = new URL(acceptUrl).pathname.split('/').pop()!;
  const accepted = await fetch(`${baseUrl()}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: person.name, password: person.password }),
  });
  expect(accepted.status).toBe(200);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email'), { exact: true }).fill(email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

const rateTable = (page: Page) => page.getByRole('region', { name: text('nb', 'analytics.schemes.caption') });

describe('participation mapping', () => {
  for (const width of [1280, 360]) {
    test(`an analyst filters to classes 5–6 and sees the rates and the map from the real records, with what they cover (${width} px)`, async () => {
      const journey = await newJourney(browser, { width });
      const { page } = journey;
      await page.goto('/kartlegging');
      await waitForHeading(page, text('nb', 'analytics.heading'));
      await waitForHydration(page);
      await expectAccessible(page);

      // The GET form: tick classes 5 and 6 and submit.
      await page.getByRole('checkbox', { name: text('nb', 'centrality.option', { class: 5, label: text('nb', 'centrality.class5') }), exact: true }).check();
      await page.getByRole('checkbox', { name: text('nb', 'centrality.option', { class: 6, label: text('nb', 'centrality.class6') }), exact: true }).check();
      await page.getByRole('button', { name: text('nb', 'analytics.submit') }).click();
      await page.waitForURL((url) => url.searchParams.getAll('klasse').join() === '5,6');
      await page.getByRole('status').getByText(textPattern('nb', 'analytics.summary')).waitFor();

      // The rate table: each scheme's rate, only classes 5 and 6 as columns, the total last.
      const table = rateTable(page);
      await table.waitFor();
      // The router renders the new answer just after the address changes.
      await expect.poll(() => table.getByRole('columnheader').allTextContents()).not.toContain(text('nb', 'analytics.col.classRate', { class: 1 }));
      const headers = await table.getByRole('columnheader').allTextContents();
      expect(headers).toContain(text('nb', 'analytics.col.classRate', { class: 5 }));
      expect(headers).toContain(text('nb', 'analytics.col.classRate', { class: 6 }));
      expect(headers).not.toContain(text('nb', 'analytics.col.classRate', { class: 1 }));
      expect(await table.getByRole('rowheader').count()).toBeGreaterThan(3);
      await table.getByRole('rowheader', { name: text('nb', 'analytics.overall') }).waitFor();
      // What the numbers cover, under the table and in full; example data is off.
      await page.getByText(textPattern('nb', 'analytics.coverage.summary')).waitFor();
      expect(await page.getByRole('link', { name: text('nb', 'analytics.coverage.link') }).count()).toBeGreaterThan(5);
      expect(await page.getByText(text('nb', 'participation.exampleNoticeHeading')).count()).toBe(0);
      expect(await page.getByRole('link', { name: /CSV/ }).first().getAttribute('href')).toMatch(/^\/api\/open-data\/tables\/schemes\.csv\?class=5&class=6/);

      // The map: 212 municipalities of classes 5–6 as named links; the rest grey and out of the tab order.
      const map = page.getByRole('group', { name: textPattern('nb', 'analytics.map.caption') });
      await map.waitFor();
      const regions = map.getByRole('link');
      expect(await regions.count()).toBe(212);
      const first = regions.first();
      expect(await first.getAttribute('aria-label')).toMatch(/^.+: \d+ ordninger$/);
      await first.focus();
      await page.locator('.region-map__tip').waitFor();
      expect(await page.locator('.region-map__tip').textContent()).toBe(await first.getAttribute('aria-label'));
      await page.locator('.region-map').screenshot({ path: `${SCREENSHOTS}/mapping-map-focus-${width}.png` });
      // A chart's bars are reached with the keyboard too, drawn with a focus outline.
      const bar = page.locator('.bar-chart .chart-mark').first();
      await bar.focus();
      expect(await bar.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      await page.screenshot({ path: `${SCREENSHOTS}/mapping-classes-5-6-${width}.png`, fullPage: true });

      // The county filter zooms the map to the county; another measure keeps the filter.
      const wholeViewBox = await map.getAttribute('viewBox');
      await page.getByLabel(text('nb', 'analytics.county'), { exact: true }).selectOption(COUNTY);
      await page.getByRole('button', { name: text('nb', 'analytics.submit') }).click();
      await page.waitForURL((url) => url.searchParams.get('fylke') === COUNTY);
      await page.getByRole('status').getByText(textPattern('nb', 'analytics.summary')).waitFor();
      await expect.poll(() => map.getAttribute('viewBox')).not.toBe(wholeViewBox);
      await page.getByRole('link', { name: text('nb', 'analytics.measure.gap') }).click();
      await page.waitForURL((url) => url.searchParams.get('kart') === 'gap' && url.searchParams.get('fylke') === COUNTY);
      await page.getByText(text('nb', 'analytics.legend.gap3')).waitFor();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      await page.screenshot({ path: `${SCREENSHOTS}/mapping-nordland-gap-${width}.png`, fullPage: true });
      expectNoProblems(journey);
      await journey.context.close();
    });
  }

  test('works before JavaScript: the form, the tables and the map are in the page', async () => {
    const journey = await newJourney(browser, { javaScriptEnabled: false });
    const { page } = journey;
    await page.goto('/kartlegging?klasse=5&klasse=6');
    await waitForHeading(page, text('nb', 'analytics.heading'));
    await rateTable(page).waitFor();
    expect(await page.locator('.region-map__region').count()).toBe(212);
    await expectAccessible(page);
    // The open data page documents every field.
    await page.goto('/apne-data');
    await waitForHeading(page, text('nb', 'openData.heading'));
    expect(await page.getByRole('cell', { name: text('nb', 'openData.field.source_url') }).count()).toBe(1);
    await expectAccessible(page);
    await journey.context.close();
  });

  test('an adviser sees the municipalities of their county and only the pipelines they share', async () => {
    const admin = await apiSession(inject('adminEmail'), inject('adminPassword'));
    // Nordland's county authority with its adviser; two municipalities with an administrator each.
    const created = await fetch(`${baseUrl()}/api/organisations`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ type: 'county_authority', name: `Nordland fylkeskommune ${runId}`, countyCode: COUNTY }),
    });
    const region = (await created.json()) as { id: string };
    await addMember(admin, region.id, adviser, 'member');
    const orgOf = async (code: string) =>
      ((await (await fetch(`${baseUrl()}/api/municipalities/${code}`)).json()) as { organisationId: string }).organisationId;
    const sharingOrg = await orgOf(sharing.code);
    const privateOrg = await orgOf(private_.code);
    await addMember(admin, sharingOrg, sharing, 'admin');
    await addMember(admin, privateOrg, private_, 'admin');

    // Røst's administrator turns sharing on in the organisation page (it is off by default).
    const municipal = await newJourney(browser);
    await signIn(municipal.page, sharing.email, sharing.password);
    await municipal.page.goto(`/organisasjoner/${sharingOrg}`);
    await waitForHydration(municipal.page);
    await municipal.page.getByText(text('nb', 'sharing.off')).waitFor();
    await municipal.page.getByLabel(text('nb', 'sharing.label')).check();
    await municipal.page.getByRole('button', { name: text('nb', 'sharing.save') }).click();
    await municipal.page.getByText(text('nb', 'sharing.saved')).waitFor();
    await municipal.page.getByText(text('nb', 'sharing.on')).waitFor();
    await expectAccessible(municipal.page);
    expectNoProblems(municipal);
    await municipal.context.close();
    // Værøy says nothing: not shared.
    const varoy = await apiSession(private_.email, private_.password);
    expect(
      ((await (await fetch(`${baseUrl()}/api/organisations/${privateOrg}/sharing`, { headers: varoy })).json()) as { sharePipelineWithAdvisers: boolean })
        .sharePipelineWithAdvisers,
    ).toBe(false);

    for (const width of [1280, 360]) {
      const journey = await newJourney(browser, { width });
      const { page } = journey;
      await signIn(page, adviser.email, adviser.password);
      await page.getByRole('link', { name: text('nb', 'nav.region') }).click();
      await waitForHeading(page, text('nb', 'region.titleFor', { name: `Nordland fylkeskommune ${runId}` }));
      await page.getByRole('heading', { name: text('nb', 'region.callList.heading') }).waitFor();
      await page.getByRole('heading', { name: text('nb', 'region.deadlines.heading') }).waitFor();
      const table = page.getByRole('region', { name: text('nb', 'region.municipalities.caption') });
      const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await expect.poll(() => rowOf(sharing.name).getByText(text('nb', 'region.shares'), { exact: true }).count()).toBe(1);
      expect(await rowOf(private_.name).getByText(text('nb', 'region.notShared'), { exact: true }).count()).toBe(1);
      // Nothing of a pipeline is said for a municipality that does not share it.
      const privateRow = (await rowOf(private_.name).textContent()) ?? '';
      for (const status of ['interested', 'preparing', 'applied', 'granted'] as const) expect(privateRow).not.toContain(text('nb', `pipelineStatus.${status}`));
      expect(privateRow).not.toContain(text('nb', 'sharedState.shared_active'));
      await page.getByText(text('nb', 'region.privacy')).waitFor();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      await page.screenshot({ path: `${SCREENSHOTS}/mapping-region-${width}.png`, fullPage: true });
      expectNoProblems(journey);
      await journey.context.close();
    }
  });
});
