/**
 * Catalogue truth (issue 11), in the browser with axe on every step: a Træna (Nordland) coordinator
 * goes from IPO, which has ended, to the scheme that replaced it, confirms the R&D partner it asks for
 * and sees the condition go from "?" (to check) to "✓" and the verdict to "Kan søke". The deadline
 * list filtered to Træna shows no other county's round, and says once that prosjektskjønn has no known
 * round for Nordland: for the signed-in member by default, for a visitor without JavaScript through
 * the GET form, with the same text on the server and in the browser.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { DeadlineList } from '@varde/contracts/catalogue-api';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { baseUrl, expectAccessible, launchBrowser, newJourney, type Journey } from './support/browser';
import { expectNoProblems, text, textPattern, waitForHeading, waitForHydration } from './support/journey';

const TRANA = '1835';
const NORDLAND = '18';
const IPO = 'forskningsradet-ipo';
const RD_PARTNER = 'partner:rd_organisation';
const EMAIL = 'koordinator@trana.example.org';
const NAME = 'Kari Koordinator';
const PASSWORD = 'e2e-coordinator-password-123';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await makeMember(TRANA, EMAIL, NAME, PASSWORD);
});
afterAll(async () => {
  await browser?.close();
});

const api = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${baseUrl()}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

/** The verdict box of one role on a scheme page. */
const roleVerdict = (page: Page, role: 'lead' | 'partner') =>
  page.locator('.role-verdict').filter({ has: page.getByRole('heading', { level: 4, name: text('nb', `scheme.eligibility.role.${role}`) }) });

/** The state of one line of a checklist (`met`, `to_check`, `blocker`), or null when it has no such line. */
async function checkState(box: Locator, conditionId: string) {
  const item = box.locator(`.checklist > li[data-condition="${conditionId}"]`);
  if ((await item.count()) === 0) return null;
  return /check--(met|to_check|blocker)/.exec((await item.getAttribute('class')) ?? '')?.[1] ?? null;
}

const verdictOf = (box: Locator) => box.locator('.verdict').first().textContent();

async function signIn(journey: Journey) {
  const { page } = journey;
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email'), { exact: true }).fill(EMAIL);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

/** Makes a member of a municipality's organisation through the API (invited by the platform admin). */
async function makeMember(code: string, email: string, name: string, password: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const organisations = (await (await fetch(`${baseUrl()}/api/organisations?type=municipality`)).json()) as { id: string; municipalityCode: string | null }[];
  const organisationId = organisations.find((o) => o.municipalityCode === code)!.id;
  const invitation = await fetch(`${baseUrl()}/api/organisations/${organisationId}/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, role: 'member' }),
  });
  const { acceptUrl } = (await invitation.json()) as { acceptUrl: string };
  const accepted = await fetch(`${baseUrl()}/api${new URL(acceptUrl).pathname.replace('/invitasjon/', '/invitations/')}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  expect(accepted.status).toBe(200);
}

/** Round names (bokmål) of every county-run scheme's rounds that are not for Nordland: none may show for Træna. */
async function otherCountiesRounds(): Promise<Set<string>> {
  const all = await api<DeadlineList>('/api/deadlines?days=730&includeForecasts=true');
  const names = new Set<string>();
  for (const schemeId of new Set(all.items.filter((i) => i.call.region).map((i) => i.schemeId))) {
    const { scheme } = await api<SchemeDetail>(`/api/schemes/${schemeId}`);
    for (const round of scheme.rounds) if (!round.counties.includes(NORDLAND)) names.add(round.name.nb);
  }
  return names;
}

/** The deadline list of the page (rows of every month's table): scheme links and region cells. */
async function deadlineRows(page: Page) {
  return page.locator('.deadline-months tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      href: row.querySelector('th a')?.getAttribute('href') ?? '',
      cells: [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
    })),
  );
}

