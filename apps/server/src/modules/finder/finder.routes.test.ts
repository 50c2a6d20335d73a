/** The finder, a scheme's page, eligibility and the deadline list (and its iCalendar form), for anyone. */
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineList } from '@varde/contracts/catalogue-api';
import type { EligibilityAnswer, SchemeDetail, SchemeList } from '@varde/contracts/finder-api';
import { deadlineInstant } from '@varde/domain/calls';
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
  it('gives every scheme an explained verdict with a translated checklist for a small municipality', async () => {
    const list = await get<SchemeList>('/api/schemes?municipality=5033');
    expect(list.municipality).toMatchObject({ code: '5033', name: 'Tydal', countyCode: '50' });
    expect(list.total).toBeGreaterThanOrEqual(15);
    for (const card of list.items) {
      const eligibility = card.eligibility!;
      expect(eligibility, card.id).not.toBeNull();
      expect(eligibility.reasons.length, card.id).toBeGreaterThanOrEqual(1);
      expect(
        eligibility.reasons.every((r) => r.message.length > 0 && !r.message.startsWith('eligibility.')),
        card.id,
      ).toBe(true);
      expect(
        eligibility.checklist.every((c) => c.label.length > 0 && !c.label.startsWith('check.')),
        card.id,
      ).toBe(true);
      // Register facts are evaluated: never left open.
      expect(
        eligibility.checklist.filter((c) => c.kind === 'register').every((c) => c.state !== 'to_check'),
        card.id,
      ).toBe(true);
      // Anonymous: register-only, no confirmation anywhere.
      expect(
        eligibility.checklist.every((c) => c.confirmation === null),
        card.id,
      ).toBe(true);
      expect(card.rankReason, card.id).not.toMatch(/^rank\./);
      expect(card.rankReason.length, card.id).toBeGreaterThan(0);
      expect(card.ownerName, card.id).not.toBe('');
      // Ended schemes are left out unless asked for.
      expect(['active', 'paused'], card.id).toContain(card.lifecycle);
    }
    // Eligible schemes rank above those Tydal cannot take part in.
    const verdicts = list.items.map((c) => c.eligibility!.verdict);
    expect(verdicts.indexOf('not_eligible')).toBeGreaterThan(verdicts.lastIndexOf('eligible_with_conditions'));
  });

  it("shows Digdir's co-funding as partner-only, worded as a partner, with the reason", async () => {
    const list = await get<SchemeList>('/api/schemes?municipality=5033&q=medfinansiering');
    const card = list.items.find((c) => c.id === 'digdir-medfinansiering')!;
    expect(card.eligibility).toMatchObject({ role: 'partner' });
    expect(card.eligibility!.reasons[0]!.message).not.toMatch(/kan søke/);
    expect(card.eligibility!.reasons.find((r) => r.code === 'partner_only')!.message).toMatch(
      /^Kommunen kan bare delta som partner\. Søker må være statlig virksomhet\./,
    );
    const asLead = await get<EligibilityAnswer>('/api/schemes/digdir-medfinansiering/eligibility?municipality=5033&role=lead');
    expect(asLead.eligibility.verdict).toBe('not_eligible');
    expect(asLead.eligibility.checklist[0]).toMatchObject({ conditionId: 'register:applicant_type', state: 'blocker' });
  });

  it("shows the R&D-partner condition of Forskningsrådet's innovation project, met once a partner is planned", async () => {
    const without = await get<EligibilityAnswer>('/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&role=lead');
    expect(without.eligibility.verdict).toBe('eligible_with_conditions');
    expect(without.eligibility.reasons[0]!.message).toContain('forskningsorganisasjon');
    expect(without.eligibility.checklist.find((c) => c.conditionId === 'partner:rd_organisation')).toMatchObject({ state: 'to_check', kind: 'partner' });
    const withPartner = await get<EligibilityAnswer>('/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&role=lead&partners=rd_organisation');
    expect(withPartner.eligibility.checklist.find((c) => c.conditionId === 'partner:rd_organisation')).toMatchObject({ state: 'met', confirmation: null });
    expect(withPartner.eligibility.reasons.map((r) => r.code)).toContain('has_partner_type');
    expect(withPartner.eligibility.reasons.map((r) => r.code)).not.toContain('needs_partner_type');
  });

  it('says "can apply" for an eligible lead and "can be a partner" for an eligible partner', async () => {
    const lead = await get<EligibilityAnswer>('/api/schemes/husbanken-boligtiltak/eligibility?municipality=5033&role=lead');
    expect(lead.eligibility).toMatchObject({ verdict: 'eligible', role: 'lead' });
    expect(lead.eligibility.reasons[0]).toMatchObject({ code: 'can_apply', message: 'Kommunen kan søke.' });
    const partner = await get<EligibilityAnswer>('/api/schemes/digdir-medfinansiering/eligibility?municipality=5033&role=partner&lang=nn');
    expect(partner.eligibility).toMatchObject({ verdict: 'eligible', role: 'partner' });
    expect(partner.eligibility.reasons[0]).toMatchObject({ code: 'can_be_partner', message: 'Kommunen kan vere partnar.' });
  });

  it('answers an applicant type that is no longer used with 400, naming the field and listing the new types', async () => {
    for (const retired of ['municipal_company', 'business', 'county_authority']) {
      const response = await app.inject({ url: `/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&partners=rd_organisation&partners=${retired}` });
      expect(response.statusCode, retired).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('validation');
      expect(error.fields).toEqual([expect.objectContaining({ path: 'partners.1', code: 'invalid_value' })]);
      expect(error.message).toContain(`«${retired}»`);
      expect(error.message).toContain('municipal_enterprise (kommunalt foretak (KF))');
      expect(error.message).toContain('inter_municipal_company (interkommunalt selskap (IKS))');
    }
    const english = await app.inject({ url: '/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&partners=business&lang=en' });
    expect(english.json().error.message).toMatch(/^Partners: “business” is no longer used\. Use one of these: municipality \(/);
    // Unknown values that were never applicant types stay a plain field error.
    const unknown = await app.inject({ url: '/api/schemes/forskningsradet-ipo/eligibility?municipality=5033&partners=wizard' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0]).toMatchObject({ path: 'partners.0', code: 'invalid_value' });
  });

  it('does not offer a county-bound regional scheme to municipalities in another county', async () => {
    const tydalView = await get<SchemeList>('/api/schemes?municipality=5033');
    const aurora = tydalView.items.find((c) => c.id === 'interreg-aurora')!;
    expect(aurora.eligibility!.verdict).toBe('not_eligible');
    expect(aurora.eligibility!.reasons[0]).toMatchObject({ code: 'county_excluded', message: 'Ordningen gjelder bare Nordland, Troms og Finnmark.' });
    expect(aurora.eligibility!.checklist.find((c) => c.conditionId === 'register:county')).toMatchObject({
      state: 'blocker',
      label: 'Gjelder bare Nordland, Troms og Finnmark, og kommunen ligger i Trøndelag',
    });
    const bodo = await get<SchemeList>('/api/schemes?municipality=1804&q=aurora');
    const inNordland = bodo.items.find((c) => c.id === 'interreg-aurora')!;
    expect(inNordland.eligibility!.verdict).not.toBe('not_eligible');
    // A met register fact is never an open condition.
    expect(inNordland.eligibility!.checklist.find((c) => c.conditionId === 'register:county')).toMatchObject({ state: 'met' });
    const leadOnly = await get<SchemeList>('/api/schemes?municipality=5033&role=lead');
    expect(leadOnly.items.map((c) => c.id)).not.toContain('interreg-aurora');
    expect(leadOnly.items.map((c) => c.id)).not.toContain('digdir-medfinansiering');
  });

  it('leaves ended schemes out unless they are asked for by status or by name', async () => {
    const ended = (await get<SchemeList>('/api/schemes?status=ended')).items;
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every((c) => c.lifecycle === 'ended')).toBe(true);
    const all = (await get<SchemeList>('/api/schemes')).items.map((c) => c.id);
    for (const card of ended) expect(all, card.id).not.toContain(card.id);
    const byName = await get<SchemeList>(`/api/schemes?q=${encodeURIComponent(ended[0]!.name)}`);
    expect(byName.items.map((c) => c.id)).toContain(ended[0]!.id);
  });

  it('filters on themes, collaboration, funding and owner ids, and answers in the chosen language', async () => {
    const health = await get<SchemeList>('/api/schemes?municipality=5033&theme=health_care');
    expect(health.items.length).toBeGreaterThan(0);
    expect(health.items.every((c) => c.themes.includes('health_care'))).toBe(true);
    const rewarded = await get<SchemeList>('/api/schemes?collaboration=rewarded');
    expect(rewarded.items.every((c) => c.collaboration === 'rewarded')).toBe(true);
    expect(rewarded.items.every((c) => c.eligibility === null)).toBe(true);
    const small = await get<SchemeList>('/api/schemes?funding=small');
    expect(small.items.every((c) => c.maxGrantNok !== null && c.maxGrantNok <= 500_000)).toBe(true);
    const guidance = await get<SchemeList>('/api/schemes?funding=guidance');
    expect(guidance.items.length).toBeGreaterThan(0);
    expect(guidance.items.every((c) => !c.isGrant)).toBe(true);

    const all = await get<SchemeList>('/api/schemes');
    expect(all.owners.length).toBeGreaterThan(5);
    expect(all.owners.every((o) => /^[a-z0-9-]+$/.test(o.id) && o.name.length > 0)).toBe(true);
    const digdir = all.owners.find((o) => o.id === 'digdir')!;
    const byOwner = await get<SchemeList>(`/api/schemes?owner=${digdir.id}`);
    expect(byOwner.items.length).toBeGreaterThan(0);
    expect(byOwner.items.every((c) => c.ownerId === 'digdir' && c.ownerName === digdir.name)).toBe(true);
    // An owner's name is not an id.
    expect((await app.inject({ url: '/api/schemes?owner=Miljødirektoratet' })).statusCode).toBe(400);

    const english = await get<SchemeList>('/api/schemes?municipality=5033&q=medfinansiering&lang=en');
    const card = english.items[0]!;
    expect(card.eligibility!.reasons.find((r) => r.code === 'partner_only')!.message).toMatch(/^The municipality can only take part as a partner/);
    expect(card.eligibility!.checklist.every((c) => !/[æøå]/i.test(c.label))).toBe(true);
    // Round owners are owners too, in the reader's language.
    const englishOwners = (await get<SchemeList>('/api/schemes?lang=en')).owners;
    expect(englishOwners.find((o) => o.id === 'statsforvalteren-vestland')?.name).toBe('The County Governor of Vestland');
    const byRoundOwner = await get<SchemeList>('/api/schemes?owner=statsforvalteren-vestland');
    expect(byRoundOwner.items.map((c) => c.id)).toContain('prosjektskjonn');
  });

  it('ranks for the municipality: Utsira and Trondheim get different top fives that fit them', async () => {
    const topFive = async (code: string) => (await get<SchemeList>(`/api/schemes?municipality=${code}&limit=5`)).items;
    const utsira = await topFive('1151');
    const trondheim = await topFive('5001');
    const rulesOf = async (card: SchemeList['items'][number]) => {
      const detail = await get<SchemeDetail>(`/api/schemes/${card.id}?municipality=none`);
      const round = detail.scheme.rounds.find((r) => r.id === card.eligibility?.roundId);
      return round?.applicants ?? detail.scheme.applicants;
    };
    let smallOnly = 0;
    for (const card of utsira) {
      const classes = (await rulesOf(card)).centralityClasses;
      if (classes && classes.every((c) => c >= 5)) smallOnly++;
    }
    expect(smallOnly, utsira.map((c) => c.id).join(', ')).toBeGreaterThanOrEqual(2);
    expect(utsira[0]!.isGrant).toBe(true);
    for (const card of trondheim) {
      const asLead = await get<EligibilityAnswer>(`/api/schemes/${card.id}/eligibility?municipality=5001&role=lead`);
      expect(asLead.eligibility.verdict, card.id).not.toBe('not_eligible');
    }
    const differences = utsira.filter((card, i) => trondheim[i]?.id !== card.id).length;
    expect(differences).toBeGreaterThanOrEqual(3);
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
    expect((await app.inject({ url: '/api/schemes?status=gone' })).statusCode).toBe(400);
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
    expect(detail.lastCheckedAt === null || /^\d{4}-\d{2}-\d{2}$/.test(detail.lastCheckedAt)).toBe(true);
    const forecast = detail.calls.find((c) => c.predicted);
    expect(forecast).toMatchObject({ status: 'forecast', budgetNok: null, region: null });
    expect(forecast!.forecast!.callIds.length).toBeGreaterThan(0);
    expect(detail).toMatchObject({ round: null, roundUnknown: false, successor: null });
    expect(detail.eligibility?.lead.verdict).toBeDefined();
    expect(detail.eligibility?.partner.role).toBe('partner');
  });

  it("gives a county-run scheme the municipality's round, and says when its county has none", async () => {
    const vestland = await get<SchemeDetail>('/api/schemes/prosjektskjonn?municipality=4621');
    expect(vestland.round?.id).toBe('vestland');
    expect(vestland.roundUnknown).toBe(false);
    expect(vestland.eligibility!.lead.roundId).toBe('vestland');
    // Only its own round's calls (and national ones).
    expect(vestland.calls.every((c) => c.roundId === null || c.roundId === 'vestland')).toBe(true);
    expect(vestland.calls.some((c) => c.roundId === 'vestland')).toBe(true);

    const nordland = await get<SchemeDetail>('/api/schemes/prosjektskjonn?municipality=1804');
    expect(nordland).toMatchObject({ round: null, roundUnknown: true });
    expect(nordland.eligibility!.lead.verdict).not.toBe('not_eligible');
    expect(nordland.eligibility!.lead.reasons.find((r) => r.code === 'round_unknown')!.message).toBe(
      'Vi kjenner ikke til noen runde for Nordland. De generelle reglene for ordningen gjelder.',
    );
    expect(nordland.calls.every((c) => c.roundId === null)).toBe(true);

    const everyone = await get<SchemeDetail>('/api/schemes/prosjektskjonn');
    const regions = new Set(everyone.calls.map((c) => c.region?.nb).filter(Boolean));
    expect(regions.size).toBeGreaterThanOrEqual(3);
  });
});

