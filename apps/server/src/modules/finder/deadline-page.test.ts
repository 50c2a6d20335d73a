/**
 * The deadline page filtered to a municipality (`/frister?municipality=`), rendered on the server as
 * a visitor without JavaScript gets it, and kept by the render cache under its own municipality.
 * Needs the built web app (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '@varde/contracts';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { paths } from '../../config';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';

const TRANA = '1835';
const BERGEN = '4601';

let database: TestDatabase;
let app: FastifyInstance;
let member: Client;

beforeAll(async () => {
  if (!existsSync(join(paths.webDist, 'server/entry-server.js'))) {
    throw new Error('The deadline page test needs the built web app: run "npm run build" first.');
  }
  database = await createTestDatabase();
  app = await createTestApp(database, { webMode: 'built' });
  const user = await createUser(database.db, { name: 'Tone Træna' });
  await addMember(database.db, (await municipalityOrganisation(database.db, TRANA)).id, user.id);
  member = await signIn(app, user.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const page = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { 'accept-language': 'nb', ...headers } });
const outcome = (response: LightMyRequestResponse) => response.headers['x-render-cache'];
const nb = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('nb', key, params);
/** Text as React writes it into HTML (an apostrophe or ampersand escaped). */
const html = (text: string) => text.replaceAll('&', '&amp;').replaceAll("'", '&#x27;').replaceAll('"', '&quot;');

/** The rows of the deadline tables that link to a scheme. */
const rowsOf = (body: string, schemeId: string) =>
  [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).filter((row) => row.includes(`href="/ordninger/${schemeId}"`));

describe('the deadline page for one municipality', () => {
  it('shows Træna national calls only, says once that prosjektskjønn has no known round for Nordland, and offers "all" in a GET form', async () => {
    const response = await page(`/frister?municipality=${TRANA}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain(`<title>${html(nb('deadlines.titleFor', { municipality: 'Træna' }))}`);
    expect(body).toContain(html(nb('deadlines.resultsFor', { municipality: 'Træna' })));
    expect(body).toContain(html(nb('deadlines.forMunicipality', { municipality: 'Træna', county: 'Nordland' })));
    // No round of any county is listed: prosjektskjønn has no row, but one note naming it.
    expect(rowsOf(body, 'prosjektskjonn')).toEqual([]);
    expect(body.split(html(nb('deadlines.noKnownRound.heading', { county: 'Nordland' }))).length).toBe(2);
    expect(body).toContain(`href="/ordninger/prosjektskjonn?municipality=${TRANA}"`);
    for (const county of ['Vestland', 'Trøndelag', 'Innlandet']) expect(body, county).not.toMatch(new RegExp(`<td[^>]*>${county}</td>`));
    // The filter is a plain GET form with the municipality chosen and "all municipalities" as the empty choice.
    expect(body).toMatch(/<form[^>]*action="\/frister" method="get"/);
    expect(body).toMatch(new RegExp(`<option value="${TRANA}" selected="">`));
    expect(body).toContain(`<option value="">${html(nb('deadlines.allMunicipalities'))}</option>`);
    // The view switch keeps the municipality.
    expect(body).toContain(`href="/frister?municipality=${TRANA}&amp;view=calendar"`);
  });

  it("shows Bergen Vestland's prosjektskjønn round, and no note about it", async () => {
    const body = (await page(`/frister?municipality=${BERGEN}`)).body;
    const rows = rowsOf(body, 'prosjektskjonn');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/<td[^>]*>Vestland<\/td>/);
    expect(body).not.toContain(`href="/ordninger/prosjektskjonn?municipality=${BERGEN}"`);
  });

  it('drops an unknown municipality with a notice instead of failing', async () => {
    const response = await page('/frister?municipality=9999');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(html(nb('error.municipality_not_found', { code: '9999' })));
    expect(response.body).not.toContain(html(nb('deadlines.noKnownRound.heading', { county: 'Nordland' })));
  });

  it('keeps each municipality apart in the render cache, and the unfiltered page apart from both', async () => {
    app.renderCache!.clear();
    const trana = await page(`/frister?municipality=${TRANA}`);
    const bergen = await page(`/frister?municipality=${BERGEN}`);
    const all = await page('/frister');
    expect([outcome(trana), outcome(bergen), outcome(all)]).toEqual(['miss', 'miss', 'miss']);
    expect(bergen.body).toContain(html(nb('deadlines.resultsFor', { municipality: 'Bergen' })));
    expect(all.body).toContain(html(nb('deadlines.resultsHeading')));
    expect(all.body).not.toContain(html(nb('deadlines.resultsFor', { municipality: 'Træna' })));

    const kept = await page(`/frister?municipality=${TRANA}`);
    expect(outcome(kept)).toBe('hit');
    expect(kept.body).toBe(trana.body);
    expect(kept.body).not.toContain(html(nb('deadlines.resultsFor', { municipality: 'Bergen' })));
    expect(outcome(await page(`/frister?municipality=${BERGEN}`))).toBe('hit');
    expect((await page('/frister')).body).toBe(all.body);
    // The same filters in another order are the same page.
    expect(outcome(await page(`/frister?municipality=${TRANA}&days=92`))).toBe('miss');
    const reordered = await page(`/frister?days=92&municipality=${TRANA}`);
    expect(outcome(reordered)).toBe('hit');
    expect(reordered.body).toContain(html(nb('deadlines.resultsFor', { municipality: 'Træna' })));
  });

  it("gives a signed-in member their own municipality, never from or into the cache, and 'all' on request", async () => {
    const own = await page('/frister', { cookie: member.cookie });
    expect(outcome(own)).toBe('off');
    expect(own.body).toContain(html(nb('deadlines.resultsFor', { municipality: 'Træna' })));
    // For a member the empty choice is `none`: no choice would mean their own.
    expect(own.body).toContain(`<option value="none">${html(nb('deadlines.allMunicipalities'))}</option>`);
    const every = await page('/frister?municipality=none', { cookie: member.cookie });
    expect(every.body).toContain(html(nb('deadlines.resultsHeading')));
    expect(every.body).toMatch(/<option value="none" selected="">/);
    expect(every.body).toContain('href="/frister?municipality=none&amp;view=calendar"');
  });
});
