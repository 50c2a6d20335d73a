/**
 * Provenance in Varde (ADR 005, addition "Checks and reports"): checks of a scheme's fact groups by its
 * owner organisation or a platform admin, reports of wrong facts by signed-in users, answered by the
 * owners (audited, notified), a limit of open reports per user that holds under concurrent requests,
 * and both surviving a catalogue release that replaces the scheme's document.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@varde/contracts';
import type { NotificationList } from '@varde/contracts/alerts-api';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import type { FactReport, FactReportList, SchemeCheckList } from '@varde/contracts/provenance-api';
import { factReportLimits } from '@varde/contracts/vocabulary';
import { schema } from '@varde/db';
import { seedSchemeCatalogue } from '@varde/db/seed-schemes';
import { osloDate } from '@varde/domain/calls';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, getOk, municipalityOrganisation, signIn, type Client } from '../../test/factories';
import { monthsAfter } from './provenance-rules';

/** A scheme the owner organisation below maintains; `prosjektskjonn` has regional rounds. */
const SCHEME = 'klimasats';

let database: TestDatabase;
let app: FastifyInstance;
let ownerOrg: string;
let owner: Client;
let colleague: Client;
let otherOwner: Client;
let member: Client;
let secondMember: Client;
let platformAdmin: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  const person = async (name: string, organisationId?: string, role: 'member' | 'admin' = 'member', isPlatformAdmin = false) => {
    const user = await createUser(db, { name, isPlatformAdmin });
    if (organisationId) await addMember(db, organisationId, user.id, role);
    return signIn(app, user.email);
  };
  ownerOrg = (await createOrganisation(db, { type: 'scheme_owner', name: 'Miljødirektoratet (test)' })).id;
  const otherOrg = (await createOrganisation(db, { type: 'scheme_owner', name: 'Annen eier (test)' })).id;
  const tydal = (await municipalityOrganisation(db, '5033')).id;
  owner = await person('Olav Eier', ownerOrg, 'admin');
  colleague = await person('Eva Eierkollega', ownerOrg);
  otherOwner = await person('Anne Annen', otherOrg);
  member = await person('Tora Tydal', tydal);
  secondMember = await person('Kari Kollega', tydal);
  platformAdmin = await person('Pia Plattform', undefined, 'member', true);
  const assigned = await app.inject({
    method: 'PUT',
    url: `/api/schemes/${SCHEME}/owner`,
    headers: platformAdmin.headers,
    payload: { organisationId: ownerOrg },
  });
  expect(assigned.statusCode, assigned.body).toBe(204);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const detail = (id = SCHEME, client?: Client) => getOk<SchemeDetail>(app, `/api/schemes/${id}?municipality=none`, client);
const checks = (id = SCHEME, client?: Client) => getOk<SchemeCheckList>(app, `/api/schemes/${id}/checks`, client);
const recordCheck = (client: Client | null, body: object, id = SCHEME, lang = 'nb') =>
  app.inject({ method: 'POST', url: `/api/schemes/${id}/checks?lang=${lang}`, headers: client?.headers ?? {}, payload: body });
const report = (client: Client | null, body: object, id = SCHEME, lang = 'nb') =>
  app.inject({ method: 'POST', url: `/api/schemes/${id}/reports?lang=${lang}`, headers: client?.headers ?? {}, payload: body });
const resolve = (client: Client, reportId: string, body: object, lang = 'nb') =>
  app.inject({ method: 'POST', url: `/api/fact-reports/${reportId}/resolve?lang=${lang}`, headers: client.headers, payload: body });
const workList = (client: Client, status: 'open' | 'closed' = 'open') => getOk<FactReportList>(app, `/api/fact-reports?status=${status}`, client);
const notifications = (client: Client) => getOk<NotificationList>(app, '/api/notifications', client);
const fields = (response: { json: () => unknown }) =>
  (response.json() as { error: { fields: { path: string; code: string; message: string }[] } }).error.fields;

