/**
 * A newcomer finds the schemes that fit a small municipality: from the front page to the finder,
 * filtered on health and care, each card opening with its verdict and checklist (✓ met, ? to check,
 * ✗ blocker); why Digdir's co-funding scheme is partner-only ("Kan være partner"); the R&D-partner
 * condition of Forskningsrådet's innovation project; a county-bound fund, ended, closed to a
 * municipality in another county; the deadline calendar downloaded. Prosjektskjønn's regional rounds
 * (all, the municipality's own, none known for its county). The finder, the eligibility panel and the
 * deadline filters without JavaScript; the finder form by keyboard alone; the signed-in extras; a
 * member confirming a condition ("Vi har dette") and taking it back.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { baseUrl, expectAccessible, launchBrowser, newJourney, tabTo, type Journey } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, textPattern, waitForHeading, waitForHydration } from './support/journey';

const TYDAL = '5033';
const UTSIRA = '1151';
const BODO = '1804';
const BERGEN = '4601';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The result cards of the finder, in ranked order. */
const cards = (page: Page) => page.locator('.scheme-results > li > article');

/** The card of one scheme (found by its link). */
const cardOf = (page: Page, schemeId: string) => cards(page).filter({ has: page.locator(`h3 a[href^="/ordninger/${schemeId}"]`) });

/** The first value ("Tema") of each card's facts. */
async function cardThemes(page: Page) {
  return cards(page).evaluateAll((articles) => articles.map((a) => a.querySelector('.card-facts dd')?.textContent ?? ''));
}

/** The verdict box of one role on a scheme page. */
const roleVerdict = (page: Page, role: 'lead' | 'partner') =>
  page.locator('.role-verdict').filter({ has: page.getByRole('heading', { level: 4, name: text('nb', `scheme.eligibility.role.${role}`) }) });

/** The state of one line of a checklist (`met`, `to_check`, `blocker`), or null when it has no such line. */
async function checkState(box: Locator, conditionId: string) {
  const item = box.locator(`.checklist > li[data-condition="${conditionId}"]`);
  if ((await item.count()) === 0) return null;
  const classes = (await item.getAttribute('class')) ?? '';
  return /check--(met|to_check|blocker)/.exec(classes)?.[1] ?? null;
}

/** The text of the verdict badge in a card or a role's box. */
const verdictOf = (box: Locator) => box.locator('.verdict').first().textContent();

