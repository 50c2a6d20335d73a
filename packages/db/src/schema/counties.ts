import { boolean, doublePrecision, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export interface NameFormRow {
  name: string;
  lang: string;
}

/** The 15 counties (fylker) of 2024, from Kartverket; sums computed from SSB figures. */
export const counties = pgTable('counties', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameNorwegian: text('name_norwegian').notNull(),
  nameForms: jsonb('name_forms').$type<NameFormRow[]>().notNull(),
  samiAdministrativeArea: boolean('sami_administrative_area').notNull(),
  population: integer('population').notNull(),
  areaKm2: doublePrecision('area_km2').notNull(),
  municipalityCount: integer('municipality_count').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
