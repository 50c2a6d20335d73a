import type { AppDb } from '@varde/db';
import type { AppConfig } from './config';
import { systemClock, type Clock } from './core/clock';
import { transactions } from './core/transaction';
import { createAlertRepository } from './modules/alerts/alert.repository';
import { createAlertService } from './modules/alerts/alert.service';
import { createAuditRepository } from './modules/audit/audit.repository';
import { createAuditService } from './modules/audit/audit.service';
import { createAccountService } from './modules/auth/account.service';
import { createAuthRepository } from './modules/auth/auth.repository';
import { createAuthService } from './modules/auth/auth.service';
import { createSetupService } from './modules/auth/setup.service';
import { createCalendarFeedRepository } from './modules/calendar-feeds/calendar-feed.repository';
import { createCalendarFeedService } from './modules/calendar-feeds/calendar-feed.service';
import { createCatalogueRepository } from './modules/catalogue/catalogue.repository';
import { createCatalogueService } from './modules/catalogue/catalogue.service';
import { createConfirmationRepository } from './modules/confirmations/confirmation.repository';
import { createConfirmationService } from './modules/confirmations/confirmation.service';
import { createFinderService } from './modules/finder/finder.service';
import { createJobsRepository } from './modules/jobs/jobs.repository';
import { createJobsService } from './modules/jobs/jobs.service';
import { createSmtpTransport } from './modules/mail/mail-transport';
import { createMailRepository } from './modules/mail/mail.repository';
import { createMailService } from './modules/mail/mail.service';
import { createMunicipalityRepository } from './modules/municipalities/municipality.repository';
import { createMunicipalityService } from './modules/municipalities/municipality.service';
import { createNeedsRepository } from './modules/needs/needs.repository';
import { createNeedsService } from './modules/needs/needs.service';
import { createInvitationService } from './modules/organisations/invitation.service';
import { createOrganisationRepository } from './modules/organisations/organisation.repository';
import { createOrganisationService } from './modules/organisations/organisation.service';
import { createScopeRepository } from './modules/organisations/scope.repository';
import { createScopeService } from './modules/organisations/scope.service';
import { createMappingRepository } from './modules/mapping/mapping.repository';
import { createMappingService } from './modules/mapping/mapping.service';
import { createPipelineRepository } from './modules/pipeline/pipeline.repository';
import { createFlagService } from './modules/participation/flag.service';
import { createImportRepository } from './modules/participation/import.repository';
import { createImportService } from './modules/participation/import.service';
import { createParticipationRepository } from './modules/participation/participation.repository';
import { createParticipationService } from './modules/participation/participation.service';
import { createPipelineService } from './modules/pipeline/pipeline.service';
import { createFactReportRepository } from './modules/provenance/fact-report.repository';
import { createFactReportService } from './modules/provenance/fact-report.service';
import { createSourceCheckRepository } from './modules/provenance/source-check.repository';
import { createSourceCheckService } from './modules/provenance/source-check.service';
import { createSearchRepository } from './modules/search/search.repository';
import { createSearchService } from './modules/search/search.service';
import { createDocumentService } from './modules/solutions/document.service';
import { createQuestionService } from './modules/solutions/question.service';
import { createSolutionRepository } from './modules/solutions/solution.repository';
import { createSolutionService } from './modules/solutions/solution.service';

/** The mail transport from the configuration: SMTP when `SMTP_URL` is set, none otherwise (mail stays queued). */
function mailTransport(config: AppConfig) {
  if (!config.smtpUrl) return null;
  const domain = new URL(config.publicUrl).hostname || 'localhost';
  return createSmtpTransport({ url: config.smtpUrl, from: config.mailFrom, replyTo: config.mailReplyTo, messageIdDomain: domain });
}

/**
 * Wires repositories into services, lower modules first (docs/ARCHITECTURE.md has the graph). Each
 * service gets only its own repository and the services of the modules it uses. `now` is the clock
 * of everything scheduled (digests, reminders, retries, link expiry); tests pass their own.
 */
