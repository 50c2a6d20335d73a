/**
 * A coordinator's week on a laptop (1280 px) and a phone (360 px): the pipeline board with the
 * catalogue's longest scheme names and long notes in every column (no card spills out of its column;
 * on a phone the columns stack under links to each), the scheme page's "applies to" list (open and
 * upcoming calls only; an expected call cannot be marked granted), and the deadlines filtered to the
 * municipality by default, "show all", the schemes open all year, one table that stacks on a phone,
 * and the calendar subscription whose address follows the filter. Screenshots of the board and the
 * deadlines at both widths are kept in test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { DeadlineList } from '@varde/contracts/catalogue-api';
import type { SchemeDetail, SchemeList } from '@varde/contracts/finder-api';
import { baseUrl, expectAccessible, launchBrowser, newJourney, type Journey } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

const TRONDHEIM = '5001';
const EMAIL = 'koordinator@trondheim.example.org';
const PASSWORD = 'e2e-week-password-123';
const SCREENSHOTS = 'test-results';
const WIDTHS = [1280, 360] as const;
/** Statuses on the board, in column order, and what each item is put in. */
const COLUMNS = ['interested', 'preparing', 'applied', 'granted', 'rejected'] as const;
const LONG_NOTE =
  'Felles søknad med nabokommunene om digitalisering av byggesaksbehandlingen; avklar egenandel med økonomiavdelingen før fristen, og be om uttalelse fra regionrådet.';

