import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorResponse, languages } from '@varde/contracts';
import { API_ERROR, apiError } from '../core/api-responses';
import { SESSION_COOKIE } from '../core/cookies';
import type { Permission } from '../core/route-permissions';
import { declareScopePublic } from './permissions';
import { MAX_PARAM_LENGTH } from './text-input';

/** The security schemes: the session cookie, and the CSRF token every write with that cookie carries. */
const SESSION = 'session';
const CSRF = 'csrf';
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who is refused with `forbidden` (403), by the route's permission. */
const refusedBy: Partial<Record<Permission['kind'], string>> = {
  platformAdmin: 'the caller is not a platform administrator',
  schemeOwner: 'the caller is neither a member of a scheme-owner organisation nor a platform administrator (or the organisation does not own the scheme)',
  regionalAdviser:
    'the caller is neither a regional adviser (a member of a county authority, State Administrator or regional council) nor a platform administrator, or the resource is outside their counties',
  organisationMember: 'the caller is neither a member of the organisation `id` nor a platform administrator',
  organisationAdmin: 'the caller is neither an administrator of the organisation `id` nor a platform administrator',
  organisationPrivate: "the caller is not a member of the organisation `id` (platform administrators are refused too: it is the organisation's own work)",
};

type Responses = Record<string, unknown>;
interface OpenApiPaths {
  paths?: Record<string, Record<string, { parameters?: unknown[] }>>;
}

/**
 * The errors that follow from what a route declares, so that no route has to list them: 400 on every
 * API route (validation, or text that cannot be stored), 401 and 403 from the permission, 403 `csrf`
 * on writes, 413 and 415 with a JSON body, 429 with a rate limit, 500 everywhere.
 */
function derivedErrors(route: RouteOptions, schema: Record<string, unknown>, defaultBodyLimit: number): Responses {
  const permission = route.config?.permission;
  const methods = [route.method].flat();
  const isWrite = methods.some((m) => writeMethods.has(m));
  const errors: Responses = {};
  if (route.url.startsWith('/api/')) {
    const parts = [schema.params && 'path', schema.querystring && 'query', schema.body && 'body'].filter(Boolean);
    const cause = parts.length ? `a ${parts.join(' or ')} value the schema refuses, or text` : 'a query parameter holds text';
    errors[400] = apiError(
      `Invalid input (\`validation\`): ${cause} that cannot be stored (\`invalid_text\`: a NUL, a lone surrogate, or percent-encoding that is not UTF-8). \`error.fields\` names each field and its problem.`,
    );
  }
  if (permission && permission.kind !== 'public') {
    errors[401] = apiError('No valid session (`unauthenticated`): sign in first.');
  }
  const refusals = [
    permission && refusedBy[permission.kind] ? `\`forbidden\`: ${refusedBy[permission.kind]}` : '',
    isWrite ? "`csrf`: a write with the session cookie but without the session's `x-csrf-token`, or a write from another site" : '',
  ].filter(Boolean);
  if (refusals.length) errors[403] = apiError(`Refused. ${refusals.join('; ')}.`);
  if (schema.body) {
    errors[413] = apiError(`The body is larger than ${sizeOf(route.bodyLimit ?? defaultBodyLimit)} (\`payload_too_large\`).`);
    errors[415] = apiError('The body is not JSON: send `Content-Type: application/json` (`unsupported_media_type`).');
  }
  const rateLimit = route.config?.rateLimit;
  if (rateLimit) {
    const { max, timeWindow } = typeof rateLimit === 'object' ? rateLimit : {};
    const per = typeof timeWindow === 'string' ? timeWindow.replace(/^1 /, '') : typeof timeWindow === 'number' ? `${timeWindow / 1000} s` : 'minute';
    const limit = typeof max === 'number' ? `at most ${max} per ${per}` : `a limited number per ${per}`;
    errors[429] = {
      ...apiError(`Too many attempts from this address (\`rate_limited\`): ${limit}, counted per server instance. \`Retry-After\` says when to try again.`),
      headers: { 'retry-after': { type: 'integer', description: 'Seconds until the next attempt is accepted.' } },
    };
  }
  errors[500] = apiError('Something unexpected failed (`internal`); the details are logged on the server, never returned.');
  return errors;
}

const sizeOf = (bytes: number) => (bytes >= 1_048_576 ? `${bytes / 1_048_576} MiB` : `${Math.round(bytes / 1024)} KiB`);

/** Public routes take a session when there is one (it may change the answer); the others need it. Writes with it need the CSRF token. */
function securityOf(route: RouteOptions) {
  const isWrite = [route.method].flat().some((m) => writeMethods.has(m));
  const withSession = isWrite ? { [SESSION]: [], [CSRF]: [] } : { [SESSION]: [] };
  return route.config?.permission?.kind === 'public' ? [{}, withSession] : [withSession];
}