export function createServices(db: AppDb, config: AppConfig, options: { now?: Clock } = {}) {
  const now = options.now ?? systemClock;
  const transaction = transactions(db);
  const auditService = createAuditService(createAuditRepository(db));
  const mailService = createMailService({ repo: createMailRepository(db), transport: mailTransport(config), publicUrl: config.publicUrl, now });
  const authRepository = createAuthRepository(db);
  const authService = createAuthService({ transaction, authRepository, audit: auditService, mail: mailService, config, now });
  const setupService = createSetupService({ transaction, authRepository, audit: auditService, config, now });
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
  const scopeService = createScopeService({
    transaction,
    repo: createScopeRepository(db),
    organisations: organisationService,
    municipalities: municipalityService,
    audit: auditService,
  });
  const invitationService = createInvitationService({
    transaction,
    config,
    organisationRepository,
    organisationService,
    accounts: accountService,
    authService,
    audit: auditService,
    mail: mailService,
    now,
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
  const confirmationService = createConfirmationService({
    transaction,
    repo: createConfirmationRepository(db),
    catalogue: catalogueService,
    organisations: organisationService,
    municipalities: municipalityService,
    accounts: accountService,
  });
  const alertService = createAlertService({
    transaction,
    repo: createAlertRepository(db),
    catalogue: catalogueService,
    accounts: accountService,
    // Looked up on each call (the finder is wired below), so the finder can be observed in tests.
    findSchemes: (query, viewer) => finderService.list(query, viewer),
    now,
    publicUrl: config.publicUrl,
  });
  const jobsService = createJobsService({
    transaction,
    repo: createJobsRepository(db),
    alerts: alertService,
    catalogue: catalogueService,
    pipeline: pipelineService,
    organisations: organisationService,
    accounts: accountService,
    mail: mailService,
    now,
  });
  const sourceCheckService = createSourceCheckService({
    transaction,
    repo: createSourceCheckRepository(db),
    catalogue: catalogueService,
    accounts: accountService,
    audit: auditService,
  });
  const factReportService = createFactReportService({
    transaction,
    repo: createFactReportRepository(db),
    catalogue: catalogueService,
    organisations: organisationService,
    accounts: accountService,
    audit: auditService,
    alerts: alertService,
  });
  const searchService = createSearchService({ repo: createSearchRepository(db), exampleData: config.exampleData });
  const finderService = createFinderService({
    catalogue: catalogueService,
    pipeline: pipelineService,
    needs: needsService,
    confirmations: confirmationService,
    municipalities: municipalityService,
    checks: sourceCheckService,
    reports: factReportService,
    search: searchService,
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
    scopes: scopeService,
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

  const mappingService = createMappingService({
    repo: createMappingRepository(db),
    participation: participationService,
    municipalities: municipalityService,
    catalogue: catalogueService,
    organisations: organisationService,
    scopes: scopeService,
    pipeline: pipelineService,
    exampleData: config.exampleData,
    now,
  });
  const solutionRepository = createSolutionRepository(db);
  const solutionService = createSolutionService({
    transaction,
    repo: solutionRepository,
    organisations: organisationService,
    accounts: accountService,
    municipalities: municipalityService,
    catalogue: catalogueService,
    participation: participationService,
    mail: mailService,
    audit: auditService,
    exampleData: config.exampleData,
    publicUrl: config.publicUrl,
    search: searchService,
    now,
  });
  const solutionDocumentService = createDocumentService({ transaction, repo: solutionRepository, solutions: solutionService, audit: auditService, now });
  const solutionQuestionService = createQuestionService({
    transaction,
    repo: solutionRepository,
    solutions: solutionService,
    organisations: organisationService,
    accounts: accountService,
    mail: mailService,
    publicUrl: config.publicUrl,
    now,
  });

  return {
    auditService,
    mailService,
    authService,
    setupService,
    accountService,
    municipalityService,
    organisationService,
    invitationService,
    catalogueService,
    pipelineService,
    needsService,
    calendarFeedService,
    confirmationService,
    finderService,
    alertService,
    sourceCheckService,
    factReportService,
    jobsService,
    participationService,
    participationImportService,
    participationFlagService,
    scopeService,
    mappingService,
    solutionService,
    solutionDocumentService,
    solutionQuestionService,
    searchService,
  };
}

export type Services = ReturnType<typeof createServices>;