let browser: Browser;
let organisationId: string;
/** The municipality's name as the registers give it ("Trondheim - Tråante"). */
let name: string;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

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
  return async <T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const organisations = await api<{ id: string; municipalityCode: string | null }[]>('/api/organisations?type=municipality');
  organisationId = organisations.find((o) => o.municipalityCode === TRONDHEIM)!.id;
  name = (await api<DeadlineList>(`/api/deadlines?municipality=${TRONDHEIM}`)).municipality!.name;

  // The platform admin invites Trondheim's coordinator, who accepts with a password.
  const admin = await session(inject('adminEmail'), inject('adminPassword'));
  const invitation = await admin<{ acceptUrl: string }>('POST', `/api/organisations/${organisationId}/invitations`, { email: EMAIL, role: 'admin' });
  expect(invitation.status).toBeLessThan(300);
  const accepted = await fetch(`${baseUrl()}/api${new URL(invitation.body.acceptUrl).pathname.replace('/invitasjon/', '/invitations/')}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Trine Trondheim', password: PASSWORD }),
  });
  expect(accepted.status).toBe(200);

  // The board: the ten longest scheme names, two per column, each with a long note.
  const member = await session(EMAIL, PASSWORD);
  const schemes = (await api<SchemeList>('/api/schemes?municipality=none&limit=200')).items.sort((a, b) => b.name.length - a.name.length);
  for (const [i, scheme] of schemes.slice(0, 2 * COLUMNS.length).entries()) {
    const saved = await member('PUT', `/api/organisations/${organisationId}/pipeline`, {
      schemeId: scheme.id,
      status: COLUMNS[i % COLUMNS.length],
      notes: LONG_NOTE,
    });
    expect(saved.status, scheme.id).toBe(200);
  }
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(width: number): Promise<Journey> {
  const journey = await newJourney(browser, { width });
  const { page } = journey;
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email'), { exact: true }).fill(EMAIL);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
  return journey;
}

/** Every card's box lies inside its column's, and nothing inside a card is wider than the card. */
async function cardsInsideColumns(page: Page) {
  return page.locator('.pipeline-column').evaluateAll((columns) =>
    columns.flatMap((column) => {
      const outer = column.getBoundingClientRect();
      return [...column.querySelectorAll<HTMLElement>('.pipeline-card')].map((card) => {
        const box = card.getBoundingClientRect();
        const widest = Math.max(...[card, ...card.querySelectorAll<HTMLElement>('*')].map((el) => el.getBoundingClientRect().right));
        return {
          card: card.querySelector('h3, h4')?.textContent ?? '',
          inside: box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5,
          contentFits: card.scrollWidth <= card.clientWidth && widest <= box.right + 0.5,
        };
      });
    }),
  );
}

describe.each(WIDTHS)('a coordinator at %i px', (width) => {
  test('the board: every card stays inside its column; columns side by side at 1280 px, stacked under links on a phone', async () => {
    const journey = await signIn(width);
    const { page } = journey;
    try {
      await page.goto(`/organisasjoner/${organisationId}/pipeline`);
      await waitForHeading(page, text('nb', 'pipeline.heading', { organisation: name }));
      await waitForHydration(page);
      const cards = await cardsInsideColumns(page);
      expect(cards.length).toBeGreaterThanOrEqual(2 * COLUMNS.length);
      expect(cards.filter((c) => !c.inside || !c.contentFits)).toEqual([]);
      await expectNoHorizontalScroll(page);

      const boxes = await page.locator('.pipeline-column').evaluateAll((columns) => columns.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes).toHaveLength(COLUMNS.length);
      const jump = page.getByRole('navigation', { name: text('nb', 'pipeline.columnsNav') });
      if (width >= 1024) {
        // One row of five columns, each wide enough for its cards.
        expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
        expect(Math.min(...boxes.map((b) => b.width))).toBeGreaterThan(180);
        expect(await jump.isVisible()).toBe(false);
      } else {
        // Stacked, full width, with links to each column (and their counts) above them.
        expect(boxes.every((b, i) => i === 0 || b.top > boxes[i - 1]!.bottom)).toBe(true);
        await jump.waitFor();
        const preparing = jump.getByRole('link', { name: new RegExp(`^${text('nb', 'pipelineStatus.preparing')} \\(\\d+\\)$`) });
        await preparing.click();
        await expect.poll(() => page.evaluate(() => location.hash)).toBe('#pipeline-column-preparing');
        const top = await page.locator('#pipeline-column-preparing').evaluate((el) => el.getBoundingClientRect().top);
        expect(Math.abs(top)).toBeLessThan(60);
      }
      await expectAccessible(page);

      // An edit form open in a narrow column still fits it.
      await page
        .getByRole('button', { name: new RegExp(`^${text('nb', 'pipeline.edit')}`) })
        .first()
        .click();
      await page.locator('.pipeline-editor').waitFor();
      expect((await cardsInsideColumns(page)).filter((c) => !c.inside || !c.contentFits)).toEqual([]);
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await page.locator('.pipeline-editor').waitFor({ state: 'detached' });
      await page.screenshot({ path: `${SCREENSHOTS}/week-pipeline-${width}.png`, fullPage: true });
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('the deadlines: the own municipality by default, "show all", open all year, one table, and a calendar that follows the filter', async () => {
    const journey = await signIn(width);
    const { page, context } = journey;
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
      await page.goto('/frister');
      await page.getByRole('heading', { level: 2, name: text('nb', 'deadlines.resultsFor', { municipality: name }) }).waitFor();
      await waitForHydration(page);
      const own = await deadlinesFor(page);
      const listed = await api<DeadlineList>(`/api/deadlines?municipality=${TRONDHEIM}&days=365&includeForecasts=true`);
      expect(own.schemes).toEqual(listed.items.map((i) => `/ordninger/${i.schemeId}`));
      expect(own.notFor).toBe(0);
      await expectLayout(page, width);
      // Schemes open all year, by name.
      const openAllYear = page.getByRole('region', { name: text('nb', 'deadlines.openAllYear.heading') });
      for (const scheme of listed.openAllYear) await openAllYear.getByRole('link', { name: scheme.schemeName, exact: true }).waitFor();
      await expectCalendar(page, `municipality=${TRONDHEIM}`);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      if (width === 1280) await page.screenshot({ path: `${SCREENSHOTS}/week-deadlines-${width}.png`, fullPage: true });

      // "Show all": the schemes Trondheim cannot take part in come in, marked; the calendar follows.
      await page.getByRole('link', { name: text('nb', 'deadlines.showAll', { municipality: name }) }).click();
      await page.waitForURL((url) => url.searchParams.get('ineligible') === 'show');
      await page.getByText(text('nb', 'deadlines.forMunicipalityAll', { municipality: name, county: 'Trøndelag' })).waitFor();
      const all = await deadlinesFor(page);
      expect(all.notFor).toBeGreaterThan(0);
      expect(all.schemes.length).toBeGreaterThan(own.schemes.length);
      await expectLayout(page, width);
      await expectCalendar(page, `municipality=${TRONDHEIM}&includeIneligible=true`);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      if (width === 360) await page.screenshot({ path: `${SCREENSHOTS}/week-deadlines-${width}.png`, fullPage: true });

      // The copy button puts the address on the clipboard and says so.
      const subscribe = page.getByRole('region', { name: text('nb', 'deadlines.subscribe.heading') });
      await subscribe.getByRole('button', { name: text('nb', 'deadlines.subscribe.copy') }).click();
      await subscribe.getByRole('status').getByText(text('nb', 'deadlines.subscribe.copied')).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await subscribe.getByLabel(text('nb', 'deadlines.subscribe.urlLabel')).inputValue(),
      );
      expectNoProblems(journey);
    } finally {
      await context.close();
    }
  });
});

test('the scheme page offers open and upcoming calls only, and an expected call cannot be marked granted', async () => {
  const journey = await signIn(1280);
  const { page } = journey;
  try {
    const detail = await api<SchemeDetail>(`/api/schemes/prosjektskjonn?municipality=${TRONDHEIM}`);
    await page.goto('/ordninger/prosjektskjonn');
    await waitForHydration(page);
    const slot = page.getByRole('region', { name: text('nb', 'pipeline.slot.heading') });
    const call = slot.getByLabel(text('nb', 'pipeline.field.call'));
    await expect.poll(() => call.isEnabled()).toBe(true);
    const offered = await call.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const notClosed = detail.calls.filter((c) => c.status !== 'closed').map((c) => c.id);
    expect(offered).toEqual(['', ...notClosed]);
    expect(detail.calls.some((c) => c.status === 'closed')).toBe(true);

    const expected = detail.calls.find((c) => c.predicted)!;
    await call.selectOption(expected.id);
    const status = slot.getByLabel(text('nb', 'field.status'));
    const statuses = await status.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(statuses).toEqual(['interested', 'preparing', 'not_relevant']);
    await slot.getByText(text('nb', 'pipeline.statusNotOpen')).waitFor();
    await expectAccessible(page);
    expectNoProblems(journey);
  } finally {
    await journey.context.close();
  }
});

/** The scheme links of the deadline table, in order, and how many rows say "not for" the municipality. */
async function deadlinesFor(page: Page) {
  const table = page.locator('table.deadline-table');
  return {
    schemes: await table.locator('tbody th[scope="row"] > a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')),
    notFor: await table.locator('.deadline-table__not-for').count(),
  };
}

/** One table at 1280 px (rows are table rows, no scrolling); at 360 px every row is a card of its own. */
async function expectLayout(page: Page, width: number) {
  expect(await page.locator('table.deadline-table').count()).toBe(1);
  const row = page.locator('table.deadline-table tbody tr:not(.deadline-table__month)').first();
  const display = await row.evaluate((el) => getComputedStyle(el).display);
  const wrap = await page.locator('.deadline-table-wrap').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(wrap.scroll).toBeLessThanOrEqual(wrap.client);
  if (width >= 1024) expect(display).toBe('table-row');
  else {
    expect(display).toBe('flex');
    // Each value is labelled with its column's name in the card.
    const label = await row
      .locator('td')
      .first()
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(label).toContain(text('nb', 'deadlines.column.deadline'));
  }
}

/** The subscription: the address (copy field) and the one-click webcal link carry the filter, and the address gives that calendar. */
async function expectCalendar(page: Page, search: string) {
  const subscribe = page.getByRole('region', { name: text('nb', 'deadlines.subscribe.heading') });
  const address = await subscribe.getByLabel(text('nb', 'deadlines.subscribe.urlLabel')).inputValue();
  const url = new URL(address);
  expect(url.pathname + url.search).toBe(`/api/calendar/schemes.ics?${search}`);
  const webcal = await subscribe.getByRole('link', { name: text('nb', 'deadlines.subscribe.webcal') }).getAttribute('href');
  expect(webcal).toBe(address.replace(/^https?:/, 'webcal:'));
  const download = await subscribe.getByRole('link', { name: text('nb', 'deadlines.subscribe.download') }).getAttribute('href');
  expect(download).toBe(address);
  const ics = await fetch(new URL(url.pathname + url.search, baseUrl()));
  expect(ics.status).toBe(200);
  const body = await ics.text();
  expect(body).toContain('BEGIN:VCALENDAR');
  expect(body).toContain(text('nb', 'calendar.municipalityName', { municipality: name }));
}
