/** Debian's Chromium driven by playwright-core, with axe-core checks on every page a journey visits. */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

// The axe-core build that @axe-core/playwright pins, injected directly: see `expectAccessible`.
const require = createRequire(import.meta.url);
const axeSource: string = createRequire(require.resolve('@axe-core/playwright'))('axe-core').source;
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Contexts made with JavaScript off: axe cannot run inside them (see `expectAccessible`). */
const noScriptContexts = new WeakSet<BrowserContext>();

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

export async function newJourney(
  browser: Browser,
  options: { locale?: string; javaScriptEnabled?: boolean; width?: number; baseUrl?: string } = {},
): Promise<Journey> {
  const context = await browser.newContext({
    baseURL: options.baseUrl ?? baseUrl(),
    locale: options.locale ?? 'nb-NO',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  if (options.javaScriptEnabled === false) noScriptContexts.add(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

interface Violation {
  id: string;
  impact?: string | null;
  nodes: { target: unknown[] }[];
}

async function runAxe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // Only violations are needed: leaving out the passes keeps a 357-row table page to a few seconds.
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map((n) => ({ target: n.target })) }))),
    wcagTags,
  );
}

/** One page with JavaScript on per no-script context, to show axe each state of the no-script page. */
const noScriptCopies = new WeakMap<BrowserContext, Promise<{ page: Page; html: string }>>();

function noScriptCopyFor(source: BrowserContext, viewport: { width: number; height: number } | null) {
  let copy = noScriptCopies.get(source);
  if (!copy) {
    copy = (async () => {
      const context = await source.browser()!.newContext({ viewport });
      const state = { page: await context.newPage(), html: '' };
      // Documents come from the no-script page; styles and images from the server; scripts never run.
      await context.route('**/*', (route) => {
        const request = route.request();
        if (request.isNavigationRequest()) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: state.html });
        if (request.resourceType() === 'script') return route.abort();
        return route.continue();
      });
      source.once('close', () => void context.close());
      return state;
    })();
    noScriptCopies.set(source, copy);
  }
  return copy;
}

/**
 * With JavaScript off the page cannot run axe (its timers and promises never fire), so axe checks a
 * copy: the same document as the browser built it (`<noscript>` content included, scripts left out)
 * loaded at the same address in a page with JavaScript on.
 */
async function runAxeOnNoScriptCopy(page: Page): Promise<Violation[]> {
  const copy = await noScriptCopyFor(page.context(), page.viewportSize());
  copy.html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<\/?noscript>/gi, '');
  // Via a blank page, so that an address differing only by its #fragment still loads the new copy.
  await copy.page.goto('about:blank');
  await copy.page.goto(page.url());
  return runAxe(copy.page);
}

/** Fails with the rule, impact and the offending elements when axe finds any WCAG 2.1 AA violation. */
export async function expectAccessible(page: Page) {
  const violations = noScriptContexts.has(page.context()) ? await runAxeOnNoScriptCopy(page) : await runAxe(page);
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
  if (summary.length > 0) expect.fail(`axe found ${summary.length} WCAG 2.1 AA violation(s):\n${summary.join('\n')}`);
}

/** Moves focus with Tab until the focused element matches, failing after `limit` presses. */
export async function tabTo(page: Page, matches: (el: { tag: string; text: string; href: string | null; name: string | null }) => boolean, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: el?.textContent?.trim() ?? '',
        href: el?.getAttribute('href') ?? null,
        name: el?.getAttribute('name') ?? null,
      };
    });
    if (matches(focused)) return focused;
  }
  throw new Error(`No focusable element matched after ${limit} Tab presses on ${page.url()}`);
}
