/**
 * The solution library over HTTP: the seeded real solutions, drafting and publishing, versions,
 * documents (wrong type, oversize, path separators, headers), adoption and the spread, questions
 * (two organisations only, mail), reports and hiding (audited), withdrawing, the open-data export.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MunicipalitySolutions,
  QuestionThread,
  QuestionThreadList,
  QuestionUnread,
  SolutionDocument,
  SolutionDraft,
  SolutionExport,
  SolutionList,
  SolutionReportList,
  SolutionSpread,
  SolutionVersion,
  SolutionView,
} from '@varde/contracts/solutions-api';
import { solutionLimits } from '@varde/contracts/solutions-vocabulary';
import { readDatasetSolutions, schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, getOk, municipalityOrganisation, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let roros: string;
let oslo: string;
let memberTydal: Client;
let adminTydal: Client;
let adminRoros: Client;
let memberOslo: Client;
let memberBergen: Client;
let platformAdmin: Client;
let contactId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  tydal = (await municipalityOrganisation(db, '5033')).id;
  roros = (await municipalityOrganisation(db, '5025')).id;
  oslo = (await municipalityOrganisation(db, '0301')).id;
  const bergen = (await municipalityOrganisation(db, '4601')).id;
  const user = async (organisationId: string, role: 'member' | 'admin' = 'member', name?: string) => {
    const created = await createUser(db, name ? { name } : {});
    await addMember(db, organisationId, created.id, role);
    return { client: await signIn(app, created.email), id: created.id };
  };
  const contact = await user(tydal, 'member', 'Kari Kontakt');
  memberTydal = contact.client;
  contactId = contact.id;
  adminTydal = (await user(tydal, 'admin', 'Ada Admin')).client;
  adminRoros = (await user(roros, 'admin', 'Rune Røros')).client;
  memberOslo = (await user(oslo, 'member', 'Ola Oslo')).client;
  memberBergen = (await user(bergen)).client;
  const admin = await createUser(db, { isPlatformAdmin: true });
  platformAdmin = await signIn(app, admin.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const send = (client: Client | null, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: client?.headers ?? {}, ...(payload ? { payload } : {}) });
const upload = (client: Client, id: string, name: string, body: Buffer, contentType = 'application/octet-stream') =>
  app.inject({
    method: 'POST',
    url: `/api/solutions/${id}/documents?name=${encodeURIComponent(name)}`,
    headers: { ...client.headers, 'content-type': contentType },
    payload: body,
  });
const mailsOf = async (kind: 'solution_published' | 'solution_question') =>
  database.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.kind, kind));

describe('the seeded real solutions', () => {
  it('are published with only what their source supports, the rest "not described yet"', async () => {
    const shipped = readDatasetSolutions();
    const list = await getOk<SolutionList>(app, '/api/solutions');
    expect(list.total).toBe(shipped.length);
    expect(list.exampleDataOn).toBe(false);
    const one = await getOk<SolutionView>(app, `/api/solutions/${list.items[0]!.id}`);
    expect(one.content.source.url).toMatch(/^https?:\/\//);
    expect(one.content.source.quote).toBeTruthy();
    expect(one.content).toMatchObject({ summary: null, problem: null, whatWasDone: null, results: null, maturity: null, themes: [] });
    expect(one.owners.length).toBeGreaterThan(0);
    expect(one.versions).toHaveLength(1);
  });
});

describe('drafting, publishing, adopting, asking', () => {
  let id: string;

  it('refuses a title that is too long, naming the field', async () => {
    const response = await send(memberTydal, 'POST', '/api/solutions', {
      organisationId: tydal,
      language: 'nn',
      title: 'x'.repeat(solutionLimits.titleMax + 1),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ path: 'title', code: 'too_long' });
  });

  it('lets a member draft for their own organisation only; the draft is private', async () => {
    expect((await send(memberTydal, 'POST', '/api/solutions', { organisationId: roros, language: 'nn', title: 'Nei' })).statusCode).toBe(403);
    const created = await send(memberTydal, 'POST', '/api/solutions', {
      organisationId: tydal,
      language: 'nn',
      title: 'Digitalt tilsyn i heimetenesta',
      summary: 'Sensorar om natta i staden for fysiske tilsyn.',
      themes: ['health_care'],
      maturity: 'in_operation',
      coOwnerIds: [roros],
      contactUserId: contactId,
      contactRole: 'Prosjektleiar',
      contactPublic: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect((await app.inject({ url: `/api/solutions/${id}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/solutions/${id}`, headers: memberOslo.headers })).statusCode).toBe(404);
    const mine = await getOk<SolutionView>(app, `/api/solutions/${id}`, memberTydal);
    expect(mine).toMatchObject({ status: 'draft', version: null, hasDraft: true, can: { editDraft: true, publish: false } });
    expect(mine.contact).toMatchObject({ name: 'Kari Kontakt', public: true, isViewer: true });
    const draft = await getOk<SolutionDraft>(app, `/api/solutions/${id}/draft`, memberTydal);
    expect(draft.coOwnerIds.sort()).toEqual([tydal, roros].sort());
  });

  it('has an owner’s administrator publish it; the other owners’ administrators get mail', async () => {
    const draft = await getOk<SolutionDraft>(app, `/api/solutions/${id}/draft`, memberTydal);
    expect((await send(memberTydal, 'POST', `/api/solutions/${id}/publish`, { revision: draft.revision })).statusCode).toBe(403);
    expect((await send(adminTydal, 'POST', `/api/solutions/${id}/publish`, { revision: draft.revision + 1 })).statusCode).toBe(409);
    const published = await send(adminTydal, 'POST', `/api/solutions/${id}/publish`, { revision: draft.revision, versionNote: 'Fyrste versjon' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 1, hasDraft: false });
    const mail = await mailsOf('solution_published');
    expect(mail.map((m) => m.language)).toContain('nb');
    expect(mail.some((m) => m.subject.includes('Digitalt tilsyn i heimetenesta'))).toBe(true);
    const anonymous = await getOk<SolutionView>(app, `/api/solutions/${id}`);
    expect(anonymous.contact).toMatchObject({ name: 'Kari Kontakt', role: 'Prosjektleiar', public: true, isViewer: false });
    expect(anonymous.versions[0]).toMatchObject({ version: 1, note: 'Fyrste versjon', publishedBy: { name: null } });
    expect((await getOk<SolutionVersion>(app, `/api/solutions/${id}/versions/1`)).content.title).toBe('Digitalt tilsyn i heimetenesta');
  });

  it('keeps later draft changes private until published again', async () => {
    const draft = await getOk<SolutionDraft>(app, `/api/solutions/${id}/draft`, memberTydal);
    const saved = await send(memberTydal, 'PUT', `/api/solutions/${id}/draft`, {
      language: 'nn',
      title: 'Digitalt tilsyn i heimetenesta, versjon 2',
      revision: draft.revision,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await getOk<SolutionView>(app, `/api/solutions/${id}`)).content.title).toBe('Digitalt tilsyn i heimetenesta');
    expect((await send(memberTydal, 'PUT', `/api/solutions/${id}/draft`, { language: 'nn', title: 'Gammal', revision: draft.revision })).statusCode).toBe(409);
    expect((await send(memberOslo, 'PUT', `/api/solutions/${id}/draft`, { language: 'nn', title: 'Framand' })).statusCode).toBe(403);
  });

  it('records another municipality’s adoption, with figures, spread and municipality pages', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect((await send(memberOslo, 'PUT', `/api/solutions/${id}/adoptions/${oslo}`, { state: 'uses', date: future })).statusCode).toBe(400);
    expect((await send(memberOslo, 'PUT', `/api/solutions/${id}/adoptions/${roros}`, { state: 'uses', date: '2024-01-01' })).statusCode).toBe(403);
    const adopted = await send(memberOslo, 'PUT', `/api/solutions/${id}/adoptions/${oslo}`, {
      state: 'testing',
      date: '2024-03-01',
      adoptionNote: 'Prøver i to bydeler',
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect((await send(adminTydal, 'PUT', `/api/solutions/${id}/adoptions/${tydal}`, { state: 'uses', date: '2024-01-01' })).statusCode).toBe(409);
    const view = await getOk<SolutionView>(app, `/api/solutions/${id}`);
    expect(view.adoptions).toHaveLength(1);
    expect(view.figures).toMatchObject({ adopters: 1, testing: 1, countiesReached: 2, shareLeastCentral: 0 });
    const spread = await getOk<SolutionSpread>(app, `/api/solutions/${id}/spread`);
    expect(spread.places.map((p) => p.kind).sort()).toEqual(['owner', 'owner', 'testing']);
    expect(spread.years.find((y) => y.year === 2024)).toMatchObject({ adopters: 1, adopterCodes: ['0301'] });
    expect(spread.years.find((y) => y.year === 2023)?.adopters ?? 0).toBe(0);
    const osloPage = await getOk<MunicipalitySolutions>(app, '/api/municipalities/0301/solutions');
    expect(osloPage.used.map((u) => [u.solution.id, u.state])).toContainEqual([id, 'testing']);
    const tydalPage = await getOk<MunicipalitySolutions>(app, '/api/municipalities/5033/solutions');
    expect(tydalPage.shared.map((s) => s.id)).toContain(id);
  });

  it('lets another municipality ask the contact: the two organisations only see the thread, mail goes both ways', async () => {
    expect((await send(memberTydal, 'POST', `/api/solutions/${id}/questions`, { organisationId: tydal, subject: 'Eige', body: 'x' })).statusCode).toBe(409);
    const asked = await send(memberOslo, 'POST', `/api/solutions/${id}/questions`, {
      organisationId: oslo,
      subject: 'Sensorar',
      body: 'Kva sensorar brukar de?',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const thread = asked.json() as QuestionThread;
    expect(thread).toMatchObject({ side: 'asker', ownerOrganisation: { id: tydal }, askingOrganisation: { id: oslo } });
    const toContact = await database.db
      .select()
      .from(schema.mailOutbox)
      .where(and(eq(schema.mailOutbox.kind, 'solution_question'), eq(schema.mailOutbox.userId, contactId)));
    expect(toContact).toHaveLength(1);
    expect(toContact[0]!.bodyText).not.toContain('Kva sensorar');
    expect((await getOk<QuestionUnread>(app, '/api/solution-questions/unread', memberTydal)).unread).toBe(1);
    expect((await app.inject({ url: `/api/solution-questions/${thread.id}`, headers: memberBergen.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/solution-questions/${thread.id}`, headers: platformAdmin.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/organisations/${tydal}/questions`, headers: platformAdmin.headers })).statusCode).toBe(403);
    const seen = await getOk<QuestionThread>(app, `/api/solution-questions/${thread.id}`, memberTydal);
    expect(seen.items).toHaveLength(1);
    expect((await getOk<QuestionUnread>(app, '/api/solution-questions/unread', memberTydal)).unread).toBe(0);
    const replied = await send(memberTydal, 'POST', `/api/solution-questions/${thread.id}/messages`, { body: 'Vi brukar rørslesensorar.' });
    expect(replied.statusCode, replied.body).toBe(201);
    expect((await mailsOf('solution_question')).length).toBe(2);
    expect((await getOk<QuestionThreadList>(app, `/api/organisations/${oslo}/questions`, memberOslo)).items[0]).toMatchObject({ messages: 2, unread: 1 });
  });

  it('stores documents checked by content, with safe names and headers', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const stored = await upload(memberTydal, id, '../../etc/rapport.pdf', pdf, 'text/html');
    expect(stored.statusCode, stored.body).toBe(201);
    const doc = stored.json() as SolutionDocument;
    expect(doc).toMatchObject({ fileName: 'etc_rapport.pdf', mimeType: 'application/pdf', inline: true });
    const windowsName = await upload(memberTydal, id, 'C:\\Users\\kari\\notat.csv', Buffer.from('a;b\n1;2\n'));
    expect(windowsName.json()).toMatchObject({ fileName: 'C__Users_kari_notat.csv', mimeType: 'text/csv', inline: false });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const wrong = await upload(memberTydal, id, 'rapport.pdf', exe, 'application/pdf');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'file', code: 'file_type' });
    const oversize = await upload(memberTydal, id, 'stor.pdf', Buffer.concat([pdf, Buffer.alloc(solutionLimits.documentBytes)]));
    expect(oversize.statusCode).toBe(413);
    expect((await upload(memberOslo, id, 'x.pdf', pdf)).statusCode).toBe(403);
    const file = await app.inject({ url: doc.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^inline; filename="etc_rapport.pdf"/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const csv = await app.inject({ url: (windowsName.json() as SolutionDocument).url });
    expect(csv.headers['content-disposition']).toMatch(/^attachment;/);
    expect(csv.body).toBe('a;b\n1;2\n');
  });

  it('has reports go to platform administrators, who hide and restore (audited)', async () => {
    expect((await send(null, 'POST', `/api/solutions/${id}/reports`, { reason: 'Spam' })).statusCode).toBe(401);
    expect((await send(memberBergen, 'POST', `/api/solutions/${id}/reports`, { reason: 'Reklame' })).statusCode).toBe(204);
    const reports = await getOk<SolutionReportList>(app, '/api/solution-reports', platformAdmin);
    expect(reports.items.some((r) => r.solutionId === id && r.reason === 'Reklame')).toBe(true);
    expect((await send(platformAdmin, 'POST', `/api/solutions/${id}/visibility`, { hidden: true, reason: 'Til vurdering' })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/solutions/${id}` })).statusCode).toBe(404);
    expect((await getOk<SolutionView>(app, `/api/solutions/${id}`, memberTydal)).hidden).toBe(true);
    expect((await getOk<SolutionReportList>(app, '/api/solution-reports', platformAdmin)).items.some((r) => r.solutionId === id)).toBe(false);
    expect((await send(platformAdmin, 'POST', `/api/solutions/${id}/visibility`, { hidden: false })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/solutions/${id}` })).statusCode).toBe(200);
    const audit = await database.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['solution.hidden', 'solution.restored', 'solution.published']));
  });

  it('exports published solutions as JSON and CSV with usedBy', async () => {
    const json = await getOk<SolutionExport>(app, '/api/solutions/export.json');
    const record = json.items.find((r) => r.id === id)!;
    expect(record.usedBy).toEqual([{ name: 'Oslo', municipalityCode: '0301', state: 'testing', since: '2024-03-01' }]);
    expect(record.maintenance.contacts[0]).toMatchObject({ name: 'Kari Kontakt' });
    expect(json.fields.usedBy).toBeTruthy();
    const csv = await app.inject({ url: '/api/solutions/export.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('used_by_municipality_codes');
    expect(csv.body).toContain(id);
  });

  it('lets each owner withdraw its name; the last one withdraws the solution, whose page stays', async () => {
    expect((await send(adminTydal, 'POST', `/api/solutions/${id}/withdraw`, { organisationId: roros })).statusCode).toBe(403);
    const first = await send(adminRoros, 'POST', `/api/solutions/${id}/withdraw`, { organisationId: roros });
    expect(first.json()).toMatchObject({ status: 'published' });
    const last = await send(adminTydal, 'POST', `/api/solutions/${id}/withdraw`, { organisationId: tydal });
    expect(last.statusCode, last.body).toBe(200);
    const page = await getOk<SolutionView>(app, `/api/solutions/${id}`);
    expect(page).toMatchObject({ status: 'withdrawn', contact: null });
    expect(page.adoptions).toHaveLength(1);
    expect(page.owners.every((o) => o.withdrawnAt)).toBe(true);
    expect(page.versions).toHaveLength(1);
  });
});
