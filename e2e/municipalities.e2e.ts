/**
 * A newcomer finds Tydal from the front page, reads it in nynorsk and walks on to a neighbour; the
 * list filters and sorting; the same search and pages without JavaScript; a 404 in the chosen
 * language; and the pages at 320 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launchBrowser, newJourney } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, textPattern, waitForHeading, waitForHydration } from './support/journey';

const TYDAL = '5033';
const TYDAL_LAND_NEIGHBOURS = ['5025', '5026', '5032', '5034'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The municipality list's table (a scrollable region named by its caption). */
const listTable = (page: Page) => page.getByRole('region', { name: text('nb', 'municipalities.tableCaption') });

/** The rows of the list as plain values, read from the table the user sees. */
async function listRows(page: Page) {
  return page.locator('table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '');
      return {
        name: cells[0] ?? '',
        code: cells[1] ?? '',
        county: cells[2] ?? '',
        population: Number((cells[3] ?? '').replace(/\D/g, '')),
        centrality: Number(cells[4] ?? ''),
      };
    }),
  );
}

/** The codes of the neighbours linked under one heading ("Felles grense på land"). */
async function neighbourCodes(page: Page, heading: string) {
  const section = page.getByRole('region', { name: heading });
  const hrefs = await section.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.replace('/kommuner/', '')).sort();
}

