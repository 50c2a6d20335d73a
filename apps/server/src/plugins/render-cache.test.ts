/**
 * The render cache of public pages (ADR 002, "Render cache") and the one pass of a signed-in page:
 * a kept page is served again until what it shows changes, a response that sets a cookie is never
 * kept, the CSP allows exactly the page's inline scripts, and a page looks its caller's session up once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { deadlineInstant } from '@varde/domain/calls';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { buildApp } from '../app';
import { loadConfig, paths } from '../config';
import { addMember, createUser, municipalityOrganisation, signIn, type Client } from '../test/factories';
import { RENDER_PASS_HEADER } from './auth';

let database: TestDatabase;
let app: FastifyInstance;
let admin: Client;
let member: Client;
let memberName: string;

beforeAll(async () => {
  if (!existsSync(join(paths.webDist, 'server/entry-server.js'))) {
    throw new Error('The render cache test needs the built web app: run "npm run build" first.');
  }
  database = await createTestDatabase();
  app = await buildApp({ config: loadConfig({}, { webMode: 'built', loginRateLimit: 1000 }), database });
  // Stands for anything that might set a cookie on a public page's answer.
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers['x-test-set-cookie']) reply.setCookie('test', '1', { path: '/' });
  });
  await app.ready();
  admin = await signIn(app, (await createUser(database.db, { isPlatformAdmin: true })).email);
  const user = await createUser(database.db, { name: 'Una Utsira' });
  memberName = user.name;
  await addMember(database.db, (await municipalityOrganisation(database.db, '1151')).id, user.id);
  member = await signIn(app, user.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const page = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { 'accept-language': 'nb', ...headers } });
const outcome = (response: LightMyRequestResponse) => response.headers['x-render-cache'];

/** The inline scripts of a page, as `script-src` hash sources. */
function inlineScriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc=/.test(attributes ?? ''))
    .map(
      ([, , body]) =>
        `'sha256-${createHash('sha256')
          .update(body ?? '')
          .digest('base64')}'`,
    );
}

