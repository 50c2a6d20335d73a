/** The finder, a scheme's page, eligibility and the deadline list (and its iCalendar form), for anyone. */
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeDetail, SchemeList } from '@varde/contracts/finder-api';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp, type Client, getOk } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = <T>(url: string, client?: Client) => getOk<T>(app, url, client);

describe('the finder', () => {
  it('gives every scheme an explained verdict for a small municipality', async () => {
    const list = await get<SchemeList>('/api/schemes?municipality=5033');
    expect(list.municipality).toMatchObject({ code: '5033', name: 'Tydal', countyCode: '50' });
    expect(list.total).toBeGreaterThanOrEqual(15);
    for (const card of list.items) {
      expect(card.eligibility, card.id).not.toBeNull();
      expect(card.eligibility!.reasons.every((r) => r.message.length > 0 && !r.message.startsWith('eligibility.'))).toBe(true);
    }
    // Eligible schemes rank above those Tydal cannot apply to.
    const verdicts = list.items.map((c) => c.eligibility!.verdict);
    expect(verdicts.indexOf('not_eligible')).toBeGreaterThan(verdicts.lastIndexOf('eligible'));
  });

  it("shows Digdir's co-funding as partner-only, with the reason", async () => {
    const list = await get<SchemeList>('/api/schemes?municipality=5033&q=medfinansiering');
    const card = list.items.find((c) => c.id === 'digdir-medfinansiering')!;
    expect(card.eligibility).toMatchObject({ role: 'partner' });
    expect(card.eligibility!.reasons.find((r) => r.code === 'partner_only')!.message).toMatch(
      /^Kommunen kan bare delta som partner\. Søker må være statlig virksomhet\./,
    );
    const asLead = await get<{ eligibility: { verdict: string } }>('/api/schemes/digdir-medfinansiering/eligibility?municipality=5033&role=lead');
    expect(asLead.eligibility.verdict).toBe('not_eligible');
  });

  it("shows the R&D-partner condition of Forskningsrådet's innovation project, met once a partner is planned", async () => {
    const without = await get<{ eligibility: { verdict: string; reasons: { code: string; message: string }[] } }>(
      '/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&role=lead',
    );
    expect(without.eligibility.verdict).toBe('eligible_with_conditions');
    expect(without.eligibility.reasons.find((r) => r.code === 'needs_partner_type')!.message).toContain('forskningsorganisasjon');
    const withPartner = await get<{ eligibility: { reasons: { code: string }[] } }>(
      '/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&role=lead&partners=rd_organisation',
    );
    expect(withPartner.eligibility.reasons.map((r) => r.code)).toContain('has_partner_type');
  });

  it('does not offer a county-bound regional scheme to municipalities in another county', async () => {
    const tydalView = await get<SchemeList>('/api/schemes?municipality=5033');
    const nordlandFund = tydalView.items.find((c) => c.id === 'regionale-forskningsfond-nordland')!;
    expect(nordlandFund.eligibility!.verdict).toBe('not_eligible');
    expect(nordlandFund.eligibility!.reasons.find((r) => r.code === 'county_excluded')!.message).toBe('Ordningen gjelder bare Nordland.');
    const bodo = await get<SchemeList>('/api/schemes?municipality=1804&q=nordland');
    expect(bodo.items.find((c) => c.id === 'regionale-forskningsfond-nordland')!.eligibility!.verdict).not.toBe('not_eligible');
    const leadOnly = await get<SchemeList>('/api/schemes?municipality=5033&role=lead');
    expect(leadOnly.items.map((c) => c.id)).not.toContain('regionale-forskningsfond-nordland');
    expect(leadOnly.items.map((c) => c.id)).not.toContain('digdir-medfinansiering');
  });

  it('filters on themes, collaboration and funding, and answers in the chosen language', async () => {
    const health = await get<SchemeList>('/api/schemes?municipality=5033&theme=health_care');
    expect(health.items.length).toBeGreaterThan(0);
    expect(health.items.every((c) => c.themes.includes('health_care'))).toBe(true);
    const rewarded = await get<SchemeList>('/api/schemes?collaboration=rewarded');
    expect(rewarded.items.every((c) => c.collaboration === 'rewarded')).toBe(true);
    expect(rewarded.items.every((c) => c.eligibility === null)).toBe(true);
    const small = await get<SchemeList>('/api/schemes?funding=small');
    expect(small.items.every((c) => c.maxGrantNok !== null && c.maxGrantNok <= 500_000)).toBe(true);
    const english = await get<SchemeList>('/api/schemes?municipality=5033&q=medfinansiering&lang=en');
    expect(english.items[0]!.eligibility!.reasons[0]!.message).toMatch(/^The municipality can only take part as a partner/);
  });

  it('rejects bad input with field errors', async () => {
    const response = await app.inject({ url: '/api/schemes?municipality=12&theme=space' });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['municipality', 'theme.0']);
    const unknown = await app.inject({ url: '/api/schemes?municipality=9999' });
    expect(unknown.statusCode).toBe(404);
    const noScheme = await app.inject({ url: '/api/schemes/finnes-ikke' });
    expect(noScheme.json().error.message).toBe('Vi fant ingen ordning med id finnes-ikke.');
  });
});

describe('a scheme page', () => {
  it('carries every fact with sources, the forecast of the next call and both verdicts', async () => {
    const detail = await get<SchemeDetail>('/api/schemes/klimasats?municipality=5033');
    expect(detail.scheme.sources.length).toBeGreaterThan(0);
    expect(detail.lastCheckedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const forecast = detail.calls.find((c) => c.predicted);
    expect(forecast).toMatchObject({ status: 'forecast', budgetNok: null });
    expect(detail.eligibility?.lead.verdict).toBeDefined();
    expect(detail.eligibility?.partner.role).toBe('partner');
  });
});

describe('deadlines', () => {
  it('serves an iCalendar feed an independent parser reads, with Oslo deadlines as exact instants', async () => {
    const response = await app.inject({ url: '/api/calendar/schemes.ics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(0);
    const deadlines = await get<{ items: { schemeId: string; call: { id: string; deadline: string } }[] }>('/api/deadlines?days=730&includeForecasts=true');
    for (const item of deadlines.items) {
      const event = events.find((e) => e.uid === `${item.schemeId}.${item.call.id}@varde`);
      expect(event, item.call.id).toBeDefined();
      expect(event!.startDate.toJSDate().getTime()).toBe(Date.parse(item.call.deadline));
    }
  });
});
