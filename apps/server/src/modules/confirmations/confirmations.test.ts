/**
 * Condition confirmations (ADR 009): private to the municipality like its pipeline, checked against
 * the catalogue, expiring with their call or after 12 months, bounded per organisation under a lock,
 * and counted in the verdicts of the members' own municipality only.
 */
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Confirmation } from '@varde/contracts/confirmations-api';
import type { EligibilityAnswer, SchemeDetail, SchemeList } from '@varde/contracts/finder-api';
import { schema } from '@varde/db';
import { deadlineInstant, osloDate } from '@varde/domain/calls';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';
import { CONFIRMATIONS_PER_ORGANISATION, twelveMonthsAfter } from './confirmation.service';

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let roros: string;
let tora: Client;
let kari: Client;
let rune: Client;
let owner: Client;
let ownerOrg: string;
let platformAdmin: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  tydal = (await municipalityOrganisation(db, '5033')).id;
  roros = (await municipalityOrganisation(db, '5025')).id;
  const member = async (organisationId: string, name: string) => {
    const user = await createUser(db, { name });
    await addMember(db, organisationId, user.id);
    return signIn(app, user.email);
  };
  tora = await member(tydal, 'Tora Tydal');
  kari = await member(tydal, 'Kari Kollega');
  rune = await member(roros, 'Rune Røros');
  ownerOrg = (await createOrganisation(db, { type: 'scheme_owner', name: 'Ordningseier (test)' })).id;
  owner = await member(ownerOrg, 'Olav Eier');
  platformAdmin = await signIn(app, (await createUser(db, { isPlatformAdmin: true })).email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const confirm = (client: Client | null, organisationId: string, body: object) =>
  app.inject({ method: 'PUT', url: `/api/organisations/${organisationId}/confirmations`, headers: client?.headers ?? {}, payload: body });
const list = async (client: Client, organisationId: string, query = '') => {
  const response = await app.inject({ url: `/api/organisations/${organisationId}/confirmations${query}`, headers: client.headers });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: Confirmation[] }).items;
};
const eligibility = async (url: string, client?: Client) => {
  const response = await app.inject({ url, headers: client?.headers ?? {} });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as EligibilityAnswer).eligibility;
};