async function signIn(journey: Journey, email: string, password: string) {
  const { page } = journey;
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email'), { exact: true }).fill(email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

/** Makes a member of a municipality's organisation through the API (invited by the platform admin); returns their e-mail. */
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

const partnerOnly = text('nb', 'eligibility.partner_only', { leadTypes: text('nb', 'applicantType.state_agency') });
const RD_PARTNER = 'partner:rd_organisation';

describe('scheme finder', () => {
  test('a newcomer finds schemes for Tydal, filters on health and care, reads the verdicts and downloads the deadlines', async () => {
    const journey = await newJourney(browser, { locale: 'nb-NO' });
    const { page } = journey;
    try {
      await page.goto('/');
      await waitForHeading(page, text('nb', 'home.heading'));
      await waitForHydration(page);
      await expectAccessible(page);

      // The front page's entry point: pick the municipality, land in the finder.
      const entry = page.getByRole('form', { name: text('nb', 'finder.home.heading') });
      await entry.getByLabel(text('nb', 'finder.municipalityLabel'), { exact: true }).selectOption(TYDAL);
      await entry.getByRole('button', { name: text('nb', 'finder.home.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/ordninger' && url.searchParams.get('municipality') === TYDAL);
      await waitForHeading(page, text('nb', 'finder.heading'));
      await page.getByRole('heading', { level: 2, name: text('nb', 'finder.resultsFor', { municipality: 'Tydal' }) }).waitFor();
      expect(await cards(page).count()).toBeGreaterThan(0);
      expect(await page.getByText(text('nb', 'finder.choosePrompt')).count()).toBe(0);
      await expectAccessible(page);

      // Health and care only: every result carries the theme, and each card has a verdict.
      const finder = page.getByRole('search', { name: text('nb', 'finder.formLabel') });
      expect(await finder.getByLabel(text('nb', 'finder.municipalityLabel'), { exact: true }).inputValue()).toBe(TYDAL);
      await finder.getByLabel(text('nb', 'theme.health_care'), { exact: true }).check();
      await finder.getByRole('button', { name: text('nb', 'finder.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.getAll('theme').join() === 'health_care');
      await expect.poll(async () => (await cardThemes(page)).every((themes) => themes.includes(text('nb', 'theme.health_care')))).toBe(true);
      const healthCount = await cards(page).count();
      expect(healthCount).toBeGreaterThan(0);
      expect(await page.locator('.scheme-results .verdict').count()).toBe(healthCount);
      // The answer comes first on every card: the verdict with its checklist, then why it is placed there.
      const firsts = await cards(page).evaluateAll((articles) =>
        articles.map((a) => [a.firstElementChild?.className ?? '', a.children[1]?.className ?? '', a.querySelectorAll('.checklist > li').length]),
      );
      for (const [first, second, checks] of firsts) {
        expect(first).toContain('scheme-card__answer');
        expect(second).toContain('scheme-card__rank');
        expect(checks).toBeGreaterThan(0);
      }
      // Icons are decoration: each line says its state in words.
      const states = await page
        .locator('.scheme-results .checklist > li')
        .evaluateAll((items) =>
          items.map((li) => [li.querySelector('svg')?.getAttribute('aria-hidden'), li.querySelector('.check__text > span')?.textContent ?? '']),
        );
      for (const [hidden, state] of states) {
        expect(hidden).toBe('true');
        expect(
          [text('nb', 'checklist.state.met'), text('nb', 'checklist.state.to_check'), text('nb', 'checklist.state.blocker')].map((w) => `${w}:`),
        ).toContain(state);
      }
      await expectAccessible(page);

      // Digdir's co-funding scheme: the card says why the municipality can only be a partner.
      await finder.getByLabel(text('nb', 'theme.health_care'), { exact: true }).uncheck();
      await finder.getByLabel(text('nb', 'finder.searchLabel'), { exact: true }).fill('medfinansiering');
      await finder.getByRole('button', { name: text('nb', 'finder.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'medfinansiering' && !url.searchParams.has('theme'));
      const digdir = cardOf(page, 'digdir-medfinansiering');
      await digdir.waitFor();
      // Partner-only: "Kan være partner", never "Kan søke".
      expect(await verdictOf(digdir)).toBe(text('nb', 'verdict.partner.eligible'));
      expect(await digdir.locator('.scheme-card__answer').textContent()).not.toContain(text('nb', 'verdict.eligible'));
      expect(await digdir.locator('.reasons li').allTextContents()).toContain(partnerOnly);
      await expectAccessible(page);

      // Its page: not as lead applicant (the reason is a blocker), on conditions as a partner.
      await digdir.getByRole('link').first().click();
      await page.waitForURL((url) => url.pathname === '/ordninger/digdir-medfinansiering');
      await waitForHeading(page, /Medfinansieringsordningen/);
      const lead = roleVerdict(page, 'lead');
      await lead.getByText(text('nb', 'verdict.not_eligible')).waitFor();
      expect(await lead.locator('.verdict-block__reason').textContent()).toContain(partnerOnly);
      expect(await checkState(lead, 'register:applicant_type')).toBe('blocker');
      expect(await verdictOf(roleVerdict(page, 'partner'))).toBe(text('nb', 'verdict.partner.eligible'));
      expect(await checkState(roleVerdict(page, 'partner'), 'register:applicant_type')).toBe('met');
      // Sources, "last checked", and no editing links for a visitor.
      expect(await page.getByText(text('nb', 'scheme.lastChecked'), { exact: true }).count()).toBe(1);
      expect(await page.locator('.source-list li').count()).toBeGreaterThan(0);
      expect(await page.getByRole('link', { name: text('nb', 'scheme.edit'), exact: true }).count()).toBe(0);
      // The next call is a forecast, marked as one, with its certainty and what it rests on; no
      // deadline of this scheme states a time, and the page says so instead of making one up.
      const calls = page.getByRole('region', { name: /^Utlysninger av/ });
      await calls.locator('.call-row--predicted .forecast-mark').first().waitFor();
      expect(await calls.locator('.call-row--predicted .forecast__certainty').first().textContent()).toMatch(
        new RegExp(['high', 'medium', 'low'].map((c) => text('nb', `forecast.certainty.${c}` as 'forecast.certainty.low')).join('|')),
      );
      expect(await calls.locator('.call-row--predicted .forecast-basis').first().textContent()).toContain(
        text('nb', 'forecast.basis', { calls: '' }).slice(0, 12),
      );
      expect(await calls.textContent()).toContain(text('nb', 'deadline.timeNotStated'));
      await expectAccessible(page);

      // Forskningsrådet's innovation project needs an approved R&D partner; with one, the condition is met.
      await page.goto(`/ordninger/forskningsradet-ipo?municipality=${TYDAL}`);
      await waitForHeading(page, /Innovasjonsprosjekt i offentlig sektor/);
      await waitForHydration(page);
      expect(await checkState(roleVerdict(page, 'lead'), RD_PARTNER)).toBe('to_check');
      // Signed out: the answer rests on the registers, and there is nothing to confirm.
      await page.getByText(text('nb', 'checklist.publicOnly')).waitFor();
      expect(await page.getByRole('button', { name: new RegExp(text('nb', 'checklist.confirm')) }).count()).toBe(0);
      await expectAccessible(page);
      const panel = page.getByRole('form', { name: text('nb', 'scheme.eligibility.heading') });
      await panel.getByLabel(text('nb', 'applicantType.rd_organisation'), { exact: true }).check();
      await panel.getByRole('button', { name: text('nb', 'scheme.eligibility.submit') }).click();
      await page.waitForURL((url) => url.searchParams.get('partners') === 'rd_organisation');
      await expect.poll(() => checkState(roleVerdict(page, 'lead'), RD_PARTNER)).toBe('met');
      await expectAccessible(page);

      // The regional research fund of Nordland: closed to Tydal (Trøndelag), open to Bodø.
      // It has ended: the page says so at the top, and no source records a check date.
      await page.goto(`/ordninger/regionale-forskningsfond-nordland?municipality=${TYDAL}`);
      await waitForHeading(page, /Nordland/);
      await page.locator('.lifecycle-notice').waitFor();
      for (const role of ['lead', 'partner'] as const) {
        await roleVerdict(page, role)
          .getByText(text('nb', role === 'lead' ? 'verdict.not_eligible' : 'verdict.partner.not_eligible'))
          .waitFor();
        expect(await checkState(roleVerdict(page, role), 'register:county')).toBe('blocker');
      }
      await expectAccessible(page);
      // Ended schemes are found when their name is searched, marked as ended.
      await page.goto(`/ordninger?municipality=${TYDAL}&q=Nordland`);
      const fund = cardOf(page, 'regionale-forskningsfond-nordland');
      await fund.getByText(text('nb', 'verdict.not_eligible')).waitFor();
      expect(await checkState(fund, 'register:county')).toBe('blocker');
      expect(await fund.locator('.lifecycle-tag').textContent()).toBe(text('nb', 'lifecycle.ended'));
      await page.goto(`/ordninger/regionale-forskningsfond-nordland?municipality=${BODO}`);
      await roleVerdict(page, 'lead').getByText(text('nb', 'verdict.eligible_with_conditions')).waitFor();
      // A register fact that is met is a ✓, never an open condition.
      expect(await checkState(roleVerdict(page, 'lead'), 'register:county')).toBe('met');

      // The deadlines, from the main navigation: list, calendar, and the calendar file.
      await waitForHydration(page);
      await page
        .getByRole('navigation', { name: text('nb', 'layout.mainNav') })
        .getByRole('link', { name: text('nb', 'nav.deadlines'), exact: true })
        .click();
      await page.waitForURL((url) => url.pathname === '/frister');
      await waitForHeading(page, text('nb', 'deadlines.heading'));
      expect(await page.locator('.deadline-months table').count()).toBeGreaterThan(0);
      // Prosjektskjønn's rounds are told apart by region; deadlines without a stated time say so.
      const list = (await page.locator('.deadline-months').textContent()) ?? '';
      expect(list).toContain(text('nb', 'deadline.timeNotStated'));
      const regions = await page
        .locator('.deadline-months tr')
        .filter({ has: page.locator('a[href="/ordninger/prosjektskjonn"]') })
        .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent ?? ''));
      expect(regions.length).toBeGreaterThan(1);
      expect(new Set(regions).size).toBe(regions.length);
      await expectAccessible(page);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: text('nb', 'deadlines.subscribe.download') }).click(),
      ]);
      const file = readFileSync((await download.path())!, 'utf8');
      expect(file.startsWith('BEGIN:VCALENDAR')).toBe(true);
      expect(file).toContain('END:VCALENDAR');

      await page.getByRole('link', { name: text('nb', 'deadlines.viewCalendar'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('view') === 'calendar');
      await page.locator('table.calendar-grid').waitFor();
      expect(await page.locator('.calendar-day--due').count()).toBeGreaterThan(0);
      await expectAccessible(page);

      await page.getByLabel(text('nb', 'deadlines.forecasts.hide'), { exact: true }).check();
      await page.getByRole('button', { name: text('nb', 'deadlines.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('forecasts') === 'hide');
      await expectAccessible(page);

      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('the finder, the eligibility panel and the deadline filters work without JavaScript', async () => {
    const journey = await newJourney(browser, { javaScriptEnabled: false });
    const { page } = journey;
    try {
      await page.goto('/ordninger');
      await waitForHeading(page, text('nb', 'finder.heading'));
      // No municipality yet: a clear prompt, and no verdicts.
      await page.getByText(text('nb', 'finder.choosePrompt')).waitFor();
      expect(await page.locator('.scheme-results .verdict').count()).toBe(0);
      await expectAccessible(page);

      const finder = page.getByRole('search', { name: text('nb', 'finder.formLabel') });
      await finder.getByLabel(text('nb', 'finder.municipalityLabel'), { exact: true }).selectOption(UTSIRA);
      await finder.getByLabel(text('nb', 'theme.health_care'), { exact: true }).check();
      await finder.getByRole('button', { name: text('nb', 'finder.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('municipality') === UTSIRA && url.searchParams.get('theme') === 'health_care');
      await page.getByRole('heading', { level: 2, name: text('nb', 'finder.resultsFor', { municipality: 'Utsira' }) }).waitFor();
      const themes = await cardThemes(page);
      expect(themes.length).toBeGreaterThan(0);
      expect(themes.every((t) => t.includes(text('nb', 'theme.health_care')))).toBe(true);
      expect(await page.locator('.scheme-results .verdict').count()).toBe(themes.length);
      await expectAccessible(page);

      // The eligibility panel is a GET form too.
      await page.goto('/ordninger/forskningsradet-ipo');
      await page.getByText(text('nb', 'scheme.eligibility.choose')).waitFor();
      const panel = page.getByRole('form', { name: text('nb', 'scheme.eligibility.heading') });
      await panel.getByLabel(text('nb', 'scheme.eligibility.municipalityLabel'), { exact: true }).selectOption(UTSIRA);
      await panel.getByLabel(text('nb', 'applicantType.rd_organisation'), { exact: true }).check();
      await panel.getByRole('button', { name: text('nb', 'scheme.eligibility.submit') }).click();
      await page.waitForURL((url) => url.searchParams.get('municipality') === UTSIRA && url.searchParams.get('partners') === 'rd_organisation');
      expect(await checkState(roleVerdict(page, 'lead'), RD_PARTNER)).toBe('met');
      await expectAccessible(page);

      // The change history is open data: linked for every visitor, the editors' names for signed-in users only.
      await page.getByRole('link', { name: text('nb', 'scheme.history'), exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/ordninger/forskningsradet-ipo/historikk');
      await page.getByText(text('nb', 'history.namesSignedIn')).waitFor();
      await expectAccessible(page);

      await page.goto('/frister');
      await page.getByLabel(text('nb', 'deadlines.forecasts.hide'), { exact: true }).check();
      await page.getByRole('button', { name: text('nb', 'deadlines.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('forecasts') === 'hide');
      expect(await page.getByLabel(text('nb', 'deadlines.forecasts.hide'), { exact: true }).isChecked()).toBe(true);
      await expectAccessible(page);

      // An unknown municipality number gives a notice, not an error page.
      expect((await page.goto('/ordninger?municipality=9999'))?.status()).toBe(200);
      await page.getByText(text('nb', 'error.municipality_not_found', { code: '9999' })).waitFor();

      const missing = await page.goto('/ordninger/finnes-ikke');
      expect(missing?.status()).toBe(404);
      expectNoProblems(journey, [404]);
    } finally {
      await journey.context.close();
    }
  });

  test('the finder form can be filled in and sent with the keyboard alone', async () => {
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await page.goto('/ordninger');
      await waitForHeading(page, text('nb', 'finder.heading'));
      await waitForHydration(page);

      await tabTo(page, (el) => el.tag === 'select' && el.name === 'municipality');
      await page.keyboard.type('Tydal');
      expect(await page.locator('#finder-municipality').inputValue()).toBe(TYDAL);
      await tabTo(page, (el) => el.tag === 'input' && el.name === 'q');
      await page.keyboard.type('helse');
      await tabTo(page, (el) => el.tag === 'input' && el.name === 'theme');
      // The first theme is health and care.
      await page.keyboard.press('Space');
      expect(await page.locator('#finder-theme-health_care').isChecked()).toBe(true);
      // The extra filters open from their summary with Enter.
      await tabTo(page, (el) => el.tag === 'summary');
      await page.keyboard.press('Enter');
      await tabTo(page, (el) => el.tag === 'input' && el.name === 'openNow');
      await tabTo(page, (el) => el.tag === 'button' && el.text === text('nb', 'finder.submit'));
      await page.keyboard.press('Enter');
      await page.waitForURL(
        (url) => url.searchParams.get('municipality') === TYDAL && url.searchParams.get('q') === 'helse' && url.searchParams.get('theme') === 'health_care',
      );
      await page.getByRole('heading', { level: 2, name: text('nb', 'finder.resultsFor', { municipality: 'Tydal' }) }).waitFor();
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('signed in: save a search; editing and history links on a scheme page; pages fit 320 px', async () => {
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await signIn(journey, inject('adminEmail'), inject('adminPassword'));
      await page.goto(`/ordninger?municipality=${TYDAL}&theme=health_care`);
      await waitForHeading(page, text('nb', 'finder.heading'));
      await waitForHydration(page);
      await page.getByText(text('nb', 'finder.save.summary')).click();
      const name = page.getByLabel(text('nb', 'finder.save.nameLabel'), { exact: true });
      expect(await name.inputValue()).toBe(text('nb', 'finder.save.defaultName', { municipality: 'Tydal' }));
      await name.fill('Helse i Tydal');
      await page.getByRole('button', { name: text('nb', 'finder.save.submit') }).click();
      await page.getByText(text('nb', 'finder.save.saved', { name: 'Helse i Tydal' })).waitFor();
      await expectAccessible(page);

      // A platform admin may edit any scheme; everyone sees the history.
      await page.goto('/ordninger/digdir-medfinansiering');
      await waitForHeading(page, /Medfinansieringsordningen/);
      expect(await page.getByRole('link', { name: text('nb', 'scheme.edit'), exact: true }).getAttribute('href')).toBe(
        '/ordninger/digdir-medfinansiering/rediger',
      );
      expect(await page.getByRole('link', { name: text('nb', 'scheme.history'), exact: true }).getAttribute('href')).toBe(
        '/ordninger/digdir-medfinansiering/historikk',
      );
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }

    const narrow = await newJourney(browser, { width: 320 });
    try {
      for (const path of [`/ordninger?municipality=${TYDAL}`, `/ordninger/prosjektskjonn?municipality=${TYDAL}`, '/frister', '/frister?view=calendar', '/']) {
        await narrow.page.goto(path);
        await narrow.page.locator('main h1').waitFor();
        await expectNoHorizontalScroll(narrow.page);
      }
      await expectAccessible(narrow.page);
      expectNoProblems(narrow);
    } finally {
      await narrow.context.close();
    }
  });
  test('prosjektskjønn: every round by region, the municipality\'s own round, and "no known round" for a county without one', async () => {
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      const all = (await (await fetch(`${baseUrl()}/api/schemes/prosjektskjonn`)).json()) as SchemeDetail;
      expect(all.scheme.rounds.length).toBeGreaterThan(1);
      const rounds = page.getByRole('region', { name: text('nb', 'scheme.rounds.caption', { scheme: all.scheme.name.nb }) });

      // Without a municipality: every round, named by region, with its owner in the page language.
      await page.goto('/ordninger/prosjektskjonn');
      await waitForHeading(page, all.scheme.name.nb);
      expect(await rounds.locator('tbody th').allTextContents()).toEqual(all.scheme.rounds.map((r) => r.name.nb));
      expect(await rounds.locator('tbody tr > td:nth-child(2)').allTextContents()).toEqual(all.scheme.rounds.map((r) => r.owner.name.nb));
      await expectAccessible(page);

      // Bergen (Vestland): its round, its owner at the top, and only that round's calls.
      const bergen = (await (await fetch(`${baseUrl()}/api/schemes/prosjektskjonn?municipality=${BERGEN}`)).json()) as SchemeDetail;
      const round = bergen.round!;
      await page.goto(`/ordninger/prosjektskjonn?municipality=${BERGEN}`);
      await waitForHeading(page, all.scheme.name.nb);
      await page.getByText(text('nb', 'scheme.rounds.yours', { municipality: 'Bergen', region: round.name.nb, owner: round.owner.name.nb })).waitFor();
      await page.getByText(text('nb', 'scheme.roundOwner', { region: round.name.nb })).waitFor();
      const regionCells = await page
        .getByRole('region', { name: /^Utlysninger av/ })
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent ?? ''));
      expect(regionCells.length).toBeGreaterThan(0);
      expect(new Set(regionCells)).toEqual(new Set([round.name.nb]));
      await expectAccessible(page);

      // Utsira (Rogaland): no known round. Unknown, not a blocker: the verdict is not "cannot apply".
      await page.goto(`/ordninger/prosjektskjonn?municipality=${UTSIRA}`);
      await waitForHeading(page, all.scheme.name.nb);
      expect(await page.getByText(text('nb', 'checklist.roundUnknown', { county: 'Rogaland' })).count()).toBeGreaterThan(0);
      expect(await verdictOf(roleVerdict(page, 'lead'))).not.toBe(text('nb', 'verdict.not_eligible'));
      expect(await rounds.locator('tbody tr').count()).toBe(all.scheme.rounds.length);
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('finder filters: an owner by its id, ended schemes, guidance without money', async () => {
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await page.goto(`/ordninger?municipality=${UTSIRA}`);
      await waitForHeading(page, text('nb', 'finder.heading'));
      await waitForHydration(page);
      const finder = page.getByRole('search', { name: text('nb', 'finder.formLabel') });
      await finder.getByText(text('nb', 'finder.moreFilters')).click();
      const owner = finder.getByLabel(text('nb', 'finder.ownerLabel'), { exact: true });
      const options = await owner.locator('option').evaluateAll((list) => list.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
      expect(options.length).toBeGreaterThan(2);
      for (const [value, label] of options.slice(1)) {
        expect(value).toMatch(/^[a-z0-9-]+$/);
        expect(label).not.toBe(value);
      }
      await owner.selectOption(options[1]![0]!);
      await finder.getByRole('button', { name: text('nb', 'finder.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('owner') === options[1]![0]);
      await expect.poll(() => cards(page).count()).toBeGreaterThan(0);
      await expectAccessible(page);

      // Ended schemes are left out unless asked for; then each is marked.
      await page.goto(`/ordninger?municipality=${UTSIRA}&status=ended`);
      await waitForHeading(page, text('nb', 'finder.heading'));
      const ended = await cards(page).count();
      expect(ended).toBeGreaterThan(0);
      expect(await page.locator('.scheme-results .lifecycle-tag').allTextContents()).toEqual(Array(ended).fill(text('nb', 'lifecycle.ended')));
      await page.goto(`/ordninger?municipality=${UTSIRA}`);
      expect(await page.locator('.scheme-results .scheme-card--ended').count()).toBe(0);

      // Guidance without money: only schemes that give no grant.
      await page.goto(`/ordninger?municipality=${UTSIRA}&funding=guidance`);
      await waitForHeading(page, text('nb', 'finder.heading'));
      const amounts = await cards(page).evaluateAll((articles) => articles.map((a) => a.querySelectorAll('.card-facts dd')[1]?.textContent ?? ''));
      expect(amounts.length).toBeGreaterThan(0);
      expect(new Set(amounts)).toEqual(new Set([text('nb', 'finder.noGrant')]));
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test('a member confirms conditions ("Vi har dette"): who and until when, the verdict rests on them, private, and undone', async () => {
    const password = 'e2e-member-password-123';
    await makeMember(BODO, 'radgiver@bodo.example.org', 'Rita Rådgiver', password);
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await signIn(journey, 'radgiver@bodo.example.org', password);
      await page.goto(`/ordninger/forskningsradet-ipo?municipality=${BODO}`);
      await waitForHeading(page, /Innovasjonsprosjekt i offentlig sektor/);
      await waitForHydration(page);
      const lead = roleVerdict(page, 'lead');
      expect(await checkState(lead, RD_PARTNER)).toBe('to_check');
      await page.getByText(text('nb', 'checklist.confirmLead', { municipality: 'Bodø' })).waitFor();
      await expectAccessible(page);

      // "Vi har dette" on the R&D partner: met, with who confirmed it; focus on its undo button.
      const rd = lead.locator(`.checklist > li[data-condition="${RD_PARTNER}"]`);
      await rd.getByRole('button', { name: new RegExp(`^${text('nb', 'checklist.confirm')}`) }).click();
      await page
        .getByRole('status')
        .filter({ hasText: textPattern('nb', 'checklist.confirmedStatus') })
        .waitFor();
      await expect.poll(() => checkState(lead, RD_PARTNER)).toBe('met');
      expect(await rd.locator('.check__confirmation').textContent()).toContain('Rita Rådgiver');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('undo-partner-rd_organisation');
      await expectAccessible(page);

      // Every open condition confirmed: "Kan søke", and the finder card for Bodø agrees.
      for (let left = await lead.locator('.check__actions button').count(); left > 0; left--) {
        await lead.locator('.check__actions button').first().click();
        await expect.poll(() => lead.locator('.check__actions button').count()).toBe(left - 1);
      }
      await expect.poll(() => verdictOf(lead)).toBe(text('nb', 'verdict.eligible'));
      await page.goto(`/ordninger?municipality=${BODO}&q=${encodeURIComponent('Innovasjonsprosjekt i offentlig sektor')}`);
      expect(await verdictOf(cardOf(page, 'forskningsradet-ipo'))).toBe(text('nb', 'verdict.eligible'));
      expect(await cardOf(page, 'forskningsradet-ipo').locator('.check__confirmation').first().textContent()).toContain('Rita Rådgiver');
      await expectAccessible(page);

      // Private: anonymous callers get the register-only verdict.
      const anonymous = (await (await fetch(`${baseUrl()}/api/schemes/forskningsradet-ipo?municipality=${BODO}`)).json()) as SchemeDetail;
      expect(anonymous.eligibility!.lead.verdict).toBe('eligible_with_conditions');
      expect(anonymous.eligibility!.lead.checklist.every((c) => c.confirmation === null)).toBe(true);

      // "Angre" takes it back.
      await page.goto(`/ordninger/forskningsradet-ipo?municipality=${BODO}`);
      await waitForHydration(page);
      await rd.getByRole('button', { name: new RegExp(`^${text('nb', 'checklist.undo')}`) }).click();
      await page
        .getByRole('status')
        .filter({ hasText: textPattern('nb', 'checklist.undoneStatus') })
        .waitFor();
      await expect.poll(() => checkState(lead, RD_PARTNER)).toBe('to_check');
      expect(await verdictOf(lead)).toBe(text('nb', 'verdict.eligible_with_conditions'));
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });
});
