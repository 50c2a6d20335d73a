/**
 * How a route declares who may call it: `config: { permission }`, checked before the body is read
 * (plugins/permissions.ts). The policies themselves are in `@varde/domain/permissions`.
 */
import type { Permission } from '@varde/domain/permissions';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required: the app refuses to start with a route that has none. */
    permission?: Permission;
  }
}

export type { Permission };

export const publicAccess = { permission: { kind: 'public' } } as const;
export const signedIn = { permission: { kind: 'authenticated' } } as const;
export const platformAdmin = { permission: { kind: 'platformAdmin' } } as const;
export const schemeOwner = { permission: { kind: 'schemeOwner' } } as const;
/** Members of a regional organisation with a county (county authority, State Administrator, regional council), and platform admins. */
export const regionalAdviser = { permission: { kind: 'regionalAdviser' } } as const;
/** Members of the organisation in the path parameter `id` (platform admins too). */
export const organisationMember = { permission: { kind: 'organisationMember', param: 'id' } } as const;
/** Administrators of the organisation in the path parameter `id` (platform admins too). */
export const organisationAdmin = { permission: { kind: 'organisationAdmin', param: 'id' } } as const;
/** A municipality's own work: members of the organisation in `id` only, platform admins included in the refusal. */
export const organisationPrivate = { permission: { kind: 'organisationPrivate', param: 'id' } } as const;