/** Saves a new version of a scheme as the platform admin. */
async function editScheme(id: string, change: (scheme: SchemeDetail['scheme']) => void) {
  const detail = (await app.inject({ url: `/api/schemes/${id}` })).json() as SchemeDetail;
  const scheme = structuredClone(detail.scheme);
  change(scheme);
  const saved = await app.inject({
    method: 'PUT',
    url: `/api/schemes/${id}`,
    headers: platformAdmin.headers,
    payload: { scheme, baseVersion: detail.version },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

const clear = () => database.db.delete(schema.conditionConfirmations);

describe('who may see and make confirmations', () => {
  it("is the municipality's members only: not another municipality, a scheme owner, a platform admin or anyone signed out", async () => {
    await clear();
    const made = await confirm(tora, tydal, { schemeId: 'klimasats', conditionId: 'political_anchoring' });
    expect(made.statusCode, made.body).toBe(200);
    const confirmation = made.json() as Confirmation;
    expect(confirmation).toMatchObject({ schemeId: 'klimasats', conditionId: 'political_anchoring', callId: null, confirmedBy: { name: 'Tora Tydal' } });
    // A colleague sees it, with who confirmed it.
    expect(await list(kari, tydal)).toEqual([confirmation]);

    for (const [client, status] of [
      [rune, 403],
      [owner, 403],
      [platformAdmin, 403],
      [null, 401],
    ] as const) {
      const read = await app.inject({ url: `/api/organisations/${tydal}/confirmations`, headers: client?.headers ?? {} });
      expect(read.statusCode).toBe(status);
      expect(read.body).not.toContain('political_anchoring');
      expect((await confirm(client, tydal, { schemeId: 'klimasats', conditionId: 'political_anchoring' })).statusCode).toBe(status);
      const removed = await app.inject({
        method: 'DELETE',
        url: `/api/organisations/${tydal}/confirmations/${confirmation.id}`,
        headers: client?.headers ?? {},
      });
      expect(removed.statusCode).toBe(status);
    }
    // Another municipality's id in its own path is simply not there.
    const foreign = await app.inject({ method: 'DELETE', url: `/api/organisations/${roros}/confirmations/${confirmation.id}`, headers: rune.headers });
    expect(foreign.statusCode).toBe(404);
    expect(await list(tora, tydal)).toHaveLength(1);

    const removed = await app.inject({ method: 'DELETE', url: `/api/organisations/${tydal}/confirmations/${confirmation.id}`, headers: kari.headers });
    expect(removed.statusCode).toBe(204);
    expect(await list(tora, tydal)).toEqual([]);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/organisations/${tydal}/confirmations/${confirmation.id}`, headers: kari.headers })).statusCode,
    ).toBe(404);
  });

  it('is for municipalities: another kind of organisation is refused with a message', async () => {
    const response = await confirm(owner, ownerOrg, { schemeId: 'klimasats', conditionId: 'political_anchoring' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Bare kommuner kan bekrefte vilkår.');
  });
});

describe('what can be confirmed', () => {
  it('refuses a scheme, condition or call the catalogue does not have, and register facts, with translated field errors', async () => {
    await clear();
    const fields = async (body: object) => {
      const response = await confirm(tora, tydal, body);
      expect(response.statusCode, response.body).toBe(400);
      return (response.json().error.fields as { path: string; code: string; message: string }[]).map((f) => `${f.path}:${f.code}`);
    };
    expect(await fields({ schemeId: 'finnes-ikke', conditionId: 'political_anchoring' })).toEqual(['schemeId:invalid_value']);
    // Klimasats asks for political anchoring, not an R&D partner; register facts are never confirmed.
    expect(await fields({ schemeId: 'klimasats', conditionId: 'partner:rd_organisation' })).toEqual(['conditionId:invalid_value']);
    expect(await fields({ schemeId: 'klimasats', conditionId: 'register:county' })).toEqual(['conditionId:invalid_value']);
    expect(await fields({ schemeId: 'klimasats', conditionId: 'political_anchoring', callId: 'finnes-ikke' })).toEqual(['callId:invalid_value']);
    // A call whose deadline has passed has nothing left to confirm for.
    expect(await fields({ schemeId: 'klimasats', conditionId: 'political_anchoring', callId: 'hovedfrist-2023' })).toEqual(['callId:invalid_value']);
    // A membership is confirmed without a scheme, and only one some scheme asks for.
    expect(await fields({ schemeId: null, conditionId: 'political_anchoring' })).toEqual(['schemeId:required']);
    expect(await fields({ schemeId: null, conditionId: 'membership:finnes-ikke' })).toEqual(['conditionId:invalid_value']);
    expect(await fields({ schemeId: 'klimasats', conditionId: 'membership:digifin' })).toEqual(['conditionId:invalid_value']);
    expect(await fields({ schemeId: 'klimasats', conditionId: 'Political Anchoring' })).toEqual(['conditionId:invalid_format']);
    const english = await app.inject({
      method: 'PUT',
      url: `/api/organisations/${tydal}/confirmations?lang=en`,
      headers: tora.headers,
      payload: { schemeId: 'klimasats', conditionId: 'partner:rd_organisation' },
    });
    expect(english.json().error.fields[0].message).toBe('Condition has a value we do not recognise.');
    expect(await list(tora, tydal)).toEqual([]);
  });

  it('expires with the call it was made for, else after 12 months; confirming again replaces the old one', async () => {
    await clear();
    // An announced call ahead, without a stated time: open through that Oslo day.
    const ahead = osloDate(new Date(Date.now() + 40 * 24 * 3600_000));
    await editScheme('klimasats', (scheme) => {
      scheme.calls.push({ ...scheme.calls.at(-1)!, id: 'testfrist-fremover', opensOn: null, deadline: { date: ahead, time: null, timeSourceId: null } });
    });
    const before = Date.now();
    const forCall = (
      await confirm(tora, tydal, { schemeId: 'klimasats', conditionId: 'political_anchoring', callId: 'testfrist-fremover' })
    ).json() as Confirmation;
    expect(forCall.callId).toBe('testfrist-fremover');
    expect(forCall.expiresAt).toBe(deadlineInstant({ date: ahead, time: null, timeSourceId: null }).toISOString());

    const again = await confirm(kari, tydal, { schemeId: 'klimasats', conditionId: 'political_anchoring' });
    expect(again.statusCode, again.body).toBe(200);
    const replaced = again.json() as Confirmation;
    expect(replaced).toMatchObject({ id: forCall.id, callId: null, confirmedBy: { name: 'Kari Kollega' } });
    const confirmedAt = new Date(replaced.confirmedAt);
    expect(confirmedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(replaced.expiresAt).toBe(twelveMonthsAfter(confirmedAt).toISOString());
    expect(await list(tora, tydal)).toEqual([replaced]);
  });

  it('counts 12 months by the calendar', () => {
    expect(twelveMonthsAfter(new Date('2026-11-29T06:00:00.000Z')).toISOString()).toBe('2027-11-29T06:00:00.000Z');
    expect(twelveMonthsAfter(new Date('2028-02-29T12:00:00.000Z')).toISOString()).toBe('2029-02-28T12:00:00.000Z');
  });

  it('takes a membership once for every scheme that asks for it', async () => {
    await clear();
    const condition = {
      id: 'digifin-medlem',
      kind: 'membership' as const,
      membership: 'digifin',
      text: { nb: 'Medlem av DigiFin', nn: 'Medlem av DigiFin', en: 'Member of DigiFin' },
    };
    await editScheme('klimasats', (scheme) => scheme.applicants.conditions.push(condition));
    await editScheme('stimulab', (scheme) => scheme.applicants.conditions.push(condition));
    const url = (id: string) => `/api/schemes/${id}/eligibility?municipality=5033&role=lead`;
    const open = await eligibility(url('stimulab'), tora);
    expect(open.checklist.find((c) => c.conditionId === 'digifin-medlem')).toMatchObject({
      kind: 'membership',
      state: 'to_check',
      membership: 'membership:digifin',
    });

    const made = await confirm(tora, tydal, { schemeId: null, conditionId: 'membership:digifin' });
    expect(made.statusCode, made.body).toBe(200);
    for (const id of ['stimulab', 'klimasats']) {
      const met = (await eligibility(url(id), tora)).checklist.find((c) => c.conditionId === 'digifin-medlem')!;
      expect(met.state, id).toBe('met');
      expect(met.confirmation, id).toMatchObject({ id: made.json().id, confirmedBy: { name: 'Tora Tydal' } });
    }
    // Listed with either scheme it counts for.
    expect((await list(tora, tydal, '?schemeId=stimulab')).map((c) => c.conditionId)).toEqual(['membership:digifin']);
    expect(await list(tora, tydal, '?schemeId=husbanken-boligtiltak')).toEqual([]);
  });
});

describe('verdicts after confirmations', () => {
  it("reach eligible for the members' own municipality, naming the confirmation; everyone else gets the register-only verdict", async () => {
    await clear();
    // Tydal (Trøndelag) is in the Sverige–Norge area; the project must be a collaboration with a cross-border benefit.
    const url = '/api/schemes/interreg-sverige-norge/eligibility?municipality=5033&role=lead';
    expect((await eligibility(url, tora)).verdict).toBe('eligible_with_conditions');
    const made = (await confirm(tora, tydal, { schemeId: 'interreg-sverige-norge', conditionId: 'collaboration' })).json() as Confirmation;
    expect((await eligibility(url, tora)).verdict).toBe('eligible_with_conditions');
    expect((await confirm(kari, tydal, { schemeId: 'interreg-sverige-norge', conditionId: 'cross-border-criterion' })).statusCode).toBe(200);

    const own = await eligibility(url, kari);
    expect(own.verdict).toBe('eligible');
    expect(own.reasons[0]).toMatchObject({ code: 'can_apply' });
    expect(own.checklist.find((c) => c.conditionId === 'collaboration')).toMatchObject({
      state: 'met',
      confirmation: { id: made.id, confirmedBy: { name: 'Tora Tydal' }, confirmedAt: made.confirmedAt, expiresAt: made.expiresAt },
    });
    expect(own.checklist.find((c) => c.conditionId === 'cross-border-criterion')).toMatchObject({
      state: 'met',
      confirmation: { confirmedBy: { name: 'Kari Kollega' } },
    });
    const page = (await app.inject({ url: '/api/schemes/interreg-sverige-norge', headers: kari.headers })).json() as SchemeDetail;
    expect(page.eligibility!.lead.verdict).toBe('eligible');
    const finder = (await app.inject({ url: '/api/schemes?q=Sverige', headers: kari.headers })).json() as SchemeList;
    expect(finder.items.find((c) => c.id === 'interreg-sverige-norge')!.eligibility!.verdict).toBe('eligible');

    // Signed out, or a member of another municipality: the registers only.
    for (const client of [undefined, rune]) {
      const other = await eligibility(url, client);
      expect(other.verdict).toBe('eligible_with_conditions');
      expect(JSON.stringify(other)).not.toContain(made.id);
      const detail = (
        await app.inject({ url: '/api/schemes/interreg-sverige-norge?municipality=5033', headers: client?.headers ?? {} })
      ).json() as SchemeDetail;
      expect(detail.eligibility!.lead.verdict).toBe('eligible_with_conditions');
      expect(JSON.stringify(detail)).not.toContain('Tora Tydal');
    }
    const anonymousList = (await app.inject({ url: '/api/schemes?municipality=5033&q=Sverige' })).json() as SchemeList;
    expect(anonymousList.items.find((c) => c.id === 'interreg-sverige-norge')!.eligibility!.verdict).toBe('eligible_with_conditions');
  });

  it('ignores an expired confirmation, and never lists it', async () => {
    await clear();
    const [user] = await database.db.select({ id: schema.users.id }).from(schema.users).limit(1);
    await database.db.insert(schema.conditionConfirmations).values({
      organisationId: tydal,
      schemeId: 'interreg-sverige-norge',
      conditionId: 'collaboration',
      callId: null,
      confirmedBy: user!.id,
      confirmedAt: new Date(Date.now() - 400 * 24 * 3600_000),
      expiresAt: new Date(Date.now() - 35 * 24 * 3600_000),
    });
    expect(await list(tora, tydal)).toEqual([]);
    const answer = await eligibility('/api/schemes/interreg-sverige-norge/eligibility?municipality=5033&role=lead', tora);
    expect(answer.checklist.find((c) => c.conditionId === 'collaboration')).toMatchObject({ state: 'to_check', confirmation: null });
    // It is cleared away when the municipality next confirms something.
    expect((await confirm(tora, tydal, { schemeId: 'klimasats', conditionId: 'political_anchoring' })).statusCode).toBe(200);
    const [row] = await database.db.select({ n: count() }).from(schema.conditionConfirmations).where(eq(schema.conditionConfirmations.organisationId, tydal));
    expect(row!.n).toBe(1);
  });
});

describe('the limit per municipality', () => {
  /** Stored confirmations of schemes not in the catalogue: they fill the count without meaning anything. */
  async function fill(n: number) {
    const [user] = await database.db.select({ id: schema.users.id }).from(schema.users).limit(1);
    const expiresAt = new Date(Date.now() + 30 * 24 * 3600_000);
    const rows = Array.from({ length: n }, (_, i) => ({
      organisationId: tydal,
      schemeId: `fyll-${i}`,
      conditionId: 'political_anchoring',
      callId: null,
      confirmedBy: user!.id,
      expiresAt,
    }));
    await database.db.insert(schema.conditionConfirmations).values(rows);
  }

  it(`refuses confirmation number ${CONFIRMATIONS_PER_ORGANISATION + 1} with a message naming the limit, but always replaces`, async () => {
    await clear();
    await fill(CONFIRMATIONS_PER_ORGANISATION - 1);
    expect((await confirm(tora, tydal, { schemeId: 'klimasats', conditionId: 'political_anchoring' })).statusCode).toBe(200);
    const refused = await confirm(tora, tydal, { schemeId: 'interreg-sverige-norge', conditionId: 'collaboration' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({
      code: 'conflict',
      message: `Kommunen kan ha opptil ${CONFIRMATIONS_PER_ORGANISATION} bekreftede vilkår. Trekk tilbake noen dere ikke trenger, før dere bekrefter flere.`,
    });
    expect((await confirm(kari, tydal, { schemeId: 'klimasats', conditionId: 'political_anchoring' })).statusCode).toBe(200);
    // The limit is per municipality.
    expect((await confirm(rune, roros, { schemeId: 'interreg-sverige-norge', conditionId: 'collaboration' })).statusCode).toBe(200);
  });

  it('holds when many confirmations are sent at once', async () => {
    await clear();
    await fill(CONFIRMATIONS_PER_ORGANISATION - 2);
    const bodies = [
      { schemeId: 'klimasats', conditionId: 'political_anchoring' },
      { schemeId: 'klimasats', conditionId: 'own-effort' },
      { schemeId: 'forskningsradet-ipo', conditionId: 'partner:rd_organisation' },
      { schemeId: 'interreg-sverige-norge', conditionId: 'collaboration' },
      { schemeId: 'interreg-sverige-norge', conditionId: 'cross-border-criterion' },
    ];
    const responses = await Promise.all(bodies.map((body, i) => confirm(i % 2 ? kari : tora, tydal, body)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 409, 409, 409]);
    const [row] = await database.db.select({ n: count() }).from(schema.conditionConfirmations).where(eq(schema.conditionConfirmations.organisationId, tydal));
    expect(row!.n).toBe(CONFIRMATIONS_PER_ORGANISATION);
  });
});
