/**
 * The render cache: public pages rendered once per change of what they show, for visitors who are not
 * signed in (ADR 002, addition "Render cache").
 *
 * - Key: the resolved language, the path and the query with its parameters sorted by name (repeated
 *   names keep their order) and empty ones dropped, and the view cookies (a disclosure's state, known
 *   values only); the page is rendered from that same address and those cookies alone, so equal keys
 *   give equal pages.
 * - What is kept: the page's bytes, plain and gzipped, with its status and Content-Security-Policy
 *   (inline scripts are allowed by hash, so the bytes hold no per-response value), in an LRU with a
 *   byte limit.
 * - Invalidation: a version of the public data (catalogue stamp and reference-data checksum, read from
 *   the database so every instance sees every edit) is read at most once a second, and on the next
 *   request after a successful API write on this instance; when it changes the cache is emptied.
 * - Expiry: each page expires at the first instant at which the clock alone changes what a page may
 *   say — a call opening or closing, a forecast falling due (to the next whole minute, as the finder
 *   works out call status once a minute), the next Oslo midnight — and at most `MAX_AGE_MS` after it
 *   was rendered, which bounds what moves with the clock in between (the "deadline within N days"
 *   horizons, the ranking of forecasts due within 180 days).
 */
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { osloDateTime } from '@varde/domain/calls';

export { acceptsGzip } from '../core/accept-encoding';

const gzip = promisify(gzipCallback);

/** Pages are re-rendered at least this often, whatever else holds. */
export const MAX_AGE_MS = 5 * 60 * 1000;
/** How long another instance's edit can go unnoticed here. */
export const RECHECK_MS = 1000;
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The address a cached page is rendered from and kept under: the query's parameters sorted by name
 * (stable, so repeated names keep their order), empty ones dropped.
 */
export function normalisedUrl(url: URL): URL {
  const params = [...url.searchParams].filter(([, value]) => value !== '');
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const normalised = new URL(url.pathname, url);
  normalised.search = new URLSearchParams(params).toString();
  return normalised;
}

/** The key of a kept page; `view` is the page's view cookies (`viewCookieHeader`, bounded), '' for none. */
export const cacheKey = (url: URL, lang: string, view = '') => `${lang} ${url.pathname}${url.search}${view ? ` ${view}` : ''}`;

const osloDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The first Oslo midnight after `now`: when "today", "in 3 days" and the calendar's month move on. */
export function nextOsloMidnight(now: Date): number {
  const parts = Object.fromEntries(osloDay.formatToParts(now).map((p) => [p.type, Number(p.value)]));
  const tomorrow = new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day! + 1));
  return Date.parse(osloDateTime(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), 0, 0));
}

/** The next whole minute after `instant`: call status is worked out once a minute (domain `callsFor`). */
export const nextMinuteAfter = (instant: number) => Math.floor(instant / 60_000) * 60_000 + 60_000;

export interface CachedPage {
  status: number;
  csp: string;
  plain: Buffer;
  gzip: Buffer;
  /** Epoch ms after which the page is rendered again. */
  expiresAt: number;
}

/** Builds an entry: the page's bytes plain and gzipped. */
export async function cachedPage(page: { status: number; csp: string; html: string; expiresAt: number }): Promise<CachedPage> {
  const plain = Buffer.from(page.html);
  return { status: page.status, csp: page.csp, plain, gzip: await gzip(plain), expiresAt: page.expiresAt };
}

const sizeOf = (key: string, page: CachedPage) => page.plain.length + page.gzip.length + page.csp.length + key.length + 100;

/** Least recently used pages go first when the bytes kept would exceed `maxBytes`. */
export class RenderCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly renders = new Map<string, Promise<CachedPage | null>>();
  private used = 0;
  /** The public-data version the kept pages were rendered at. */
  version: string | null = null;

  constructor(
    readonly maxBytes = DEFAULT_MAX_BYTES,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  get(key: string): CachedPage | undefined {
    const page = this.entries.get(key);
    if (!page) return undefined;
    this.entries.delete(key);
    if (page.expiresAt <= this.clock()) {
      this.used -= sizeOf(key, page);
      return undefined;
    }
    this.entries.set(key, page);
    return page;
  }

  /** Keeps a page rendered at `version`, unless the data has moved on since (or it is too large). */
  set(key: string, page: CachedPage, version: string) {
    if (version !== this.version) return;
    const size = sizeOf(key, page);
    if (size > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= sizeOf(key, old);
    }
    this.entries.set(key, page);
    this.used += size;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= sizeOf(oldest, entry);
    }
  }

  /**
   * A render of `key` under way for another request: waiting for it beats rendering the same page
   * again when many visitors ask for it at once (a start, a page expiring under load).
   */
  rendering(key: string): Promise<CachedPage | null> | undefined {
    return this.renders.get(key);
  }

  /** Records that a request renders `key`; who waits for it gets what `settle` is given (null: render yourself). */
  beginRender(key: string): (page: CachedPage | null) => void {
    let settle: (page: CachedPage | null) => void = () => {};
    const render = new Promise<CachedPage | null>((resolve) => {
      settle = resolve;
    });
    this.renders.set(key, render);
    return (page) => {
      settle(page);
      if (this.renders.get(key) === render) this.renders.delete(key);
    };
  }

  /** Empties the cache when the public data has a new version. */
  useVersion(version: string) {
    if (version === this.version) return;
    this.clear();
    this.version = version;
  }

  clear() {
    this.entries.clear();
    this.renders.clear();
    this.used = 0;
  }

  get size() {
    return this.entries.size;
  }

  get bytes() {
    return this.used;
  }
}

/** What public pages show, seen from the render cache. */
export interface PublicData {
  /** Changes whenever anything a public page shows changes (the catalogue, reference data). */
  version(): Promise<string>;
  /** The first instant after `now` (epoch ms) at which the clock alone changes what a page may say. */
  nextChange(now: Date): Promise<number>;
}

export interface PublicDataState {
  version: string;
  /** Epoch ms: pages rendered at this version say the same from `validFrom` until then. */
  validFrom: number;
  validUntil: number;
}

/**
 * Reads the public-data version at most once per `recheckMs`, and on the next call after
 * `invalidate()` (a write on this instance). The clock boundary is worked out again when the version
 * changes or the clock has left the span it was worked out for (passed it, or was set back).
 */
export function watchPublicData(source: PublicData, options: { recheckMs?: number; clock?: () => number } = {}) {
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  const clock = options.clock ?? (() => Date.now());
  let state: Promise<PublicDataState> | null = null;
  let checkedAt = 0;
  let last: PublicDataState | null = null;
  const holds = (s: PublicDataState, now: number) => s.validFrom <= now && now < s.validUntil;

  async function load(): Promise<PublicDataState> {
    const now = clock();
    const version = await source.version();
    if (last && last.version === version && holds(last, now)) return last;
    last = { version, validFrom: now, validUntil: await source.nextChange(new Date(now)) };
    return last;
  }

  return {
    current(): Promise<PublicDataState> {
      const now = clock();
      if (!state || now - checkedAt >= recheckMs || now < checkedAt || (last && !holds(last, now))) {
        checkedAt = now;
        const loading = load();
        state = loading;
        loading.catch(() => {
          if (state === loading) state = null;
        });
      }
      return state;
    },
    /** Something may have changed: read the version again on the next call. */
    invalidate() {
      state = null;
    },
  };
}
