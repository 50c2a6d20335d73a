import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import {
  CreateRecordBody,
  ParticipationList,
  ParticipationQuery,
  ParticipationRecord,
  PublishOffers,
  SchemeOptions,
  UpdateRecordBody,
} from '@varde/contracts/participation-api';
import { exampleFilters } from '@varde/contracts/participation-vocabulary';
import { literalUnion } from '@varde/contracts/typebox-helpers';
import { apiError, noContent, ok } from '../../core/api-responses';
import { signedInViewerOf, viewerOf } from '../../core/auth-context';
import { organisationPrivate, publicAccess, regionalAdviser, signedIn } from '../../core/route-permissions';
import type { ParticipationService } from './participation.service';

const tags = ['participation'];
const RecordParams = Type.Object({ recordId: Uuid });
const notFound = apiError('No record with this id (`not_found`)');

/** Participation records: public to read; recorded, changed and verified as `access.ts` allows. */
export async function recordRoutes(app: FastifyInstance, deps: { participation: ParticipationService }) {
  const { participation } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/participation',
    {
      config: publicAccess,
      schema: {
        operationId: 'listParticipation',
        tags,
        summary: 'Participation records, newest decisions first, 50 a page',
        description:
          'Which municipality took part in which scheme. The source lists are incomplete: a municipality without a record may still have taken part. ' +
          'Example records appear only when the server shows example data (`exampleDataOn`), marked `isExample`; `example=exclude` leaves them out.',
        querystring: ParticipationQuery,
        response: { 200: ok(ParticipationList, 'One page of records, with the total') },
      },
    },
    async (request) => participation.list(request.query, viewerOf(request)),
  );

  r.get(
    '/api/participation/schemes',
    {
      config: publicAccess,
      schema: {
        operationId: 'listParticipationSchemes',
        tags,
        summary: 'The schemes a record can name: the catalogue’s, and the other schemes that have records',
        querystring: Type.Object({ example: Type.Optional(literalUnion(exampleFilters)) }),
        response: { 200: ok(SchemeOptions, 'Schemes by name, with their number of records') },
      },
    },
    async (request) => participation.schemeOptions(request.lang, request.query.example),
  );

  r.get(
    '/api/participation/:recordId',
    {
      config: publicAccess,
      schema: {
        operationId: 'getParticipationRecord',
        tags,
        summary: 'One participation record with its source and provenance',
        params: RecordParams,
        response: { 200: ok(ParticipationRecord, 'The record'), 404: notFound },
      },
    },
    async (request) => participation.view(request.params.recordId, viewerOf(request)),
  );

  r.post(
    '/api/participation',
    {
      config: signedIn,
      schema: {
        operationId: 'createParticipationRecord',
        tags,
        summary: 'Record a participation',
        description:
          'Members record for their own municipality (provenance `self_reported`), regional advisers for the municipalities of their county and platform ' +
          'administrators for any (`verified`). With `pipelineItemId`, a pipeline item of the caller’s municipality that reached granted or rejected is published ' +
          'as this record. 403 for another municipality; 409 `conflict` when the same participation is recorded already; 429 past the daily limit.',
        body: CreateRecordBody,
        response: { 201: ok(ParticipationRecord, 'The new record'), 409: apiError('Recorded already (`conflict`)') },
      },
    },
    async (request, reply) => reply.code(201).send(await participation.create(request.auth!, request.body, request.lang)),
  );

  r.put(
    '/api/participation/:recordId',
    {
      config: signedIn,
      schema: {
        operationId: 'updateParticipationRecord',
        tags,
        summary: 'Change a record',
        description:
          'Advisers and administrators change the records they may verify; members their municipality’s self-reported ones. `revision` is the one read: 409 when someone changed it since.',
        params: RecordParams,
        body: UpdateRecordBody,
        response: { 200: ok(ParticipationRecord, 'The changed record'), 404: notFound, 409: apiError('Changed by someone else, or a duplicate (`conflict`)') },
      },
    },
    async (request) => participation.update(request.auth!, request.params.recordId, request.body, request.lang),
  );

  r.delete(
    '/api/participation/:recordId',
    {
      config: signedIn,
      schema: {
        operationId: 'deleteParticipationRecord',
        tags,
        summary: 'Remove a record (records of the shipped data set are corrected, not removed)',
        params: RecordParams,
        response: { 204: noContent('The record is removed'), 404: notFound, 409: apiError('A record of the shipped data set (`conflict`)') },
      },
    },
    async (request, reply) => {
      await participation.remove(request.auth!, request.params.recordId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/participation/:recordId/verify',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'verifyParticipationRecord',
        tags,
        summary: 'Verify a record: its provenance becomes "verified", by the caller, now',
        params: RecordParams,
        response: { 200: ok(ParticipationRecord, 'The verified record'), 404: notFound },
      },
    },
    async (request) => participation.verify(signedInViewerOf(request).auth, request.params.recordId, request.lang),
  );

  r.get(
    '/api/organisations/:id/participation-offers',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'listPublishOffers',
        tags,
        summary: 'Pipeline items that reached granted or rejected and may be published as participation records',
        description: 'Nothing is published until a member confirms the prefilled record (`createParticipationRecord` with `pipelineItemId`).',
        params: Type.Object({ id: Uuid }),
        response: { 200: ok(PublishOffers, 'The items not published yet') },
      },
    },
    async (request) => {
      const membership = request.auth!.memberships.find((m) => m.organisationId === request.params.id);
      return participation.offers(request.params.id, membership?.organisationType === 'municipality' ? membership.municipalityCode : null, request.lang);
    },
  );
}
