import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeDetail, SchemeList } from '@varde/contracts/schemes-api';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { addMember, createOrganisation, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let roros: string;
let memberTydal: Client;
let colleagueId: string;
let memberRoros: Client;
let rorosUserId: string;
let ownerClient: Client;
let otherOwnerClient: Client;
let platformAdmin: Client;
let ownerOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  tydal = (await municipalityOrganisation(db, '5033')).id;
  roros = (await municipalityOrganisation(db, '5025')).id;
  const member = await createUser(db, { name: 'Tora Tydal' });
  const colleague = await createUser(db, { name: 'Kari Kollega' });
  colleagueId = colleague.id;
  await addMember(db, tydal, member.id);
  await addMember(db, tydal, colleague.id);
  memberTydal = await signIn(app, member.email);
  const rorosUser = await createUser(db, { name: 'Rune Røros' });
  await addMember(db, roros, rorosUser.id);
  rorosUserId = rorosUser.id;
  memberRoros = await signIn(app, rorosUser.email);
  ownerOrg = (await createOrganisation(db, { type: 'scheme_owner', name: 'Digitaliseringsdirektoratet (test)' })).id;
  const otherOrg = (await createOrganisation(db, { type: 'scheme_owner', name: 'Annen ordningseier (test)' })).id;
  const owner = await createUser(db, { name: 'Olav Eier' });
  await addMember(db, ownerOrg, owner.id);
  ownerClient = await signIn(app, owner.email);
  const otherOwner = await createUser(db, { name: 'Ola Annen' });
  await addMember(db, otherOrg, otherOwner.id);
  otherOwnerClient = await signIn(app, otherOwner.email);
  const adminUser = await createUser(db, { isPlatformAdmin: true });
  platformAdmin = await signIn(app, adminUser.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = async <T>(url: string, client?: Client) => {
  const response = await app.inject({ url, headers: client?.headers ?? {} });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
};

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
    expect(card.eligibility!.reasons.find((r) => r.code === 'partner_only')!.message).toMatch(/^Kommunen kan bare delta som partner\. Søker må være statlig virksomhet\./);
    const asLead = await get<{ eligibility: { verdict: string } }>('/api/schemes/digdir-medfinansiering/eligibility?municipality=5033&role=lead');
    expect(asLead.eligibility.verdict).toBe('not_eligible');
  });

  it("shows the R&D-partner condition of Forskningsrådet's innovation project, met once a partner is planned", async () => {
    const without = await get<{ eligibility: { verdict: string; reasons: { code: string; message: string }[] } }>('/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&role=lead');
    expect(without.eligibility.verdict).toBe('eligible_with_conditions');
    expect(without.eligibility.reasons.find((r) => r.code === 'needs_partner_type')!.message).toContain('forskningsorganisasjon');
    const withPartner = await get<{ eligibility: { reasons: { code: string }[] } }>('/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&role=lead&partners=rd_organisation');
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
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['municipality', 'theme.0']);
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

describe('the pipeline', () => {
  it('is private to the municipality, hides "not relevant" schemes from its finder, and feeds its calendar', async () => {
    const put = (client: Client, org: string, payload: object) =>
      app.inject({ method: 'PUT', url: `/api/organisations/${org}/pipeline`, headers: client.headers, payload });
    const preparing = await put(memberTydal, tydal, { schemeId: 'klimasats', status: 'preparing', assigneeUserId: colleagueId, notes: 'Søknad om ladepunkt' });
    expect(preparing.statusCode, preparing.body).toBe(200);
    expect(preparing.json()).toMatchObject({ schemeName: expect.stringMatching(/^Klimasats/), status: 'preparing', assignee: { name: 'Kari Kollega' } });
    const strangerAssignee = await put(memberTydal, tydal, { schemeId: 'klimasats', status: 'preparing', assigneeUserId: rorosUserId });
    expect(strangerAssignee.statusCode).toBe(400);
    expect((await put(memberRoros, tydal, { schemeId: 'klimasats', status: 'applied' })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/organisations/${tydal}/pipeline`, headers: memberRoros.headers })).statusCode).toBe(403);

    await put(memberTydal, tydal, { schemeId: 'husbanken-boligtiltak', status: 'not_relevant' });
    const own = await get<SchemeList>('/api/schemes', memberTydal);
    expect(own.municipality?.code).toBe('5033');
    expect(own.hiddenAsNotRelevant).toBe(1);
    expect(own.items.map((c) => c.id)).not.toContain('husbanken-boligtiltak');
    expect(own.items.find((c) => c.id === 'klimasats')!.pipelineStatus).toBe('preparing');
    const rorosView = await get<SchemeList>('/api/schemes', memberRoros);
    expect(rorosView.items.map((c) => c.id)).toContain('husbanken-boligtiltak');
    // A member may look without a municipality, or for another one: no verdicts, pipeline or hiding of their own then.
    const none = await get<SchemeList>('/api/schemes?municipality=none', memberTydal);
    expect(none.municipality).toBeNull();
    expect(none.hiddenAsNotRelevant).toBe(0);
    expect(none.items.every((c) => c.eligibility === null && c.pipelineStatus === null)).toBe(true);
    const bodo = await get<SchemeList>('/api/schemes?municipality=1804', memberTydal);
    expect(bodo.municipality?.code).toBe('1804');
    expect(bodo.items.find((c) => c.id === 'klimasats')!.pipelineStatus).toBeNull();
    const detailNone = await get<SchemeDetail>('/api/schemes/klimasats?municipality=none', memberTydal);
    expect(detailNone).toMatchObject({ municipality: null, eligibility: null, pipelineStatus: null });
    expect((await get<SchemeDetail>('/api/schemes/klimasats', memberTydal)).pipelineStatus).toBe('preparing');

    const feed = await app.inject({ method: 'POST', url: `/api/organisations/${tydal}/calendar`, headers: memberTydal.headers });
    expect(feed.statusCode).toBe(201);
    const path = new URL(feed.json().url).pathname;
    const ics = await app.inject({ url: path });
    expect(ics.statusCode).toBe(200);
    const uids = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).uid);
    expect(uids.length).toBeGreaterThan(0);
    expect(uids.every((uid) => uid.startsWith('klimasats.'))).toBe(true);
    await app.inject({ method: 'POST', url: `/api/organisations/${tydal}/calendar`, headers: memberTydal.headers });
    expect((await app.inject({ url: path })).statusCode).toBe(404);
  });

  it('keeps a needs profile that ranks matching schemes higher', async () => {
    const saved = await app.inject({ method: 'PUT', url: `/api/organisations/${tydal}/needs`, headers: memberTydal.headers, payload: { themes: ['health_care'], description: 'Velferdsteknologi i hjemmetjenesten' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ themes: ['health_care'], register: { code: '5033', countyName: 'Trøndelag' } });
    expect(saved.json().register.neighbours.map((n: { code: string }) => n.code)).toContain('5025');
    const list = await get<SchemeList>('/api/schemes', memberTydal);
    expect(list.items.find((c) => c.id === 'kompetanse-og-innovasjonstilskudd')!.matchedNeeds).toEqual(['health_care']);
  });
});

describe('maintaining facts', () => {
  it('lets the owner save versions, refuses other owners and stale versions, and keeps the history', async () => {
    const assign = await app.inject({ method: 'PUT', url: '/api/schemes/digdir-medfinansiering/owner', headers: platformAdmin.headers, payload: { organisationId: ownerOrg } });
    expect(assign.statusCode).toBe(204);
    const detail = await get<SchemeDetail>('/api/schemes/digdir-medfinansiering');
    expect(detail.ownerOrganisation?.id).toBe(ownerOrg);
    const edited = structuredClone(detail.scheme);
    edited.calls.push({ ...edited.calls[0]!, id: 'utlysning-2027', deadline: '2027-03-01T12:00:00+01:00', opensAt: '2027-01-10T09:00:00+01:00' });
    const save = (client: Client, scheme: object, baseVersion: number) =>
      app.inject({ method: 'PUT', url: '/api/schemes/digdir-medfinansiering', headers: client.headers, payload: { scheme, baseVersion, comment: 'Ny utlysning' } });

    const other = await save(otherOwnerClient, edited, detail.version);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('Bare ordningseieren og plattformadministratorer kan endre denne ordningen.');

    const invalid = structuredClone(edited);
    invalid.calls.at(-1)!.deadline = '2027-01-01T12:00:00+01:00';
    invalid.calls.at(-1)!.sourceIds = ['finnes-ikke'];
    const bad = await save(ownerClient, invalid, detail.version);
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields as { path: string; message: string }[];
    const last = edited.calls.length - 1;
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: `scheme.calls.${last}.deadline`, code: 'before_opening', message: 'Søknadsfrist må være etter åpningsdatoen.' },
        { path: `scheme.calls.${last}.sourceIds.0`, code: 'unknown_source', message: 'Kilder viser til en kilde som ikke finnes i ordningen.' },
      ]),
    );
    const badShape = await save(ownerClient, { ...edited, funding: { ...edited.funding, maxGrantShare: 3 } }, detail.version);
    expect(badShape.json().error.fields[0].path).toBe('scheme.funding.maxGrantShare');

    const ok = await save(ownerClient, edited, detail.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(detail.version + 1);
    const stale = await save(ownerClient, edited, detail.version);
    expect(stale.statusCode).toBe(409);

    const history = await get<{ items: { version: number; changedBy: { name: string } | null; comment: string | null; changedFields: string[] }[] }>(
      '/api/schemes/digdir-medfinansiering/versions',
      memberTydal,
    );
    expect(history.items[0]).toMatchObject({ version: detail.version + 1, changedBy: { name: 'Olav Eier' }, comment: 'Ny utlysning', changedFields: ['calls'] });
    expect(history.items.at(-1)).toMatchObject({ version: 1, changedBy: null });
    const owned = await get<{ items: { id: string }[] }>(`/api/organisations/${ownerOrg}/schemes`, ownerClient);
    expect(owned.items.map((s) => s.id)).toEqual(['digdir-medfinansiering']);
  });
});

describe('saved searches and notifications', () => {
  it('notifies a changed matching scheme once, and lets the user dismiss it', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/saved-searches',
      headers: memberRoros.headers,
      payload: { name: 'Digitalisering', query: { theme: ['digitalisation'] } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await get<{ items: unknown[] }>('/api/notifications', memberRoros)).items).toEqual([]);

    const detail = await get<SchemeDetail>('/api/schemes/digifin');
    const scheme = { ...detail.scheme, summary: { ...detail.scheme.summary, nb: `${detail.scheme.summary.nb} Oppdatert.` } };
    const saved = await app.inject({ method: 'PUT', url: '/api/schemes/digifin', headers: platformAdmin.headers, payload: { scheme, baseVersion: detail.version } });
    expect(saved.statusCode, saved.body).toBe(200);

    const first = await get<{ items: { id: string; kind: string; message: string; read: boolean }[]; unread: number }>('/api/notifications', memberRoros);
    const changed = first.items.filter((n) => n.kind === 'scheme_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.message).toMatch(/^Ordningen DigiFin .* er endret \(søket «Digitalisering»\)\.$/);
    expect((await get<{ items: unknown[] }>('/api/notifications', memberRoros)).items).toHaveLength(first.items.length);

    const dismissed = await app.inject({ method: 'POST', url: `/api/notifications/${changed[0]!.id}/dismiss`, headers: memberRoros.headers });
    expect(dismissed.statusCode).toBe(204);
    const foreign = await app.inject({ method: 'POST', url: `/api/notifications/${changed[0]!.id}/dismiss`, headers: memberTydal.headers });
    expect(foreign.statusCode).toBe(404);
    expect((await get<{ items: { kind: string }[] }>('/api/notifications', memberRoros)).items.some((n) => n.kind === 'scheme_changed')).toBe(false);
  });
});

describe('open data', () => {
  it('exports the catalogue as JSON and CSV', async () => {
    const json = await get<{ id: string }[]>('/api/export/schemes.json');
    expect(json.length).toBeGreaterThanOrEqual(15);
    const csv = await app.inject({ url: '/api/export/schemes.csv' });
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.length);
    expect(rows.find((r) => r.id === 'digdir-medfinansiering')).toMatchObject({ lead_types: 'state_agency', is_grant: 'true' });
    const calls = parse((await app.inject({ url: '/api/export/calls.csv' })).body, { columns: true }) as Record<string, string>[];
    expect(calls.some((c) => c.predicted === 'true')).toBe(true);
    expect(calls.every((c) => !Number.isNaN(Date.parse(c.deadline!)))).toBe(true);
  });
});
