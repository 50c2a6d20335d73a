/**
 * Accounts by invitation: the platform administrator invites Tydal's first administrator, who signs
 * up and invites a colleague; the colleague signs up, signs out and in again, changes language and
 * password settings, and is refused another municipality's private page.
 *
 * The tests run in order and hand on the invitation links, like the people in the story would.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible, launchBrowser, newJourney, type Journey } from './support/browser';
import { expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

const TYDAL = { code: '5033', name: 'Tydal' };
const ROROS_CODE = '5025';
const runId = Date.now().toString(36);
const tydalAdmin = { name: 'Tone Tydal', email: `tone.${runId}@tydal.example.org`, password: 'fjellvann-og-myr-2024' };
const colleague = { name: 'Kari Kollega', email: `kari.${runId}@tydal.example.org`, password: 'stugusjøen-i-tydal-7' };

let browser: Browser;
/** Handed from one step of the story to the next. */
const story: { organisationPath?: string; adminInvitation?: string; memberInvitation?: string } = {};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The organisation page of a municipality, reached the way a user would: from its municipality page. */
async function openMunicipalityOrganisation(page: Page, code: string, lang: 'nb' | 'nn' = 'nb') {
  await page.goto(`/kommuner/${code}`);
  await page.getByRole('heading', { level: 2, name: text(lang, 'municipality.factsHeading') }).waitFor();
  await waitForHydration(page);
  await expectAccessible(page);
  const link = page.getByRole('link', { name: text(lang, 'municipality.organisationLink') });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/organisasjoner\/[0-9a-f-]{36}$/);
  await link.click();
  await page.waitForURL(`**${href}`);
  return href!;
}

async function signIn(page: Page, email: string, password: string, lang: 'nb' | 'nn' = 'nb') {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: text(lang, 'login.submit'), exact: true }) });
  await form.getByLabel(text(lang, 'field.email'), { exact: true }).fill(email);
  await form.getByLabel(text(lang, 'field.password'), { exact: true }).fill(password);
  await form.getByRole('button', { name: text(lang, 'login.submit'), exact: true }).click();
}

/** Creates an invitation on the organisation page and returns the link's path, read from the UI. */
async function invite(page: Page, email: string, role: 'admin' | 'member') {
  const section = page.getByRole('region', { name: text('nb', 'invite.heading') });
  await section.getByLabel(text('nb', 'field.email'), { exact: true }).fill(email);
  await section.getByLabel(text('nb', 'field.role'), { exact: true }).selectOption(role);
  await section.getByRole('button', { name: text('nb', 'invite.submit') }).click();
  await section.getByRole('heading', { name: text('nb', 'invite.createdHeading') }).waitFor();
  const link = await section.getByLabel(text('nb', 'invite.linkLabel')).inputValue();
  const path = new URL(link).pathname;
  expect(path).toMatch(/^\/invitasjon\/[A-Za-z0-9_-]{20,}$/);
  // The new invitation is listed among the open ones, without its link.
  await page
    .getByRole('region', { name: text('nb', 'invitations.caption') })
    .getByRole('rowheader', { name: email })
    .waitFor();
  return path;
}

