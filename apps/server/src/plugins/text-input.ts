/**
 * Text hygiene for the API, before schema validation. Every string in a JSON body, the query string
 * and the path parameters:
 * - loses its leading byte-order marks (U+FEFF, which editors and some clients put first);
 * - is refused with a field error `invalid_text` on its path when it holds a NUL character or a lone
 *   UTF-16 surrogate, or arrived percent-encoded as bytes that are not UTF-8 (`%ED%A0%80`, `%C3`).
 *   PostgreSQL cannot store NUL in text or jsonb, so such text would otherwise fail as a 500.
 * A JSON body nested deeper than {@link MAX_BODY_DEPTH} levels is refused on path `body`.
 *
 * Path parameters that are not UTF-8 never reach a hook: the router cannot decode them and calls
 * Fastify's `frameworkErrors`, which {@link handleFrameworkError} answers with the same field error.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultLanguage, ErrorCode, FieldErrorCode, isLanguage, type Language } from '@varde/contracts';
import { fieldErrors, type PendingFieldError } from '../core/app-error';
import { LANGUAGE_COOKIE } from '../core/cookies';
import { errorBody } from './errors';
import { languageFromAcceptHeader } from './language';

/** Levels of objects and arrays a JSON body may have: `{"a":{"b":1}}` has two. */
export const MAX_BODY_DEPTH = 32;
/** Longest path segment the router accepts; longer ones get 414 (the schemas limit each parameter further). */
export const MAX_PARAM_LENGTH = 1000;

/** Field errors returned at most: a body full of bad strings should not give a response larger than itself. */
const MAX_REPORTED = 50;
const BOM = /^\uFEFF+/;

function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Whether a string can be stored and shown: no NUL, no lone surrogate. */
function isCleanText(text: string): boolean {
  return !text.includes('\u0000') && isWellFormed(text);
}

const join = (base: string, key: string | number) => (base ? `${base}.${key}` : String(key));

/**
 * Strips leading byte-order marks from every string (and object key) in `value`, in place, and reports
 * each string or key that is not clean text. `depth` counts the objects and arrays around `value`;
 * deeper than `maxDepth` is reported once, on `depthPath`, and not walked further.
 */
export function cleanTextTree(value: unknown, problems: PendingFieldError[], options: { path?: string; maxDepth?: number; depthPath?: string } = {}): unknown {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const depthPath = options.depthPath ?? 'body';
  let tooDeep = false;

  const walk = (node: unknown, path: string, depth: number): unknown => {
    if (typeof node === 'string') {
      const text = node.replace(BOM, '');
      if (!isCleanText(text)) problems.push({ path: path || depthPath, code: FieldErrorCode.invalidText });
      return text;
    }
    // A file sent as the body (an import) is bytes, not text.
    if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return node;
    if (depth + 1 > maxDepth) {
      if (!tooDeep) problems.push({ path: depthPath, code: FieldErrorCode.tooDeep, limit: maxDepth });
      tooDeep = true;
      return node;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && !tooDeep; i++) node[i] = walk(node[i], join(path, i), depth + 1);
      return node;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (tooDeep) break;
      const cleanKey = key.replace(BOM, '');
      // A bad key is reported on the object that holds it: echoing the key back would echo the bad text.
      if (!isCleanText(cleanKey)) problems.push({ path: path || depthPath, code: FieldErrorCode.invalidText });
      const child = walk(record[key], join(path, cleanKey), depth + 1);
      if (cleanKey !== key) {
        delete record[key];
        if (!(cleanKey in record)) record[cleanKey] = child;
      } else {
        record[key] = child;
      }
    }
    return node;
  };

  return walk(value, options.path ?? '', 0);
}

