import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { OwnedSchemeList, SchemeEdit, SchemeId, SchemeOwnerChange, SchemeVersionList } from '@varde/contracts/catalogue-api';
import { SchemeDetail } from '@varde/contracts/finder-api';
import { apiError, noContent, ok } from '../../core/api-responses';
import type { Viewer } from '../../core/auth-context';
import { organisationMember, platformAdmin, publicAccess, schemeOwner } from '../../core/route-permissions';
import type { CatalogueService } from './catalogue.service';

const noScheme = apiError('No scheme has this id (`not_found`)');
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
        operationId: 'listSchemeVersions',
        tags,
        summary: 'Change history of a scheme: which version was saved when, by whom, and what changed',
        description:
          "Open to everyone, as the catalogue is open data. The editor's name (`changedBy.name`) is given to signed-in callers only; it is null for others.",
        params: SchemeParams,
        response: { 200: ok(SchemeVersionList, 'Every saved version, newest first, with the parts it changed'), 404: noScheme },
      },
    },
    async (request) => ({ items: await catalogue.versions(request.params.schemeId, { showNames: request.auth !== null }) }),
  );

  r.put(
    '/api/schemes/:schemeId',
    {
      config: schemeOwner,
      schema: {
        operationId: 'saveScheme',
        tags,
        summary: 'Save a new version of a scheme (its owner organisation or a platform admin)',
        description:
          'The document passes the same integrity check as the catalogue files (field errors under `scheme.`). Answers 409 when `baseVersion` is no longer the latest, so two editors never overwrite each other.',
        params: SchemeParams,
        body: SchemeEdit,
        response: {
          200: ok(SchemeDetail, "Saved: the scheme's page with the new version"),
          404: noScheme,
          409: apiError('Someone saved a newer version since `baseVersion` (`conflict`): the message names the latest version'),
        },
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
        operationId: 'setSchemeOwner',
        tags,
        summary: 'Set the organisation that maintains a scheme',
        params: SchemeParams,
        body: SchemeOwnerChange,
        response: { 204: noContent('The owner is set (or cleared with `null`)'), 404: noScheme },
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
        operationId: 'listOwnedSchemes',
        tags,
        summary: 'Schemes the organisation maintains',
        params: Type.Object({ id: Uuid }),
        response: { 200: ok(OwnedSchemeList, 'The schemes, by name, with their versions') },
      },
    },
    async (request) => ({ items: await catalogue.ownedBy(request.params.id, request.lang) }),
  );
}
