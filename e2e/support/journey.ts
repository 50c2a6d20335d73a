/** Small waits and checks shared by the journeys, on top of `browser.ts`. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { translate, type Language, type MessageKey, type MessageParams } from '@varde/contracts';
import type { Journey } from './browser';

/** The exact text of a message, so selectors follow the catalogues instead of copies of them. */
export const text = (lang: Language, key: MessageKey, params?: MessageParams) => translate(lang, key, params);

/** A message as a pattern, with `{placeholders}` matching anything: for counts that depend on the data. */
export function textPattern(lang: Language, key: MessageKey, params: MessageParams = {}) {
  const escaped = text(lang, key, params).replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{\w+\}/g, '.+?')}$`);
}

/**
 * Waits until React has hydrated the server-rendered page: before that, clicks on client-side
 * controls (forms that need JavaScript) would fall through to the browser's default behaviour.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return !!main && Object.keys(main).some((key) => key.startsWith('__reactProps'));
  });
}

/** Waits for the page's one h1 to read `heading`: the sign that a (client-side) navigation has rendered. */
export async function waitForHeading(page: Page, heading: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/**
 * Fails on console errors and CSP violations. A browser logs every non-2xx document or fetch as a
 * console error ("Failed to load resource: … status of 404"), so a step that is meant to answer with
 * an error status names it in `expectedStatuses`; anything else still fails the journey.
 */
export function expectNoProblems(journey: Journey, expectedStatuses: number[] = []) {
  const unexpected = journey.problems.filter((p) => !expectedStatuses.some((status) => p.includes(`the server responded with a status of ${status}`)));
  if (unexpected.length > 0) expect.fail(`console errors or CSP violations on ${journey.page.url()}:\n${unexpected.join('\n')}`);
  journey.problems.length = 0;
}

/** The document must not scroll sideways; wide tables scroll inside their own container instead. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport on ${page.url()}`).toBeLessThanOrEqual(clientWidth);
}
