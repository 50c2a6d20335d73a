import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { declareScopePublic } from './permissions';

/** Generates OpenAPI 3.1 from the route schemas; serves it as JSON and as a browsable page with local assets. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Varde API',
        version: '0.1.0',
        description:
          'Open API for Varde. Reference data: Kartdata og arealstatistikk © Kartverket (CC BY 4.0). ' +
          'Statistikk © Statistisk sentralbyrå (CC BY 4.0). Writes need a session cookie and the x-csrf-token header.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'varde_session' },
        },
      },
    },
  });
  await app.register(async (scope) => {
    declareScopePublic(scope);
    await scope.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: true } });
  });
  app.get('/api/openapi.json', { config: { permission: { kind: 'public' } }, schema: { hide: true } }, async () => app.swagger());
}
