/** A municipality's needs profile: the themes it works on, in its own words, and what the registers say. */
import { Type, type Static } from 'typebox';
import { EligibilityMunicipality } from './finder-api';
import { SchemeThemeSchema } from './schemes';
import { Nullable } from './typebox-helpers';

export const NeedsProfile = Type.Object({
  themes: Type.Array(SchemeThemeSchema),
  description: Type.String(),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
  /** What the registers say, for municipality organisations. */
  register: Nullable(
    Type.Object({
      ...EligibilityMunicipality.properties,
      neighbours: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() })),
    }),
  ),
});
export type NeedsProfile = Static<typeof NeedsProfile>;
export const NeedsUpdate = Type.Object({
  themes: Type.Array(SchemeThemeSchema, { maxItems: 10 }),
  description: Type.String({ maxLength: 4000 }),
});
export type NeedsUpdate = Static<typeof NeedsUpdate>;
