import type { FastifyInstance } from 'fastify';
import type { Database } from '@varde/db';
import type { AppConfig } from './config';
import { adminRoutes } from './modules/users/admin.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { healthRoutes } from './modules/health/health.routes';
import { mapRoutes } from './modules/geo/map.routes';
import { municipalityRoutes } from './modules/municipalities/municipality.routes';
import { invitationRoutes } from './modules/organisations/invitation.routes';
import { organisationRoutes } from './modules/organisations/organisation.routes';
import { schemeRoutes } from './modules/schemes/scheme.routes';
import { registerWeb } from './plugins/ssr';
import type { Services } from './services';

/** The feature modules, one plugin each. */
export async function registerModules(
  app: FastifyInstance,
  { config, database, services }: { config: AppConfig; database: Database; services: Services },
) {
  await app.register(healthRoutes, { database });
  await app.register(municipalityRoutes, { service: services.municipalityService });
  await app.register(mapRoutes);
  await app.register(authRoutes, { service: services.authService, config });
  await app.register(organisationRoutes, {
    service: services.organisationService,
    invitations: services.invitationService,
    audit: services.auditRepository,
  });
  await app.register(invitationRoutes, { invitations: services.invitationService, auth: services.authService, config });
  await app.register(adminRoutes, { organisations: services.organisationService, audit: services.auditRepository });
  await app.register(schemeRoutes, {
    schemes: services.schemeService,
    pipeline: services.pipelineService,
    alerts: services.alertService,
    config,
  });
  await registerWeb(app, { config, services });
}
