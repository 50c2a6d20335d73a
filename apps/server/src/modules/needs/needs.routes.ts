import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { NeedsProfile, NeedsUpdate } from '@varde/contracts/needs-api';
import { ok } from '../../core/api-responses';
import { organisationPrivate } from '../../core/route-permissions';
import type { NeedsService } from './needs.service';

const OrgParams = Type.Object({ id: Uuid });
const tags = ['pipeline'];

/** A municipality's needs profile: its members only. */
export async function needsRoutes(app: FastifyInstance, deps: { needs: NeedsService }) {
  const { needs } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/needs',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'getNeeds',
        tags,
        summary: "The organisation's needs profile and what the registers say",
        params: OrgParams,
        response: { 200: ok(NeedsProfile, 'The themes and description (empty until saved), and for a municipality its register facts') },
      },
    },
    async (request) => needs.profile(request.params.id),
  );

  r.put(
    '/api/organisations/:id/needs',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'saveNeeds',
        tags,
        summary: 'Save the needs profile',
        params: OrgParams,
        body: NeedsUpdate,
        response: { 200: ok(NeedsProfile, 'The saved profile') },
      },
    },
    async (request) => {
      await needs.save(request.auth!, request.params.id, request.body);
      return needs.profile(request.params.id);
    },
  );
}
