import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { ErrorCode } from '@varde/contracts';
import type { Database } from '@varde/db';
import type { AppConfig } from './config';
import { registerAuth } from './plugins/auth';
import { registerErrorHandler, sendError } from './plugins/errors';
import { refineLanguage, registerLanguage } from './plugins/language';
import { registerOpenApi } from './plugins/openapi';
import { registerPermissions, type RegisteredRoute } from './plugins/permissions';
import { registerSecurityHeaders } from './plugins/security-headers';
import { createServices, type Services } from './services';
import { registerModules } from './modules';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    registeredRoutes: RegisteredRoute[];
  }
}

export interface AppDeps {
  config: AppConfig;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app: cross-cutting plugins first, then the feature modules, then the web pages. */
export async function buildApp({ config, database, logger = false }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', allErrors: true } },
  });

  const services = createServices(database.db, config);
  app.decorate('services', services);

  await app.register(cookie);
  registerLanguage(app);
  registerErrorHandler(app);
  registerAuth(app, { config, authRepository: services.authRepository });
  refineLanguage(app);
  app.decorate('registeredRoutes', registerPermissions(app));
  registerSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);

  await registerModules(app, { config, database, services });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404, ErrorCode.notFound));
  return app;
}
