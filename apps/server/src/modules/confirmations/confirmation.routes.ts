import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { SchemeId } from '@varde/contracts/catalogue-api';
import { Confirmation, ConfirmationCreate, ConfirmationList } from '@varde/contracts/confirmations-api';
import { apiError, noContent, ok } from '../../core/api-responses';
import { organisationPrivate } from '../../core/route-permissions';
import { CONFIRMATIONS_PER_ORGANISATION, type ConfirmationService } from './confirmation.service';

const OrgParams = Type.Object({ id: Uuid });
// A municipality's own work, documented with its pipeline.
const tags = ['pipeline'];
const notMunicipality = 'The organisation is not a municipality: only municipalities confirm conditions (`forbidden`)';

/** A municipality's condition confirmations (ADR 009): its members only, like the pipeline. */
export async function confirmationRoutes(app: FastifyInstance, deps: { confirmations: ConfirmationService }) {
  const { confirmations } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/confirmations',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'listConfirmations',
        tags,
        summary: "The municipality's unexpired condition confirmations",
        description:
          'With `schemeId`: the confirmations of that scheme and of the memberships it asks for (`membership:<key>`, no scheme). ' +
          'Expired confirmations are not listed: they no longer count.',
        params: OrgParams,
        querystring: Type.Object({ schemeId: Type.Optional(SchemeId) }),
        response: { 200: ok(ConfirmationList, 'The confirmations, oldest first: the condition, the call, who confirmed it, when, and until when') },
      },
    },
    async (request) => ({ items: await confirmations.list(request.params.id, request.query.schemeId) }),
  );

  r.put(
    '/api/organisations/:id/confirmations',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'saveConfirmation',
        tags,
        summary: 'Confirm that the municipality meets a condition (replaces an earlier confirmation of the same condition)',
        description:
          "`conditionId` is one of the scheme's conditions for the municipality (`partner:<type>`, `municipalities`, `collaboration`, " +
          '`political_anchoring`, `own_funding`, or a condition id of the scheme), or `membership:<key>` with `schemeId` null for a ' +
          'membership every scheme asking for it shares. With `callId` (a call of the scheme whose deadline has not passed) the ' +
          'confirmation expires at that deadline, otherwise after 12 months. An unknown scheme, condition or call answers 400 with the ' +
          `field errors. At most ${CONFIRMATIONS_PER_ORGANISATION} per municipality.`,
        params: OrgParams,
        body: ConfirmationCreate,
        response: {
          200: ok(Confirmation, 'The saved confirmation, with who confirmed it and when it expires'),
          403: apiError(`${notMunicipality}, or I am not a member of it`),
          409: apiError(`The municipality already has ${CONFIRMATIONS_PER_ORGANISATION} confirmations (\`conflict\`)`),
        },
      },
    },
    async (request) => confirmations.save(request.auth!, request.params.id, request.body),
  );

  r.delete(
    '/api/organisations/:id/confirmations/:confirmationId',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'deleteConfirmation',
        tags,
        summary: 'Withdraw a confirmation',
        params: Type.Object({ id: Uuid, confirmationId: Uuid }),
        response: { 204: noContent('The confirmation is withdrawn'), 404: apiError('The municipality has no confirmation with this id (`not_found`)') },
      },
    },
    async (request, reply) => {
      await confirmations.remove(request.params.id, request.params.confirmationId);
      return reply.code(204).send(null);
    },
  );
}
