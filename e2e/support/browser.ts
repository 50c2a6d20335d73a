/** Debian's Chromium driven by playwright-core, with axe-core checks on every page a journey visits. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--crash-dumps-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`,
    ],
  });
}

export interface Journey {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far. */
  problems: string[];
}

export async function newJourney(browser: Browser, options: { locale?: string; javaScriptEnabled?: boolean; width?: number } = {}): Promise<Journey> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? 'nb-NO',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** Fails with the rule, impact and the offending elements when axe finds any WCAG 2.1 AA violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** Moves focus with Tab until the focused element matches, failing after `limit` presses. */
export async function tabTo(page: Page, matches: (el: { tag: string; text: string; href: string | null; name: string | null }) => boolean, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase() ?? '', text: el?.textContent?.trim() ?? '', href: el?.getAttribute('href') ?? null, name: el?.getAttribute('name') ?? null };
    });
    if (matches(focused)) return focused;
  }
  throw new Error(`No focusable element matched after ${limit} Tab presses on ${page.url()}`);
}
