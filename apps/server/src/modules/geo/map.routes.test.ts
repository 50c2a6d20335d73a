import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '@varde/contracts';
import { API_ERROR } from '../../core/api-responses';
import { mapRoutes } from './map.routes';

describe('map routes', async () => {
  const app = Fastify();
  app.addSchema({ $id: API_ERROR, ...ErrorResponse });
  await app.register(mapRoutes);
  afterAll(() => app.close());

  it.each(['/api/map/norway.svg', '/api/map/municipalities/5033.svg'])('sends %s gzipped to clients that take gzip, the same SVG', async (url) => {
    const plain = await app.inject({ url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.startsWith('<svg')).toBe(true);
    for (let i = 0; i < 2; i++) {
      const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('Accept-Encoding');
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    }
  });
});
