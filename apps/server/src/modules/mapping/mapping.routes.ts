import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MunicipalityCode, Uuid } from '@varde/contracts';
import { GapTable, MapMeasures, MappingAnalytics, MappingQuery, MunicipalityGap, OpenCallGaps, RegionList, RegionOverview } from '@varde/contracts/mapping-api';
import { apiError, ok } from '../../core/api-responses';
import { viewerOf } from '../../core/auth-context';
import { organisationMember, publicAccess, regionalAdviser } from '../../core/route-permissions';
import type { MappingService } from './mapping.service';

const tags = ['mapping'];
const filtersText =
  'Filters: `from`/`to` (decision years), `class` (centrality 1–6, repeat for several), `band` (population band, repeat), `county`, `example=exclude`. ' +
  'Counted: selected, granted and completed records, each municipality × scheme × year × project once. The records are incomplete: `coverage` says what they cover.';

/** Participation mapping: public analytics, the gap, the map, open calls; the regional adviser's overview. */
export async function mappingRoutes(app: FastifyInstance, deps: { mapping: MappingService }) {
  const { mapping } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/mapping',
    {
      config: publicAccess,
      schema: {
        operationId: 'getMappingAnalytics',
        tags,
        summary: 'Participation rates per scheme, centrality class, population band and county; distribution, top municipalities, lead/partner share',
        description: filtersText,
        querystring: MappingQuery,
        response: { 200: ok(MappingAnalytics, 'Every table of /kartlegging for the filter') },
      },
    },
    async (request) => mapping.analytics(request.query, viewerOf(request)),
  );

  r.get(
    '/api/mapping/gap',
    {
      config: publicAccess,
      schema: {
        operationId: 'getMappingGap',
        tags,
        summary: 'For each municipality in the filter: schemes taken part in vs the mean of its peers (same class and band; the class alone under 5)',
        description: filtersText,
        querystring: MappingQuery,
        response: { 200: ok(GapTable, 'One row per municipality') },
      },
    },
    async (request) => mapping.gapTable(request.query, viewerOf(request)),
  );

  r.get(
    '/api/mapping/map',
    {
      config: publicAccess,
      schema: {
        operationId: 'getMappingMap',
        tags,
        summary: 'Every map measure for all 357 municipalities (those outside the filter marked)',
        description: filtersText,
        querystring: MappingQuery,
        response: { 200: ok(MapMeasures, 'One value set per municipality') },
      },
    },
    async (request) => mapping.map(request.query, viewerOf(request)),
  );

  r.get(
    '/api/mapping/open-calls',
    {
      config: publicAccess,
      schema: {
        operationId: 'getMappingOpenCalls',
        tags,
        summary: 'For each open call: the municipalities its register rules admit that have no record of taking part in the scheme',
        description: `${filtersText} The period does not apply: "never" is over every year.`,
        querystring: MappingQuery,
        response: { 200: ok(OpenCallGaps, 'Open calls, nearest deadline first') },
      },
    },
    async (request) => mapping.openCalls(request.query, viewerOf(request)),
  );

  r.get(
    '/api/mapping/municipalities/:code',
    {
      config: publicAccess,
      schema: {
        operationId: 'getMunicipalityParticipation',
        tags,
        summary: 'One municipality: schemes taken part in, schemes it is eligible for by the registers but has not used, its peers and its history',
        description: 'Takes `from`, `to` and `example`; the class, band and county filters do not apply.',
        params: Type.Object({ code: MunicipalityCode }),
        querystring: MappingQuery,
        response: { 200: ok(MunicipalityGap, 'The participation section of /kommuner/{code}'), 404: apiError('No municipality has this number') },
      },
    },
    async (request) => mapping.municipality(request.params.code, request.query, viewerOf(request)),
  );

  r.get(
    '/api/mapping/regions',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'listAdviserRegions',
        tags,
        summary: 'The regional organisations the caller advises through (platform administrators: all)',
        response: { 200: ok(RegionList, 'Regional organisations with the size of their scope') },
      },
    },
    async (request) => mapping.regions(request.auth!),
  );

  r.get(
    '/api/organisations/:id/region',
    {
      config: organisationMember,
      schema: {
        operationId: 'getRegionOverview',
        tags,
        summary: 'A regional organisation’s overview: its municipalities, their shared pipelines for open calls, deadlines, who to call this week',
        description:
          'Members of the organisation and platform administrators. A municipality’s pipeline is shown only when it shares it with advisers; otherwise its state is `not_shared` and nothing more.',
        params: Type.Object({ id: Uuid }),
        response: { 200: ok(RegionOverview, 'The overview'), 404: apiError('No regional organisation has this id') },
      },
    },
    async (request) => mapping.region(request.params.id, viewerOf(request)),
  );
}
