/**
 * Acceptance of "Catalogue truth" (issue 11) over the real catalogue, through the API as a visitor or
 * a member gets it: no deadline time its source does not state; no ended scheme ranked as a fit;
 * Interreg Sverige–Norge not offered to Vestland; Husbanken's district grant not offered to Trondheim
 * in any role.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityList } from '@varde/contracts';
import type { DeadlineList } from '@varde/contracts/catalogue-api';
import type { EligibilityAnswer, SchemeCard, SchemeDetail, SchemeList } from '@varde/contracts/finder-api';
import type { Deadline } from '@varde/contracts/schemes';
import { applicantTypes, lifecycleStatuses } from '@varde/contracts/vocabulary';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, type Client, createTestApp, createUser, getOk, municipalityOrganisation, signIn } from '../../test/factories';

const TRANA = '1835';
const BERGEN = '4601';
const TRONDHEIM = '5001';
const TYDAL = '5033';
const INTERREG_SVERIGE_NORGE = 'interreg-sverige-norge';
const HUSBANKEN_DISTRICT = 'husbanken-boligtiltak-distrikt';
const ALL_DEADLINES = 'days=730&includeForecasts=true';

let database: TestDatabase;
let app: FastifyInstance;
let trondheimMember: Client;
let municipalities: MunicipalityList['items'];
/** Every scheme in the catalogue, whatever its lifecycle. */
let details: Map<string, SchemeDetail>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const user = await createUser(database.db, { name: 'Trine Trondheim' });
  await addMember(database.db, (await municipalityOrganisation(database.db, TRONDHEIM)).id, user.id);
  trondheimMember = await signIn(app, user.email);
  municipalities = (await get<MunicipalityList>('/api/municipalities')).items;
  details = new Map();
  for (const status of lifecycleStatuses) {
    for (const card of (await get<SchemeList>(`/api/schemes?status=${status}&limit=200`)).items) {
      details.set(card.id, await get<SchemeDetail>(`/api/schemes/${card.id}`));
    }
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = <T>(url: string, client?: Client) => getOk<T>(app, url, client);
const sourcesOf = (schemeId: string) => new Set(details.get(schemeId)!.scheme.sources.map((s) => s.id));
const ended = () => new Set([...details.values()].filter((d) => d.scheme.lifecycle.status === 'ended').map((d) => d.scheme.id));

/** A deadline's time, if any, cites one of the scheme's sources. */
function expectSourcedTime(schemeId: string, deadline: Deadline | null, where: string) {
  if (!deadline || deadline.time === null) return;
  expect(deadline.timeSourceId, `${where}: ${deadline.date} ${deadline.time} without a source`).not.toBeNull();
  expect(sourcesOf(schemeId).has(deadline.timeSourceId!), `${where}: the time cites ${deadline.timeSourceId}, not a source of ${schemeId}`).toBe(true);
}

/** In a ranked list, every ended scheme comes after every scheme that is not ended. */
function expectEndedLast(cards: SchemeCard[], where: string) {
  const lastLive = cards.findLastIndex((c) => c.lifecycle !== 'ended');
  const firstEnded = cards.findIndex((c) => c.lifecycle === 'ended');
  if (firstEnded >= 0) expect(firstEnded, `${where}: ${cards[firstEnded]!.id} ranked above ${cards[lastLive]?.id}`).toBeGreaterThan(lastLive);
}

describe('catalogue truth', () => {
  it('shows no deadline time its source does not state: scheme pages, forecasts, finder cards and the deadline list', async () => {
    expect(details.size).toBeGreaterThanOrEqual(20);
    for (const [id, detail] of details) {
      for (const call of detail.scheme.calls) expectSourcedTime(id, call.deadline, `${id}/${call.id} (stored)`);
      for (const call of detail.calls) expectSourcedTime(id, call.deadline, `${id}/${call.id}${call.predicted ? ' (forecast)' : ''}`);
    }
    for (const code of ['none', TRANA, BERGEN, TRONDHEIM]) {
      for (const card of (await get<SchemeList>(`/api/schemes?municipality=${code}&limit=200`)).items) {
        expectSourcedTime(card.id, card.nextCall?.deadline ?? null, `finder card ${card.id} for ${code}`);
      }
      const deadlines = await get<DeadlineList>(`/api/deadlines?${ALL_DEADLINES}&municipality=${code}`);
      for (const item of deadlines.items) expectSourcedTime(item.schemeId, item.call.deadline, `deadline list ${item.schemeId}/${item.call.id} for ${code}`);
    }
  });

  it('ranks no ended scheme as a fit: absent from the default finder for every municipality', async () => {
    const endedIds = ended();
    expect(endedIds.size).toBeGreaterThan(0);
    expect(municipalities.length).toBe(357);
    for (const m of municipalities) {
      const list = await get<SchemeList>(`/api/schemes?municipality=${m.code}&limit=200`);
      const shown = list.items.filter((c) => c.lifecycle === 'ended' || endedIds.has(c.id)).map((c) => c.id);
      expect(shown, `${m.code} ${m.name}`).toEqual([]);
    }
    const anonymous = await get<SchemeList>('/api/schemes?limit=200');
    expect(anonymous.items.filter((c) => endedIds.has(c.id))).toEqual([]);
  }, 300_000);

  it('never ranks an ended scheme above a live one when ended schemes are not asked for (a search that names them)', async () => {
    const endedIds = ended();
    const words = ['innovasjon', 'forskning', 'offentlig', 'tilskudd', 'regionale', 'kompetanse'];
    const names = [...endedIds].map((id) => details.get(id)!.scheme.name.nb);
    for (const code of ['none', TRANA, BERGEN, TRONDHEIM, TYDAL]) {
      for (const q of [...words, ...names]) {
        const list = await get<SchemeList>(`/api/schemes?municipality=${code}&q=${encodeURIComponent(q)}&limit=200`);
        expectEndedLast(list.items, `${code} q=${q}`);
      }
    }
    // Asked for by `status=ended`: only ended schemes.
    const asked = await get<SchemeList>(`/api/schemes?municipality=${TRANA}&status=ended&limit=200`);
    expect(asked.items.every((c) => c.lifecycle === 'ended')).toBe(true);
    // Never an upcoming deadline either.
    for (const code of ['none', TRANA, BERGEN, TRONDHEIM]) {
      const deadlines = await get<DeadlineList>(`/api/deadlines?${ALL_DEADLINES}&municipality=${code}`);
      expect(
        deadlines.items.filter((i) => endedIds.has(i.schemeId)).map((i) => i.schemeId),
        code,
      ).toEqual([]);
    }
  });

  it('does not offer Interreg Sverige–Norge to any Vestland municipality, and does offer it inside its programme area', async () => {
    const vestland = municipalities.filter((m) => m.countyCode === '46');
    expect(vestland.map((m) => m.code)).toContain(BERGEN);
    for (const m of vestland) await expectNotOffered(INTERREG_SVERIGE_NORGE, m.code, m.name);
    // A control: Trondheim (Trøndelag) lies inside the programme area.
    const trondheim = await get<SchemeDetail>(`/api/schemes/${INTERREG_SVERIGE_NORGE}?municipality=${TRONDHEIM}`);
    expect(trondheim.eligibility!.lead.verdict).not.toBe('not_eligible');
  }, 120_000);

  it("does not offer Husbanken's district grant to Trondheim in any role, signed in or not, and does offer it to Træna", async () => {
    await expectNotOffered(HUSBANKEN_DISTRICT, TRONDHEIM, 'Trondheim');
    await expectNotOffered(HUSBANKEN_DISTRICT, TRONDHEIM, 'Trondheim (member)', trondheimMember);
    const everyPartner = applicantTypes.map((t) => `partners=${t}`).join('&');
    for (const role of ['lead', 'partner']) {
      const answer = await get<EligibilityAnswer>(`/api/schemes/${HUSBANKEN_DISTRICT}/eligibility?municipality=${TRONDHEIM}&role=${role}&${everyPartner}`);
      expect(answer.eligibility.verdict, `${role} with every partner`).toBe('not_eligible');
    }
    // A control: Træna (centrality class 6) may apply.
    const trana = await get<SchemeDetail>(`/api/schemes/${HUSBANKEN_DISTRICT}?municipality=${TRANA}`);
    expect(trana.eligibility!.lead.verdict).not.toBe('not_eligible');
  });
});

/**
 * "Not offered": not eligible as lead nor as partner on the scheme page and the eligibility answer; left
 * out of the finder for either role; ranked below everything the municipality can take part in when
 * listed at all; never in its deadline list.
 */
async function expectNotOffered(schemeId: string, code: string, name: string, client?: Client) {
  const where = `${schemeId} for ${code} ${name}`;
  const detail = await get<SchemeDetail>(`/api/schemes/${schemeId}?municipality=${code}`, client);
  expect([detail.eligibility!.lead.verdict, detail.eligibility!.partner.verdict], where).toEqual(['not_eligible', 'not_eligible']);
  for (const role of ['lead', 'partner']) {
    const answer = await get<EligibilityAnswer>(`/api/schemes/${schemeId}/eligibility?municipality=${code}&role=${role}`, client);
    expect(answer.eligibility.verdict, `${where} as ${role}`).toBe('not_eligible');
    const list = await get<SchemeList>(`/api/schemes?municipality=${code}&role=${role}&limit=200`, client);
    expect(
      list.items.map((c) => c.id),
      `${where}: finder, role ${role}`,
    ).not.toContain(schemeId);
  }
  const all = (await get<SchemeList>(`/api/schemes?municipality=${code}&limit=200`, client)).items;
  const index = all.findIndex((c) => c.id === schemeId);
  if (index >= 0) {
    expect(all[index]!.eligibility!.verdict, where).toBe('not_eligible');
    expect(
      all.slice(index).every((c) => c.eligibility!.verdict === 'not_eligible'),
      `${where}: ranked above a scheme it can take part in`,
    ).toBe(true);
  }
  const deadlines = await get<DeadlineList>(`/api/deadlines?${ALL_DEADLINES}&municipality=${code}`, client);
  expect(
    deadlines.items.map((i) => i.schemeId),
    `${where}: deadline list`,
  ).not.toContain(schemeId);
  expect(
    deadlines.noKnownRound.map((s) => s.schemeId),
    `${where}: no known round`,
  ).not.toContain(schemeId);
}
