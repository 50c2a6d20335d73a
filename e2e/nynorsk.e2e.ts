/**
 * A reader switches to nynorsk and goes through the pages that show dates: deadlines as a list and
 * as a calendar, the scheme finder, a scheme page and a municipality. Chromium has no nynorsk
 * locale data, so dates written with `Intl` in `nn-NO` came out in American English in the browser
 * and differed from the server's page (React error #418 on hydration). The console stays empty and
 * the dates read in nynorsk, also after hydration and after client-side navigation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launchBrowser, newJourney } from './support/browser';
import { expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

const TYDAL = '5033';
/** A county-run scheme: rounds by region, one deadline with a stated time, the others without. */
const SCHEME = 'prosjektskjonn';

/** "15. februar 2027" (or "… kl. 13:00"): a day, a Norwegian month name, a year. */
const NORWEGIAN_DATE = /\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) \d{4}\b/;
/** What Chromium writes for `nn-NO` (American English): "January 13, 2027", or an English-only month name. */
const ENGLISH_MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}|\b(January|February|March|May|June|July|October|December)\b/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The text of `<main>` once React has hydrated it (a mismatch would have been re-rendered by then). */
async function mainText(page: Page) {
  await waitForHydration(page);
  return page.locator('#main').innerText();
}

describe('nynorsk', () => {
  // The browser's own language decides what Chromium's Intl falls back to for nn: bokmål or English.
  test.each([
    { browserLocale: 'nb-NO', first: 'nb' },
    { browserLocale: 'en-US', first: 'en' },
  ] as const)(
    'dates read in nynorsk on every page, with an empty console, in a $browserLocale browser',
    { timeout: 120_000 },
    async ({ browserLocale, first }) => {
      const journey = await newJourney(browser, { locale: browserLocale });
      const { page } = journey;
      try {
        // The language the browser asks for first, then the language switch in the header.
        await page.goto('/frister');
        await waitForHydration(page);
        expect(await page.getAttribute('html', 'lang')).toBe(first);
        await page
          .getByRole('navigation', { name: text(first, 'layout.languageNav') })
          .getByRole('link', { name: 'Nynorsk' })
          .click();
        await page.waitForURL((url) => url.pathname === '/frister' && url.searchParams.get('lang') === 'nn');
        await page.locator('html[lang="nn"]').waitFor({ state: 'attached' });
        await waitForHeading(page, text('nn', 'deadlines.heading'));

        // The list: month headings and deadlines on an Oslo clock, in nynorsk after hydration too.
        const list = await mainText(page);
        await expectAccessible(page);
        expectNoProblems(journey);
        expect(list).toMatch(NORWEGIAN_DATE);
        expect(list).toMatch(/(Januar|Februar|Mars|April|Mai|Juni|Juli|August|September|Oktober|November|Desember) \d{4}/);
        expect(list).not.toMatch(ENGLISH_MONTH);

        // The calendar, rendered in the browser alone (a client-side navigation): nynorsk weekdays.
        await page
          .getByRole('navigation', { name: text('nn', 'deadlines.viewLabel') })
          .getByRole('link', { name: text('nn', 'deadlines.viewCalendar') })
          .click();
        await page.waitForURL((url) => url.searchParams.get('view') === 'calendar');
        const heads = page.locator('.calendar-grid thead th');
        await heads.first().waitFor();
        expect(await heads.allTextContents()).toEqual(['mån', 'tys', 'ons', 'tor', 'fre', 'lau', 'søn']);
        expect(await heads.evaluateAll((cells) => cells.map((c) => c.getAttribute('abbr')))).toEqual([
          'måndag',
          'tysdag',
          'onsdag',
          'torsdag',
          'fredag',
          'laurdag',
          'søndag',
        ]);
        expect(await page.locator('#calendar-caption').textContent()).toMatch(
          /^(Januar|Februar|Mars|April|Mai|Juni|Juli|August|September|Oktober|November|Desember) \d{4} – /,
        );
        await expectAccessible(page);
        expectNoProblems(journey);

        // The same calendar as a full page load: the server's text is the browser's text.
        await page.reload();
        expect(await mainText(page)).not.toMatch(ENGLISH_MONTH);
        expect(await heads.first().textContent()).toBe('mån');
        expectNoProblems(journey);

        // The finder, a scheme page (calls with deadlines, a time only where a source states one, sources checked on a date).
        await page.goto(`/ordninger?municipality=${TYDAL}`);
        await waitForHeading(page, text('nn', 'finder.heading'));
        expect(await mainText(page)).not.toMatch(ENGLISH_MONTH);
        await expectAccessible(page);
        expectNoProblems(journey);

        await page.goto(`/ordninger/${SCHEME}`);
        const scheme = await mainText(page);
        expect(scheme).toMatch(NORWEGIAN_DATE);
        expect(scheme).toMatch(/\d{1,2}\. [a-zø]+ \d{4} kl\. \d{2}:\d{2}/);
        expect(scheme).toContain(`, ${text('nn', 'deadline.timeNotStated')}`);
        expect(scheme).not.toMatch(ENGLISH_MONTH);
        await expectAccessible(page);
        expectNoProblems(journey);

        // A municipality: its population "per 1. januar 2026".
        await page.goto(`/kommuner/${TYDAL}`);
        await waitForHeading(page, 'Tydal');
        const municipality = await mainText(page);
        expect(municipality).toMatch(NORWEGIAN_DATE);
        expect(municipality).not.toMatch(ENGLISH_MONTH);
        expect(await page.getAttribute('html', 'lang')).toBe('nn');
        await expectAccessible(page);
        expectNoProblems(journey);
      } finally {
        await journey.context.close();
      }
    },
  );
});
