/**
 * Reading the catalogue on a small screen. Every public page at 320 px, with the longest names in the
 * catalogue in each language, reflows without sideways scrolling (WCAG 1.4.10). The finder on a phone
 * shows the results first, its fields behind a disclosure that the server paints as the visitor left
 * it (a cookie); on a laptop the fields are always there and each compact card has its answer beside
 * it. "Kan kommunen søke?" moves focus to the answer after "Vis svaret" (WCAG 2.4.3).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Language } from '@varde/contracts';
import { viewCookies } from '@varde/contracts/vocabulary';
import { baseUrl, expectAccessible, launchBrowser, newJourney } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

const TYDAL = '5033';
const FILTERS_COOKIE = viewCookies.finderFilters;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ExportedScheme {
  id: string;
  name: Record<Language, string>;
}
interface MunicipalityRow {
  code: string;
  name: string;
}

const longestWord = (name: string) => Math.max(...name.split(/[\s–—/()-]+/).map((word) => word.length));

/** The item whose name scores highest (ties: the first). */
function longest<T>(items: T[], score: (item: T) => number): T {
  return items.reduce((best, item) => (score(item) > score(best) ? item : best));
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Goes to a page, checks that it rendered (no error page) and that the document does not scroll sideways. */
async function expectReflows(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.locator('main h1').waitFor();
  await expectNoHorizontalScroll(page);
}

/** The finder's disclosure in the server's HTML for a request with these cookies: open or not. */
async function filtersOpenInHtml(path: string, cookie: string | null): Promise<boolean> {
  const response = await fetch(`${baseUrl()}${path}`, { headers: cookie ? { cookie } : {} });
  expect(response.status).toBe(200);
  const html = await response.text();
  const tag = /<details[^>]*finder-filters[^>]*>/.exec(html)?.[0];
  expect(tag, 'the finder form has its disclosure').toBeDefined();
  return /\sopen=/.test(tag!);
}

const filters = (page: Page) => page.locator('details.finder-filters');
const cards = (page: Page) => page.locator('.scheme-results > li > article');

describe('reflow and the finder on small screens', () => {
  test('every public page at 320 px, with the longest names in the catalogue, in every language', { timeout: 240_000 }, async () => {
    const schemes = await getJson<ExportedScheme[]>('/api/export/schemes.json');
    const { items: municipalities } = await getJson<{ items: MunicipalityRow[] }>('/api/municipalities');
    expect(schemes.length).toBeGreaterThan(10);
    const longWordPlace = longest(municipalities, (m) => longestWord(m.name));
    const longNamePlace = longest(municipalities, (m) => m.name.length);

    for (const lang of ['nb', 'nn', 'en'] as const) {
      const journey = await newJourney(browser, { width: 320 });
      const { page } = journey;
      try {
        await page.goto(`/?lang=${lang}`);
        await page.locator('main h1').waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        const longWordScheme = longest(schemes, (s) => longestWord(s.name[lang]));
        const longNameScheme = longest(schemes, (s) => s.name[lang].length);
        // Bokmål: every scheme page; the other languages: the pages with their longest names.
        const schemePages = lang === 'nb' ? schemes : [longWordScheme, longNameScheme];
        const paths = [
          '/',
          '/ordninger',
          `/ordninger?municipality=${longWordPlace.code}`,
          `/ordninger?municipality=${longNamePlace.code}`,
          ...schemePages.map((s) => `/ordninger/${s.id}?municipality=${longWordPlace.code}`),
          `/ordninger/${longWordScheme.id}`,
          `/ordninger/${longWordScheme.id}/historikk`,
          `/ordninger/${longNameScheme.id}/historikk`,
          '/frister',
          '/frister?view=calendar',
          '/kommuner',
          `/kommuner/${longWordPlace.code}`,
          `/kommuner/${longNamePlace.code}`,
          '/logg-inn',
          '/glemt-passord',
        ];
        for (const path of paths) await expectReflows(page, path);

        // The longest compound word stays inside the viewport, wrapped.
        await expectReflows(page, `/ordninger/${longWordScheme.id}`);
        const heading = await page.locator('main h1').boundingBox();
        expect(heading!.x + heading!.width).toBeLessThanOrEqual(320);
        await expectAccessible(page);
        await expectReflows(page, `/ordninger?municipality=${longWordPlace.code}`);
        await expectAccessible(page);
        expectNoProblems(journey);
      } finally {
        await journey.context.close();
      }
    }
  });

  test('on a phone the results come first; the filters open and stay open from the first paint', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser, { width: 360 });
    const { page, context } = journey;
    try {
      await page.goto(`/ordninger?municipality=${TYDAL}`);
      await waitForHeading(page, text('nb', 'finder.heading'));
      await waitForHydration(page);
      const finder = page.getByRole('search', { name: text('nb', 'finder.formLabel') });
      const municipality = finder.getByLabel(text('nb', 'finder.municipalityLabel'), { exact: true });

      // Closed: one line says what is chosen, and the results start on the first screen.
      expect(await filters(page).getAttribute('open')).toBeNull();
      expect(await municipality.isVisible()).toBe(false);
      const summary = page.locator('details.finder-filters > summary');
      expect(await summary.textContent()).toContain('Tydal');
      const results = page.getByRole('heading', { level: 2, name: text('nb', 'finder.resultsFor', { municipality: 'Tydal' }) });
      expect((await results.boundingBox())!.y).toBeLessThan(900);
      // Compact cards: the answer above the rest, all inside the card.
      const first = cards(page).first();
      const answer = (await first.locator('.scheme-card__answer').boundingBox())!;
      const body = (await first.locator('.scheme-card__body').boundingBox())!;
      expect(answer.y + answer.height).toBeLessThanOrEqual(body.y);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);

      // Opened: kept in a cookie, and the fields work.
      await summary.click();
      await municipality.waitFor({ state: 'visible' });
      await expect.poll(async () => (await context.cookies()).find((c) => c.name === FILTERS_COOKIE)?.value).toBe('open');
      await expectAccessible(page);
      await finder.getByLabel(text('nb', 'theme.health_care'), { exact: true }).check();
      await finder.getByRole('button', { name: text('nb', 'finder.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.getAll('theme').join() === 'health_care');
      expect(await filters(page).getAttribute('open')).not.toBeNull();
      await expect.poll(() => summary.textContent()).toContain(text('nb', 'finder.filters.active', { count: '1' }));

      // A new page load is painted open by the server (no script needed to open it).
      const noScript = await newJourney(browser, { width: 360, javaScriptEnabled: false });
      try {
        await noScript.context.addCookies([{ name: FILTERS_COOKIE, value: 'open', url: baseUrl() }]);
        await noScript.page.goto(`/ordninger?municipality=${TYDAL}`);
        expect(await noScript.page.locator('details.finder-filters').getAttribute('open')).not.toBeNull();
        expect(await noScript.page.getByLabel(text('nb', 'finder.municipalityLabel'), { exact: true }).isVisible()).toBe(true);
      } finally {
        await noScript.context.close();
      }

      // Closed again: kept too.
      await summary.click();
      await expect.poll(async () => (await context.cookies()).find((c) => c.name === FILTERS_COOKIE)?.value).toBe('closed');
      await page.reload();
      await waitForHeading(page, text('nb', 'finder.heading'));
      expect(await filters(page).getAttribute('open')).toBeNull();
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }

    // Until a visitor chooses, the fields start open only when there is no municipality to answer for.
    const fresh = await newJourney(browser, { width: 360 });
    try {
      await fresh.page.goto('/ordninger');
      await waitForHeading(fresh.page, text('nb', 'finder.heading'));
      expect(await filters(fresh.page).getAttribute('open')).not.toBeNull();
      await expectAccessible(fresh.page);
      expectNoProblems(fresh);
    } finally {
      await fresh.context.close();
    }

    // The render cache keeps one page per state, and ignores a cookie value it does not know.
    const path = `/ordninger?municipality=${TYDAL}&theme=culture`;
    expect(await filtersOpenInHtml(path, null)).toBe(false);
    expect(await filtersOpenInHtml(path, `${FILTERS_COOKIE}=open`)).toBe(true);
    expect(await filtersOpenInHtml(path, `${FILTERS_COOKIE}=closed`)).toBe(false);
    expect(await filtersOpenInHtml(path, `${FILTERS_COOKIE}=wide-open`)).toBe(false);
    expect(await filtersOpenInHtml(path, `${FILTERS_COOKIE}=open`)).toBe(true);
  });

  test('on a laptop the fields are always shown and each card has its answer beside it', { timeout: 60_000 }, async () => {
    const journey = await newJourney(browser, { width: 1280 });
    const { page } = journey;
    try {
      await journey.context.addCookies([{ name: FILTERS_COOKIE, value: 'closed', url: baseUrl() }]);
      await page.goto(`/ordninger?municipality=${TYDAL}`);
      await waitForHeading(page, text('nb', 'finder.heading'));
      await waitForHydration(page);
      const finder = page.getByRole('search', { name: text('nb', 'finder.formLabel') });
      // Closed by the cookie, yet the fields are there and the summary is not.
      expect(await filters(page).getAttribute('open')).toBeNull();
      expect(await page.locator('details.finder-filters > summary').isVisible()).toBe(false);
      const municipality = finder.getByLabel(text('nb', 'finder.municipalityLabel'), { exact: true });
      expect(await municipality.isVisible()).toBe(true);
      await municipality.focus();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('finder-municipality');

      const boxes = await cards(page).evaluateAll((articles) =>
        articles.map((article) => {
          const box = (selector: string) => article.querySelector(selector)?.getBoundingClientRect() ?? null;
          const answer = box('.scheme-card__answer');
          const body = box('.scheme-card__body');
          const card = article.getBoundingClientRect();
          return { answer: answer && { right: answer.right }, body: body && { left: body.left, right: body.right }, card: { right: card.right } };
        }),
      );
      expect(boxes.length).toBeGreaterThan(0);
      for (const { answer, body, card } of boxes) {
        expect(answer).not.toBeNull();
        expect(answer!.right).toBeLessThanOrEqual(body!.left);
        expect(body!.right).toBeLessThanOrEqual(card.right);
      }
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('"Kan kommunen søke?": focus moves to the answer after "Vis svaret"', { timeout: 60_000 }, async () => {
    for (const width of [1280, 360]) {
      const journey = await newJourney(browser, { width });
      const { page } = journey;
      try {
        await page.goto('/ordninger/prosjektskjonn');
        await page.locator('main h1').waitFor();
        await waitForHydration(page);
        const panel = page.getByRole('form', { name: text('nb', 'scheme.eligibility.heading') });
        const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' }));

        // By keyboard: Enter on the button, focus on the answer's heading, drawn with a focus ring.
        await panel.getByLabel(text('nb', 'scheme.eligibility.municipalityLabel'), { exact: true }).selectOption(TYDAL);
        await panel.getByRole('button', { name: text('nb', 'scheme.eligibility.submit') }).focus();
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.searchParams.get('municipality') === TYDAL);
        await expect.poll(focused).toEqual({ id: 'kan-kommunen-soke-svar', text: text('nb', 'scheme.eligibility.answerFor', { municipality: 'Tydal' }) });
        expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
        await expectAccessible(page);

        // By pointer, for another municipality: the new answer has focus too.
        await panel.getByLabel(text('nb', 'scheme.eligibility.municipalityLabel'), { exact: true }).selectOption('1151');
        await panel.getByRole('button', { name: text('nb', 'scheme.eligibility.submit') }).click();
        await page.waitForURL((url) => url.searchParams.get('municipality') === '1151');
        await expect.poll(focused).toEqual({ id: 'kan-kommunen-soke-svar', text: text('nb', 'scheme.eligibility.answerFor', { municipality: 'Utsira' }) });
        expectNoProblems(journey);
      } finally {
        await journey.context.close();
      }
    }
  });
});