/** Responses in the order of their status codes. */
const byStatus = (responses: Responses): Responses => Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));

/** Generates OpenAPI 3.1 from the route schemas; serves it as JSON and as a browsable page with local assets. */
export async function registerOpenApi(app: FastifyInstance) {
  // The error body, once: routes and the document reference it as `ApiError`.
  app.addSchema({ $id: API_ERROR, ...ErrorResponse });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Varde API',
        version: '0.1.0',
        description:
          'Open API for Varde. Reference data: Kartdata og arealstatistikk © Kartverket (CC BY 4.0). ' +
          'Statistikk © Statistisk sentralbyrå (CC BY 4.0).\n\n' +
          `Public routes answer without a session; a session (the \`${SESSION_COOKIE}\` cookie from \`POST /api/auth/login\`) may change ` +
          "their answer. Writes with a session must carry the session's CSRF token in `x-csrf-token` (`csrfToken` in the session).\n\n" +
          'Every error has one shape, `ApiError`: `{ "error": { "code", "message", "fields" } }`, where `code` is for programs and ' +
          '`message` for people, in the language of `lang`. Besides the errors listed per operation, any request may get 404 ' +
          `(no such route), 408 (too slow to arrive), 414 (a path segment over ${MAX_PARAM_LENGTH} characters) or 431 (headers over 16 KB, often ` +
          'too many cookies) in the same shape.',
      },
      servers: [{ url: '/', description: 'The server that serves this document' }],
      tags: [
        { name: 'health', description: 'Liveness and readiness, for load balancers and orchestrators' },
        { name: 'municipalities', description: 'The 357 municipalities and 15 counties, from the public registers' },
        { name: 'map', description: 'Maps of the municipalities, as SVG and as outlines' },
        { name: 'auth', description: 'Signing in and out, the session, password and language preference' },
        { name: 'organisations', description: 'Organisations, their members and invitations, and their change log' },
        { name: 'invitations', description: 'Following an invitation link: what it offers, and accepting it' },
        { name: 'admin', description: 'Platform administration: all user accounts and the whole change log' },
        { name: 'schemes', description: 'The scheme catalogue: the finder, scheme pages, eligibility, deadlines, calendars and editing' },
        { name: 'open data', description: 'The catalogue as files: JSON documents and CSV' },
        { name: 'pipeline', description: "A municipality's own work: its pipeline, needs profile and calendar address (its members only)" },
        { name: 'alerts', description: 'Saved finder searches and the notifications they produce (each user their own)' },
        { name: 'mail', description: 'E-mail: my digest and reminder choices, one-click unsubscribe (RFC 8058), and the outbox for platform administrators' },
      ],
      components: {
        securitySchemes: {
          [SESSION]: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The HttpOnly session cookie set by signing in (or accepting an invitation); valid 30 days from its last use.',
          },
          [CSRF]: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description:
              "The session's CSRF token (`csrfToken` from `POST /api/auth/login` or `GET /api/auth/session`): required on every write made with the session cookie.",
          },
        },
        parameters: {
          lang: {
            name: 'lang',
            in: 'query',
            required: false,
            description:
              'Language of messages, field errors and translated texts. Without it (or with another value, which is ignored): the ' +
              "signed-in user's choice, the `lang` cookie, nynorsk for members of a nynorsk municipality, `Accept-Language`, then `nb`.",
            schema: { type: 'string', enum: [...languages] },
          },
        },
      },
    },
    // Shared schemas keep their names as components (`ApiError`), not `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    // Only the document changes here; what a route validates and serializes stays as the route declares it.
    transform: ({ schema, url, route }) => {
      if (!schema || schema.hide) return { schema, url };
      const declared = (schema.response ?? {}) as Responses;
      const response = byStatus({
        ...derivedErrors(route as RouteOptions, schema as Record<string, unknown>, app.initialConfig.bodyLimit ?? 1_048_576),
        ...declared,
      });
      return { schema: { ...schema, response, security: securityOf(route as RouteOptions) }, url };
    },
    transformObject: (documentObject) => {
      if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
      // `lang` is read by the language hook on every request, not by the routes' schemas: documented once, referenced by each operation.
      const document = documentObject.openapiObject as OpenApiPaths;
      for (const operations of Object.values(document.paths ?? {})) {
        for (const operation of Object.values(operations)) {
          operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/lang' }];
        }
      }
      return documentObject.openapiObject;
    },
  });
  await app.register(async (scope) => {
    declareScopePublic(scope);
    await scope.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: true } });
  });
  app.get('/api/openapi.json', { config: { permission: { kind: 'public' } }, schema: { hide: true } }, async () => app.swagger());
}
