/**
 * The table of real eligibility cases (eligibility-cases.ts) through the HTTP API: the member stores
 * the confirmations with the confirmations routes, then asks `/api/schemes/{id}/eligibility` and the
 * scheme's page. Runs on PGlite, and on PostgreSQL with scripts/with-postgres.sh.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Confirmation } from '@varde/contracts/confirmations-api';
import type { EligibilityAnswer, SchemeDetail } from '@varde/contracts/finder-api';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';
import { type EligibilityCase, eligibilityCases } from './eligibility-cases';

let database: TestDatabase;
let app: FastifyInstance;
const members = new Map<string, { client: Client; organisationId: string }>();

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  for (const code of new Set(eligibilityCases.map((c) => c.municipality))) {
    const organisationId = (await municipalityOrganisation(database.db, code)).id;
    const user = await createUser(database.db, { name: `Medlem ${code}` });
    await addMember(database.db, organisationId, user.id);
    members.set(code, { client: await signIn(app, user.email), organisationId });
  }
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function getJson<T>(url: string, client: Client | null): Promise<T> {
  const response = await app.inject({ url, headers: client?.headers ?? {} });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
}

/** Leaves the municipality with exactly the case's confirmations, stored through the API. */
async function storeConfirmations(c: EligibilityCase, member: { client: Client; organisationId: string }) {
  const base = `/api/organisations/${member.organisationId}/confirmations`;
  for (const old of (await getJson<{ items: Confirmation[] }>(base, member.client)).items) {
    const removed = await app.inject({ method: 'DELETE', url: `${base}/${old.id}`, headers: member.client.headers });
    expect(removed.statusCode).toBe(204);
  }
  for (const conditionId of c.confirmations) {
    const schemeId = conditionId.startsWith('membership:') ? null : c.scheme;
    const saved = await app.inject({ method: 'PUT', url: base, headers: member.client.headers, payload: { schemeId, conditionId } });
    expect(saved.statusCode, `${conditionId}: ${saved.body}`).toBe(200);
  }
}

describe('the table of real cases', () => {
  it('has at least 30 cases, each citing a source of its scheme', async () => {
    expect(eligibilityCases.length).toBeGreaterThanOrEqual(30);
    const keys = eligibilityCases.map((c) => `${c.municipality} ${c.scheme} ${c.role} ${c.partners.join(',')} ${c.confirmations.join(',')}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of eligibilityCases) {
      const detail = await getJson<SchemeDetail>(`/api/schemes/${c.scheme}`, null);
      const urls = new Set(detail.scheme.sources.map((s) => s.url));
      expect(urls.has(c.source), `${c.title}: ${c.source} is not a source of ${c.scheme}`).toBe(true);
    }
    // Every verdict and both roles are in the table, with and without partners and confirmations.
    expect(new Set(eligibilityCases.map((c) => c.verdict))).toEqual(new Set(['eligible', 'eligible_with_conditions', 'not_eligible']));
    expect(new Set(eligibilityCases.map((c) => c.role))).toEqual(new Set(['lead', 'partner']));
    expect(eligibilityCases.some((c) => c.partners.length > 0)).toBe(true);
    expect(eligibilityCases.some((c) => c.confirmations.length > 0)).toBe(true);
    expect(eligibilityCases.some((c) => c.round !== null)).toBe(true);
    expect(eligibilityCases.some((c) => c.roundUnknown)).toBe(true);
  });

  it.each(eligibilityCases.map((c) => [c.title, c] as const))('%s', async (_title, c) => {
    const member = members.get(c.municipality)!;
    await storeConfirmations(c, member);
    const query = new URLSearchParams({ municipality: c.municipality, role: c.role });
    for (const partner of c.partners) query.append('partners', partner);
    const url = `/api/schemes/${c.scheme}/eligibility?${query}`;

    const { eligibility } = await getJson<EligibilityAnswer>(url, member.client);
    const summary = `${c.verdict}/${c.keyReason} expected; got ${eligibility.verdict}/${eligibility.reasons.map((r) => r.code).join(',')} ${JSON.stringify(eligibility.checklist.map((i) => `${i.conditionId}:${i.state}`))}`;
    expect(eligibility.verdict, summary).toBe(c.verdict);
    expect(eligibility.reasons[0]!.code, summary).toBe(c.keyReason);
    expect(eligibility.role).toBe(c.role);
    expect(eligibility.roundId).toBe(c.round);
    // Register facts are never left open; each confirmed condition names its confirmation.
    expect(eligibility.checklist.filter((i) => i.kind === 'register').every((i) => i.state !== 'to_check')).toBe(true);
    for (const conditionId of c.confirmations) {
      const line = eligibility.checklist.find((i) => i.conditionId === conditionId || i.membership === conditionId);
      expect(line, `${conditionId} in the checklist`).toMatchObject({ state: 'met', confirmation: { confirmedBy: { name: `Medlem ${c.municipality}` } } });
    }

    const page = await getJson<SchemeDetail>(`/api/schemes/${c.scheme}?municipality=${c.municipality}`, member.client);
    expect(page.round?.id ?? null).toBe(c.round);
    expect(page.roundUnknown).toBe(c.roundUnknown ?? false);
    expect(page.eligibility![c.role].roundId).toBe(c.round);

    // Anyone else gets the answer from the registers (and the planned partners) alone.
    const anonymous = (await getJson<EligibilityAnswer>(url, null)).eligibility;
    expect(anonymous.checklist.every((i) => i.confirmation === null)).toBe(true);
    if (c.confirmations.length === 0) {
      expect(anonymous.verdict).toBe(c.verdict);
      expect(anonymous.reasons[0]!.code).toBe(c.keyReason);
    } else {
      expect(anonymous.verdict).not.toBe('eligible');
    }
  });
});
