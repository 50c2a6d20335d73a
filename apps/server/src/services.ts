import type { AppDb } from '@varde/db';
import type { AppConfig } from './config';
import { createAuditRepository } from './modules/audit/audit.repository';
import { createAuthRepository } from './modules/auth/auth.repository';
import { createAuthService } from './modules/auth/auth.service';
import { createMunicipalityRepository } from './modules/municipalities/municipality.repository';
import { createMunicipalityService } from './modules/municipalities/municipality.service';
import { createInvitationService } from './modules/organisations/invitation.service';
import { createOrganisationRepository } from './modules/organisations/organisation.repository';
import { createOrganisationService } from './modules/organisations/organisation.service';
import { createAlertService } from './modules/schemes/alerts.service';
import { createPipelineService } from './modules/schemes/pipeline.service';
import { createSchemeRepository } from './modules/schemes/scheme.repository';
import { createSchemeService } from './modules/schemes/scheme.service';

/** Wires repositories into services. Each service gets only the repositories it uses. */
export function createServices(db: AppDb, config: AppConfig) {
  const authRepository = createAuthRepository(db);
  const auditRepository = createAuditRepository(db);
  const organisationRepository = createOrganisationRepository(db);
  const authService = createAuthService({ db, authRepository, auditRepository, config });
  const municipalityService = createMunicipalityService(createMunicipalityRepository(db));
  const organisationService = createOrganisationService({ db, organisationRepository, authRepository, auditRepository, municipalityService });
  const schemeService = createSchemeService({ db, repo: createSchemeRepository(db), municipalities: municipalityService });
  return {
    authRepository,
    auditRepository,
    authService,
    municipalityService,
    schemeService,
    pipelineService: createPipelineService({ db, schemes: schemeService, municipalities: municipalityService }),
    alertService: createAlertService({ db, schemes: schemeService }),
    organisationService,
    invitationService: createInvitationService({
      db,
      config,
      organisationRepository,
      organisationService,
      authRepository,
      authService,
      auditRepository,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
