/**
 * A small municipality's work with schemes: the platform admin invites Holtålen's coordinator, who
 * invites a colleague; the coordinator marks a scheme as "preparing" from the scheme's page, assigns the
 * colleague and finds it on the board; "not relevant" hides a scheme from the finder; the colleague
 * sees the item; another municipality is refused the board. Then the needs profile, the scheme
 * editor (a field error first, then a new version in the change history) and the notifications
 * that edit causes for a saved search.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { baseUrl, expectAccessible, launchBrowser, newJourney, tabTo, type Journey } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

const TYDAL = '5026';
const ROROS = '5025';
const PASSWORD = 'e2e-member-password-123';
const SCHEME = 'prosjektskjonn';
const NOT_RELEVANT_SCHEME = 'digdir-medfinansiering';

let browser: Browser;
let tydalId: string;
let rorosId: string;
/** Journeys and facts the tests below build on, in order. */
let coordinator: Journey;
let colleague: Journey;
let outsiderLink: string;
let detail: SchemeDetail;

async function organisationId(code: string): Promise<string> {
  const organisations = (await (await fetch(`${baseUrl()}/api/organisations?type=municipality`)).json()) as { id: string; municipalityCode: string | null }[];
  return organisations.find((o) => o.municipalityCode === code)!.id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  [tydalId, rorosId] = await Promise.all([organisationId(TYDAL), organisationId(ROROS)]);
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(journey: Journey, email: string, password: string) {
  const { page } = journey;
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email')).fill(email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

/** Invites from the organisation page and returns the link shown once. */
async function invite(page: Page, orgId: string, email: string, role: 'admin' | 'member') {
  await page.goto(`/organisasjoner/${orgId}`);
  await waitForHydration(page);
  const form = page.getByRole('region', { name: text('nb', 'invite.heading') });
  await form.getByLabel(text('nb', 'field.email')).fill(email);
  await form.getByLabel(text('nb', 'field.role')).selectOption(role);
  await form.getByRole('button', { name: text('nb', 'invite.submit') }).click();
  const link = page.locator('#invite-link');
  await link.waitFor();
  return new URL(await link.inputValue()).pathname;
}

/** A new person opens the invitation, chooses a name and password, and lands on the organisation page. */
async function acceptInvitation(path: string, name: string): Promise<Journey> {
  const journey = await newJourney(browser);
  const { page } = journey;
  await page.goto(path);
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.name')).fill(name);
  await page.getByLabel(text('nb', 'invitation.choosePassword')).fill(PASSWORD);
  await page.getByLabel(text('nb', 'field.repeatPassword')).fill(PASSWORD);
  await page.getByRole('button', { name: text('nb', 'invitation.submitNew') }).click();
  await page.waitForURL(/\/organisasjoner\//);
  await waitForHydration(page);
  return journey;
}

const column = (page: Page, status: 'interested' | 'preparing' | 'applied' | 'granted' | 'rejected') =>
  page.getByRole('region', { name: new RegExp(`^${text('nb', `pipelineStatus.${status}`)} \\(\\d+\\)$`) });

describe('pipeline', () => {
  test('the platform admin invites a coordinator to Holtålen, who invites a colleague', async () => {
    const admin = await newJourney(browser);
    try {
      await signIn(admin, inject('adminEmail'), inject('adminPassword'));
      const coordinatorLink = await invite(admin.page, tydalId, 'koordinator@tydal.example.org', 'admin');
      await expectAccessible(admin.page);
      outsiderLink = await invite(admin.page, rorosId, 'medlem@roros.example.org', 'member');
      expectNoProblems(admin);
      coordinator = await acceptInvitation(coordinatorLink, 'Kari Koordinator');
    } finally {
      await admin.context.close();
    }
    const { page } = coordinator;
    // The organisation page links to the board and the needs profile.
    await page.getByRole('link', { name: text('nb', 'pipeline.link') }).waitFor();
    await page.getByRole('link', { name: text('nb', 'needs.link') }).waitFor();
    const colleagueLink = await invite(page, tydalId, 'kollega@tydal.example.org', 'member');
    colleague = await acceptInvitation(colleagueLink, 'Ola Kollega');
    expectNoProblems(coordinator);
    expectNoProblems(colleague);
  });

  test('the coordinator marks the scheme as preparing on the scheme page, assigns the colleague and finds it on the board', async () => {
    const { page } = coordinator;
    // The scheme as a whole: the "applies to" list offers open and upcoming calls only (the scheme's
    // real calls have closed), and an expected call cannot be marked as applied for (board-deadlines.e2e.ts).
    detail = (await (await fetch(`${baseUrl()}/api/schemes/${SCHEME}?municipality=${TYDAL}`)).json()) as SchemeDetail;
    const target = text('nb', 'pipeline.wholeScheme');
    await page.goto(`/ordninger/${SCHEME}`);
    await waitForHydration(page);
    const slot = page.getByRole('region', { name: text('nb', 'pipeline.slot.heading') });
    await slot.getByLabel(text('nb', 'pipeline.field.call')).selectOption('');
    await slot.getByLabel(text('nb', 'field.status')).selectOption('preparing');
    const assignee = slot.getByLabel(text('nb', 'field.assigneeUserId'));
    await expect.poll(() => assignee.locator('option', { hasText: 'Ola Kollega' }).count()).toBe(1);
    await assignee.selectOption({ label: 'Ola Kollega' });
    await slot.getByLabel(text('nb', 'field.notes')).fill('Felles søknad med Røros og Holtålen.');
    await expectAccessible(page);
    await slot.getByRole('button', { name: text('nb', 'pipeline.save') }).click();
    await slot
      .getByRole('status')
      .getByText(text('nb', 'pipeline.slot.saved', { target, status: text('nb', 'pipelineStatus.preparing') }))
      .waitFor();
    await expectAccessible(page);

    // The board: the call sits in "preparing", with the colleague and the note.
    await slot
      .getByRole('status')
      .getByRole('link', { name: text('nb', 'pipeline.slot.boardLink') })
      .click();
    await page.waitForURL(`**/organisasjoner/${tydalId}/pipeline`);
    await waitForHeading(page, text('nb', 'pipeline.heading', { organisation: 'Holtålen' }));
    const card = column(page, 'preparing').getByRole('article', { name: detail.scheme.name.nb });
    await expect.poll(() => card.textContent()).toContain(target);
    expect(await card.textContent()).toContain('Ola Kollega');
    expect(await card.textContent()).toContain('Felles søknad med Røros og Holtålen.');
    await expectAccessible(page);

    // By keyboard: open the card's edit form, move it to "applied", save; focus follows the card.
    await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith(text('nb', 'pipeline.edit')));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('status');
    await expectAccessible(page);
    await page.locator(':focus').selectOption('applied');
    await tabTo(page, (el) => el.tag === 'button' && el.text === text('nb', 'pipeline.save'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(text('nb', 'pipelineStatus.applied'), { exact: false }).waitFor();
    const moved = column(page, 'applied').getByRole('article', { name: detail.scheme.name.nb });
    await moved.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('aria-labelledby')))
      .toBe(await moved.getAttribute('aria-labelledby'));
    expect(await column(page, 'preparing').getByRole('article').count()).toBe(0);
    expectNoProblems(coordinator);
  });

  test('the pipeline as a table, and the secret calendar address', async () => {
    const { page } = coordinator;
    await page.goto(`/organisasjoner/${tydalId}/pipeline`);
    await waitForHydration(page);
    await page.getByRole('link', { name: text('nb', 'pipeline.viewTable') }).click();
    const table = page.getByRole('region', { name: text('nb', 'pipeline.tableCaption', { organisation: 'Holtålen' }) });
    await table.getByRole('rowheader', { name: detail.scheme.name.nb }).waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain(text('nb', 'pipelineStatus.applied'));
    await expectAccessible(page);
    await page.getByRole('link', { name: text('nb', 'pipeline.viewBoard') }).click();
    await column(page, 'applied').waitFor();

    // Shown once, and rotating it needs a confirmation; the old address stops working.
    await page.getByRole('button', { name: text('nb', 'pipeline.feed.create') }).click();
    const feedUrl = await page.getByLabel(text('nb', 'pipeline.feed.urlLabel')).inputValue();
    const feed = await fetch(new URL(new URL(feedUrl).pathname, baseUrl()));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await expectAccessible(page);
    await page.getByRole('button', { name: text('nb', 'pipeline.feed.rotate') }).click();
    await page.getByRole('button', { name: text('nb', 'pipeline.feed.confirmRotate') }).click();
    await expect.poll(() => page.getByLabel(text('nb', 'pipeline.feed.urlLabel')).inputValue()).not.toBe(feedUrl);
    expect((await fetch(new URL(new URL(feedUrl).pathname, baseUrl()))).status).toBe(404);
    expectNoProblems(coordinator);
  });

  test('"not relevant" hides a scheme from the finder, which says how many it hid', async () => {
    const { page } = coordinator;
    const other = (await (await fetch(`${baseUrl()}/api/schemes/${NOT_RELEVANT_SCHEME}`)).json()) as SchemeDetail;
    await page.goto(`/ordninger/${NOT_RELEVANT_SCHEME}`);
    await waitForHydration(page);
    const slot = page.getByRole('region', { name: text('nb', 'pipeline.slot.heading') });
    await slot.getByLabel(text('nb', 'pipeline.field.call')).selectOption('');
    await slot.getByLabel(text('nb', 'field.status')).selectOption('not_relevant');
    await slot.getByRole('button', { name: text('nb', 'pipeline.save') }).click();
    await slot.getByRole('status').getByText(text('nb', 'pipelineStatus.not_relevant'), { exact: false }).waitFor();
    await page.goto('/ordninger');
    await waitForHydration(page);
    await page.getByRole('heading', { name: text('nb', 'finder.resultsFor', { municipality: 'Holtålen' }) }).waitFor();
    expect(await page.locator(`main a[href^="/ordninger/${NOT_RELEVANT_SCHEME}"]`).count()).toBe(0);
    await page
      .getByText(text('nb', 'finder.hiddenNotRelevant', { count: 1 }))
      .first()
      .waitFor();
    await expectAccessible(page);
    // Looking without a municipality shows every scheme again, and the choice stays in the links.
    // (Searched by name: ranked for no municipality, it need not be on the first page.)
    await page.getByLabel(text('nb', 'finder.municipalityLabel'), { exact: true }).selectOption({ label: text('nb', 'finder.noMunicipality') });
    await page.getByLabel(text('nb', 'finder.searchLabel'), { exact: true }).fill('medfinansiering');
    await page.getByRole('button', { name: text('nb', 'finder.submit') }).click();
    await page.getByRole('heading', { name: text('nb', 'finder.results'), exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('municipality')).toBe('none');
    await page.locator(`main a[href="/ordninger/${NOT_RELEVANT_SCHEME}?municipality=none"]`).click();
    await waitForHeading(page, other.scheme.name.nb);
    expect(await page.getByLabel(text('nb', 'scheme.eligibility.municipalityLabel'), { exact: true }).inputValue()).toBe('none');
    await page.goto(`/organisasjoner/${tydalId}/pipeline`);
    await page.getByText(text('nb', 'pipeline.notRelevantSummary', { count: 1 })).click();
    await page.getByRole('article', { name: other.scheme.name.nb }).waitFor();
    await expectAccessible(page);
    expectNoProblems(coordinator);
  });

  test('the colleague sees the item; a member of another municipality is refused the board', async () => {
    await colleague.page.goto(`/organisasjoner/${tydalId}/pipeline`);
    const seen = column(colleague.page, 'applied').getByRole('article', { name: detail.scheme.name.nb });
    await seen.waitFor();
    expect(await seen.textContent()).toContain('Ola Kollega');
    // The calendar address is personal: the coordinator's is not the colleague's.
    await colleague.page.getByText(text('nb', 'pipeline.feed.none')).waitFor();
    await expectAccessible(colleague.page);
    expectNoProblems(colleague);

    const outsider = await acceptInvitation(outsiderLink, 'Per Utenfor');
    try {
      const response = await outsider.page.goto(`/organisasjoner/${tydalId}/pipeline`);
      expect(response?.status()).toBe(403);
      await waitForHeading(outsider.page, text('nb', 'errorPage.forbidden.title'));
      expect(await outsider.page.getByText('Felles søknad med Røros og Holtålen.').count()).toBe(0);
      await expectAccessible(outsider.page);
      expectNoProblems(outsider, [403]);
    } finally {
      await outsider.context.close();
    }
  });

  test('the board works at 320 px', async () => {
    const narrow = await newJourney(browser, { width: 320 });
    try {
      await signIn(narrow, 'kollega@tydal.example.org', PASSWORD);
      await narrow.page.goto(`/organisasjoner/${tydalId}/pipeline`);
      await waitForHeading(narrow.page, text('nb', 'pipeline.heading', { organisation: 'Holtålen' }));
      await expectNoHorizontalScroll(narrow.page);
      await narrow.page.goto(`/organisasjoner/${tydalId}/pipeline?visning=tabell`);
      await expectNoHorizontalScroll(narrow.page);
      await expectAccessible(narrow.page);
      expectNoProblems(narrow);
    } finally {
      await narrow.context.close();
    }
  });

  test('the needs profile: themes and free text next to what the registers say, with field errors', async () => {
    const { page } = coordinator;
    await page.goto(`/organisasjoner/${tydalId}`);
    await page.getByRole('link', { name: text('nb', 'needs.link') }).click();
    await waitForHeading(page, text('nb', 'needs.heading', { organisation: 'Holtålen' }));
    await waitForHydration(page);
    const register = page.getByRole('region', { name: text('nb', 'needs.registerHeading') });
    expect(await register.textContent()).toContain('Trøndelag');
    await register.getByRole('link', { name: 'Holtålen' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel(text('nb', 'theme.health_care')).check();
    await page.getByLabel(text('nb', 'theme.digitalisation')).check();
    const description = page.getByLabel(text('nb', 'needs.descriptionLabel'));
    await description.fill('x'.repeat(4001));
    await page.getByRole('button', { name: text('nb', 'needs.save') }).click();
    const summary = page.getByRole('group', { name: text('nb', 'form.errorSummaryHeading') });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('form-problems'))).toBe(true);
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await summary.getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('needs-description');
    await description.fill('Vi har få ansatte i hjemmetjenesten og lange avstander.');
    await page.getByRole('button', { name: text('nb', 'needs.save') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: text('nb', 'needs.saved', { when: 'X' }).split('(')[0]!.trim() })
      .waitFor();
    await page.reload();
    expect(await page.getByLabel(text('nb', 'theme.health_care')).isChecked()).toBe(true);
    expect(await page.getByLabel(text('nb', 'theme.housing')).isChecked()).toBe(false);
    expect(await description.inputValue()).toBe('Vi har få ansatte i hjemmetjenesten og lange avstander.');
    await expectAccessible(page);
    expectNoProblems(coordinator, [400]);
  });

  test('the platform admin edits a call deadline: a field error first, then a new version in the history', async () => {
    // The coordinator follows schemes about health: the edit below shows up as a notification.
    await coordinator.page.goto('/varsler');
    await waitForHydration(coordinator.page);
    const saved = await coordinator.page.evaluate(async () => {
      const session = await (await fetch('/api/auth/session')).json();
      const response = await fetch('/api/saved-searches', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ name: 'Helse og omsorg', query: { theme: ['health_care'] } }),
      });
      return response.status;
    });
    expect(saved).toBe(201);

    const admin = await newJourney(browser);
    const { page } = admin;
    try {
      await signIn(admin, inject('adminEmail'), inject('adminPassword'));
      await page.goto(`/ordninger/${SCHEME}/rediger`);
      await waitForHeading(page, /prosjektskjønn/i);
      await waitForHydration(page);
      await expectAccessible(page);

      // Opening after the deadline: the API answers with a field error on the call's deadline date.
      await page.locator('#edit-scheme-calls-0-opensOn').fill('2099-01-01');
      await page.getByRole('button', { name: text('nb', 'editor.save') }).click();
      const summary = page.getByRole('group', { name: text('nb', 'form.errorSummaryHeading') });
      const problem = summary.getByRole('link', { name: new RegExp(text('nb', 'validation.before_opening', { field: text('nb', 'field.date') })) });
      await problem.waitFor();
      expect(await problem.textContent()).toContain(text('nb', 'editor.inCall', { number: 1, message: '' }).trim());
      expect(await page.locator('#edit-scheme-calls-0-deadline-date').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page);
      await problem.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('edit-scheme-calls-0-deadline-date');

      // Fixed: no opening date, a new deadline date and time (its source kept), a comment.
      await page.locator('#edit-scheme-calls-0-opensOn').fill('');
      await page.locator('#edit-scheme-calls-0-deadline-date').fill('2020-09-02');
      await page.locator('#edit-scheme-calls-0-deadline-time').fill('13:00');
      await page.getByLabel(text('nb', 'field.comment')).fill('Fristen rettet etter kunngjøringen.');
      await page.getByRole('button', { name: text('nb', 'editor.save') }).click();
      await page.getByText(text('nb', 'editor.saved', { version: 2 })).waitFor();
      const stored = (await (await fetch(`${baseUrl()}/api/schemes/${SCHEME}`)).json()) as SchemeDetail;
      expect(stored.version).toBe(2);
      expect(stored.scheme.calls[0]!.deadline).toMatchObject({ date: '2020-09-02', time: '13:00' });
      await expectAccessible(page);

      await page
        .getByRole('link', { name: text('nb', 'history.link') })
        .first()
        .click();
      await waitForHeading(page, new RegExp(text('nb', 'history.heading', { scheme: '' })));
      const versions = page.getByRole('region', { name: new RegExp(text('nb', 'history.caption', { scheme: '.*' })) });
      const newest = versions.getByRole('row').nth(1);
      expect(await newest.textContent()).toContain('Fristen rettet etter kunngjøringen.');
      // Field by field: the moved deadline with its old and new day (the new one with the time its source states).
      const movedDeadline = new RegExp(text('nb', 'change.callDeadlineMoved', { call: '.+', from: '.+', to: '2\\. september 2020 kl\\. 13:00' }));
      expect(await newest.getByRole('listitem').allTextContents()).toContainEqual(expect.stringMatching(movedDeadline));
      expect(await newest.textContent()).toContain('Plattform Admin');
      await expectAccessible(page);
      expectNoProblems(admin, [400]);
    } finally {
      await admin.context.close();
    }
  });

  test('the edit reaches the saved search as a notification, which can be dismissed', async () => {
    const { page } = coordinator;
    // On any page, the header's count says a check is due (the catalogue changed) and shows the news.
    await page.goto('/');
    await waitForHydration(page);
    await expect
      .poll(() =>
        page
          .locator('header')
          .getByRole('link', { name: new RegExp(text('nb', 'nav.notifications')) })
          .textContent(),
      )
      .toMatch(/\d/);
    await page.goto('/varsler');
    await waitForHeading(page, text('nb', 'alerts.heading'));
    await waitForHydration(page);
    const item = page.getByRole('listitem').filter({ hasText: text('nb', 'alerts.kind.scheme_changed') });
    await item.first().waitFor();
    // It names what changed since the search last saw the scheme: the deadline the admin moved.
    expect(await item.first().textContent()).toMatch(
      new RegExp(text('nb', 'change.callDeadlineMoved', { call: '.+', from: '.+', to: '2\\. september 2020 kl\\. 13:00' })),
    );
    // The header shows the unread count.
    await expect
      .poll(() =>
        page
          .locator('header')
          .getByRole('link', { name: new RegExp(text('nb', 'nav.notifications')) })
          .textContent(),
      )
      .toMatch(/\d/);
    await expectAccessible(page);

    await page.getByRole('button', { name: text('nb', 'alerts.markAllRead') }).click();
    await page.getByRole('status').getByText(text('nb', 'alerts.allRead')).waitFor();
    await waitForHeading(page, text('nb', 'alerts.heading'));
    expect(await page.getByRole('heading', { level: 2, name: text('nb', 'alerts.notificationsHeading', { unread: 0 }) }).count()).toBe(1);

    const count = await page.getByRole('button', { name: new RegExp(text('nb', 'alerts.dismiss')) }).count();
    await page
      .getByRole('button', { name: new RegExp(text('nb', 'alerts.dismiss')) })
      .first()
      .click();
    await expect.poll(() => page.getByRole('button', { name: new RegExp(text('nb', 'alerts.dismiss')) }).count()).toBe(count - 1);
    await expectAccessible(page);

    // The saved search opens the finder with its query.
    const searches = page.getByRole('region', { name: text('nb', 'alerts.searchesHeading') });
    expect(
      await searches
        .getByRole('link', { name: new RegExp(text('nb', 'alerts.openSearch')) })
        .first()
        .getAttribute('href'),
    ).toBe('/ordninger?theme=health_care');
    expectNoProblems(coordinator);
    await coordinator.context.close();
    await colleague.context.close();
  });
});
