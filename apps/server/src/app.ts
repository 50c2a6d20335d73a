import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { ErrorCode } from '@varde/contracts';
import type { Database } from '@varde/db';
import type { AppConfig } from './config';
import type { Clock } from './core/clock';
import { registerAuth } from './plugins/auth';
import { handleClientError, registerErrorHandler, sendError } from './plugins/errors';
import { lazySerializers, lazyValidators } from './plugins/lazy-schema-compilers';
import { refineLanguage, registerLanguage } from './plugins/language';
import { registerOpenApi } from './plugins/openapi';
import { registerPermissions, type RegisteredRoute } from './plugins/permissions';
import { registerSecurityHeaders } from './plugins/security-headers';
import { handleFrameworkError, MAX_PARAM_LENGTH, registerTextInput } from './plugins/text-input';
import { createServices, type Services } from './services';
import { registerModules } from './modules';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    registeredRoutes: RegisteredRoute[];
  }
}

const ajvCompilers = AjvCompiler();

/**
 * Query strings and path parameters arrive as text, so they are coerced to the schema's types; JSON
 * bodies are validated as sent. (Coercing bodies would turn `null` into `0` in a nullable number.)
 * Each Ajv instance is made when a route first needs it: making one (meta-schemas, formats, the shared
 * schemas) costs about 0.1 s, and a start needs neither (ADR 008).
 */
type CompilerOptions = Parameters<typeof ajvCompilers>[1];
const exactBodies: typeof ajvCompilers = (externalSchemas, options) => {
  let coercing: ReturnType<typeof ajvCompilers> | undefined;
  let exact: ReturnType<typeof ajvCompilers> | undefined;
  const exactOptions = { ...options, customOptions: { ...options?.customOptions, coerceTypes: false } } as CompilerOptions;
  return (route) =>
    route.httpPart === 'body' ? (exact ??= ajvCompilers(externalSchemas, exactOptions))(route) : (coercing ??= ajvCompilers(externalSchemas, options))(route);
};

interface AppDeps {
  config: AppConfig;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** The clock of scheduled work and link expiry (tests pass their own). */
  now?: Clock;
  /** Called after each successful API write: it may have queued mail or changed what notifications say (the worker's wake-up). */
  afterWrite?: () => void;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds the app: cross-cutting plugins first, then the feature modules, then the web pages. */
export async function buildApp({ config, database, logger = false, now, afterWrite }: AppDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    logger,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error, request, reply) => handleFrameworkError(app, error, request, reply),
    clientErrorHandler: (error, socket) => handleClientError(app, error, socket),
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', allErrors: true } },
    // Each route's validators and serializer are compiled when first used (ADR 008).
    schemaController: { compilersFactory: { buildValidator: lazyValidators(exactBodies), buildSerializer: lazySerializers(SerializerSelector()) } },
  });

  const services = createServices(database.db, config, { now });
  app.decorate('services', services);
  app.addHook('onClose', async () => services.mailService.close());
  if (afterWrite) {
    app.addHook('onResponse', async (request, reply) => {
      if (writeMethods.has(request.method) && reply.statusCode < 400 && request.url.startsWith('/api/')) afterWrite();
    });
  }

  // The API reads JSON only: without Fastify's text/plain parser, any other body is 415.
  app.removeContentTypeParser('text/plain');
  registerTextInput(app);
  await app.register(cookie);
  registerLanguage(app);
  registerErrorHandler(app);
  registerAuth(app, { config, authenticate: (token, now) => services.authService.authenticate(token, now) });
  refineLanguage(app);
  app.decorate('registeredRoutes', registerPermissions(app));
  registerSecurityHeaders(app, config);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);

  await registerModules(app, { config, database, services });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404, ErrorCode.notFound));
  return app;
}
