import type { AppDb } from '@varde/db';
import type { AppConfig } from './config';
import { transactions } from './core/transaction';
import { createAlertRepository } from './modules/alerts/alert.repository';
import { createAlertService } from './modules/alerts/alert.service';
import { createAuditRepository } from './modules/audit/audit.repository';
import { createAuditService } from './modules/audit/audit.service';
import { createAccountService } from './modules/auth/account.service';
import { createAuthRepository } from './modules/auth/auth.repository';
import { createAuthService } from './modules/auth/auth.service';
import { createCalendarFeedRepository } from './modules/calendar-feeds/calendar-feed.repository';
import { createCalendarFeedService } from './modules/calendar-feeds/calendar-feed.service';
import { createCatalogueRepository } from './modules/catalogue/catalogue.repository';
import { createCatalogueService } from './modules/catalogue/catalogue.service';
import { createFinderService } from './modules/finder/finder.service';
import { createMunicipalityRepository } from './modules/municipalities/municipality.repository';
import { createMunicipalityService } from './modules/municipalities/municipality.service';
import { createNeedsRepository } from './modules/needs/needs.repository';
import { createNeedsService } from './modules/needs/needs.service';
import { createInvitationService } from './modules/organisations/invitation.service';
import { createOrganisationRepository } from './modules/organisations/organisation.repository';
import { createOrganisationService } from './modules/organisations/organisation.service';
import { createPipelineRepository } from './modules/pipeline/pipeline.repository';
import { createFlagService } from './modules/participation/flag.service';
import { createImportRepository } from './modules/participation/import.repository';
import { createImportService } from './modules/participation/import.service';
import { createParticipationRepository } from './modules/participation/participation.repository';
import { createParticipationService } from './modules/participation/participation.service';
import { createPipelineService } from './modules/pipeline/pipeline.service';

/**
 * Wires repositories into services, lower modules first (docs/ARCHITECTURE.md has the graph). Each
 * service gets only its own repository and the services of the modules it uses.
 */
export function createServices(db: AppDb, config: AppConfig) {
  const transaction = transactions(db);
  const auditService = createAuditService(createAuditRepository(db));
  const authRepository = createAuthRepository(db);
  const authService = createAuthService({ transaction, authRepository, audit: auditService, config });
  const accountService = createAccountService({ authRepository, audit: auditService });
  const municipalityService = createMunicipalityService(createMunicipalityRepository(db));
  const organisationRepository = createOrganisationRepository(db);
  const organisationService = createOrganisationService({
    transaction,
    organisationRepository,
    accounts: accountService,
    audit: auditService,
    municipalityService,
  });
  const invitationService = createInvitationService({
    transaction,
    config,
    organisationRepository,
    organisationService,
    accounts: accountService,
    authService,
    audit: auditService,
  });

  const catalogueService = createCatalogueService({
    transaction,
    repo: createCatalogueRepository(db),
    municipalities: municipalityService,
    organisations: organisationService,
    accounts: accountService,
    publicUrl: config.publicUrl,
  });
  const pipelineService = createPipelineService({
    repo: createPipelineRepository(db),
    catalogue: catalogueService,
    organisations: organisationService,
    accounts: accountService,
  });
  const needsService = createNeedsService({ repo: createNeedsRepository(db), organisations: organisationService, municipalities: municipalityService });
  const calendarFeedService = createCalendarFeedService({
    transaction,
    repo: createCalendarFeedRepository(db),
    organisations: organisationService,
    pipeline: pipelineService,
    catalogue: catalogueService,
  });
  const finderService = createFinderService({
    catalogue: catalogueService,
    pipeline: pipelineService,
    needs: needsService,
    municipalities: municipalityService,
  });
  const alertService = createAlertService({
    transaction,
    repo: createAlertRepository(db),
    catalogue: catalogueService,
    accounts: accountService,
    // Looked up on each call, so the finder can be observed in tests.
    findSchemes: (query, viewer) => finderService.list(query, viewer),
  });

  const participationRepository = createParticipationRepository(db);
  const participationService = createParticipationService({
    transaction,
    repo: participationRepository,
    catalogue: catalogueService,
    municipalities: municipalityService,
    accounts: accountService,
    pipeline: pipelineService,
    audit: auditService,
    exampleData: config.exampleData,
  });
  const participationImportService = createImportService({
    transaction,
    repo: createImportRepository(db),
    records: participationRepository,
    participation: participationService,
    accounts: accountService,
    audit: auditService,
    maxRows: config.databaseUrl ? config.importMaxRows : config.importMaxRowsEmbedded,
  });
  const participationFlagService = createFlagService({
    transaction,
    repo: participationRepository,
    participation: participationService,
    organisations: organisationService,
    accounts: accountService,
    audit: auditService,
  });

  return {
    auditService,
    authService,
    accountService,
    municipalityService,
    organisationService,
    invitationService,
    catalogueService,
    pipelineService,
    needsService,
    calendarFeedService,
    finderService,
    alertService,
    participationService,
    participationImportService,
    participationFlagService,
  };
}

export type Services = ReturnType<typeof createServices>;