/** Writes the stored documents as catalogue files, `change` applied to one, and imports them: a catalogue release. */
async function releaseCatalogue(id: string, change: (scheme: SchemeDetail['scheme']) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'varde-release-'));
  try {
    for (const row of await database.db.select({ id: schema.schemes.id, data: schema.schemes.data }).from(schema.schemes)) {
      const data = structuredClone(row.data);
      if (row.id === id) change(data);
      writeFileSync(join(dir, `${row.id}.json`), JSON.stringify(data, null, 2));
    }
    const result = await seedSchemeCatalogue(database.db, dir, { force: true });
    expect(result.updated).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('checks in Varde', () => {
  it('start empty: the shipped files record no check, and the page says so once (no group is flagged on its own)', async () => {
    expect(await checks()).toEqual({ lastCheckedAt: null, items: [] });
    const page = await detail();
    expect(page.lastCheckedAt).toBeNull();
    expect(page.facts.map((f) => f.group)).toEqual(['applicants', 'funding', 'criteria', 'requiredParts', 'reporting', 'cadence', 'calls', 'lifecycle']);
    expect(page.facts.every((f) => f.checkedOn === null && f.stale && !f.reported)).toBe(true);
    // A scheme with regional rounds has that group too.
    expect((await detail('prosjektskjonn')).facts.map((f) => f.group)).toContain('rounds');
  });

  it("are recorded by the scheme's owner organisation or a platform admin only", async () => {
    expect((await recordCheck(null, { groups: ['funding'] })).statusCode).toBe(401);
    // A municipality member is no scheme owner (the route's permission); another owner organisation is refused by the service.
    expect((await recordCheck(member, { groups: ['funding'] })).statusCode).toBe(403);
    const other = await recordCheck(otherOwner, { groups: ['funding'] });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden');
    expect((await checks()).items).toEqual([]);
    const byAdmin = await recordCheck(platformAdmin, { groups: ['criteria'] }, 'prosjektskjonn');
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
  });

  it('refuse groups the scheme does not have, and an empty choice, naming the field in the reader’s language', async () => {
    const rounds = await recordCheck(owner, { groups: ['funding', 'rounds'] });
    expect(rounds.statusCode).toBe(400);
    expect(fields(rounds)).toEqual([{ path: 'groups.1', code: 'invalid_value', message: 'Hva du har kontrollert har en verdi vi ikke kjenner.' }]);
    const none = await recordCheck(owner, { groups: [] }, SCHEME, 'en');
    expect(fields(none)).toEqual([{ path: 'groups', code: 'required', message: 'What you checked is required.' }]);
    const unknown = await recordCheck(owner, { groups: ['money'] });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)[0]!.path).toBe('groups.0');
  });

  it('keep the newest check per group with who and when; the page tells the day; names to signed-in callers only; audited', async () => {
    const before = await detail();
    const saved = await recordCheck(owner, { groups: ['calls', 'funding', 'funding'] });
    expect(saved.statusCode, saved.body).toBe(200);
    const today = osloDate(new Date());
    const answer = saved.json() as SchemeCheckList;
    expect(answer.items.map((c) => [c.group, c.checkedBy?.name, c.version])).toEqual([
      ['funding', 'Olav Eier', before.version],
      ['calls', 'Olav Eier', before.version],
    ]);
    expect(osloDate(new Date(answer.lastCheckedAt!))).toBe(today);

    const page = await detail();
    expect(page.lastCheckedAt).toBe(today);
    const funding = page.facts.find((f) => f.group === 'funding')!;
    expect(funding).toEqual({ group: 'funding', checkedOn: today, stale: false, reported: false });
    expect(page.facts.find((f) => f.group === 'applicants')).toMatchObject({ checkedOn: null, stale: true });

    // Public: the dates; the checker's name only to signed-in users, like the history.
    expect((await checks()).items.map((c) => c.checkedBy)).toEqual([{ name: null }, { name: null }]);
    expect((await checks(SCHEME, member)).items[0]!.checkedBy).toEqual({ name: 'Olav Eier' });

    // A colleague checks funding again: the group's check is replaced, not added.
    expect((await recordCheck(colleague, { groups: ['funding'] })).statusCode).toBe(200);
    const after = await checks(SCHEME, owner);
    expect(after.items.map((c) => [c.group, c.checkedBy?.name])).toEqual([
      ['funding', 'Eva Eierkollega'],
      ['calls', 'Olav Eier'],
    ]);

    const audit = await getOk<AuditEntry[]>(app, `/api/organisations/${ownerOrg}/audit`, owner);
    const entry = audit.find((e) => e.action === 'scheme.facts_checked' && e.actorName === 'Olav Eier');
    expect(entry).toMatchObject({ targetType: 'scheme', targetId: SCHEME, detail: { groups: ['funding', 'calls'], version: before.version } });
  });

  it('flag a group not checked for 12 months; the newest check of any group is the scheme’s', async () => {
    const thirteenMonthsAgo = monthsAfter(new Date(), -13);
    await database.db.update(schema.sourceChecks).set({ checkedAt: thirteenMonthsAgo }).where(eq(schema.sourceChecks.factGroup, 'calls'));
    const page = await detail();
    expect(page.facts.find((f) => f.group === 'calls')).toMatchObject({ checkedOn: osloDate(thirteenMonthsAgo), stale: true });
    expect(page.facts.find((f) => f.group === 'funding')!.stale).toBe(false);
    expect(page.lastCheckedAt).toBe(osloDate(new Date()));
    // Eleven months is recent enough.
    expect(monthsAfter(monthsAfter(new Date(), -11), 12).getTime()).toBeGreaterThan(Date.now());
  });
});