describe('deadlines', () => {
  it('serves an iCalendar feed an independent parser reads: exact instants, all-day events without a time, the region, one UID per call', async () => {
    const response = await app.inject({ url: '/api/calendar/schemes.ics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(0);
    const deadlines = await get<DeadlineList>('/api/deadlines?days=730&includeForecasts=true');
    expect(deadlines.items.length).toBe(events.length);
    const details = new Map<string, SchemeDetail>();
    for (const item of deadlines.items) {
      if (!details.has(item.schemeId)) details.set(item.schemeId, await get<SchemeDetail>(`/api/schemes/${item.schemeId}`));
      const call = details.get(item.schemeId)!.calls.find((c) => c.id === item.call.id)!;
      const event = events.find((e) => e.uid === call.uid);
      expect(event, item.call.id).toBeDefined();
      const deadline = item.call.deadline!;
      if (deadline.time === null) {
        expect(event!.startDate.isDate, item.call.id).toBe(true);
        expect(event!.startDate.toString()).toBe(deadline.date);
        expect(event!.description).toContain('Klokkeslett ikke oppgitt');
      } else {
        expect(event!.startDate.isDate).toBe(false);
        expect(event!.startDate.toJSDate().getTime()).toBe(deadlineInstant(deadline).getTime());
      }
      expect(event!.summary).toContain(item.schemeName);
      if (item.call.region) expect(event!.summary).toContain(`– ${item.call.region}`);
      expect(event!.description).toContain(item.ownerName);
      expect(event!.component.getFirstPropertyValue('sequence')).toBe(0);
    }
  });

  it('honours lang in the feed', async () => {
    const english = await app.inject({ url: '/api/calendar/schemes.ics?lang=en' });
    const events = new ICAL.Component(ICAL.parse(english.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.every((e) => e.summary.startsWith('Deadline: '))).toBe(true);
    expect(events.filter((e) => e.startDate.isDate).every((e) => e.description.includes('Time not stated'))).toBe(true);
  });

  it('lists deadlines nearest first, with the round owner in the reader’s language', async () => {
    const list = await get<DeadlineList>('/api/deadlines?days=730&includeForecasts=true&lang=nn');
    const instants = list.items.map((i) => deadlineInstant(i.call.deadline!).getTime());
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    const rounds = list.items.filter((i) => i.schemeId === 'prosjektskjonn');
    expect(rounds.length).toBeGreaterThan(0);
    const detail = await get<SchemeDetail>('/api/schemes/prosjektskjonn');
    for (const item of rounds) {
      const call = detail.calls.find((c) => c.id === item.call.id)!;
      const round = detail.scheme.rounds.find((r) => r.id === call.roundId)!;
      expect(item.ownerName).toBe(round.owner.name.nn);
      expect(item.call.region).toBe(round.name.nn);
    }
  });
});
