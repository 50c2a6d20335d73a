/**
 * The scheme finder, the hub of the scheme capabilities: finder results ranked for a municipality
 * with explained verdicts, a scheme's page, eligibility and the deadline list. It reads the
 * catalogue, and for a viewer's own municipality its pipeline and needs profile.
 */
import type { Language } from '@varde/contracts';
import type { DeadlineItem } from '@varde/contracts/catalogue-api';
import type { EligibilityAnswer, EligibilityMunicipality, EligibilityQuery, SchemeDetail, SchemeList, SchemeListQuery } from '@varde/contracts/finder-api';
import { NO_MUNICIPALITY, type PipelineStatus, type SchemeTheme } from '@varde/contracts/vocabulary';
import { bestEligibility, evaluateEligibility, type MunicipalityProfile } from '@varde/domain/eligibility';
import { callsFor, findSchemes } from '@varde/domain/finder';
import type { AuthContext, Viewer } from '../../core/auth-context';
import { pick } from '../../core/localized-text';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { NeedsService } from '../needs/needs.service';
import type { PipelineService } from '../pipeline/pipeline.service';
import { describeEligibility } from './eligibility-text';

/** The municipality organisation a signed-in user belongs to (their own pipeline and needs). */
function ownMunicipality(auth: AuthContext | null) {
  const membership = auth?.memberships.find((m) => m.organisationType === 'municipality' && m.municipalityCode);
  return membership ? { organisationId: membership.organisationId, code: membership.municipalityCode! } : null;
}

/** The municipality an answer is for: the one asked for, none on `none`, else the viewer's own. */
function chosenMunicipality(choice: string | undefined, viewer: Viewer): string | undefined {
  if (choice === NO_MUNICIPALITY) return undefined;
  return choice ?? ownMunicipality(viewer.auth)?.code;
}

export function createFinderService(deps: {
  catalogue: CatalogueService;
  pipeline: PipelineService;
  needs: NeedsService;
  municipalities: MunicipalityService;
  now?: () => Date;
}) {
  const { catalogue, pipeline, needs, municipalities } = deps;
  const now = deps.now ?? (() => new Date());

  async function countyNames(): Promise<Map<string, string>> {
    return new Map((await municipalities.counties()).map((c) => [c.code, c.nameNorwegian]));
  }

  async function municipalityOf(code: string): Promise<{ profile: MunicipalityProfile; summary: EligibilityMunicipality }> {
    const m = await municipalities.get(code);
    const profile = { code: m.code, countyCode: m.countyCode, population: m.population, centralityClass: m.centralityClass };
    return { profile, summary: { ...profile, name: m.name, countyName: m.countyName } };
  }

  /** Pipeline and needs apply when the municipality shown is the viewer's own. */
  async function ownContext(viewer: Viewer, code: string | undefined) {
    const own = ownMunicipality(viewer.auth);
    if (!own || own.code !== code) return { pipeline: new Map<string, PipelineStatus>(), needs: [] as SchemeTheme[] };
    const [statuses, themes] = await Promise.all([pipeline.statuses(own.organisationId), needs.themes(own.organisationId)]);
    return { pipeline: statuses, needs: themes };
  }

  return {
    async list(query: SchemeListQuery, viewer: Viewer): Promise<SchemeList> {
      const code = chosenMunicipality(query.municipality, viewer);
      const [cat, municipality, context, names] = await Promise.all([
        catalogue.catalogue(),
        code ? municipalityOf(code) : null,
        ownContext(viewer, code),
        countyNames(),
      ]);
      const result = findSchemes(cat.schemes, { ...query, municipality: code }, { municipality: municipality?.profile ?? null, ...context, now: now() });
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      return {
        municipality: municipality?.summary ?? null,
        total: result.hits.length,
        hiddenAsNotRelevant: result.hiddenAsNotRelevant,
        owners: cat.owners,
        items: result.hits.slice(offset, offset + limit).map((hit) => ({
          id: hit.scheme.id,
          name: pick(hit.scheme.name, viewer.lang),
          summary: pick(hit.scheme.summary, viewer.lang),
          ownerName: hit.scheme.owner.name,
          themes: hit.scheme.themes,
          collaboration: hit.scheme.applicants.collaboration,
          isGrant: hit.scheme.funding.isGrant,
          minGrantNok: hit.scheme.funding.minGrantNok,
          maxGrantNok: hit.scheme.funding.maxGrantNok,
          nextCall: hit.nextCall ? catalogue.callSummary(hit.nextCall, viewer.lang) : null,
          eligibility: hit.eligibility ? describeEligibility(hit.eligibility, viewer.lang, names) : null,
          pipelineStatus: hit.pipelineStatus,
          matchedNeeds: hit.matchedNeeds,
        })),
      };
    },

    async detail(id: string, code: string | undefined, viewer: Viewer): Promise<SchemeDetail> {
      const row = await catalogue.requireRow(id);
      const chosen = chosenMunicipality(code, viewer);
      const [municipality, context, names] = await Promise.all([chosen ? municipalityOf(chosen) : null, ownContext(viewer, chosen), countyNames()]);
      const scheme = row.data;
      const eligibility = municipality
        ? {
            lead: describeEligibility(
              evaluateEligibility({ municipality: municipality.profile, rules: scheme.applicants, role: 'lead', isGrant: scheme.funding.isGrant }),
              viewer.lang,
              names,
            ),
            partner: describeEligibility(
              evaluateEligibility({ municipality: municipality.profile, rules: scheme.applicants, role: 'partner', isGrant: scheme.funding.isGrant }),
              viewer.lang,
              names,
            ),
          }
        : null;
      return {
        scheme,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
        lastCheckedAt: scheme.sources
          .map((s) => s.checkedAt)
          .sort()
          .at(-1)!,
        ownerOrganisation: row.ownerOrganisationId ? { id: row.ownerOrganisationId, name: row.ownerOrganisationName ?? '' } : null,
        calls: callsFor(scheme, municipality?.profile ?? null, now()),
        municipality: municipality?.summary ?? null,
        eligibility,
        pipelineStatus: context.pipeline.get(id) ?? null,
      };
    },

    async eligibility(id: string, query: EligibilityQuery, lang: Language): Promise<EligibilityAnswer> {
      const [row, municipality, names] = await Promise.all([catalogue.requireRow(id), municipalityOf(query.municipality), countyNames()]);
      const input = {
        municipality: municipality.profile,
        rules: row.data.applicants,
        partners: (query.partners ?? []).map((type) => ({ type })),
        isGrant: row.data.funding.isGrant,
      };
      const result = query.role ? evaluateEligibility({ ...input, role: query.role }) : bestEligibility(input);
      return { schemeId: id, municipality: municipality.summary, eligibility: describeEligibility(result, lang, names) };
    },

    /** Deadlines from today on, nearest first; forecasts included on request. */
    deadlines(options: { days?: number; includeForecasts?: boolean }, lang: Language): Promise<DeadlineItem[]> {
      return catalogue.deadlines(options, lang);
    },
  };
}

export type FinderService = ReturnType<typeof createFinderService>;