describe('municipalities', () => {
  test('a newcomer finds Tydal from the front page, switches to nynorsk and opens a neighbour', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser, { locale: 'nb-NO' });
    const { page } = journey;
    try {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      await waitForHydration(page);
      expect(await page.getAttribute('html', 'lang')).toBe('nb');
      await waitForHeading(page, text('nb', 'home.heading'));
      await expectAccessible(page);

      // Search from the front page: the form goes to the list, filtered by the name.
      const search = page.getByRole('search', { name: text('nb', 'home.searchHeading') });
      await search.getByLabel(text('nb', 'home.searchLabel')).fill('Tydal');
      await search.getByRole('button', { name: text('nb', 'common.search'), exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/kommuner' && url.searchParams.get('q') === 'Tydal');
      await waitForHeading(page, text('nb', 'municipalities.heading'));
      await listTable(page).getByRole('link', { name: 'Tydal' }).waitFor();
      expect((await listRows(page)).map((r) => r.code)).toEqual([TYDAL]);
      await page
        .getByRole('status')
        .filter({ hasText: textPattern('nb', 'municipalities.resultCount', { shown: 1 }) })
        .waitFor();
      expect(await page.getByLabel(text('nb', 'municipalities.searchLabel')).inputValue()).toBe('Tydal');
      await expectAccessible(page);

      await listTable(page).getByRole('link', { name: 'Tydal' }).click();
      await page.waitForURL(`**/kommuner/${TYDAL}`);
      await waitForHeading(page, 'Tydal');
      await expect.poll(() => page.title()).toBe(text('nb', 'layout.titleSuffix', { page: 'Tydal' }));
      // Focus moves to the new page's heading after a client-side navigation.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await page.getByRole('heading', { level: 2, name: text('nb', 'neighbours.heading') }).waitFor();
      expect(await neighbourCodes(page, text('nb', 'neighbours.land'))).toEqual(TYDAL_LAND_NEIGHBOURS);
      await expectAccessible(page);

      // The language switch in the header reloads the same page in nynorsk.
      const languages = page.getByRole('navigation', { name: text('nb', 'layout.languageNav') });
      expect(await languages.getByRole('link', { name: 'Bokmål' }).getAttribute('aria-current')).toBe('true');
      await languages.getByRole('link', { name: 'Nynorsk' }).click();
      await page.waitForURL((url) => url.pathname === `/kommuner/${TYDAL}` && url.searchParams.get('lang') === 'nn');
      await page.locator('html[lang="nn"]').waitFor({ state: 'attached' });
      await waitForHeading(page, 'Tydal');
      await page.getByRole('heading', { level: 2, name: text('nn', 'neighbours.heading') }).waitFor();
      await page.getByRole('link', { name: text('nn', 'municipality.backToList') }).waitFor();
      await page.getByText(text('nn', 'municipality.lead', { name: 'Tydal', county: 'Trøndelag' })).waitFor();
      expect(
        await page
          .getByRole('navigation', { name: text('nn', 'layout.languageNav') })
          .getByRole('link', { name: 'Nynorsk' })
          .getAttribute('aria-current'),
      ).toBe('true');
      await expectAccessible(page);

      // A neighbour on land: Holtålen. The language stays nynorsk on the client-side navigation.
      const land = page.getByRole('region', { name: text('nn', 'neighbours.land') });
      await land.getByRole('link', { name: 'Holtålen' }).click();
      await page.waitForURL('**/kommuner/5026');
      await waitForHeading(page, 'Holtålen');
      expect(await page.getAttribute('html', 'lang')).toBe('nn');
      await page.getByRole('heading', { level: 2, name: text('nn', 'neighbours.heading') }).waitFor();
      // …and Tydal is among Holtålen's neighbours.
      expect(await neighbourCodes(page, text('nn', 'neighbours.land'))).toContain(TYDAL);
      await expectAccessible(page);

      // A full load of a page later on keeps nynorsk (the choice is remembered in a cookie).
      await page.goto('/');
      await waitForHeading(page, text('nn', 'home.heading'));
      expect(await page.getAttribute('html', 'lang')).toBe('nn');
      await expectAccessible(page);

      // An unknown municipality: 404, in the chosen language, with ways on.
      const missing = await page.goto('/kommuner/9999');
      expect(missing?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe('nn');
      await waitForHeading(page, text('nn', 'errorPage.notFound.title'));
      await page.getByText(text('nn', 'errorPage.notFound.body')).waitFor();
      await page.getByRole('link', { name: text('nn', 'errorPage.toMunicipalities') }).waitFor();
      await expectAccessible(page);
      expectNoProblems(journey, [404]);
    } finally {
      await journey.context.close();
    }
  });

  test('filters by county, centrality and population, and sorts by population', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await page.goto('/kommuner');
      await waitForHeading(page, text('nb', 'municipalities.heading'));
      await waitForHydration(page);
      const all = await listRows(page);
      expect(all.length).toBeGreaterThan(300);
      await expectAccessible(page);
      // Unfiltered, the map stays a picture (no outlines downloaded) until a pointer reaches it.
      const map = page.locator('.map-figure');
      expect(await map.locator('svg.interactive-map').count()).toBe(0);
      await map.locator('img').hover();
      await map.locator('svg.interactive-map').waitFor();

      const filters = page.getByRole('search', { name: text('nb', 'municipalities.filtersLabel') });
      await filters.getByLabel(text('nb', 'municipalities.county')).selectOption('50');
      await filters.getByLabel(text('nb', 'municipalities.centrality')).selectOption('6');
      await filters.getByLabel(text('nb', 'municipalities.population')).selectOption({ label: text('nb', 'populationBand.lt2000') });
      await filters.getByRole('button', { name: text('nb', 'municipalities.showResults') }).click();
      await page.waitForURL(
        (url) => url.searchParams.get('county') === '50' && url.searchParams.get('centrality') === '6' && url.searchParams.get('population') === 'lt2000',
      );
      await expect.poll(async () => (await listRows(page)).length).toBeLessThan(all.length);

      const filtered = await listRows(page);
      expect(filtered.length).toBeGreaterThan(1);
      expect(filtered.map((r) => r.code)).toContain(TYDAL);
      for (const row of filtered) {
        expect(row.county).toBe('Trøndelag');
        expect(row.centrality).toBe(6);
        expect(row.population).toBeLessThan(2000);
      }
      await expect.poll(() => map.locator('svg.interactive-map path.hl').count()).toBe(filtered.length);
      const count = page.getByRole('status').filter({ hasText: textPattern('nb', 'municipalities.resultCount') });
      expect(await count.textContent()).toBe(text('nb', 'municipalities.resultCount', { shown: filtered.length, total: all.length }));
      await expectAccessible(page);

      // Sorting keeps the filters; the first click sorts ascending, the second descending.
      const populationHeader = listTable(page).getByRole('columnheader', { name: new RegExp(`^${text('nb', 'municipalities.column.population')}`) });
      await populationHeader.getByRole('link').click();
      await page.waitForURL((url) => url.searchParams.get('sort') === 'population' && url.searchParams.get('county') === '50');
      await expect.poll(() => populationHeader.getAttribute('aria-sort')).toBe('ascending');
      const ascending = (await listRows(page)).map((r) => r.population);
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      expect(ascending).toHaveLength(filtered.length);
      await expectAccessible(page);

      await populationHeader.getByRole('link').click();
      await page.waitForURL((url) => url.searchParams.get('sort') === '-population');
      await expect.poll(() => populationHeader.getAttribute('aria-sort')).toBe('descending');
      const descending = (await listRows(page)).map((r) => r.population);
      expect(descending).toEqual([...ascending].reverse());
      await expectAccessible(page);

      // A search that matches nothing says so, and offers to clear the search and filters.
      await filters.getByLabel(text('nb', 'municipalities.searchLabel')).fill('Finnes ikke');
      await filters.getByLabel(text('nb', 'municipalities.searchLabel')).press('Enter');
      await page.getByText(text('nb', 'municipalities.noResults')).waitFor();
      expect(await page.locator('table tbody tr').count()).toBe(0);
      expect(await filters.getByRole('link', { name: text('nb', 'municipalities.clearFilters') }).getAttribute('href')).toBe('/kommuner');
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('searching and reading a municipality work without JavaScript', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser, { javaScriptEnabled: false });
    const { page } = journey;
    try {
      await page.goto('/');
      await waitForHeading(page, text('nb', 'home.heading'));
      await expectAccessible(page);

      // The front page search is a plain GET form.
      const search = page.getByRole('search', { name: text('nb', 'home.searchHeading') });
      await search.getByLabel(text('nb', 'home.searchLabel')).fill('tyd');
      await search.getByRole('button', { name: text('nb', 'common.search'), exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/kommuner' && url.searchParams.get('q') === 'tyd');
      await waitForHeading(page, text('nb', 'municipalities.heading'));
      expect((await listRows(page)).map((r) => r.code)).toEqual([TYDAL]);
      await expectAccessible(page);

      // So is the list's own form, with the filters as query parameters (a shareable link).
      const filters = page.getByRole('search', { name: text('nb', 'municipalities.filtersLabel') });
      await filters.getByLabel(text('nb', 'municipalities.searchLabel')).fill(TYDAL);
      await filters.getByLabel(text('nb', 'municipalities.county')).selectOption('50');
      await filters.getByRole('button', { name: text('nb', 'municipalities.showResults') }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === TYDAL && url.searchParams.get('county') === '50');
      expect((await listRows(page)).map((r) => r.name)).toEqual(['Tydal']);
      await expectAccessible(page);

      await listTable(page).getByRole('link', { name: 'Tydal' }).click();
      await page.waitForURL(`**/kommuner/${TYDAL}`);
      await waitForHeading(page, 'Tydal');
      await page.getByText(text('nb', 'municipality.lead', { name: 'Tydal', county: 'Trøndelag' })).waitFor();
      const facts = page.getByRole('region', { name: text('nb', 'municipality.factsHeading'), exact: true });
      await facts.getByText(TYDAL, { exact: true }).waitFor();
      await page.getByRole('img', { name: text('nb', 'municipality.mapAlt', { name: 'Tydal', county: 'Trøndelag' }) }).waitFor();
      await page.getByRole('table', { name: text('nb', 'municipality.historyCaption', { name: 'Tydal' }) }).waitFor();
      expect(await neighbourCodes(page, text('nb', 'neighbours.land'))).toEqual(TYDAL_LAND_NEIGHBOURS);
      await expectAccessible(page);

      // Neighbour links are plain links too.
      await page
        .getByRole('region', { name: text('nb', 'neighbours.land') })
        .getByRole('link', { name: 'Selbu' })
        .click();
      await page.waitForURL('**/kommuner/5032');
      await waitForHeading(page, 'Selbu');
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('the pages fit a 320 px wide screen without sideways scrolling', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser, { width: 320 });
    const { page } = journey;
    try {
      await page.goto('/');
      await waitForHeading(page, text('nb', 'home.heading'));
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);

      // Trøndelag's 38 municipalities: the same wide table as the whole list, checked faster.
      await page.goto('/kommuner?county=50');
      await waitForHeading(page, text('nb', 'municipalities.heading'));
      await expectNoHorizontalScroll(page);
      // The wide table scrolls inside its own focusable region instead of the page.
      const region = listTable(page);
      const box = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(box.clientWidth).toBeLessThanOrEqual(320);
      expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
      await expectAccessible(page);

      await page.goto(`/kommuner/${TYDAL}`);
      await waitForHeading(page, 'Tydal');
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);

      await page.goto('/kommuner/9999?lang=nn');
      await waitForHeading(page, text('nn', 'errorPage.notFound.title'));
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      expectNoProblems(journey, [404]);
    } finally {
      await journey.context.close();
    }
  });
});