async function renameScheme(id: string, name: string) {
  const detail = (await app.inject({ url: `/api/schemes/${id}` })).json() as SchemeDetail;
  const scheme = { ...detail.scheme, name: { ...detail.scheme.name, nb: name } };
  const saved = await app.inject({
    method: 'PUT',
    url: `/api/schemes/${id}`,
    headers: admin.headers,
    payload: { scheme, baseVersion: detail.version, comment: 'Test' },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

describe('the render cache', () => {
  it('never keeps a page behind a one-time link (password reset, unsubscribe, setup, invitation)', async () => {
    const token = 'x'.repeat(43);
    for (const path of [`/nytt-passord/${token}`, `/oppsett/${token}`, `/avmelding/${token}`, `/invitasjon/${token}`]) {
      await page(path);
      const again = await page(path);
      expect(outcome(again), path).toBe('off');
      expect(again.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('serves a public page again from the cache, with a CSP that allows exactly its inline scripts', async () => {
    app.renderCache!.clear();
    const first = await page('/ordninger/klimasats');
    const second = await page('/ordninger/klimasats');
    expect(first.statusCode).toBe(200);
    expect([outcome(first), outcome(second)]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    expect(first.headers['set-cookie']).toBeUndefined();

    const csp = String(second.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
    const sources = inlineScriptSources(second.body);
    expect(sources.length).toBeGreaterThan(0); // React Router's hydration data
    expect(scriptSrc.trim().split(' ').slice(2).sort()).toEqual([...new Set(sources)].sort());
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(second.body).not.toContain('nonce');
  });

  it('serves the gzip variant to clients that take it, the same page', async () => {
    const plain = await page('/ordninger');
    const gzipped = await page('/ordninger', { 'accept-encoding': 'gzip, deflate, br' });
    expect(outcome(gzipped)).toBe('hit');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(String(gzipped.headers.vary)).toContain('Accept-Encoding');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body);
    const refused = await page('/ordninger', { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('does not serve a kept page once the scheme it shows is edited', async () => {
    await page('/ordninger/stimulab');
    await page('/ordninger?q=stimulab');
    const kept = await page('/ordninger/stimulab');
    expect(outcome(kept)).toBe('hit');
    const list = await page('/ordninger?q=stimulab');
    expect(outcome(list)).toBe('hit');

    await renameScheme('stimulab', 'StimuLab (endret i testen)');
    const edited = await page('/ordninger/stimulab');
    expect(outcome(edited)).toBe('miss');
    expect(edited.body).toContain('StimuLab (endret i testen)');
    const listAfter = await page('/ordninger?q=stimulab');
    expect(outcome(listAfter)).toBe('miss');
    expect(listAfter.body).toContain('StimuLab (endret i testen)');
  });

  it('notices an edit made by another instance within a second', async () => {
    await page('/ordninger/klimasats');
    expect(outcome(await page('/ordninger/klimasats'))).toBe('hit');
    // Another instance's edit: this one sees only the database change, no write of its own.
    await database.db.execute(sql`update schemes set version = version + 1, updated_at = now() where id = 'klimasats'`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(outcome(await page('/ordninger/klimasats'))).toBe('miss');
  });

  it('renders a kept page again once a deadline on it has passed', async () => {
    // A real call of the scheme, past or not: the clock is moved to just before its deadline.
    const detail = (await app.inject({ url: '/api/schemes/klimasats' })).json() as SchemeDetail;
    const call = detail.calls.find((c) => !c.predicted && c.deadline)!;
    const deadline = deadlineInstant(call.deadline!).getTime();
    const boundary = (await app.services.catalogueService.nextCallChange(new Date(deadline - 60_000)))!.getTime();
    expect(boundary).toBeGreaterThanOrEqual(deadline - 60_000);
    expect(boundary).toBeLessThanOrEqual(deadline);
    const url = '/ordninger/klimasats';
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(deadline - 2 * 60_000);
      app.renderCache!.clear();
      await page(url);
      expect(outcome(await page(url))).toBe('hit');
      vi.setSystemTime(deadline - 30_000);
      expect(outcome(await page(url))).toBe('hit');
      // The call has closed: the finder works out status once a minute, so the page goes at the next whole minute.
      vi.setSystemTime(Math.floor(deadline / 60_000) * 60_000 + 60_000);
      expect(outcome(await page(url))).toBe('miss');
      expect(outcome(await page(url))).toBe('hit');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keys pages on the language and the normalised query', async () => {
    await page('/ordninger?theme=climate_environment&q=');
    expect(outcome(await page('/ordninger?q=&theme=climate_environment'))).toBe('hit');
    expect(outcome(await page('/ordninger?theme=climate_environment'))).toBe('hit');
    const english = await page('/ordninger?theme=climate_environment', { 'accept-language': 'en' });
    expect(outcome(english)).toBe('miss');
    expect(english.body).toContain('<html lang="en">');
    expect(outcome(await page('/ordninger?theme=climate_environment', { cookie: 'lang=en' }))).toBe('hit');
  });

  it('never keeps a response that sets a cookie', async () => {
    app.renderCache!.clear();
    const withCookie = await page('/frister', { 'x-test-set-cookie': '1' });
    expect(withCookie.statusCode).toBe(200);
    expect(withCookie.headers['set-cookie']).toBeDefined();
    expect(outcome(await page('/frister'))).toBe('miss');
    expect(outcome(await page('/frister'))).toBe('hit');

    // A language switch sets the language cookie: rendered apart, never kept.
    const switched = await page('/kommuner?lang=nn');
    expect(String(switched.headers['set-cookie'])).toContain('lang=nn');
    expect(outcome(switched)).toBe('off');
    expect(outcome(await page('/kommuner', { cookie: 'lang=nn' }))).toBe('miss');

    // A stale session cookie is cleared (Set-Cookie): rendered apart, never kept.
    const stale = await page('/', { cookie: 'varde_session=not-a-session' });
    expect(String(stale.headers['set-cookie'])).toContain('varde_session=;');
    expect(outcome(stale)).toBe('off');
    expect(outcome(await page('/'))).toBe('miss');
  });

  it('renders signed-in pages for the member, never from or into the cache', async () => {
    await page('/ordninger');
    const signedIn = await page('/ordninger', { cookie: member.cookie });
    expect(outcome(signedIn)).toBe('off');
    expect(signedIn.body).toContain(memberName);
    const anonymous = await page('/ordninger');
    expect(anonymous.body).not.toContain(memberName);
  });

  it('never keeps a verdict that rests on a confirmation: the member sees it, the kept public page does not', async () => {
    const organisation = (await municipalityOrganisation(database.db, '1151')).id;
    const ids: string[] = [];
    for (const conditionId of ['open-problem', 'own-money']) {
      const saved = await app.inject({
        method: 'PUT',
        url: `/api/organisations/${organisation}/confirmations`,
        headers: member.headers,
        payload: { schemeId: 'stimulab', conditionId },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      ids.push(saved.json().id);
    }
    app.renderCache!.clear();
    const url = '/ordninger/stimulab?municipality=1151';
    const own = await page(url, { cookie: member.cookie });
    expect(outcome(own)).toBe('off');
    for (const id of ids) expect(own.body).toContain(id);
    const anonymous = await page(url);
    expect(outcome(anonymous)).toBe('miss');
    const kept = await page(url);
    expect(outcome(kept)).toBe('hit');
    for (const body of [anonymous.body, kept.body]) for (const id of ids) expect(body).not.toContain(id);
  });

  it('keeps neither pages that are not public nor error pages', async () => {
    const organisation = (await municipalityOrganisation(database.db, '1151')).id;
    await page(`/organisasjoner/${organisation}`);
    expect(outcome(await page(`/organisasjoner/${organisation}`))).toBe('miss');
    await page('/ordninger/finnes-ikke');
    const missing = await page('/ordninger/finnes-ikke');
    expect(missing.statusCode).toBe(404);
    expect(outcome(missing)).toBe('miss');
  });
});

describe('one pass for a signed-in page', () => {
  it('looks the session up once for the page and all its loaders', async () => {
    const authenticate = vi.spyOn(app.services.authService, 'authenticate');
    try {
      const response = await page('/ordninger', { cookie: member.cookie });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(memberName);
      expect(authenticate).toHaveBeenCalledTimes(1);
    } finally {
      authenticate.mockRestore();
    }
  });

  it('honours a render pass only in-process and only while the page renders', async () => {
    const inject = app.inject.bind(app);
    let token: string | undefined;
    let fromNetwork: number | undefined;
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const spy = vi.spyOn(app, 'inject').mockImplementation(((options: InjectOptions) => {
      const header = (options.headers as Record<string, string> | undefined)?.[RENDER_PASS_HEADER];
      return (async () => {
        if (header && fromNetwork === undefined) {
          token = header;
          // The same token, while it is live, from a socket instead of app.inject: not honoured.
          fromNetwork = (await fetch(`${address}/api/saved-searches`, { headers: { [RENDER_PASS_HEADER]: header } })).status;
        }
        return inject(options);
      })();
    }) as typeof app.inject);
    try {
      const response = await page('/varsler', { cookie: member.cookie });
      expect(response.statusCode).toBe(200);
    } finally {
      spy.mockRestore();
    }
    expect(token).toBeDefined();
    expect(fromNetwork).toBe(401);
    // After the page: the token is dead, in-process too.
    const replayed = await app.inject({ url: '/api/saved-searches', headers: { [RENDER_PASS_HEADER]: token! } });
    expect(replayed.statusCode).toBe(401);
  });
});
