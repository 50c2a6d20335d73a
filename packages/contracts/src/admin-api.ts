/** Platform administration: the organisation and user lists, searched and in pages, sorted by Norwegian name order. */
import { Type, type Static } from 'typebox';
import { Organisation, OrganisationTypeSchema, UserSummary } from './schemas';
import { limits } from './vocabulary';

/** Rows per page of the administration lists. */
export const ADMIN_PAGE_SIZE = 25;

const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: ADMIN_PAGE_SIZE })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
};

export const AdminOrganisationQuery = Type.Object({
  /** Part of the name (case and accents ignored), or a municipality number (or its first digits). */
  q: Type.Optional(Type.String({ maxLength: limits.searchMax })),
  type: Type.Optional(OrganisationTypeSchema),
  ...Paging,
});
export type AdminOrganisationQuery = Static<typeof AdminOrganisationQuery>;

export const AdminOrganisationList = Type.Object({
  /** Organisations that match, before paging. */
  total: Type.Integer(),
  items: Type.Array(Organisation),
});
export type AdminOrganisationList = Static<typeof AdminOrganisationList>;

export const AdminUserQuery = Type.Object({
  /** Part of the name or e-mail address (case and accents ignored). */
  q: Type.Optional(Type.String({ maxLength: limits.searchMax })),
  ...Paging,
});
export type AdminUserQuery = Static<typeof AdminUserQuery>;

export const AdminUserList = Type.Object({
  total: Type.Integer(),
  items: Type.Array(UserSummary),
});
export type AdminUserList = Static<typeof AdminUserList>;
