import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultLanguage, ErrorCode, FieldErrorCode, isMessageKey, translate, type ApiErrorBody, type FieldError, type Language } from '@varde/contracts';
import { AppError, type PendingFieldError } from '../core/app-error';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Maps Ajv's schema errors to one field error per path, in the order the fields appear. */
function fieldErrorsFromAjv(errors: AjvError[], part?: string): PendingFieldError[] {
  const byPath = new Map<string, PendingFieldError>();
  for (const e of errors) {
    // An error about the whole body (an array or a string where an object belongs) is on path `body`.
    const base = e.instancePath.replace(/^\//, '').replaceAll('/', '.') || (e.keyword === 'required' ? '' : (part ?? ''));
    const path = e.keyword === 'required' ? [base, String(e.params.missingProperty)].filter(Boolean).join('.') : base;
    const mapped = mapKeyword(e);
    if (!mapped) continue;
    const current = byPath.get(path);
    // A union of literals reports one error per branch, then `anyOf`: keep one "unknown value" error.
    if (!current || mapped.code === FieldErrorCode.invalidValue) byPath.set(path, { path, ...mapped });
  }
  return [...byPath.values()];
}

function mapKeyword(e: AjvError): Omit<PendingFieldError, 'path'> | undefined {
  switch (e.keyword) {
    case 'required':
      return { code: FieldErrorCode.required };
    case 'minLength':
      return Number(e.params.limit) === 1 ? { code: FieldErrorCode.required } : { code: FieldErrorCode.tooShort, limit: Number(e.params.limit) };
    case 'maxLength':
      return { code: FieldErrorCode.tooLong, limit: Number(e.params.limit) };
    case 'format':
      return { code: e.params.format === 'email' ? FieldErrorCode.invalidEmail : FieldErrorCode.invalidFormat };
    case 'pattern':
      return { code: FieldErrorCode.invalidFormat };
    case 'minimum':
      return { code: FieldErrorCode.tooSmall, limit: Number(e.params.limit) };
    case 'maximum':
      return { code: FieldErrorCode.tooLarge, limit: Number(e.params.limit) };
    case 'anyOf':
    case 'enum':
    case 'const':
    case 'type':
      return { code: FieldErrorCode.invalidValue };
    default:
      return { code: FieldErrorCode.invalidValue };
  }
}

function translateFieldErrors(lang: Language, fields: PendingFieldError[]): FieldError[] {
  return fields.map((f) => {
    const name =
      f.path
        .split('.')
        .filter((s) => !/^\d+$/.test(s))
        .at(-1) ?? f.path;
    const fieldKey = `field.${name}`;
    // Never the internal name, except where the error is about that very name (a misspelt property).
    const field = isMessageKey(fieldKey) ? translate(lang, fieldKey) : f.code === FieldErrorCode.unknownProperty ? name : translate(lang, 'form.fieldFallback');
    return {
      path: f.path,
      code: f.code,
      message: translate(lang, `validation.${f.code}`, { field, ...(f.limit !== undefined ? { limit: f.limit } : {}) }),
      ...(f.limit !== undefined ? { limit: f.limit } : {}),
    };
  });
}

export function errorBody(
  lang: Language,
  code: ErrorCode,
  messageKey?: string,
  params: Record<string, string | number> = {},
  fields: PendingFieldError[] = [],
): ApiErrorBody {
  return {
    error: {
      code,
      message: translate(lang, messageKey ?? `error.${code}`, params),
      ...(fields.length ? { fields: translateFieldErrors(lang, fields) } : {}),
    },
  };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  messageKey?: string,
  params?: Record<string, string | number>,
) {
  return reply.code(status).send(errorBody(request.lang, code, messageKey, params));
}

/**
 * Codes for the 4xx errors Fastify raises itself: a body over the size limit (413), a body that is not
 * JSON (415), a route that does not exist. Other 4xx (a body that is not valid JSON) are `validation`.
 */
const codeOfClientStatus: Partial<Record<number, ErrorCode>> = {
  404: ErrorCode.notFound,
  413: ErrorCode.payloadTooLarge,
  414: ErrorCode.uriTooLong,
  415: ErrorCode.unsupportedMediaType,
};

/**
 * Answers requests Node's HTTP parser refuses before Fastify sees them, in the app's error shape:
 * headers over the size limit (431, usually too many cookies), a request too slow to arrive (408),
 * anything else that is not HTTP (400). Nothing of the request could be read, so the message is in
 * the default language.
 */
export function handleClientError(app: FastifyInstance, error: Error & { code?: string }, socket: Duplex) {
  // A reset connection has nobody to answer (https://nodejs.org/api/http.html#event-clienterror).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, ErrorCode.headerTooLarge]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, ErrorCode.badRequest]
        : [400, ErrorCode.badRequest];
  app.log.debug({ err: error }, 'client error before routing');
  if (socket.writable) {
    const body = JSON.stringify(errorBody(defaultLanguage, code));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

/** One error handler: coded errors pass through translated; anything unexpected is logged and hidden. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const lang = request.lang ?? 'nb';
    if (error instanceof AppError) {
      return reply.code(error.status).send(errorBody(lang, error.code, error.messageKey, error.params, error.fields));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const fields = fieldErrorsFromAjv(fastifyError.validation as unknown as AjvError[], fastifyError.validationContext);
      return reply.code(400).send(errorBody(lang, ErrorCode.validation, undefined, {}, fields));
    }
    if (fastifyError.statusCode === 429) {
      return reply.code(429).send(errorBody(lang, ErrorCode.rateLimited));
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      const code = codeOfClientStatus[fastifyError.statusCode] ?? ErrorCode.validation;
      return reply.code(fastifyError.statusCode).send(errorBody(lang, code));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody(lang, ErrorCode.internal));
  });
}
