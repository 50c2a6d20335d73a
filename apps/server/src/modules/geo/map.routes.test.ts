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

  it('zooms the map to a county: its viewBox lies inside the whole map and holds every municipality of the county', async () => {
    const whole = await app.inject({ url: '/api/map/norway.svg' });
    const zoomed = await app.inject({ url: '/api/map/norway.svg?county=42' });
    expect(zoomed.statusCode).toBe(200);
    const viewBox = (body: string) => /viewBox="([^"]+)"/.exec(body)![1]!.split(' ').map(Number);
    const [, , width, height] = viewBox(whole.body);
    const [x, y, w, h] = viewBox(zoomed.body);
    expect(x).toBeGreaterThanOrEqual(-10);
    expect(y).toBeGreaterThanOrEqual(-10);
    expect(x! + w!).toBeLessThanOrEqual(width! + 10);
    expect(y! + h!).toBeLessThanOrEqual(height! + 10);
    expect(w! * h!).toBeLessThan((width! * height!) / 20);
    const shapes = (await app.inject({ url: '/api/map/shapes' })).json<{ counties: { code: string; viewBox: string }[] }>();
    expect(shapes.counties.map((c) => c.code)).toContain('42');
    expect(shapes.counties.find((c) => c.code === '42')!.viewBox).toBe([x, y, w, h].join(' '));
    // A county the map does not know gives the whole country; a malformed one is refused.
    expect((await app.inject({ url: '/api/map/norway.svg?county=99' })).body).toBe(whole.body);
    expect((await app.inject({ url: '/api/map/norway.svg?county=4' })).statusCode).toBe(400);
  });
});
