import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CountyCode, MunicipalityCode } from '@varde/contracts';
import { acceptsGzip } from '../../core/accept-encoding';
import { apiError, ok } from '../../core/api-responses';
import { notFound } from '../../core/app-error';
import { publicAccess } from '../../core/route-permissions';
import { isMapCounty, municipalityLabels, municipalityShapes, renderLocatorMap, renderNorwayMap } from './map.service';

/** The maps change only with a new release of the reference data. */
const cacheable = 'public, max-age=86400';
const svgType = 'image/svg+xml; charset=utf-8';
/**
 * The SVG files carry their own `<style>` element. The API's default CSP (`style-src 'self'`) would
 * block it when a map is opened directly as a document; SVG as `<img>` runs no scripts, so allow
 * inline styles only, nothing else.
 */
const svgCsp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The maps gzipped once each (an SVG shrinks to a fifth: the overview map from 86 to about 18 KB), for
 * clients that take gzip; the API's JSON is not compressed, but maps are public and the same for all.
 */
const gzipped = new Map<string, Buffer>();

/** `key` names the map (one per municipality at most), so the store stays bounded. */
function sendSvg(request: FastifyRequest, reply: FastifyReply, key: string, svg: string) {
  reply.type(svgType).header('cache-control', cacheable).header('content-security-policy', svgCsp).header('vary', 'Accept-Encoding');
  if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(svg);
  let body = gzipped.get(key);
  if (!body) {
    body = gzipSync(svg, { level: 9 });
    gzipped.set(key, body);
  }
  return reply.header('content-encoding', 'gzip').send(body);
}

const Shapes = Type.Object({
  viewBox: Type.String({ description: 'viewBox of the overview map, "0 0 width height"' }),
  shapes: Type.Array(
    Type.Object({
      code: MunicipalityCode,
      d: Type.String({ description: 'SVG path data in viewBox coordinates (0.1 px precision)' }),
    }),
  ),
  counties: Type.Array(
    Type.Object({
      code: CountyCode,
      viewBox: Type.String({ description: 'viewBox "x y width height" around the county\'s municipalities, to zoom the same map to it' }),
    }),
  ),
});

/** 200 is an SVG document; errors stay JSON. */
const svgResponse = {
  description: 'An SVG document (cached for a day: it changes only with the reference data)',
  content: { 'image/svg+xml': { schema: Type.String() } },
};

/** The whole country and each county's zoom (a bounded set: one per county). */
const norwaySvgs = new Map<string, string>();

export async function mapRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/map/norway.svg',
    {
      config: publicAccess,
      schema: {
        operationId: 'getNorwayMap',
        tags: ['map'],
        summary: 'Map of all 357 municipalities coloured by centrality class (SVG image)',
        description:
          'Each municipality is a path with data-code and class c1 (most central) … c6; county borders on top. ' +
          'With `county`, the same map zoomed to that county (an unknown county gives the whole country). ' +
          'Kartdata © Kartverket (CC BY 4.0), centrality © SSB.',
        querystring: Type.Object({ county: Type.Optional(CountyCode) }),
        response: { 200: svgResponse },
      },
    },
    async (request, reply) => {
      const county = request.query.county && isMapCounty(request.query.county) ? request.query.county : undefined;
      const key = county ? `norway-${county}` : 'norway';
      let svg = norwaySvgs.get(key);
      if (!svg) {
        svg = renderNorwayMap({ colourBy: 'centrality', links: false, labels: municipalityLabels(), county });
        norwaySvgs.set(key, svg);
      }
      return sendSvg(request, reply, key, svg);
    },
  );

  r.get(
    '/api/map/municipalities/:code.svg',
    {
      config: publicAccess,
      schema: {
        operationId: 'getLocatorMap',
        tags: ['map'],
        summary: 'Locator map: the municipality within its county, land neighbours marked (SVG image)',
        params: Type.Object({ code: MunicipalityCode }),
        response: { 200: svgResponse, 404: apiError('No municipality has this number (`not_found`)') },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const svg = renderLocatorMap(code, municipalityLabels());
      if (!svg) throw notFound('error.municipality_not_found', { code });
      return sendSvg(request, reply, code, svg);
    },
  );

  r.get(
    '/api/map/shapes',
    {
      config: publicAccess,
      schema: {
        operationId: 'getMunicipalityShapes',
        tags: ['map'],
        summary: 'Projected outlines of all municipalities, for clients that draw their own map',
        response: { 200: ok(Shapes, 'The viewBox, one SVG path per municipality and a viewBox per county (cached for a day)') },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', cacheable);
      return municipalityShapes();
    },
  );
}
