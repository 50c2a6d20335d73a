import type { FastifyInstance } from 'fastify';
import type { Database } from '@varde/db';
import type { AppConfig } from './config';
import { notificationRoutes } from './modules/alerts/notification.routes';
import { savedSearchRoutes } from './modules/alerts/saved-search.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { loginFormRoutes } from './modules/auth/login-form.routes';
import { setupRoutes } from './modules/auth/setup.routes';
import { calendarFeedRoutes } from './modules/calendar-feeds/calendar-feed.routes';
import { feedAddressRoutes } from './modules/calendar-feeds/feed-address.routes';
import { calendarRoutes } from './modules/catalogue/calendar.routes';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes';
import { exportRoutes } from './modules/catalogue/export.routes';
import { confirmationRoutes } from './modules/confirmations/confirmation.routes';
import { deadlineRoutes } from './modules/finder/deadline.routes';
import { finderRoutes } from './modules/finder/finder.routes';
import { mapRoutes } from './modules/geo/map.routes';
import { healthRoutes } from './modules/health/health.routes';
import { mailRoutes } from './modules/mail/mail.routes';
import { municipalityRoutes } from './modules/municipalities/municipality.routes';
import { needsRoutes } from './modules/needs/needs.routes';
import { invitationAcceptRoutes } from './modules/organisations/invitation-accept.routes';
import { invitationRoutes } from './modules/organisations/invitation.routes';
import { memberRoutes } from './modules/organisations/member.routes';
import { organisationAuditRoutes } from './modules/organisations/organisation-audit.routes';
import { organisationRoutes } from './modules/organisations/organisation.routes';
import { scopeRoutes } from './modules/organisations/scope.routes';
import { mappingRoutes } from './modules/mapping/mapping.routes';
import { openDataRoutes } from './modules/mapping/open-data.routes';
import { flagRoutes } from './modules/participation/flag.routes';
import { importRoutes } from './modules/participation/import.routes';
import { recordRoutes } from './modules/participation/record.routes';
import { pipelineRoutes } from './modules/pipeline/pipeline.routes';
import { provenanceRoutes } from './modules/provenance/provenance.routes';
import { documentRoutes } from './modules/solutions/document.routes';
import { questionRoutes } from './modules/solutions/question.routes';
import { solutionRoutes } from './modules/solutions/solution.routes';
import { searchRoutes } from './modules/search/search.routes';
import { adminRoutes } from './modules/users/admin.routes';
import { registerWeb } from './plugins/ssr';
import type { Services } from './services';

/** The feature modules' routes, one plugin per capability. */
export async function registerModules(app: FastifyInstance, { config, database, services }: { config: AppConfig; database: Database; services: Services }) {
  await app.register(healthRoutes, { database });
  await app.register(municipalityRoutes, { service: services.municipalityService });
  await app.register(mapRoutes);
  await app.register(authRoutes, { service: services.authService, config });
  await app.register(loginFormRoutes, { service: services.authService, config });
  await app.register(setupRoutes, { setup: services.setupService, auth: services.authService, config });
  await app.register(organisationRoutes, { service: services.organisationService });
  await app.register(memberRoutes, { service: services.organisationService });
  await app.register(invitationRoutes, { invitations: services.invitationService });
  await app.register(organisationAuditRoutes, { service: services.organisationService, audit: services.auditService });
  await app.register(invitationAcceptRoutes, { invitations: services.invitationService, auth: services.authService, config });
  await app.register(adminRoutes, { accounts: services.accountService, audit: services.auditService });

  // The scheme capabilities, in the order of the API documentation.
  const { finderService: finder, catalogueService: catalogue, calendarFeedService: feeds } = services;
  await app.register(finderRoutes, { finder });
  // A saved edit answers with the scheme's page, which the finder (above the catalogue) composes.
  await app.register(catalogueRoutes, { catalogue, schemePage: (schemeId, viewer) => finder.detail(schemeId, undefined, viewer) });
  await app.register(deadlineRoutes, { finder });
  // The public calendar follows the deadline list's filter (a municipality's schemes), which the finder composes.
  await app.register(calendarRoutes, { calendar: (query, lang) => finder.deadlineCalendar(query, lang) });
  await app.register(calendarFeedRoutes, { feeds, config });
  await app.register(exportRoutes, { catalogue });
  await app.register(provenanceRoutes, { checks: services.sourceCheckService, reports: services.factReportService });
  await app.register(pipelineRoutes, { pipeline: services.pipelineService });
  await app.register(confirmationRoutes, { confirmations: services.confirmationService });
  await app.register(needsRoutes, { needs: services.needsService });
  await app.register(feedAddressRoutes, { feeds, config });
  await app.register(savedSearchRoutes, { alerts: services.alertService });
  await app.register(notificationRoutes, { alerts: services.alertService });
  await app.register(mailRoutes, { mail: services.mailService });
  await app.register(recordRoutes, { participation: services.participationService });
  await app.register(flagRoutes, { flags: services.participationFlagService });
  await app.register(importRoutes, { imports: services.participationImportService });
  await app.register(scopeRoutes, { scopes: services.scopeService });
  await app.register(mappingRoutes, { mapping: services.mappingService });
  await app.register(openDataRoutes, { mapping: services.mappingService });
  await app.register(solutionRoutes, { solutions: services.solutionService });
  await app.register(documentRoutes, { documents: services.solutionDocumentService });
  await app.register(questionRoutes, { questions: services.solutionQuestionService });
  await app.register(searchRoutes, { search: services.searchService });

  await registerWeb(app, { config, services });
}
