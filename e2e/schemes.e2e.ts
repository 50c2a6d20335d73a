/**
 * A newcomer finds the schemes that fit a small municipality: from the front page to the finder,
 * filtered on health and care; why Digdir's co-funding scheme is partner-only; the R&D-partner
 * condition of Forskningsrådet's innovation project; a county-bound fund closed to a municipality in
 * another county; the deadline calendar downloaded. The finder, the eligibility panel and the
 * deadline filters without JavaScript; the finder form by keyboard alone; the signed-in extras.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible, launchBrowser, newJourney, tabTo, type Journey } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

const TYDAL = '5033';
const UTSIRA = '1151';
const BODO = '1804';

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

async function reasonsOf(box: Locator) {
  return box.locator('.reasons li').allTextContents();
}

async function signIn(journey: Journey, email: string, password: string) {
  const { page } = journey;
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email'), { exact: true }).fill(email);
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

const partnerOnly = text('nb', 'eligibility.partner_only', { leadTypes: text('nb', 'applicantType.state_agency') });
const needsRd = text('nb', 'eligibility.needs_partner_type', { partnerType: text('nb', 'applicantType.rd_organisation') });
const hasRd = text('nb', 'eligibility.has_partner_type', { partnerType: text('nb', 'applicantType.rd_organisation') });
const onlyNordland = text('nb', 'eligibility.county_excluded', { counties: 'Nordland' });

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
      await expectAccessible(page);

      // Digdir's co-funding scheme: the card says why the municipality can only be a partner.
      await finder.getByLabel(text('nb', 'theme.health_care'), { exact: true }).uncheck();
      await finder.getByLabel(text('nb', 'finder.searchLabel'), { exact: true }).fill('medfinansiering');
      await finder.getByRole('button', { name: text('nb', 'finder.submit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'medfinansiering' && !url.searchParams.has('theme'));
      const digdir = cardOf(page, 'digdir-medfinansiering');
      await digdir.waitFor();
      expect(await digdir.getByText(text('nb', 'finder.role.partner')).count()).toBe(1);
      expect(await digdir.locator('.reasons li').allTextContents()).toContain(partnerOnly);
      await expectAccessible(page);

      // Its page: not as lead applicant (the reason is a blocker), on conditions as a partner.
      await digdir.getByRole('link').first().click();
      await page.waitForURL((url) => url.pathname === '/ordninger/digdir-medfinansiering');
      await waitForHeading(page, /Medfinansieringsordningen/);
      const lead = roleVerdict(page, 'lead');
      await lead.getByText(text('nb', 'verdict.not_eligible')).waitFor();
      expect(await lead.locator('.reason-group--blocker li').allTextContents()).toContain(partnerOnly);
      await roleVerdict(page, 'partner').getByText(text('nb', 'verdict.eligible_with_conditions')).waitFor();
      // Sources, "last checked", and no editing links for a visitor.
      expect(await page.getByText(text('nb', 'scheme.lastChecked'), { exact: true }).count()).toBe(1);
      expect(await page.locator('.source-list li').count()).toBeGreaterThan(0);
      expect(await page.getByRole('link', { name: text('nb', 'scheme.edit'), exact: true }).count()).toBe(0);
      // The next call is a forecast, and marked as one.
      await page
        .getByRole('region', { name: /^Utlysninger av/ })
        .getByText(text('nb', 'callStatus.predicted'))
        .waitFor();
      await expectAccessible(page);

      // Forskningsrådet's innovation project needs an approved R&D partner; with one, the condition is met.
      await page.goto(`/ordninger/forskningsradet-ipo?municipality=${TYDAL}`);
      await waitForHeading(page, /Innovasjonsprosjekt i offentlig sektor/);
      await waitForHydration(page);
      expect(await reasonsOf(roleVerdict(page, 'lead'))).toContain(needsRd);
      await expectAccessible(page);
      const panel = page.getByRole('form', { name: text('nb', 'scheme.eligibility.heading') });
      await panel.getByLabel(text('nb', 'applicantType.rd_organisation'), { exact: true }).check();
      await panel.getByRole('button', { name: text('nb', 'scheme.eligibility.submit') }).click();
      await page.waitForURL((url) => url.searchParams.get('partners') === 'rd_organisation');
      await expect.poll(() => reasonsOf(roleVerdict(page, 'lead'))).toContain(hasRd);
      expect(await reasonsOf(roleVerdict(page, 'lead'))).not.toContain(needsRd);
      await expectAccessible(page);

      // The regional research fund of Nordland: closed to Tydal (Trøndelag), open to Bodø.
      await page.goto(`/ordninger/regionale-forskningsfond-nordland?municipality=${TYDAL}`);
      await waitForHeading(page, /Nordland/);
      for (const role of ['lead', 'partner'] as const) {
        await roleVerdict(page, role).getByText(text('nb', 'verdict.not_eligible')).waitFor();
        expect(await roleVerdict(page, role).locator('.reason-group--blocker li').allTextContents()).toContain(onlyNordland);
      }
      await expectAccessible(page);
      await page.goto(`/ordninger?municipality=${TYDAL}&q=Nordland`);
      const fund = cardOf(page, 'regionale-forskningsfond-nordland');
      await fund.getByText(text('nb', 'verdict.not_eligible')).waitFor();
      expect(await fund.locator('.reasons li').allTextContents()).toContain(onlyNordland);
      await page.goto(`/ordninger/regionale-forskningsfond-nordland?municipality=${BODO}`);
      await roleVerdict(page, 'lead').getByText(text('nb', 'verdict.eligible_with_conditions')).waitFor();
      expect(await reasonsOf(roleVerdict(page, 'lead'))).not.toContain(onlyNordland);

      // The deadlines, from the main navigation: list, calendar, and the calendar file.
      await waitForHydration(page);
      await page
        .getByRole('navigation', { name: text('nb', 'layout.mainNav') })
        .getByRole('link', { name: text('nb', 'nav.deadlines'), exact: true })
        .click();
      await page.waitForURL((url) => url.pathname === '/frister');
      await waitForHeading(page, text('nb', 'deadlines.heading'));
      expect(await page.locator('.deadline-months table').count()).toBeGreaterThan(0);
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
      expect(await reasonsOf(roleVerdict(page, 'lead'))).toContain(hasRd);
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
});
