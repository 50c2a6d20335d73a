import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config';

/** One year; subdomains included. Sent only when the app is served over https (`PUBLIC_URL`). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** Headers on every response. HTML pages set their own Content-Security-Policy (inline scripts by hash). */
export function registerSecurityHeaders(app: FastifyInstance, config: Pick<AppConfig, 'publicUrl'>) {
  // Over plain http the header would be ignored by browsers, and on localhost it would pin the name to https.
  const https = config.publicUrl.startsWith('https:');
  app.addHook('onSend', async (_request, reply, payload) => {
    if (https) reply.header('strict-transport-security', HSTS);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header(
        'content-security-policy',
        "default-src 'none'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
    }
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
