import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, date } from 'drizzle-orm/pg-core';
import { counties, type NameFormRow } from './counties';

export interface PopulationPoint {
  date: string;
  population: number;
}

/** The 357 municipalities (kommuner) of 2024: SSB population and centrality, Kartverket names and area. */
export const municipalities = pgTable(
  'municipalities',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameNorwegian: text('name_norwegian').notNull(),
    nameForms: jsonb('name_forms').$type<NameFormRow[]>().notNull(),
    ssbLabel: text('ssb_label').notNull(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    population: integer('population').notNull(),
    populationDate: date('population_date', { mode: 'string' }).notNull(),
    populationHistory: jsonb('population_history').$type<PopulationPoint[]>().notNull(),
    areaKm2: doublePrecision('area_km2').notNull(),
    centralityClass: integer('centrality_class').notNull(),
    centralityIndex: integer('centrality_index').notNull(),
    adminCentre: text('admin_centre').notNull(),
    languageForm: text('language_form').$type<'neutral' | 'bokmal' | 'nynorsk'>().notNull(),
    website: text('website'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('municipalities_county_idx').on(t.countyCode)],
);
