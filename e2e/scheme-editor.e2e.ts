/**
 * The scheme editor on the new document model: a deadline time needs the source that states it
 * (checked in the browser); an ended scheme asks for its end day and successor; a regional round with
 * its owner, a call moved into it, a membership condition and a check-yourself text; the server's
 * integrity errors (a paused scheme without its source, a round citing a source the scheme lacks)
 * land on their inputs, inside the round too; then the saved document. The form at 320 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { baseUrl, expectAccessible, launchBrowser, newJourney, type Journey } from './support/browser';
import { expectNoHorizontalScroll, expectNoProblems, text, waitForHeading, waitForHydration } from './support/journey';

/** A scheme no other journey reads or edits. */
const SCHEME = 'klimasats';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signInAsAdmin(journey: Journey) {
  const { page } = journey;
  await page.goto('/logg-inn');
  await waitForHydration(page);
  await page.getByLabel(text('nb', 'field.email'), { exact: true }).fill(inject('adminEmail'));
  await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(inject('adminPassword'));
  await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/logg-inn');
}

async function openEditor(page: Page) {
  await page.goto(`/ordninger/${SCHEME}/rediger`);
  await waitForHeading(page, /Klimasats/);
  await waitForHydration(page);
}

const field = (page: Page, key: string) => page.locator(`#edit-${key.replaceAll('.', '-')}`);
const errorSummary = (page: Page) => page.getByRole('group', { name: text('nb', 'form.errorSummaryHeading') });
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('scheme editor', () => {
  test('deadline time with its source, lifecycle, a regional round, conditions; errors on the right inputs; saved as a new version', async () => {
    const journey = await newJourney(browser);
    const { page } = journey;
    try {
      const before = ((await (await fetch(`${baseUrl()}/api/schemes/${SCHEME}`)).json()) as SchemeDetail).scheme;
      const [source, otherSource] = before.sources.map((s) => s.id) as [string, string];
      await signInAsAdmin(journey);
      await openEditor(page);
      await expectAccessible(page);

      // A time without the source that states it is stopped in the browser, on the source select.
      await field(page, 'scheme.calls.0.deadline.time').fill('12:00');
      await field(page, 'scheme.calls.0.deadline.timeSourceId').selectOption('');
      await page.getByRole('button', { name: text('nb', 'editor.save') }).click();
      const timeProblem = errorSummary(page).getByRole('link', {
        name: text('nb', 'editor.inCall', { number: 1, message: text('nb', 'editor.timeSourceRequired') }),
      });
      await timeProblem.waitFor();
      expect(await field(page, 'scheme.calls.0.deadline.timeSourceId').getAttribute('aria-invalid')).toBe('true');
      await timeProblem.click();
      await expect.poll(() => activeId(page)).toBe('edit-scheme-calls-0-deadline-timeSourceId');
      await field(page, 'scheme.calls.0.deadline.timeSourceId').selectOption(source);

      // An ended scheme asks for its end day and successor (a select of the catalogue); paused does not.
      await field(page, 'scheme.lifecycle.status').selectOption('ended');
      await field(page, 'scheme.lifecycle.endedOn').waitFor();
      expect(await field(page, 'scheme.lifecycle.successorId').locator('option').count()).toBeGreaterThan(2);
      await field(page, 'scheme.lifecycle.status').selectOption('paused');
      expect(await field(page, 'scheme.lifecycle.endedOn').count()).toBe(0);

      // A regional round (its first input takes focus), run by the owner of prosjektskjønn's rounds, citing a source that does not exist.
      await page.getByRole('button', { name: text('nb', 'editor.addRound') }).click();
      await expect.poll(() => activeId(page)).toBe('edit-scheme-rounds-0-id');
      await field(page, 'scheme.rounds.0.id').fill('vestland');
      for (const lang of ['nb', 'nn', 'en'] as const) await field(page, `scheme.rounds.0.name.${lang}`).fill('Vestland');
      await field(page, 'scheme.rounds.0.counties').getByLabel('Vestland', { exact: true }).check();
      await field(page, 'scheme.rounds.0.owner.id').fill('statsforvalteren');
      await field(page, 'scheme.rounds.0.owner.name.nb').fill('Statsforvalteren');
      await field(page, 'scheme.rounds.0.owner.name.nn').fill('Statsforvaltaren');
      await field(page, 'scheme.rounds.0.owner.name.en').fill('The County Governor');
      await field(page, 'scheme.rounds.0.owner.url').fill('https://www.statsforvalteren.no');
      await field(page, 'scheme.rounds.0.sourceIds').fill('finnes-ikke');
      // The call's round select appears once the scheme has a round.
      await field(page, 'scheme.calls.0.roundId').selectOption('vestland');

      // A membership condition and one more thing to check oneself, after those the scheme has.
      const conditions = before.applicants.conditions.length;
      const condition = `scheme.applicants.conditions.${conditions}`;
      await page.getByRole('button', { name: text('nb', 'editor.addCondition') }).click();
      await expect.poll(() => activeId(page)).toBe(`edit-scheme-applicants-conditions-${conditions}-id`);
      await field(page, `${condition}.id`).fill('digifin-medlem');
      await field(page, `${condition}.kind`).selectOption('membership');
      await field(page, `${condition}.membership`).fill('digifin');
      for (const lang of ['nb', 'nn', 'en'] as const) await field(page, `${condition}.text.${lang}`).fill(`DigiFin (${lang})`);
      const checks = before.applicants.checkYourself.length;
      await page.getByRole('button', { name: text('nb', 'editor.addCheckYourself') }).click();
      await expect.poll(() => activeId(page)).toBe(`edit-scheme-applicants-checkYourself-${checks}-nb`);
      for (const lang of ['nb', 'nn', 'en'] as const) await field(page, `scheme.applicants.checkYourself.${checks}.${lang}`).fill(`Sjekk (${lang})`);
      // Nobody has checked this source: the date is left empty.
      const lastSource = before.sources.length - 1;
      await field(page, `scheme.sources.${lastSource}.checkedAt`).fill('');

      // The server's integrity check: a paused scheme cites its source; a round cites sources of the scheme.
      await page.getByRole('button', { name: text('nb', 'editor.save') }).click();
      const summary = errorSummary(page);
      await summary.waitFor();
      const roundProblem = summary.getByRole('link', {
        name: text('nb', 'editor.inRound', { number: 1, message: text('nb', 'validation.unknown_source', { field: text('nb', 'field.sourceIds') }) }),
      });
      await roundProblem.waitFor();
      await summary.getByRole('link', { name: new RegExp(`^${text('nb', 'editor.inLifecycle', { message: '' })}`) }).waitFor();
      expect(await field(page, 'scheme.rounds.0.sourceIds').getAttribute('aria-invalid')).toBe('true');
      expect(await field(page, 'scheme.lifecycle.sourceIds').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page);
      await roundProblem.click();
      await expect.poll(() => activeId(page)).toBe('edit-scheme-rounds-0-sourceIds');

      await field(page, 'scheme.rounds.0.sourceIds').fill(source);
      await field(page, 'scheme.lifecycle.sourceIds').fill(otherSource);
      await page.getByLabel(text('nb', 'field.comment')).fill('Runde for Vestland og klokkeslett for fristen.');
      await page.getByRole('button', { name: text('nb', 'editor.save') }).click();
      await page.getByText(text('nb', 'editor.saved', { version: 2 })).waitFor();
      await expectAccessible(page);

      const stored = (await (await fetch(`${baseUrl()}/api/schemes/${SCHEME}`)).json()) as SchemeDetail;
      const { scheme } = stored;
      expect(stored.version).toBe(2);
      expect(scheme.calls[0]).toMatchObject({
        roundId: 'vestland',
        deadline: { date: before.calls[0]!.deadline!.date, time: '12:00', timeSourceId: source },
      });
      expect(scheme.calls.slice(1)).toEqual(before.calls.slice(1));
      expect(scheme.lifecycle).toMatchObject({ status: 'paused', endedOn: null, successorId: null, sourceIds: [otherSource] });
      expect(scheme.rounds).toEqual([
        {
          id: 'vestland',
          name: { nb: 'Vestland', nn: 'Vestland', en: 'Vestland' },
          counties: ['46'],
          owner: {
            id: 'statsforvalteren',
            name: { nb: 'Statsforvalteren', nn: 'Statsforvaltaren', en: 'The County Governor' },
            url: 'https://www.statsforvalteren.no',
          },
          url: null,
          applicants: null,
          funding: null,
          sourceIds: [source],
        },
      ]);
      expect(scheme.applicants.conditions).toEqual([
        ...before.applicants.conditions,
        { id: 'digifin-medlem', kind: 'membership', membership: 'digifin', text: { nb: 'DigiFin (nb)', nn: 'DigiFin (nn)', en: 'DigiFin (en)' } },
      ]);
      expect(scheme.applicants.checkYourself.at(-1)).toEqual({ nb: 'Sjekk (nb)', nn: 'Sjekk (nn)', en: 'Sjekk (en)' });
      expect(scheme.sources[lastSource]!.checkedAt).toBeNull();
      expectNoProblems(journey, [400]);
    } finally {
      await journey.context.close();
    }
    // A long form: axe takes a while on it on a busy machine.
  }, 150_000);

  test('the editor fits a 320 px screen, a round with its own rules included', async () => {
    const narrow = await newJourney(browser, { width: 320 });
    const { page } = narrow;
    try {
      await signInAsAdmin(narrow);
      await openEditor(page);
      await expectNoHorizontalScroll(page);
      if ((await field(page, 'scheme.rounds.0').count()) === 0) await page.getByRole('button', { name: text('nb', 'editor.addRound') }).click();
      await page.getByLabel(text('nb', 'editor.roundOwnRules'), { exact: true }).first().check();
      await page.getByLabel(text('nb', 'editor.roundOwnFunding'), { exact: true }).first().check();
      await page
        .getByRole('button', { name: text('nb', 'editor.addCondition') })
        .last()
        .click();
      await field(page, 'scheme.rounds.0.applicants.minMunicipalities').waitFor();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      expectNoProblems(narrow);
    } finally {
      await narrow.context.close();
    }
  });
});
