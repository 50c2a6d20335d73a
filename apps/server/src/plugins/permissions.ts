import type { FastifyInstance, RouteOptions } from 'fastify';
import { ErrorCode } from '@varde/contracts';
import { evaluatePermission } from '@varde/domain/permissions';
import type { Permission } from '../core/route-permissions';
import { sendError } from './errors';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: Permission | undefined;
}

class MissingPermissionError extends Error {
  constructor(routes: string[]) {
    super(`Routes without a declared permission: ${routes.join(', ')}`);
  }
}

/**
 * Third-party plugins (docs UI, static files) register their own routes; call this inside their
 * encapsulated scope to declare those routes public explicitly.
 */
export function declareScopePublic(scope: FastifyInstance) {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), permission: route.config?.permission ?? { kind: 'public' } };
  });
}

/**
 * Records every route with its declared permission, refuses to start when one has none, and checks
 * the permission before any handler runs.
 */
export function registerPermissions(app: FastifyInstance): RegisteredRoute[] {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route as RouteOptions);
  });
  const registry: RegisteredRoute[] = [];
  app.addHook('onReady', async () => {
    const seen = new Set<string>();
    for (const route of routes) {
      for (const method of [route.method].flat()) {
        const key = `${method} ${route.url}`;
        if (seen.has(key)) continue;
        seen.add(key);
        registry.push({ method, url: route.url, permission: route.config?.permission });
      }
    }
    const missing = registry.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`);
    if (missing.length) throw new MissingPermissionError(missing);
  });

  // onRequest (after the session hook): decide access before the body is parsed or validated, so a
  // caller without access learns nothing from parse or field errors.
  app.addHook('onRequest', async (request, reply) => {
    // No route matched: the not-found handler answers 404, whatever the method.
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (!permission) return sendError(request, reply, 403, ErrorCode.forbidden);
    const outcome = evaluatePermission(
      permission,
      request.auth ? { isPlatformAdmin: request.auth.user.isPlatformAdmin, memberships: request.auth.memberships } : null,
      (request.params ?? {}) as Record<string, string>,
    );
    if (outcome === 'unauthenticated') return sendError(request, reply, 401, ErrorCode.unauthenticated);
    if (outcome === 'forbidden') return sendError(request, reply, 403, ErrorCode.forbidden);
  });
  return registry;
}
