/** Members' own secret addresses of the calendar feed of the schemes their municipality follows. */
import { Type } from 'typebox';
import { Nullable } from './typebox-helpers';

/** The signed-in member's own calendar feed address for the organisation: whether there is one. */
export const CalendarFeedState = Type.Object({
  exists: Type.Boolean(),
  createdAt: Nullable(Type.String({ format: 'date-time' })),
});
/** The member's secret feed address, shown once when created or rotated. */
export const CalendarFeedCreated = Type.Object({ url: Type.String(), createdAt: Type.String({ format: 'date-time' }) });
