/**
 * The deadline list for every municipality or one (`GET /api/deadlines?municipality=`): national calls
 * and the municipality's own county's round only, county-run schemes with no round for the county
 * named apart, never an ended scheme; a member's own municipality by default, `none` for every call.
 */
import type { FastifyInstance } from 'fastify';
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
