/**
 * Provenance in Varde: a member of a municipality reports a wrong fact on a scheme's page; the public
 * page says the group may be outdated (naming no one); the scheme's owner finds the report on the work
 * list and in the notifications and resolves it; the notice is gone; the owner records a check and
 * the page says when the facts were last checked in Varde. Every page passes axe; the scheme page (with
 * the notice, and after the check) and the work list are kept as screenshots in test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { baseUrl, expectAccessible, launchBrowser, newJourney, type Journey } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

/** A scheme no other journey reads, reports or edits. */
const SCHEME = 'stimulab';
const MUNICIPALITY = '3301';
const PASSWORD = 'e2e-reports-password-123';
const OWNER_EMAIL = 'eier@stimulab.example.org';
const MEMBER_EMAIL = 'medlem@drammen.example.org';
const REPORT_TEXT = 'Tilskuddet er høyere fra 2027, se den nye utlysningen.';
const COMMENT = 'Takk! Rettet i katalogen.';
const SCREENSHOTS = 'test-results';

let browser: Browser;
let schemeName: string;
let member: Journey;
let owner: Journey;

/** Signs the platform admin in over the API: the cookie and CSRF token for the setup calls below. */
async function adminSession() {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
}

/** An invitation to the organisation, accepted by a new person with a password. */
async function invite(send: Awaited<ReturnType<typeof adminSession>>, organisationId: string, email: string, name: string) {
  const { acceptUrl } = await send<{ acceptUrl: string }>('POST', `/api/organisations/${organisationId}/invitations`, { email, role: 'admin' });
  const accepted = await fetch(`${baseUrl()}/api${new URL(acceptUrl).pathname.replace('/invitasjon/', '/invitations/')}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  expect(accepted.status).toBe(200);
}

async function signIn(email: string): Promise<Journey> {
  const journey = await newJourney(browser);
  const { page } = journey;
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email'), { exact: true }).fill(email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
  return journey;
}

async function openScheme(page: Page) {
  await page.goto(`/ordninger/${SCHEME}?municipality=none`);
  await waitForHeading(page, schemeName);
  await waitForHydration(page);
}

const section = (page: Page, headingKey: Parameters<typeof text>[1]) => page.getByRole('region', { name: text('nb', headingKey) });
const reportedNotice = (page: Page) => section(page, 'scheme.section.funding').getByText(text('nb', 'scheme.facts.reported'));

/** The public page as a visitor who is not signed in gets it (from the render cache when it holds it). */
async function publicPage(): Promise<string> {
  const response = await fetch(`${baseUrl()}/ordninger/${SCHEME}?municipality=none`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  schemeName = ((await (await fetch(`${baseUrl()}/api/schemes/${SCHEME}`)).json()) as SchemeDetail).scheme.name.nb;
  const send = await adminSession();
  const ownerOrg = await send<{ id: string }>('POST', '/api/organisations', { type: 'scheme_owner', name: 'StimuLab-sekretariatet (test)' });
  await send('PUT', `/api/schemes/${SCHEME}/owner`, { organisationId: ownerOrg.id });
  await invite(send, ownerOrg.id, OWNER_EMAIL, 'Olav Eier');
  const organisations = (await (await fetch(`${baseUrl()}/api/organisations?type=municipality`)).json()) as { id: string; municipalityCode: string | null }[];
  await invite(send, organisations.find((o) => o.municipalityCode === MUNICIPALITY)!.id, MEMBER_EMAIL, 'Mona Medlem');
});

afterAll(async () => {
  await member?.context.close();
  await owner?.context.close();
  await browser?.close();
});

describe('reports of wrong facts and checks in Varde', () => {
  test('a member reports a fact on the scheme page; the public page says it may be outdated, naming no one', async () => {
    // Before anyone has checked: said once, with the way to the sources.
    const before = await publicPage();
    expect(before).toContain(text('nb', 'scheme.lastCheckedSources'));
    expect(before).not.toContain(text('nb', 'scheme.facts.reported'));

    member = await signIn(MEMBER_EMAIL);
    const { page } = member;
    await openScheme(page);
    const form = section(page, 'report.heading');
    // An address that is not http(s) is refused by the API, named on its field.
    await form.getByLabel(text('nb', 'field.group')).selectOption('group:funding');
    await form.getByLabel(text('nb', 'field.text')).fill(REPORT_TEXT);
    await form.getByLabel(text('nb', 'field.sourceUrl')).fill('javascript:alert(1)');
    await form.getByRole('button', { name: text('nb', 'report.submit') }).click();
    const problem = page.getByRole('link', { name: text('nb', 'validation.invalid_url', { field: text('nb', 'field.sourceUrl') }) });
    await problem.waitFor();
    expect(await form.getByLabel(text('nb', 'field.sourceUrl')).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await form.getByLabel(text('nb', 'field.sourceUrl')).fill('https://www.digdir.no/innovasjon/stimulab');
    await form.getByRole('button', { name: text('nb', 'report.submit') }).click();
    await form.getByText(text('nb', 'report.sent')).waitFor();
    await reportedNotice(page).waitFor();
    await expectAccessible(page);
    await section(page, 'scheme.section.funding').screenshot({ path: `${SCREENSHOTS}/fact-reports-reported-notice.png` });
    expectNoProblems(member, [400]);

    const after = await publicPage();
    expect(after).toContain(text('nb', 'scheme.facts.reported'));
    expect(after).not.toContain('Mona');
    expect(after).not.toContain(REPORT_TEXT);
  });

  test("the scheme's owner sees it on the work list and in the notifications, and resolves it; the notice goes", async () => {
    owner = await signIn(OWNER_EMAIL);
    const { page } = owner;
    // The header's notification count, then the notification itself, which leads to the work list.
    await page.goto('/varsler');
    await waitForHeading(page, text('nb', 'alerts.heading'));
    await waitForHydration(page);
    await page.getByText(text('nb', 'notification.fact_report', { group: text('nb', 'factGroup.funding'), scheme: schemeName })).waitFor();
    await expectAccessible(page);
    await page
      .getByRole('link', { name: text('nb', 'alerts.openReports') })
      .first()
      .click();
    await waitForHeading(page, text('nb', 'factReports.title'));
    await waitForHydration(page);

    const item = page.getByRole('article', { name: text('nb', 'factReports.itemHeading', { scheme: schemeName, group: text('nb', 'factGroup.funding') }) });
    await item.getByText(REPORT_TEXT).waitFor();
    await item.getByText(/Mona Medlem/).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: `${SCREENSHOTS}/fact-reports-work-list.png`, fullPage: true });

    await item.getByLabel(text('nb', 'factReports.outcome.resolved')).check();
    await item.getByLabel(text('nb', 'field.comment')).fill(COMMENT);
    await item.getByRole('button', { name: new RegExp(`^${text('nb', 'factReports.submit')}`) }).click();
    await page.getByText(text('nb', 'factReports.answered', { scheme: schemeName })).waitFor();
    await page.getByText(text('nb', 'factReports.none')).waitFor();
    await expectAccessible(page);
    // The answered report, with the answer.
    await page.getByRole('link', { name: text('nb', 'factReports.showClosed') }).click();
    await page.getByRole('heading', { level: 2, name: text('nb', 'factReports.closedHeading', { count: 1 }) }).waitFor();
    await page.getByText(COMMENT).waitFor();
    await expectAccessible(page);
    expectNoProblems(owner);

    expect(await publicPage()).not.toContain(text('nb', 'scheme.facts.reported'));
    // The reporter is told.
    await member.page.goto('/varsler');
    await member.page
      .getByText(text('nb', 'notification.fact_report_resolved', { group: text('nb', 'factGroup.funding'), scheme: schemeName }), { exact: false })
      .waitFor();
  });

  test('the owner records a check and the page says when the facts were last checked in Varde', async () => {
    const { page } = owner;
    await openScheme(page);
    expect(await reportedNotice(page).count()).toBe(0);
    const checks = section(page, 'checks.heading');
    await checks
      .getByRole('cell', { name: text('nb', 'checks.never') })
      .first()
      .waitFor();
    await checks.getByRole('button', { name: text('nb', 'checks.submit') }).click();
    await checks.getByText(/^Registrert\./).waitFor();
    // Every group now has today's check by the owner; the top of the page gives the day, once.
    expect(await checks.getByRole('cell', { name: text('nb', 'checks.never') }).count()).toBe(0);
    await checks.getByRole('cell', { name: 'Olav Eier' }).first().waitFor();
    const lastChecked = page.locator('.scheme-meta dd time');
    await lastChecked.waitFor();
    expect(await page.getByText(text('nb', 'scheme.lastCheckedSources')).count()).toBe(0);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SCREENSHOTS}/fact-reports-scheme-page.png`, fullPage: true });
    expectNoProblems(owner);

    const day = await lastChecked.getAttribute('datetime');
    const visitor = await publicPage();
    expect(visitor).toMatch(new RegExp(`datetime="${day}"`, 'i'));
    expect(visitor).not.toContain(text('nb', 'scheme.lastCheckedSources'));
    expect(visitor).not.toContain('Olav Eier');

    // A visitor who is not signed in is asked to sign in to report, and sees no checks panel.
    const anonymous = await newJourney(browser, { width: 375 });
    try {
      await openScheme(anonymous.page);
      await anonymous.page.getByRole('link', { name: text('nb', 'report.signIn') }).waitFor();
      expect(await section(anonymous.page, 'checks.heading').count()).toBe(0);
      await expectAccessible(anonymous.page);
      await expectNoHorizontalScroll(anonymous.page);
      expectNoProblems(anonymous);
    } finally {
      await anonymous.context.close();
    }
  });
});