function decodeQueryPart(part: string): string | null {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/**
 * Query parameters whose percent-encoding is not UTF-8. The query parser keeps such a value as it
 * came (`%ED%A0%80`), so they are found in the raw query string.
 */
export function undecodableQueryParameters(url: string): string[] {
  const start = url.indexOf('?');
  if (start < 0) return [];
  const names: string[] = [];
  for (const pair of url.slice(start + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = decodeQueryPart(rawKey);
    const value = eq < 0 ? '' : decodeQueryPart(pair.slice(eq + 1));
    if (key === null) names.push('query');
    else if (value === null) names.push(key.replace(BOM, ''));
  }
  return names;
}

/** Only the JSON API: pages and their assets take no text input of their own. */
const isApiRoute = (request: FastifyRequest) => request.routeOptions.url?.startsWith('/api/') ?? false;

export function registerTextInput(app: FastifyInstance) {
  // First of all hooks: the language, session and permission hooks see the cleaned parameters.
  app.addHook('onRequest', async (request) => {
    if (!isApiRoute(request)) return;
    cleanTextTree(request.params, []);
    cleanTextTree(request.query, []);
  });

  // After the permission check, before validation: refuse what cannot be stored.
  app.addHook('preValidation', async (request) => {
    if (!isApiRoute(request)) return;
    const problems: PendingFieldError[] = [];
    cleanTextTree(request.params, problems);
    cleanTextTree(request.query, problems);
    for (const name of undecodableQueryParameters(request.url)) {
      if (!problems.some((p) => p.path === name)) problems.push({ path: name, code: FieldErrorCode.invalidText });
    }
    if (request.body !== undefined) {
      request.body = cleanTextTree(request.body, problems, { maxDepth: MAX_BODY_DEPTH, depthPath: 'body' });
    }
    if (problems.length) throw fieldErrors(...problems.slice(0, MAX_REPORTED));
  });
}

/** The caller's language when no hook has run: `?lang=`, the `lang` cookie, Accept-Language, bokmål. */
function languageOfRawRequest(request: FastifyRequest): Language {
  const url = request.raw.url ?? '';
  const query = /[?&]lang=([a-z]{2})(?:&|$)/.exec(url)?.[1];
  if (isLanguage(query)) return query;
  const cookie = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([a-z]{2})(?:;|$)`).exec(request.headers.cookie ?? '')?.[1];
  if (isLanguage(cookie)) return cookie;
  return languageFromAcceptHeader(request.headers['accept-language']) ?? defaultLanguage;
}

const PLACEHOLDER = 'VardeUndecodableText';

/** Replaces each run of percent-escapes that is not UTF-8 (and each stray `%`) with {@link PLACEHOLDER}. */
function markUndecodable(path: string): string {
  return path
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        decodeURIComponent(run);
        return run;
      } catch {
        return PLACEHOLDER;
      }
    })
    .replace(/%(?![0-9A-Fa-f]{2})/g, PLACEHOLDER);
}

/**
 * Errors the router raises before any hook: a path that is not UTF-8 gets the field error
 * `invalid_text` on the parameter it falls in (404 when it falls in no parameter of any route), a
 * parameter longer than {@link MAX_PARAM_LENGTH} gets 414.
 */
export function handleFrameworkError(app: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = languageOfRawRequest(request);
  if (error.code === 'FST_ERR_BAD_URL') {
    const [path = ''] = (request.raw.url ?? '').split('?');
    const route = app.findRoute({ method: request.raw.method ?? 'GET', url: markUndecodable(path) });
    const names = Object.entries((route?.params ?? {}) as Record<string, string>)
      .filter(([name, value]) => name !== '*' && value.includes(PLACEHOLDER))
      .map(([name]) => name);
    if (!names.length) return reply.code(404).send(errorBody(lang, ErrorCode.notFound));
    const problems = names.map((name): PendingFieldError => ({ path: name, code: FieldErrorCode.invalidText }));
    return reply.code(400).send(errorBody(lang, ErrorCode.validation, undefined, {}, problems));
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return reply.code(414).send(errorBody(lang, ErrorCode.uriTooLong));
  request.log.error({ err: error }, 'router error');
  return reply.code(500).send(errorBody(lang, ErrorCode.internal));
}
