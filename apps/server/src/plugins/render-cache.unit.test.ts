import { describe, expect, it } from 'vitest';
import { acceptsGzip, cacheKey, type CachedPage, nextMinuteAfter, nextOsloMidnight, normalisedUrl, RenderCache, watchPublicData } from './render-cache';
import { viewCookieHeader } from '../core/cookies';

const pageOf = (bytes: number, expiresAt = Number.POSITIVE_INFINITY): CachedPage => ({
  status: 200,
  csp: '',
  plain: Buffer.alloc(bytes),
  gzip: Buffer.alloc(0),
  expiresAt,
});

describe('the cache key', () => {
  it('sorts parameters by name, keeps repeated ones in order and drops empty ones', () => {
    const url = normalisedUrl(new URL('http://x/ordninger?theme=b&q=&partners=county&municipality=1151&partners=company&lang='));
    expect(url.search).toBe('?municipality=1151&partners=county&partners=company&theme=b');
    expect(normalisedUrl(new URL('http://x/ordninger?q=&theme=')).href).toBe('http://x/ordninger');
    expect(cacheKey(normalisedUrl(new URL('http://x/a?b=1&a=2')), 'nn')).toBe('nn /a?a=2&b=1');
  });

  it('tells apart the states of a disclosure kept in a view cookie, and nothing else', () => {
    const url = normalisedUrl(new URL('http://x/ordninger?municipality=5033'));
    const open = viewCookieHeader({ varde_finder_filters: 'open', varde_session: 'secret', other: 'x' });
    expect(open).toBe('varde_finder_filters=open');
    expect(cacheKey(url, 'nb', open)).toBe('nb /ordninger?municipality=5033 varde_finder_filters=open');
    expect(cacheKey(url, 'nb', viewCookieHeader({ varde_finder_filters: 'closed' }))).toBe('nb /ordninger?municipality=5033 varde_finder_filters=closed');
    // An unknown value or name counts as no cookie: the key space stays bounded.
    expect(viewCookieHeader({ varde_finder_filters: 'wide-open', lang: 'nn' })).toBe('');
    expect(cacheKey(url, 'nb', viewCookieHeader({}))).toBe('nb /ordninger?municipality=5033');
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('clock boundaries', () => {
  it('finds the next Oslo midnight in winter, in summer and on the days the clocks change', () => {
    expect(new Date(nextOsloMidnight(new Date('2026-01-15T12:00:00Z'))).toISOString()).toBe('2026-01-15T23:00:00.000Z');
    expect(new Date(nextOsloMidnight(new Date('2026-07-01T12:00:00Z'))).toISOString()).toBe('2026-07-01T22:00:00.000Z');
    // 23:30 in Oslo is still the same day; 00:00 is the next.
    expect(new Date(nextOsloMidnight(new Date('2026-07-01T21:30:00Z'))).toISOString()).toBe('2026-07-01T22:00:00.000Z');
    expect(new Date(nextOsloMidnight(new Date('2026-07-01T22:00:00Z'))).toISOString()).toBe('2026-07-02T22:00:00.000Z');
    // Summer time starts 29 March 2026 at 02:00, ends 25 October at 03:00; 31 December rolls the year.
    expect(new Date(nextOsloMidnight(new Date('2026-03-29T10:00:00Z'))).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(nextOsloMidnight(new Date('2026-10-25T10:00:00Z'))).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(new Date(nextOsloMidnight(new Date('2026-12-31T12:00:00Z'))).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('rounds a call boundary up to the next whole minute', () => {
    const deadline = Date.parse('2026-05-01T10:00:00Z');
    expect(nextMinuteAfter(deadline)).toBe(Date.parse('2026-05-01T10:01:00Z'));
    expect(nextMinuteAfter(deadline + 59_999)).toBe(Date.parse('2026-05-01T10:01:00Z'));
  });
});

describe('RenderCache', () => {
  it('drops a page once it has expired', () => {
    let now = 1000;
    const cache = new RenderCache(1_000_000, () => now);
    cache.useVersion('v1');
    cache.set('a', pageOf(10, 2000), 'v1');
    expect(cache.get('a')).toBeDefined();
    now = 2000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('empties itself on a new version and refuses pages rendered at another one', () => {
    const cache = new RenderCache();
    cache.useVersion('v1');
    cache.set('a', pageOf(10), 'v1');
    cache.useVersion('v2');
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', pageOf(10), 'v1');
    expect(cache.get('b')).toBeUndefined();
  });

  it('evicts the least recently used pages past its byte limit', () => {
    const cache = new RenderCache(10_000);
    cache.useVersion('v');
    cache.set('a', pageOf(1000), 'v');
    cache.set('b', pageOf(1000), 'v');
    cache.get('a');
    for (let i = 0; i < 8; i++) cache.set(`c${i}`, pageOf(1000), 'v');
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    cache.set('huge', pageOf(5000), 'v');
    expect(cache.get('huge')).toBeUndefined();
  });

  it('lets requests wait for a page another request is rendering', async () => {
    const cache = new RenderCache();
    cache.useVersion('v');
    const settle = cache.beginRender('a');
    const waiting = cache.rendering('a');
    const page = pageOf(1);
    settle(page);
    expect(await waiting).toBe(page);
    expect(cache.rendering('a')).toBeUndefined();
  });
});

describe('watchPublicData', () => {
  it('reads the version at most once per interval, again after a write, and the boundary when it passed', async () => {
    let now = 0;
    let version = 'v1';
    let reads = 0;
    let boundaries = 0;
    const data = watchPublicData(
      {
        version: async () => {
          reads += 1;
          return version;
        },
        nextChange: async (at) => {
          boundaries += 1;
          return at.getTime() + 10_000;
        },
      },
      { recheckMs: 1000, clock: () => now },
    );
    expect(await data.current()).toEqual({ version: 'v1', validFrom: 0, validUntil: 10_000 });
    now = 500;
    await data.current();
    expect(reads).toBe(1);
    version = 'v2';
    now = 1000;
    expect((await data.current()).version).toBe('v2');
    expect(boundaries).toBe(2);
    data.invalidate();
    await data.current();
    expect(reads).toBe(3);
    expect(boundaries).toBe(2);
    now = 11_000;
    expect((await data.current()).validUntil).toBe(21_000);
    // The clock set back: the boundary is worked out again for the new time.
    now = 5000;
    expect((await data.current()).validUntil).toBe(15_000);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const data = watchPublicData({
      version: async () => {
        if (fail) throw new Error('database down');
        return 'v';
      },
      nextChange: async () => 0,
    });
    await expect(data.current()).rejects.toThrow('database down');
    fail = false;
    expect((await data.current()).version).toBe('v');
  });
});
