/**
 * The deadline list for every municipality or one (`GET /api/deadlines?municipality=`): national calls
 * and the municipality's own county's round only, county-run schemes with no round for the county
 * named apart, never an ended scheme; a member's own municipality by default, `none` for every call.
 */
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineList } from '@varde/contracts/catalogue-api';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import type { Scheme } from '@varde/contracts/schemes';
import { osloDate } from '@varde/domain/calls';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, type Client, createTestApp, createUser, getOk, municipalityOrganisation, signIn } from '../../test/factories';

const TRANA = '1835'; // Nordland: no prosjektskjønn round
const BERGEN = '4601'; // Vestland: a prosjektskjønn round of its own
const ALL = 'days=730&includeForecasts=true';

let database: TestDatabase;
let app: FastifyInstance;
let admin: Client;
let member: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  admin = await signIn(app, (await createUser(database.db, { isPlatformAdmin: true })).email);
  const user = await createUser(database.db, { name: 'Tone Træna' });
  await addMember(database.db, (await municipalityOrganisation(database.db, TRANA)).id, user.id);
  member = await signIn(app, user.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = <T>(url: string, client?: Client) => getOk<T>(app, url, client);
const detailOf = (id: string) => get<SchemeDetail>(`/api/schemes/${id}`);

/** The regions (round ids) of a list's items, from each scheme's page: which rounds it shows. */
async function roundsIn(list: DeadlineList): Promise<Map<string, Set<string>>> {
  const rounds = new Map<string, Set<string>>();
  for (const item of list.items) {
    const call = (await detailOf(item.schemeId)).calls.find((c) => c.id === item.call.id)!;
    expect(call, `${item.schemeId}/${item.call.id}`).toBeDefined();
    if (call.roundId) rounds.set(item.schemeId, (rounds.get(item.schemeId) ?? new Set()).add(call.roundId));
  }
  return rounds;
}

/** Every round a list shows is one for `countyCode` (the rounds by scheme, for further checks). */
async function expectOnlyRoundsOf(list: DeadlineList, countyCode: string) {
  const rounds = await roundsIn(list);
  for (const [schemeId, ids] of rounds) {
    const { scheme } = await detailOf(schemeId);
    for (const id of ids) expect(scheme.rounds.find((r) => r.id === id)!.counties, `${schemeId}/${id}`).toContain(countyCode);
  }
  return rounds;
}

describe('the deadline list for one municipality', () => {
  it('lists every round without a municipality, and for Træna only national calls: prosjektskjønn has no known round for Nordland', async () => {
    const all = await get<DeadlineList>(`/api/deadlines?${ALL}`);
    expect(all.municipality).toBeNull();
    expect(all.noKnownRound).toEqual([]);
    expect((await roundsIn(all)).get('prosjektskjonn')?.size ?? 0).toBeGreaterThan(1);

    const trana = await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${TRANA}`);
    expect(trana.municipality).toEqual({ code: TRANA, name: 'Træna', countyCode: '18', countyName: 'Nordland' });
    // No other county's round: every call listed is national or of a round for Nordland; prosjektskjønn has none.
    await expectOnlyRoundsOf(trana, '18');
    expect(trana.items.some((i) => i.schemeId === 'prosjektskjonn')).toBe(false);
    // Said once, apart from the deadlines: every county-run scheme without a round for Nordland.
    const schemes = (await get<{ items: { id: string }[] }>('/api/schemes?limit=200')).items.map((s) => s.id);
    const expected: string[] = [];
    for (const id of schemes) {
      const { scheme } = await detailOf(id);
      if (scheme.rounds.length > 0 && !scheme.rounds.some((r) => r.counties.includes('18'))) expected.push(id);
    }
    expect(trana.noKnownRound.map((s) => s.schemeId).sort()).toEqual(expected.sort());
    expect(trana.noKnownRound.find((s) => s.schemeId === 'prosjektskjonn')?.schemeName).toMatch(/^Prosjektskjønn/);
    // The national calls are all still there, in the same order, but for schemes Træna cannot take part in.
    const national = (list: DeadlineList) => list.items.filter((i) => i.call.region === null);
    const kept = new Set(national(trana).map((i) => `${i.schemeId}/${i.call.id}`));
    expect(national(all).filter((i) => kept.has(`${i.schemeId}/${i.call.id}`))).toEqual(national(trana));
    for (const left of new Set(national(all).flatMap((i) => (kept.has(`${i.schemeId}/${i.call.id}`) ? [] : [i.schemeId])))) {
      const { eligibility } = await get<SchemeDetail>(`/api/schemes/${left}?municipality=${TRANA}`);
      expect([eligibility!.lead.verdict, eligibility!.partner.verdict], left).toEqual(['not_eligible', 'not_eligible']);
    }
  });

  it("gives Bergen Vestland's round and no other", async () => {
    const bergen = await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${BERGEN}&lang=en`);
    expect(bergen.municipality).toMatchObject({ code: BERGEN, countyName: 'Vestland' });
    const rounds = await expectOnlyRoundsOf(bergen, '46');
    const prosjektskjonn = (await detailOf('prosjektskjonn')).scheme;
    const vestland = prosjektskjonn.rounds.find((r) => r.counties.includes('46'))!;
    expect(rounds.get('prosjektskjonn')).toEqual(new Set([vestland.id]));
    expect(bergen.items.filter((i) => i.schemeId === 'prosjektskjonn').every((i) => i.call.region === vestland.name.en)).toBe(true);
    expect(bergen.noKnownRound.some((s) => s.schemeId === 'prosjektskjonn')).toBe(false);
  });

  it("gives a signed-in member their own municipality unless they ask for every call ('none')", async () => {
    const own = await get<DeadlineList>(`/api/deadlines?${ALL}`, member);
    expect(own.municipality?.code).toBe(TRANA);
    expect(own.noKnownRound.some((s) => s.schemeId === 'prosjektskjonn')).toBe(true);
    const every = await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=none`, member);
    expect(every.municipality).toBeNull();
    expect(every).toEqual(await get<DeadlineList>(`/api/deadlines?${ALL}`));
    const other = await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${BERGEN}`, member);
    expect(other.municipality?.code).toBe(BERGEN);
    // Anonymous callers asking for none get every call too.
    expect((await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=none`)).municipality).toBeNull();
  });

  it('hides the schemes Bergen cannot take part in unless all are asked for, then marks them; lists the schemes open all year', async () => {
    const filtered = await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${BERGEN}`);
    const everything = await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${BERGEN}&includeIneligible=true`);
    const key = (i: DeadlineList['items'][number]) => `${i.schemeId}/${i.call.id}`;
    expect(filtered.items.some((i) => i.notForMunicipality)).toBe(false);
    // The same rounds (Nordland's and national) either way; what is added is marked, and Bergen cannot take part in it.
    await expectOnlyRoundsOf(everything, '46');
    expect(everything.items.filter((i) => !i.notForMunicipality).map(key)).toEqual(filtered.items.map(key));
    const added = [...new Set(everything.items.filter((i) => i.notForMunicipality).map((i) => i.schemeId))];
    expect(added.length).toBeGreaterThan(0);
    for (const id of added) {
      const { eligibility } = await get<SchemeDetail>(`/api/schemes/${id}?municipality=${BERGEN}`);
      expect([eligibility!.lead.verdict, eligibility!.partner.verdict], id).toEqual(['not_eligible', 'not_eligible']);
    }
    // Without a municipality there is nothing to hide: the flag changes nothing.
    expect(await get<DeadlineList>(`/api/deadlines?${ALL}&includeIneligible=true`)).toEqual(await get<DeadlineList>(`/api/deadlines?${ALL}`));

    // Open all year: every active scheme that takes applications at any time (rolling, or an open call without a deadline).
    const all = await get<DeadlineList>(`/api/deadlines?${ALL}`);
    const expected: string[] = [];
    for (const id of (await get<{ items: { id: string }[] }>('/api/schemes?limit=200')).items.map((s) => s.id)) {
      const detail = await detailOf(id);
      const anyTime = detail.scheme.cadence.kind === 'rolling' || detail.calls.some((c) => c.status === 'open' && !c.deadline);
      if (detail.scheme.lifecycle.status === 'active' && anyTime) expected.push(id);
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(all.openAllYear.map((s) => s.schemeId).sort()).toEqual(expected.sort());
    expect(all.openAllYear.every((s) => s.ownerName.length > 0 && !s.notForMunicipality)).toBe(true);
    // For Bergen: those it can take part in; with all asked for, the rest too, marked.
    const filteredOpen = new Set(filtered.openAllYear.map((s) => s.schemeId));
    expect(everything.openAllYear.filter((s) => !s.notForMunicipality).map((s) => s.schemeId)).toEqual(filtered.openAllYear.map((s) => s.schemeId));
    for (const s of everything.openAllYear.filter((o) => o.notForMunicipality)) {
      expect(filteredOpen.has(s.schemeId)).toBe(false);
      const { eligibility } = await get<SchemeDetail>(`/api/schemes/${s.schemeId}?municipality=${BERGEN}`);
      expect([eligibility!.lead.verdict, eligibility!.partner.verdict], s.schemeId).toEqual(['not_eligible', 'not_eligible']);
    }
  });

  it('gives the public calendar the same filter: a municipality named in the address, forecasts and "show all" as asked', async () => {
    const events = async (query: string) => {
      const response = await app.inject({ url: `/api/calendar/schemes.ics${query}` });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(response.body));
      return {
        name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? calendar.getFirstPropertyValue('name')),
        events: calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)),
      };
    };
    const schemesOf = (list: { events: InstanceType<typeof ICAL.Event>[] }) =>
      new Set(list.events.map((e) => String(e.component.getFirstPropertyValue('url')).split('/ordninger/')[1]));
    const listed = (list: DeadlineList) => new Set(list.items.map((i) => i.schemeId));

    const trana = await events(`?municipality=${TRANA}`);
    const tranaList = await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${TRANA}`);
    expect(trana.events.length).toBe(tranaList.items.length);
    expect(schemesOf(trana)).toEqual(listed(tranaList));
    expect(trana.name).toContain('Træna');

    const bergen = await events(`?municipality=${BERGEN}`);
    const bergenAll = await events(`?municipality=${BERGEN}&includeIneligible=true`);
    expect(bergenAll.events.length).toBe((await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${BERGEN}&includeIneligible=true`)).items.length);
    expect(bergenAll.events.length).toBeGreaterThan(bergen.events.length);

    const announced = await events(`?municipality=${TRANA}&includeForecasts=false`);
    expect(announced.events.length).toBe((await get<DeadlineList>(`/api/deadlines?days=730&includeForecasts=false&municipality=${TRANA}`)).items.length);
    expect(announced.events.every((e) => e.component.getFirstPropertyValue('status') !== 'TENTATIVE')).toBe(true);

    // No municipality: every call, for a signed-in member too (a calendar program sends no session).
    const every = await events('');
    expect(every.events.length).toBe((await get<DeadlineList>(`/api/deadlines?${ALL}`)).items.length);
    const asMember = await app.inject({ url: '/api/calendar/schemes.ics', headers: member.headers });
    expect(new ICAL.Component(ICAL.parse(asMember.body)).getAllSubcomponents('vevent').length).toBe(every.events.length);

    expect((await app.inject({ url: '/api/calendar/schemes.ics?municipality=9999' })).statusCode).toBe(404);
    const bad = await app.inject({ url: '/api/calendar/schemes.ics?municipality=alle&lang=en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'municipality', message: expect.stringContaining('Municipality') });
  });

  it('answers 404 for an unknown municipality and a translated 400 naming the field for a malformed one', async () => {
    const unknown = await app.inject({ url: '/api/deadlines?municipality=9999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    for (const bad of ['183', 'alle', '18355', '1835%00']) {
      const response = await app.inject({ url: `/api/deadlines?municipality=${bad}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.fields[0].path, bad).toBe('municipality');
    }
  });

  it('never lists an ended scheme as upcoming, nor one the municipality cannot take part in, nor names them as without a round', async () => {
    const save = async (scheme: Scheme) => {
      const before = await detailOf(scheme.id);
      const saved = await app.inject({
        method: 'PUT',
        url: `/api/schemes/${scheme.id}`,
        headers: admin.headers,
        payload: { scheme, baseVersion: before.version, comment: 'Test' },
      });
      expect(saved.statusCode, saved.body).toBe(200);
    };
    const ended = (scheme: Scheme): Scheme => ({
      ...scheme,
      lifecycle: { status: 'ended', endedOn: null, successorId: null, sourceIds: [scheme.sources[0]!.id] },
    });

    // An active national scheme with an announced call two months ahead: listed, for Træna too.
    const { scheme } = await detailOf('stimulab');
    const due = osloDate(new Date(Date.now() + 60 * 24 * 60 * 60 * 1000));
    const call = {
      id: 'test-call-ahead',
      title: { nb: 'Testutlysning', nn: 'Testutlysing', en: 'Test call' },
      roundId: null,
      opensOn: null,
      deadline: { date: due, time: null, timeSourceId: null },
      budgetNok: null,
      sourceIds: [scheme.sources[0]!.id],
    };
    const withCall = {
      ...scheme,
      lifecycle: { ...scheme.lifecycle, status: 'active' as const, endedOn: null, successorId: null },
      calls: [...scheme.calls, call],
    };
    await save(withCall);
    const listed = (list: DeadlineList) => list.items.some((i) => i.schemeId === 'stimulab' && i.call.id === call.id);
    expect(listed(await get<DeadlineList>(`/api/deadlines?${ALL}`))).toBe(true);
    expect(listed(await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${TRANA}`))).toBe(true);

    // Limited to Vestland's municipalities: Bergen sees it, Træna (Nordland) does not; every call still lists it.
    const vestlandOnly = { ...withCall, applicants: { ...withCall.applicants, counties: ['46'] } };
    await save(vestlandOnly);
    expect(listed(await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${BERGEN}`))).toBe(true);
    expect(listed(await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${TRANA}`))).toBe(false);
    expect(listed(await get<DeadlineList>(`/api/deadlines?${ALL}`))).toBe(true);
    await save(withCall);

    // Ended: gone from every list, its call still ahead notwithstanding.
    await save(ended(withCall));
    for (const query of ['', `&municipality=${TRANA}`, `&municipality=${BERGEN}`]) {
      const list = await get<DeadlineList>(`/api/deadlines?${ALL}${query}`);
      expect(
        list.items.some((i) => i.schemeId === 'stimulab'),
        query,
      ).toBe(false);
    }

    // An ended county-run scheme is not "without a round" for Nordland either: it is not there at all.
    await save(ended((await detailOf('prosjektskjonn')).scheme));
    const trana = await get<DeadlineList>(`/api/deadlines?${ALL}&municipality=${TRANA}`);
    expect(trana.noKnownRound.some((s) => s.schemeId === 'prosjektskjonn')).toBe(false);
    const all = await get<DeadlineList>(`/api/deadlines?${ALL}`);
    expect(all.items.some((i) => i.schemeId === 'prosjektskjonn')).toBe(false);
  });
});
