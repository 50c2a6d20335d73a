/**
 * Participation records. Anyone reads the records with their sources, told that the lists are
 * incomplete. A regional adviser for Trøndelag imports a Norwegian Excel CSV with two bad rows (a
 * number from before 2020 and an unknown scheme), fixes both in the dry run, commits every row at
 * once, finds a record on the municipality's page, and undoes the import. axe on every step.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newJourney, type Journey } from './support/browser';
import { expectNoProblems, text, textPattern, waitForHeading, waitForHydration } from './support/journey';

const runId = Date.now().toString(36);
const adviser = { name: 'Rita Rådgiver', email: `rita.${runId}@trondelag.example.org`, password: 'nidelva-og-gaula-2024' };
const PROJECT = `Ladestasjon ${runId}`;

let browser: Browser;
let journey: Journey;
let importPath: string;

/** The platform administrator makes Trøndelag's county authority and invites the adviser, through the API. */
async function createAdviser() {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const organisation = await fetch(`${baseUrl()}/api/organisations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ type: 'county_authority', name: `Trøndelag fylkeskommune ${runId}`, countyCode: '50' }),
  });
  const { id } = (await organisation.json()) as { id: string };
  const invitation = await fetch(`${baseUrl()}/api/organisations/${id}/invitations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: adviser.email, role: 'member' }),
  });
  const { acceptUrl } = (await invitation.json()) as { acceptUrl: string };
  const token = new URL(acceptUrl).pathname.split('/').pop()!;
  const accepted = await fetch(`${baseUrl()}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: adviser.name, password: adviser.password }),
  });
  expect(accepted.status).toBe(200);
}

beforeAll(async () => {
  browser = await launchBrowser();
  await createAdviser();
  journey = await newJourney(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** Norwegian Excel's "CSV (semikolondelt)": Windows-1252, semicolons, CR LF. */
function excelCsv(lines: string[]) {
  const map: Record<string, number> = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 };
  return Buffer.from([...lines.join('\r\n')].map((c) => map[c] ?? c.charCodeAt(0)));
}

describe('participation records', () => {
  test('are public with their sources, and the list says it is incomplete', async () => {
    const { page } = journey;
    await page.goto('/deltakelse?ordning=prosjektskjonn');
    await waitForHeading(page, text('nb', 'participation.heading'));
    await page.getByText(text('nb', 'participation.incomplete')).first().waitFor();
    await page
      .getByRole('status')
      .getByText(text('nb', 'participation.recordCount', { total: 176 }))
      .waitFor();
    await expectAccessible(page);
    await page
      .getByRole('region', { name: text('nb', 'participation.tableCaption') })
      .getByRole('rowheader')
      .first()
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 2, name: text('nb', 'participation.sourceHeading') }).waitFor();
    await page.getByText(text('nb', 'participation.quoteCaption')).waitFor();
    await expectAccessible(page);
    expectNoProblems(journey);
  });

  test('an adviser imports a file with two bad rows, fixes them in the dry run and commits', async () => {
    const { page } = journey;
    await page.goto('/logg-inn');
    await waitForHydration(page);
    await page.getByLabel(text('nb', 'field.email')).fill(adviser.email);
    await page.getByLabel(text('nb', 'field.password'), { exact: true }).fill(adviser.password);
    await page.getByRole('button', { name: text('nb', 'login.submit') }).click();
    await page.waitForURL((url) => url.pathname !== '/logg-inn');

    await page.goto('/deltakelse');
    await waitForHydration(page);
    await page.getByRole('link', { name: text('nb', 'participation.importLink') }).click();
    await waitForHeading(page, text('nb', 'participationImport.heading'));
    await waitForHydration(page);
    await expectAccessible(page);

    await page.locator('#import-file').setInputFiles({
      name: 'tildelinger-trøndelag.csv',
      mimeType: 'text/csv',
      buffer: excelCsv([
        'Kommunenr;Kommune;Ordning;År;Rolle;Status;Beløp;Prosjekt',
        `5033;Tydal;Klimasats;2024;mottaker;innvilget;250 000;${PROJECT}`,
        '1624;Rissa;Klimasats;2019;partner;innvilget;;Felles klimaplan',
        `5025;Røros;Klimasatsing;2023;leder;søkt;;Varme i Røros ${runId}`,
        `5026;Holtålen;Prosjektskjønn / skjønnsmidler til fornying og innovasjon;2022;leder;innvilget;400 000;Digital Holtålen ${runId}`,
      ]),
    });
    await page.getByRole('button', { name: text('nb', 'participationImport.upload') }).click();
    await page.waitForURL(/\/deltakelse\/import\/[0-9a-f-]{36}$/);
    importPath = new URL(page.url()).pathname;
    await waitForHeading(page, text('nb', 'participationImport.importTitle', { file: 'tildelinger-trøndelag.csv' }));
    await waitForHydration(page);
    await page.getByText(text('nb', 'participationImport.someInvalid', { valid: 2, invalid: 2, skipped: 0 })).waitFor();
    const row3 = page.getByRole('article', { name: text('nb', 'participationImport.rowHeading', { row: 3 }) });
    await row3.getByText(text('nb', 'importProblem.pre_2020_number')).waitFor();
    const row4 = page.getByRole('article', { name: text('nb', 'participationImport.rowHeading', { row: 4 }) });
    await row4.getByText(text('nb', 'importProblem.unknown_scheme')).waitFor();
    await expectAccessible(page);

    // Nothing can be saved while rows are invalid.
    expect(await page.getByRole('button', { name: text('nb', 'participationImport.commit', { count: 2 }) }).isDisabled()).toBe(true);

    // Rissa became part of Indre Fosen (5054); the scheme is Klimasats.
    await row3.getByLabel(text('nb', 'importField.municipality')).fill('5054');
    await row3.getByRole('button', { name: new RegExp(`^${text('nb', 'participationImport.saveFix')}`) }).click();
    await page.getByText(text('nb', 'participationImport.someInvalid', { valid: 3, invalid: 1, skipped: 0 })).waitFor();
    await row4.getByLabel(text('nb', 'importField.scheme')).fill('Klimasats');
    await row4.getByRole('button', { name: new RegExp(`^${text('nb', 'participationImport.saveFix')}`) }).click();
    await page.getByText(text('nb', 'participationImport.allValid', { valid: 4, skipped: 0 })).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: text('nb', 'participationImport.commit', { count: 4 }) }).click();
    await page.getByText(textPattern('nb', 'participationImport.statusCommitted', { count: 4 })).waitFor();
    await page.getByRole('heading', { name: text('nb', 'participationImport.undoHeading') }).waitFor();
    await expectAccessible(page);
    expectNoProblems(journey);
  });

  test('the municipality page lists the imported record, and says the list is incomplete', async () => {
    const { page } = journey;
    await page.goto('/kommuner/5033');
    const section = page.getByRole('region', { name: text('nb', 'participation.municipalityHeading') });
    await section.getByRole('cell', { name: PROJECT }).waitFor();
    await section.getByText(text('nb', 'participation.incomplete')).waitFor();
    await expectAccessible(page);
    expectNoProblems(journey);
  });

  test('the adviser undoes the import: its records are gone', async () => {
    const { page } = journey;
    await page.goto(importPath);
    await waitForHydration(page);
    const undo = page.getByRole('region', { name: text('nb', 'participationImport.undoHeading') });
    await undo.getByText(text('nb', 'participationImport.undoLead', { count: 4 })).waitFor();
    await undo.getByRole('button', { name: text('nb', 'participationImport.undo') }).click();
    await undo.getByRole('button', { name: text('nb', 'participationImport.confirmUndo') }).click();
    await page.getByText(textPattern('nb', 'participationImport.statusUndone')).waitFor();
    await expectAccessible(page);

    await page.goto('/kommuner/5033');
    const section = page.getByRole('region', { name: text('nb', 'participation.municipalityHeading') });
    await section.getByText(text('nb', 'participation.municipalityNone', { name: 'Tydal' })).waitFor();
    expect(await section.getByRole('cell', { name: PROJECT }).count()).toBe(0);
    expectNoProblems(journey);
  });
});
