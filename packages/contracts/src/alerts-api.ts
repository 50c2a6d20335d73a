/** Saved finder searches and the notifications they produce. */
import { Type, type Static } from 'typebox';
import { SchemeId } from './catalogue-api';
import { SchemeQuery } from './finder-api';
import { literalUnion, Nullable } from './typebox-helpers';
import { notificationKinds } from './vocabulary';

export const SavedSearch = Type.Object({
  id: Type.String(),
  name: Type.String(),
  query: SchemeQuery,
  organisationId: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SavedSearch = Static<typeof SavedSearch>;
export const SavedSearchList = Type.Object({ items: Type.Array(SavedSearch) });
export const SavedSearchCreate = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  query: SchemeQuery,
});
export type SavedSearchCreate = Static<typeof SavedSearchCreate>;

export const Notification = Type.Object({
  id: Type.String(),
  kind: literalUnion(notificationKinds),
  schemeId: SchemeId,
  schemeName: Type.String(),
  /** The saved search that matched; empty for `fact_report` and `fact_report_closed`. */
  searchName: Type.String(),
  /** For `deadline_soon`. */
  deadline: Nullable(Type.String()),
  message: Type.String(),
  /** `scheme_changed`: what changed since the version the search had seen, one sentence each (absent for older notifications). */
  changes: Type.Optional(Type.Array(Type.String())),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});
export type Notification = Static<typeof Notification>;
export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;
/** The stored unread notifications (for the header). The worker looks for news; reads never run the saved searches. */
export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCount>;
