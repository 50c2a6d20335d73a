/**
 * A municipality's needs profile: the themes it works on and a description in its own words, with
 * what the registers say. Private to the organisation's members; the finder ranks schemes on shared
 * themes higher for them.
 */
import type { NeedsProfile, NeedsUpdate } from '@varde/contracts/needs-api';
import type { SchemeTheme } from '@varde/contracts/vocabulary';
import type { AuthContext } from '../../core/auth-context';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { NeedsRepository } from './needs.repository';

export function createNeedsService(deps: { repo: NeedsRepository; organisations: OrganisationService; municipalities: MunicipalityService }) {
  const { repo, organisations, municipalities } = deps;

  return {
    async profile(organisationId: string): Promise<NeedsProfile> {
      const organisation = await organisations.requireOrganisation(organisationId);
      const row = await repo.find(organisationId);
      let register: NeedsProfile['register'] = null;
      if (organisation.municipalityCode) {
        const m = await municipalities.get(organisation.municipalityCode);
        register = {
          code: m.code,
          name: m.name,
          countyCode: m.countyCode,
          countyName: m.countyName,
          population: m.population,
          centralityClass: m.centralityClass,
          neighbours: m.neighbours.map((n) => ({ code: n.code, name: n.name, kind: n.kind })),
        };
      }
      return { themes: row?.themes ?? [], description: row?.description ?? '', updatedAt: row?.updatedAt.toISOString() ?? null, register };
    },

    async save(actor: AuthContext, organisationId: string, body: NeedsUpdate): Promise<void> {
      await repo.save(organisationId, {
        themes: [...new Set(body.themes)],
        description: body.description.trim(),
        updatedAt: new Date(),
        updatedBy: actor.user.id,
      });
    },

    /** The themes of the organisation's needs profile (for the finder). */
    themes(organisationId: string): Promise<SchemeTheme[]> {
      return repo.themes(organisationId);
    },
  };
}

export type NeedsService = ReturnType<typeof createNeedsService>;
