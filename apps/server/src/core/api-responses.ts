/**
 * How a route describes its answers for the API documentation (OpenAPI, plugins/openapi.ts):
 * `ok(Schema, 'what it is')` for a JSON answer, `noContent('what happened')` for 204, and
 * `apiError('when')` for an error particular to the route (404 on an unknown id, 409, 410).
 *
 * The errors that follow from the route's declaration are added to the document by plugins/openapi.ts
 * and need not be listed: 400 (any API route), 401 and 403 (from the permission, and `csrf` on writes),
 * 413 and 415 (a JSON body), 429 (a rate limit) and 500. A route lists one of those only to say more
 * (sign-in's 401). The descriptions are documentation only; the bodies are the same either way.
 */
import { Type, type TSchema } from 'typebox';
import type { ApiErrorBody } from '@varde/contracts';

/**
 * The name under which the error body (the contracts' `ErrorResponse`) is registered once with
 * `app.addSchema`, and so the OpenAPI component `#/components/schemas/ApiError`.
 */
export const API_ERROR = 'ApiError';

/** What @fastify/swagger shows as the response's description (and leaves out of the schema). */
const RESPONSE_DESCRIPTION = 'x-response-description';

/** A JSON answer: the schema, and what the answer holds for a reader of the documentation. */
export function ok<T extends TSchema>(schema: T, description: string): T {
  return { ...schema, [RESPONSE_DESCRIPTION]: description };
}

/** An answer without a body (204): handlers end it with `send()` or `send(null)`. */
// biome-ignore lint/suspicious/noConfusingVoidType: `void` is what lets a handler call `reply.send()` without an argument.
export const noContent = (description: string) => Type.Unsafe<void | null>({ type: 'null', description });

/** An error answer: the shared error body (`ApiError`), and when the route gives it. */
export const apiError = (description: string) => Type.Unsafe<ApiErrorBody>({ $ref: `${API_ERROR}#`, description });
