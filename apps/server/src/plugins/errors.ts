import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ErrorCode,
  FieldErrorCode,
  isMessageKey,
  translate,
  type ApiErrorBody,
  type FieldError,
  type Language,
} from '@varde/contracts';
import { AppError, type PendingFieldError } from './app-error';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Maps Ajv's schema errors to one field error per path, in the order the fields appear. */
export function fieldErrorsFromAjv(errors: AjvError[]): PendingFieldError[] {
  const byPath = new Map<string, PendingFieldError>();
  for (const e of errors) {
    const base = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const path =
      e.keyword === 'required' ? [base, String(e.params.missingProperty)].filter(Boolean).join('.') : base;
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
      return Number(e.params.limit) === 1
        ? { code: FieldErrorCode.required }
        : { code: FieldErrorCode.tooShort, limit: Number(e.params.limit) };
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

export function translateFieldErrors(lang: Language, fields: PendingFieldError[]): FieldError[] {
  return fields.map((f) => {
    const name = f.path.split('.').filter((s) => !/^\d+$/.test(s)).at(-1) ?? f.path;
    const fieldKey = `field.${name}`;
    const field = isMessageKey(fieldKey) ? translate(lang, fieldKey) : name;
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

/** One error handler: coded errors pass through translated; anything unexpected is logged and hidden. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const lang = request.lang ?? 'nb';
    if (error instanceof AppError) {
      return reply.code(error.status).send(errorBody(lang, error.code, error.messageKey, error.params, error.fields));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const fields = fieldErrorsFromAjv(fastifyError.validation as unknown as AjvError[]);
      return reply.code(400).send(errorBody(lang, ErrorCode.validation, undefined, {}, fields));
    }
    if (fastifyError.statusCode === 429) {
      return reply.code(429).send(errorBody(lang, ErrorCode.rateLimited));
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      const code = fastifyError.statusCode === 404 ? ErrorCode.notFound : ErrorCode.validation;
      return reply.code(fastifyError.statusCode).send(errorBody(lang, code));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody(lang, ErrorCode.internal));
  });
}