describe('reports of wrong facts', () => {
  beforeEach(async () => {
    await database.db.delete(schema.factReports);
    await database.db.delete(schema.notifications);
  });

  const valid = { group: 'funding', text: 'Største tilskudd er endret i 2027.', sourceUrl: 'https://www.miljodirektoratet.no/klimasats' };

  it('are made by signed-in users, with translated errors naming the field', async () => {
    expect((await report(null, valid)).statusCode).toBe(401);
    const cases: [object, string, string, string][] = [
      [{ ...valid, text: '   ' }, 'text', 'blank', 'Hva som er feil kan ikke bestå av bare mellomrom.'],
      [{ ...valid, text: 'x'.repeat(factReportLimits.textMax + 1) }, 'text', 'too_long', `Hva som er feil kan ha høyst ${factReportLimits.textMax} tegn.`],
      [{ ...valid, sourceUrl: 'javascript:alert(1)' }, 'sourceUrl', 'invalid_url', 'Lenke til kilden må begynne med https:// eller http://.'],
      [{ ...valid, sourceUrl: 'ftp://example.org/fil' }, 'sourceUrl', 'invalid_url', 'Lenke til kilden må begynne med https:// eller http://.'],
      [{ ...valid, group: 'rounds' }, 'group', 'invalid_value', 'Hva det gjelder har en verdi vi ikke kjenner.'],
      [{ ...valid, group: 'calls', callId: 'finnes-ikke' }, 'callId', 'invalid_value', 'Utlysning har en verdi vi ikke kjenner.'],
    ];
    for (const [body, path, code, message] of cases) {
      const response = await report(member, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(response), JSON.stringify(body)).toMatchObject([{ path, code }]);
      expect(fields(response), JSON.stringify(body)).toHaveLength(1);
      expect(fields(response)[0]!.message.replace(/\s/g, ' '), path).toBe(message);
    }
    const english = await report(member, { ...valid, sourceUrl: 'mailto:eier@example.org' }, SCHEME, 'en');
    expect(fields(english)).toEqual([{ path: 'sourceUrl', code: 'invalid_url', message: 'Link to the source must start with https:// or http://.' }]);
    // A call belongs to the group `calls`.
    const call = (await detail()).scheme.calls[0]!;
    expect(fields(await report(member, { ...valid, callId: call.id }))[0]!.path).toBe('callId');
    expect((await database.db.select({ n: count() }).from(schema.factReports))[0]!.n).toBe(0);
  });

  it("reach the scheme's owners and the platform admins on their work list and in their notifications; the page names no one", async () => {
    const made = await report(member, valid);
    expect(made.statusCode, made.body).toBe(201);
    const created = made.json() as FactReport;
    expect(created).toMatchObject({ schemeId: SCHEME, group: 'funding', status: 'open', reportedBy: { name: 'Tora Tydal' }, sourceUrl: valid.sourceUrl });

    for (const client of [owner, colleague, platformAdmin]) {
      expect((await workList(client)).items.map((r) => r.id)).toEqual([created.id]);
      const mine = (await notifications(client)).items.filter((n) => n.kind === 'fact_report');
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ schemeId: SCHEME, read: false, message: expect.stringContaining('«Tilskudd og egenandel»') });
    }
    expect(await workList(otherOwner)).toEqual({ items: [], total: 0 });
    expect((await app.inject({ url: '/api/fact-reports', headers: member.headers })).statusCode).toBe(403);
    expect((await notifications(member)).items.some((n) => n.kind === 'fact_report')).toBe(false);

    const page = await app.inject({ url: `/api/schemes/${SCHEME}` });
    const facts = (page.json() as SchemeDetail).facts;
    expect(facts.find((f) => f.group === 'funding')!.reported).toBe(true);
    expect(facts.filter((f) => f.reported)).toHaveLength(1);
    expect(page.body).not.toContain('Tora');
    expect(page.body).not.toContain(valid.text);

    // A call's report marks the call and its group.
    const call = (await detail()).scheme.calls[0]!;
    expect((await report(secondMember, { group: 'calls', callId: call.id, text: 'Fristen er flyttet.' })).statusCode).toBe(201);
    const withCall = await detail();
    expect(withCall.reportedCallIds).toEqual([call.id]);
    expect(withCall.facts.find((f) => f.group === 'calls')!.reported).toBe(true);
    const listed = await workList(owner);
    expect(listed.items.map((r) => [r.group, r.callTitle])).toEqual([
      ['funding', null],
      ['calls', call.title.nb],
    ]);
  });

  it('are answered by the owners: a rejection says why; audited, the reporter told, the notice gone', async () => {
    const created = (await report(member, valid)).json() as FactReport;
    expect((await resolve(member, created.id, { outcome: 'resolved' })).statusCode).toBe(403);
    expect((await resolve(otherOwner, created.id, { outcome: 'resolved' })).statusCode).toBe(403);
    const noComment = await resolve(owner, created.id, { outcome: 'rejected', comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    expect(fields(noComment)).toEqual([{ path: 'comment', code: 'required', message: 'Kommentar må fylles ut.' }]);
    expect((await resolve(owner, '00000000-0000-4000-8000-000000000000', { outcome: 'resolved' })).statusCode).toBe(404);

    const rejected = await resolve(owner, created.id, { outcome: 'rejected', comment: 'Beløpet står i utlysningen for 2027.' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', resolvedBy: { name: 'Olav Eier' }, comment: 'Beløpet står i utlysningen for 2027.' });
    const again = await resolve(colleague, created.id, { outcome: 'resolved' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Noen har allerede svart på denne meldingen.');

    expect((await detail()).facts.some((f) => f.reported)).toBe(false);
    expect(await workList(owner)).toEqual({ items: [], total: 0 });
    expect((await workList(owner, 'closed')).items.map((r) => r.id)).toContain(created.id);
    // Every owner's notification of it is read now; the reporter hears the answer and the comment.
    for (const client of [owner, colleague, platformAdmin]) {
      expect((await notifications(client)).items.find((n) => n.kind === 'fact_report' && n.read === false)).toBeUndefined();
    }
    const told = (await notifications(member)).items.filter((n) => n.kind === 'fact_report_closed');
    expect(told).toHaveLength(1);
    const name = (await detail()).scheme.name.nb;
    expect(told[0]!.message).toBe(
      `Eieren av ${name} mener at «Tilskudd og egenandel» stemmer, og har avvist meldingen din. Kommentar: Beløpet står i utlysningen for 2027.`,
    );
    const audit = await getOk<AuditEntry[]>(app, `/api/organisations/${ownerOrg}/audit`, owner);
    expect(audit.find((e) => e.targetId === created.id)).toMatchObject({ action: 'fact_report.rejected', actorName: 'Olav Eier', targetType: 'fact_report' });

    // A platform admin may answer any scheme's reports.
    const second = (await report(member, valid)).json() as FactReport;
    expect((await resolve(platformAdmin, second.id, { outcome: 'resolved' })).statusCode).toBe(200);
  });

  it(`are at most ${factReportLimits.openPerUser} open per user: one more answers 409 naming the limit; an answer frees a place`, async () => {
    const made: FactReport[] = [];
    for (let i = 0; i < factReportLimits.openPerUser; i++) made.push((await report(member, { ...valid, text: `Feil nummer ${i + 1}` })).json() as FactReport);
    const refused = await report(member, valid);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({
      code: 'conflict',
      message: `Du har ${factReportLimits.openPerUser} åpne meldinger om feil. Vent til eierne har svart på noen av dem før du melder flere.`,
    });
    // The limit is per user.
    expect((await report(secondMember, valid)).statusCode).toBe(201);
    expect((await resolve(owner, made[0]!.id, { outcome: 'resolved' })).statusCode).toBe(200);
    expect((await report(member, valid)).statusCode).toBe(201);
  });

  it('holds the limit when many reports are sent at once', async () => {
    const responses = await Promise.all(Array.from({ length: 15 }, (_, i) => report(member, { ...valid, text: `Samtidig ${i}` })));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(factReportLimits.openPerUser);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15 - factReportLimits.openPerUser);
    const [row] = await database.db.select({ n: count() }).from(schema.factReports);
    expect(row!.n).toBe(factReportLimits.openPerUser);
  });
});

describe('a catalogue release', () => {
  it('keeps the checks and the open reports of a scheme whose document it replaces', async () => {
    await database.db.delete(schema.factReports);
    const open = (await report(member, { group: 'criteria', text: 'Kriteriene er nye.' })).json() as FactReport;
    const before = await detail();
    const checked = await checks(SCHEME, owner);
    expect(checked.items.length).toBeGreaterThan(0);

    await releaseCatalogue(SCHEME, (scheme) => {
      scheme.summary.nb = `${scheme.summary.nb} (ny utgave)`;
    });

    const after = await detail();
    expect(after.version).toBe(before.version + 1);
    expect(after.scheme.summary.nb).toContain('(ny utgave)');
    expect(await checks(SCHEME, owner)).toEqual(checked);
    expect(after.lastCheckedAt).toBe(before.lastCheckedAt);
    expect(after.facts.find((f) => f.group === 'criteria')!.reported).toBe(true);
    expect((await workList(owner)).items.map((r) => r.id)).toEqual([open.id]);
  });
});
