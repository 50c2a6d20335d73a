/**
 * Keyboard only: the skip link, the list's search field, a result and the municipality page, with a
 * visible focus indicator on every stop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launchBrowser, newJourney, tabTo } from './support/browser';
import { expectNoProblems, text, textPattern, waitForHeading, waitForHydration } from './support/journey';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What has focus, and whether it is drawn with a focus indicator (an outline or a box shadow). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name'),
      href: el.getAttribute('href'),
      text: el.textContent?.trim() ?? '',
      focusVisible: el.matches(':focus-visible'),
      indicator: outline || shadow,
    };
  });
}

async function expectVisibleFocus(page: Page) {
  const now = await focused(page);
  expect(now, 'something has focus').not.toBeNull();
  expect(now?.focusVisible, `:focus-visible on ${JSON.stringify(now)}`).toBe(true);
  expect(now?.indicator, `an outline or box shadow on ${JSON.stringify(now)}`).toBe(true);
  return now!;
}

describe('keyboard', () => {
  test('skip link, search, a result and its page with the keyboard alone', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await page.goto('/kommuner');
      await waitForHeading(page, text('nb', 'municipalities.heading'));
      await waitForHydration(page);

      // The first Tab reaches the skip link. It is hidden until focused; appearing is its focus
      // indicator (Designsystemet draws it as a block without an outline).
      const skipLink = page.getByRole('link', { name: text('nb', 'layout.skipToContent') });
      const hiddenBox = await skipLink.boundingBox();
      expect(hiddenBox?.width ?? 0).toBeLessThanOrEqual(1);
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip).toMatchObject({ tag: 'a', href: '#main', text: text('nb', 'layout.skipToContent'), focusVisible: true });
      const shownBox = await skipLink.boundingBox();
      expect(shownBox?.width).toBeGreaterThan(100);
      expect(shownBox?.height).toBeGreaterThan(20);
      // The whole list, with the skip link shown (later focus moves change no content).
      await expectAccessible(page);

      // Enter moves focus to the main content, so the next Tab skips the header.
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.keyboard.press('Tab');
      const search = await expectVisibleFocus(page);
      expect(search).toMatchObject({ tag: 'input', name: 'q' });

      // Type a name and submit with Enter. Only the query changes, so focus stays in the field.
      await page.keyboard.type('Tydal');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/kommuner' && url.searchParams.get('q') === 'Tydal');
      await page
        .getByRole('status')
        .filter({ hasText: textPattern('nb', 'municipalities.resultCount', { shown: 1 }) })
        .waitFor();
      expect(await focused(page)).toMatchObject({ name: 'q' });
      await expectAccessible(page);

      // Tab on through the filters and the table to the result, stopping on visible focus each time.
      const stops: string[] = [];
      const result = await tabTo(
        page,
        (el) => {
          stops.push(el.name ?? el.href ?? el.tag);
          return el.href === '/kommuner/5033';
        },
        30,
      );
      expect(result.text).toBe('Tydal');
      await expectVisibleFocus(page);
      expect(stops.length).toBeGreaterThan(1);

      await page.keyboard.press('Enter');
      await page.waitForURL('**/kommuner/5033');
      await waitForHeading(page, 'Tydal');
      // After the page change focus is on the new page's heading, where reading starts.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await expectAccessible(page);

      // From the heading, Tab continues in the page content: the neighbours are reachable too.
      const neighbour = await tabTo(page, (el) => el.href === '/kommuner/5026', 40);
      expect(neighbour.text).toBe('Holtålen');
      await expectVisibleFocus(page);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/kommuner/5026');
      await waitForHeading(page, 'Holtålen');
      await expectAccessible(page);

      // Shift+Tab from the heading goes back to the link above it, to the whole list.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await page.keyboard.press('Shift+Tab');
      expect(await expectVisibleFocus(page)).toMatchObject({ href: '/kommuner', text: text('nb', 'municipality.backToList') });
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });
});
