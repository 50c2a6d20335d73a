import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Uuid } from '@varde/contracts';
import { OwnedSchemeList, SchemeEdit, SchemeId, SchemeOwnerChange, SchemeVersionList } from '@varde/contracts/catalogue-api';
import { SchemeDetail } from '@varde/contracts/finder-api';
import type { Viewer } from '../../core/auth-context';
import { organisationMember, platformAdmin, publicAccess, schemeOwner } from '../../core/route-permissions';
import type { CatalogueService } from './catalogue.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const SchemeParams = Type.Object({ schemeId: SchemeId });
const tags = ['schemes'];

/**
 * Maintaining the catalogue: the change history, saving a new version, the owner organisation, and
 * the schemes an organisation maintains. A saved edit answers with the scheme's page, which the
 * finder composes (`schemePage`, wired in modules.ts: the finder sits above the catalogue).
 */
export async function catalogueRoutes(
  app: FastifyInstance,
  deps: { catalogue: CatalogueService; schemePage: (schemeId: string, viewer: Viewer) => Promise<SchemeDetail> },
) {
  const { catalogue, schemePage } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/schemes/:schemeId/versions',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Change history of a scheme: which version was saved when, by whom, and what changed',
        description:
          "Open to everyone, as the catalogue is open data. The editor's name (`changedBy.name`) is given to signed-in callers only; it is null for others.",
        params: SchemeParams,
        response: { 200: SchemeVersionList, ...errors },
      },
    },
    async (request) => ({ items: await catalogue.versions(request.params.schemeId, { showNames: request.auth !== null }) }),
  );

  r.put(
    '/api/schemes/:schemeId',
    {
      config: schemeOwner,
      schema: {
        tags,
        summary: 'Save a new version of a scheme (its owner organisation or a platform admin)',
        description: 'Answers 409 when `baseVersion` is no longer the latest, so two editors never overwrite each other.',
        params: SchemeParams,
        body: SchemeEdit,
        response: { 200: SchemeDetail, ...errors },
      },
    },
    async (request) => {
      await catalogue.edit(request.auth!, request.params.schemeId, request.body);
      return schemePage(request.params.schemeId, { lang: request.lang, auth: request.auth });
    },
  );

  r.put(
    '/api/schemes/:schemeId/owner',
    {
      config: platformAdmin,
      schema: {
        tags,
        summary: 'Set the organisation that maintains a scheme',
        params: SchemeParams,
        body: SchemeOwnerChange,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await catalogue.setOwner(request.params.schemeId, request.body.organisationId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/organisations/:id/schemes',
    {
      config: organisationMember,
      schema: {
        tags,
        summary: 'Schemes the organisation maintains',
        params: Type.Object({ id: Uuid }),
        response: { 200: OwnedSchemeList, ...errors },
      },
    },
    async (request) => ({ items: await catalogue.ownedBy(request.params.id, request.lang) }),
  );
}