/** Accepts an invitation as a new person, in a fresh browser, and returns the signed-in journey. */
async function signUp(path: string, person: { name: string; email: string; password: string }): Promise<Journey> {
  const journey = await newJourney(browser);
  const { page } = journey;
  await page.goto(path);
  await waitForHeading(page, text('nb', 'invitation.heading', { organisation: TYDAL.name }));
  await waitForHydration(page);
  expect(await page.getByLabel(text('nb', 'field.email'), { exact: true }).inputValue()).toBe(person.email);
  await expectAccessible(page);

  // Two different passwords are caught before anything is sent.
  await page.getByLabel(text('nb', 'field.name'), { exact: true }).fill(person.name);
  await page.getByLabel(text('nb', 'invitation.choosePassword'), { exact: true }).fill(person.password);
  await page.getByLabel(text('nb', 'field.repeatPassword'), { exact: true }).fill(`${person.password}x`);
  await page.getByRole('button', { name: text('nb', 'invitation.submitNew') }).click();
  await page.getByRole('link', { name: text('nb', 'form.passwordMismatch') }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('form-problems');
  await expectAccessible(page);

  await page.getByLabel(text('nb', 'field.repeatPassword'), { exact: true }).fill(person.password);
  await page.getByRole('button', { name: text('nb', 'invitation.submitNew') }).click();
  await page.waitForURL(`**${story.organisationPath}`);
  await waitForHeading(page, TYDAL.name);
  await expectSignedInAs(page, person.name);
  return journey;
}

async function expectSignedInAs(page: Page, name: string, lang: 'nb' | 'nn' = 'nb') {
  // The header's account link: "Logget inn som <name>, min konto" (hidden words for screen readers).
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const label = new RegExp(`^${escape(text(lang, 'layout.signedInAs'))} ${escape(name)}\\s*, ${escape(text(lang, 'nav.account'))}$`);
  await page.getByRole('banner').getByRole('link', { name: label }).waitFor();
}

/** The members table row of a person: name cell, e-mail and role. */
async function memberRole(page: Page, name: string) {
  const row = page
    .getByRole('region', { name: text('nb', 'members.caption') })
    .getByRole('row')
    .filter({ hasText: name });
  return (await row.getByRole('cell').nth(1).textContent())?.trim();
}

describe('accounts', () => {
  test('the platform administrator invites the first administrator of Tydal', { timeout: 90_000 }, async () => {
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      await page.goto('/logg-inn');
      await waitForHeading(page, text('nb', 'login.heading'));
      await waitForHydration(page);
      await expectAccessible(page);

      await signIn(page, inject('adminEmail'), inject('adminPassword'));
      // Without `?neste=` the sign-in continues to /min-kommune, which sends a user in no municipality to the finder.
      await page.waitForURL((url) => url.pathname === '/ordninger');
      await page.goto('/konto');
      await waitForHeading(page, text('nb', 'account.heading'));
      await expectSignedInAs(page, 'Plattform Admin');
      await page.getByText(text('nb', 'account.platformAdmin')).waitFor();
      await expectAccessible(page);

      story.organisationPath = await openMunicipalityOrganisation(page, TYDAL.code);
      await waitForHeading(page, TYDAL.name);
      await page.getByRole('heading', { level: 2, name: text('nb', 'invite.heading') }).waitFor();
      await page.getByText(text('nb', 'members.empty')).waitFor();
      await expectAccessible(page);

      story.adminInvitation = await invite(page, tydalAdmin.email, 'admin');
      await expectAccessible(page);

      // The link is shown once: after a reload only the open invitation is listed.
      await page.reload();
      await waitForHeading(page, TYDAL.name);
      await page
        .getByRole('region', { name: text('nb', 'invitations.caption') })
        .getByRole('rowheader', { name: tydalAdmin.email })
        .waitFor();
      expect(await page.getByLabel(text('nb', 'invite.linkLabel')).count()).toBe(0);
      expect(await page.content()).not.toContain(story.adminInvitation);
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });

  test("Tydal's new administrator signs up from the link and invites a colleague", { timeout: 90_000 }, async () => {
    expect(story.adminInvitation).toBeDefined();
    const journey = await signUp(story.adminInvitation!, tydalAdmin);
    const { page } = journey;
    try {
      // An administrator sees the members, the invitation form and the open invitations.
      expect(await memberRole(page, tydalAdmin.name)).toBe(text('nb', 'role.admin'));
      await page.getByRole('heading', { level: 2, name: text('nb', 'invite.heading') }).waitFor();
      await page.getByText(text('nb', 'invitations.empty')).waitFor();
      await waitForHydration(page);
      await expectAccessible(page);

      story.memberInvitation = await invite(page, colleague.email, 'member');
      await expectAccessible(page);

      // The link that was used cannot be used again.
      await page.goto(story.adminInvitation!);
      await waitForHeading(page, text('nb', 'invitation.invalidHeading'));
      await expectAccessible(page);
      expectNoProblems(journey, [410]);
    } finally {
      await journey.context.close();
    }
  });

  test('a colleague joins, signs out and in, changes language, and is kept out of another municipality', { timeout: 150_000 }, async () => {
    expect(story.memberInvitation).toBeDefined();
    const journey = await signUp(story.memberInvitation!, colleague);
    const { page } = journey;
    try {
      // A member sees the members, but not the administrators' tools.
      expect(await memberRole(page, colleague.name)).toBe(text('nb', 'role.member'));
      expect(await page.getByRole('heading', { name: text('nb', 'invite.heading') }).count()).toBe(0);
      await waitForHydration(page);
      await expectAccessible(page);

      // Sign out from the header: back on the front page, signed out.
      await page
        .getByRole('banner')
        .getByRole('button', { name: text('nb', 'layout.signOut') })
        .click();
      await page.waitForURL((url) => url.pathname === '/');
      await page
        .getByRole('banner')
        .getByRole('link', { name: text('nb', 'nav.signIn') })
        .waitFor();
      await waitForHeading(page, text('nb', 'home.heading'));
      await expectAccessible(page);

      // The account page now asks for sign-in and comes back afterwards.
      await page.goto('/konto');
      await page.waitForURL((url) => url.pathname === '/logg-inn' && url.searchParams.get('neste') === '/konto');
      await waitForHeading(page, text('nb', 'login.heading'));
      await waitForHydration(page);
      await expectAccessible(page);

      // A wrong password: a translated message that takes focus; the page stays usable.
      await signIn(page, colleague.email, 'feil-passord-123');
      await page.getByRole('main').getByText(text('nb', 'error.invalid_credentials')).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(text('nb', 'error.invalid_credentials'));
      await expectAccessible(page);
      // An empty password is a field error, linked from the summary to the field.
      await signIn(page, colleague.email, '');
      const passwordRequired = text('nb', 'validation.required', { field: text('nb', 'field.password') });
      await page.getByRole('link', { name: passwordRequired }).waitFor();
      expect(await page.getByLabel(text('nb', 'field.password'), { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page);
      expectNoProblems(journey, [400, 401]);

      await signIn(page, colleague.email, colleague.password);
      await page.waitForURL('**/konto');
      await waitForHeading(page, text('nb', 'account.heading'));
      await expectSignedInAs(page, colleague.name);
      // Tydal writes bokmål, so there is no nynorsk default: the browser's bokmål is kept.
      expect(await page.getAttribute('html', 'lang')).toBe('nb');
      expect(await page.getByRole('radio', { name: 'Bokmål' }).isChecked()).toBe(true);
      await expectAccessible(page);

      // The account lists the organisation; its page shows the members.
      const memberships = page.getByRole('region', { name: text('nb', 'account.membershipsHeading') });
      await memberships.getByRole('link', { name: TYDAL.name }).click();
      await page.waitForURL(`**${story.organisationPath}`);
      await waitForHeading(page, TYDAL.name);
      await page.getByRole('heading', { level: 2, name: text('nb', 'members.heading') }).waitFor();
      expect(await memberRole(page, tydalAdmin.name)).toBe(text('nb', 'role.admin'));
      await expectAccessible(page);

      // Change the account's language to nynorsk: the page reloads in nynorsk, and it is remembered.
      await page.goto('/konto');
      await waitForHeading(page, text('nb', 'account.heading'));
      await waitForHydration(page);
      await page.getByRole('radio', { name: 'Nynorsk' }).check();
      await page.getByRole('button', { name: text('nb', 'account.languageSubmit') }).click();
      await page.locator('html[lang="nn"]').waitFor({ state: 'attached' });
      await waitForHeading(page, text('nn', 'account.heading'));
      expect(await page.getByRole('radio', { name: 'Nynorsk' }).isChecked()).toBe(true);
      await waitForHydration(page);
      await expectAccessible(page);

      // A wrong current password is a field error, in nynorsk.
      const passwordForm = page.getByRole('region', { name: text('nn', 'account.passwordHeading') });
      await passwordForm.getByLabel(text('nn', 'field.currentPassword'), { exact: true }).fill('ikkje-mitt-passord');
      await passwordForm.getByLabel(text('nn', 'field.newPassword'), { exact: true }).fill('eit-heilt-nytt-passord-9');
      await passwordForm.getByLabel(text('nn', 'field.repeatPassword'), { exact: true }).fill('eit-heilt-nytt-passord-9');
      await passwordForm.getByRole('button', { name: text('nn', 'account.changePasswordSubmit') }).click();
      const wrongPassword = text('nn', 'validation.wrong_password', { field: text('nn', 'field.currentPassword') });
      await passwordForm.getByRole('link', { name: wrongPassword }).waitFor();
      const currentPassword = passwordForm.getByLabel(text('nn', 'field.currentPassword'), { exact: true });
      expect(await currentPassword.getAttribute('aria-invalid')).toBe('true');
      // The message is also tied to the field, so it is read out with it.
      const errorId = (await currentPassword.getAttribute('aria-describedby'))?.split(' ')[0];
      expect(await page.locator(`#${errorId}`).textContent()).toBe(wrongPassword);
      await expectAccessible(page);
      expectNoProblems(journey, [400]);

      // Another municipality's organisation: the public facts are open, the private page is refused.
      const rorosPath = await openMunicipalityOrganisation(page, ROROS_CODE, 'nn');
      await waitForHeading(page, text('nn', 'errorPage.forbidden.title'));
      expect(page.url()).toContain(rorosPath);
      await page.getByText(text('nn', 'errorPage.forbidden.signedInAs', { name: colleague.name })).waitFor();
      await expectAccessible(page);
      // A full load of the same address answers 403 and keeps the private part out of the HTML.
      const refused = await page.goto(rorosPath);
      expect(refused?.status()).toBe(403);
      expect(await page.getAttribute('html', 'lang')).toBe('nn');
      await waitForHeading(page, text('nn', 'errorPage.forbidden.title'));
      expect(await page.getByRole('heading', { name: text('nn', 'members.heading') }).count()).toBe(0);
      await expectAccessible(page);
      expectNoProblems(journey, [403]);

      // The choice is saved with the account: signing in on another browser (bokmål) switches to nynorsk.
      const elsewhere = await newJourney(browser, { locale: 'nb-NO' });
      try {
        await elsewhere.page.goto('/logg-inn?neste=%2Fkonto');
        await waitForHeading(elsewhere.page, text('nb', 'login.heading'));
        await waitForHydration(elsewhere.page);
        await expectAccessible(elsewhere.page);
        await signIn(elsewhere.page, colleague.email, colleague.password);
        await elsewhere.page.waitForURL('**/konto');
        await waitForHeading(elsewhere.page, text('nn', 'account.heading'));
        expect(await elsewhere.page.getAttribute('html', 'lang')).toBe('nn');
        await expectSignedInAs(elsewhere.page, colleague.name, 'nn');
        await expectAccessible(elsewhere.page);
        expectNoProblems(elsewhere);
      } finally {
        await elsewhere.context.close();
      }

      // Sign out from the account page; the language choice stays for the next visit.
      await page.goto('/konto');
      await waitForHeading(page, text('nn', 'account.heading'));
      await waitForHydration(page);
      await page
        .getByRole('main')
        .getByRole('button', { name: text('nn', 'layout.signOut') })
        .click();
      await page.waitForURL((url) => url.pathname === '/');
      await page
        .getByRole('banner')
        .getByRole('link', { name: text('nn', 'nav.signIn') })
        .waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('nn');
      await expectAccessible(page);
      expectNoProblems(journey);
    } finally {
      await journey.context.close();
    }
  });
});
