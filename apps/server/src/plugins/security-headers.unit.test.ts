import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security-headers';

async function appServedAt(publicUrl: string) {
  const app = Fastify();
  registerSecurityHeaders(app, { publicUrl });
  app.get('/api/x', async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('Strict-Transport-Security', () => {
  it('is sent on every response when PUBLIC_URL is https', async () => {
    const app = await appServedAt('https://varde.example.org');
    for (const url of ['/api/x', '/not-found']) {
      const response = await app.inject({ url });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
    await app.close();
  });

  it('is not sent when PUBLIC_URL is http', async () => {
    for (const publicUrl of ['http://localhost:3000', 'http://https.example.org']) {
      const app = await appServedAt(publicUrl);
      const response = await app.inject({ url: '/api/x' });
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      await app.close();
    }
  });
});
