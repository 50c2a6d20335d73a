import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { RegionScope, ScopeBody, SharingResponse, SharingSetting } from '@varde/contracts/mapping-api';
import { apiError, ok } from '../../core/api-responses';
import { organisationAdmin, organisationMember, platformAdmin, publicAccess } from '../../core/route-permissions';
import type { ScopeService } from './scope.service';

const OrgParams = Type.Object({ id: Uuid });
const tags = ['organisations'];

/** A regional organisation's scope (set by platform administrators) and a municipality's choice to share its pipeline with advisers. */
export async function scopeRoutes(app: FastifyInstance, deps: { scopes: ScopeService }) {
  const { scopes } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/scope',
    {
      config: publicAccess,
      schema: {
        operationId: 'getRegionScope',
        tags,
        summary: 'The municipalities a regional organisation advises',
        description: 'A set of counties or an explicit list of municipalities; without a stored scope, the organisation’s own county (`stored: false`).',
        params: OrgParams,
        response: { 200: ok(RegionScope, 'The scope'), 404: apiError('No regional organisation has this id') },
      },
    },
    async (request) => scopes.scope(request.params.id),
  );

  r.put(
    '/api/organisations/:id/scope',
    {
      config: platformAdmin,
      schema: {
        operationId: 'setRegionScope',
        tags,
        summary: 'Set a regional organisation’s scope (platform administrators)',
        params: OrgParams,
        body: ScopeBody,
        response: { 200: ok(RegionScope, 'The scope as saved'), 404: apiError('No regional organisation has this id') },
      },
    },
    async (request) => scopes.setScope(request.auth!, request.params.id, request.body),
  );

  r.get(
    '/api/organisations/:id/sharing',
    {
      config: organisationMember,
      schema: {
        operationId: 'getPipelineSharing',
        tags,
        summary: 'Whether the municipality shares its pipeline with regional advisers (off by default)',
        params: OrgParams,
        response: { 200: ok(SharingResponse, 'The setting'), 404: apiError('No municipality organisation has this id') },
      },
    },
    async (request) => scopes.sharing(request.params.id),
  );

  r.put(
    '/api/organisations/:id/sharing',
    {
      config: organisationAdmin,
      schema: {
        operationId: 'setPipelineSharing',
        tags,
        summary: 'Share the pipeline with regional advisers, or stop (the municipality’s administrators)',
        description: 'Platform administrators who are not administrators of the municipality get 403: the choice is the municipality’s.',
        params: OrgParams,
        body: SharingSetting,
        response: { 200: ok(SharingResponse, 'The setting as saved'), 404: apiError('No municipality organisation has this id') },
      },
    },
    async (request) => scopes.setSharing(request.auth!, request.params.id, request.body),
  );
}