/** What the deadline page for Træna must show: no other county's round, and prosjektskjønn's note once. */
async function expectTranaDeadlines(page: Page, others: Set<string>, prosjektskjonn: string) {
  await page.getByRole('heading', { level: 2, name: text('nb', 'deadlines.resultsFor', { municipality: 'Træna' }) }).waitFor();
  const rows = await deadlineRows(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.href.startsWith('/ordninger/prosjektskjonn'))).toEqual([]);
  expect(rows.flatMap((r) => r.cells).filter((cell) => others.has(cell))).toEqual([]);
  const note = page.getByRole('region', { name: text('nb', 'deadlines.noKnownRound.heading', { county: 'Nordland' }) });
  expect(await note.count()).toBe(1);
  await note.getByRole('link', { name: prosjektskjonn, exact: true }).waitFor();
  expect(await note.getByRole('link', { name: prosjektskjonn, exact: true }).getAttribute('href')).toBe(`/ordninger/prosjektskjonn?municipality=${TRANA}`);
  expect(await page.getByText(text('nb', 'deadlines.noKnownRound.heading', { county: 'Nordland' }), { exact: true }).count()).toBe(1);
}

describe('catalogue truth', () => {
  test('a Træna coordinator confirms an R&D partner on IPO\'s successor and sees the verdict move from "check" to "eligible"', async () => {
    const ipo = await api<SchemeDetail>(`/api/schemes/${IPO}`);
    expect(ipo.scheme.lifecycle.status, 'IPO has ended').toBe('ended');
    expect(ipo.successor, "IPO's successor is in the catalogue").not.toBeNull();
    const successor = await api<SchemeDetail>(`/api/schemes/${ipo.successor!.id}?municipality=${TRANA}`);
    // The condition rests on the successor's own sourced rules (not IPO's).
    expect(successor.scheme.applicants.requiredPartnerTypes).toContain('rd_organisation');
    expect(successor.scheme.applicants.sourceIds.length).toBeGreaterThan(0);

    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await signIn(journey);
      // IPO for Træna: ended, with a link to the scheme that replaced it.
      await page.goto(`/ordninger/${IPO}?municipality=${TRANA}`);
      await waitForHeading(page, ipo.scheme.name.nb);
      await waitForHydration(page);
      const notice = page.locator('.lifecycle-notice');
      await notice.waitFor();
      await expectAccessible(page);
      await notice.getByRole('link', { name: successor.scheme.name.nb, exact: true }).click();
      await page.waitForURL((url) => url.pathname === `/ordninger/${successor.scheme.id}` && url.searchParams.get('municipality') === TRANA);
      await waitForHeading(page, successor.scheme.name.nb);
      await waitForHydration(page);

      // Before: the R&D partner is "?" (to check), and the verdict is "Kan søke på vilkår".
      const lead = roleVerdict(page, 'lead');
      expect(await checkState(lead, RD_PARTNER)).toBe('to_check');
      const rd = lead.locator(`.checklist > li[data-condition="${RD_PARTNER}"]`);
      expect(await rd.locator('.check__state').textContent()).toBe(`${text('nb', 'checklist.state.to_check')}:`);
      expect(await verdictOf(lead)).toBe(text('nb', 'verdict.eligible_with_conditions'));
      await page.getByText(text('nb', 'checklist.confirmLead', { municipality: 'Træna' })).waitFor();
      await expectAccessible(page);

      // "Vi har dette" on the R&D partner: "✓", with who confirmed it.
      await rd.getByRole('button', { name: new RegExp(`^${text('nb', 'checklist.confirm')}`) }).click();
      await page
        .getByRole('status')
        .filter({ hasText: textPattern('nb', 'checklist.confirmedStatus') })
        .waitFor();
      await expect.poll(() => checkState(lead, RD_PARTNER)).toBe('met');
      expect(await rd.locator('.check__confirmation').textContent()).toContain(NAME);
      // The successor asks for nothing else a municipality confirms: the verdict is now "Kan søke".
      expect(await lead.locator('.check__actions button').count()).toBe(0);
      await expect.poll(() => verdictOf(lead)).toBe(text('nb', 'verdict.eligible'));
      await expectAccessible(page);

      // The same after a reload (server-rendered for the member), and private to Træna's members.
      await page.reload();
      await waitForHydration(page);
      expect(await checkState(lead, RD_PARTNER)).toBe('met');
      expect(await verdictOf(lead)).toBe(text('nb', 'verdict.eligible'));
      const anonymous = await api<SchemeDetail>(`/api/schemes/${successor.scheme.id}?municipality=${TRANA}`);
      expect(anonymous.eligibility!.lead.verdict).toBe('eligible_with_conditions');
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('the deadline list filtered to Træna shows no other county’s round, and says prosjektskjønn has no known round for Nordland', async () => {
    const others = await otherCountiesRounds();
    expect(others.size, 'other counties have rounds with deadlines').toBeGreaterThan(0);
    const prosjektskjonn = (await api<SchemeDetail>('/api/schemes/prosjektskjonn')).scheme.name.nb;

    // The member gets their own municipality by default, and can choose every municipality.
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await signIn(journey);
      await page.goto('/frister');
      await waitForHeading(page, text('nb', 'deadlines.heading'));
      await waitForHydration(page);
      await expectTranaDeadlines(page, others, prosjektskjonn);
      await expectAccessible(page);

      // The calendar keeps the municipality.
      await page.getByRole('link', { name: text('nb', 'deadlines.viewCalendar'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('view') === 'calendar' && url.searchParams.get('municipality') === TRANA);
      await page.locator('table.calendar-grid').waitFor();
      await expectAccessible(page);

      // "Alle kommuner": every round again, and no note.
      const filters = page.getByRole('form', { name: text('nb', 'deadlines.filtersLabel') });
      await filters.getByLabel(text('nb', 'deadlines.municipalityLabel'), { exact: true }).selectOption({ label: text('nb', 'deadlines.allMunicipalities') });
      await filters.getByRole('button', { name: text('nb', 'deadlines.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('municipality') === 'none');
      await page.getByRole('heading', { level: 2, name: text('nb', 'deadlines.resultsHeading') }).waitFor();
      await page.getByRole('link', { name: text('nb', 'deadlines.viewList'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('view') === null);
      await expect.poll(async () => (await deadlineRows(page)).some((r) => r.href.startsWith('/ordninger/prosjektskjonn'))).toBe(true);
      expect(await page.getByText(text('nb', 'deadlines.noKnownRound.heading', { county: 'Nordland' })).count()).toBe(0);
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('without JavaScript the GET form filters to Træna, with the same text as the hydrated page', async () => {
    const others = await otherCountiesRounds();
    const prosjektskjonn = (await api<SchemeDetail>('/api/schemes/prosjektskjonn')).scheme.name.nb;
    const noScript = await newJourney(browser, { javaScriptEnabled: false });
    const scripted = await newJourney(browser);
    try {
      const { page } = noScript;
      await page.goto('/frister');
      await waitForHeading(page, text('nb', 'deadlines.heading'));
      const filters = page.getByRole('form', { name: text('nb', 'deadlines.filtersLabel') });
      await filters.getByLabel(text('nb', 'deadlines.municipalityLabel'), { exact: true }).selectOption(TRANA);
      await filters.getByRole('button', { name: text('nb', 'deadlines.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('municipality') === TRANA);
      await expectTranaDeadlines(page, others, prosjektskjonn);
      expect(await filters.getByLabel(text('nb', 'deadlines.municipalityLabel'), { exact: true }).inputValue()).toBe(TRANA);
      await expectAccessible(page);

      // The same address with JavaScript: after hydration the page reads exactly as the server wrote it.
      await scripted.page.goto(page.url());
      await waitForHydration(scripted.page);
      await expectTranaDeadlines(scripted.page, others, prosjektskjonn);
      const mainText = (p: Page) => p.locator('#main').innerText();
      expect(await mainText(scripted.page)).toBe(await mainText(page));
      await expectAccessible(scripted.page);
      expectNoProblems(noScript);
      expectNoProblems(scripted);
    } finally {
      await noScript.context.close();
      await scripted.context.close();
    }
  });
});
