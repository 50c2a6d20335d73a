import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Uuid } from '@varde/contracts';
import { NeedsProfile, NeedsUpdate } from '@varde/contracts/needs-api';
import { organisationPrivate } from '../../core/route-permissions';
import type { NeedsService } from './needs.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
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
      schema: { tags, summary: "The organisation's needs profile and what the registers say", params: OrgParams, response: { 200: NeedsProfile, ...errors } },
    },
    async (request) => needs.profile(request.params.id),
  );

  r.put(
    '/api/organisations/:id/needs',
    {
      config: organisationPrivate,
      schema: { tags, summary: 'Save the needs profile', params: OrgParams, body: NeedsUpdate, response: { 200: NeedsProfile, ...errors } },
    },
    async (request) => {
      await needs.save(request.auth!, request.params.id, request.body);
      return needs.profile(request.params.id);
    },
  );
}
