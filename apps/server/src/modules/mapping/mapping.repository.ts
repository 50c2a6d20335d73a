/**
 * The mapping's reads of participation records (ADR 012). The records belong to the participation
 * module; this read model only reads them, aggregated in SQL (a read-only join, like the account
 * modules' joins in ARCHITECTURE.md), so 50,000 records answer in milliseconds. It never writes.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SchemeAggregate } from '@varde/domain/participation-stats';
import type { AppDb } from '@varde/db';

export interface PeriodFilter {
  from: number | null;
  to: number | null;
  includeExamples: boolean;
  /** Only these municipalities (null: all). */
  codes: readonly string[] | null;
}

type Rows<T> = { rows: T[] };

/** The project as the statistics compare it: the generated column `project_key` (the domain's `projectKey`). */
const projectKey = sql`project_key`;

function where(filter: PeriodFilter, counted: boolean): SQL {
  const parts: SQL[] = [sql`true`];
  if (counted) parts.push(sql`status in ('selected', 'granted', 'completed')`);
  if (filter.from !== null) parts.push(sql`year >= ${filter.from}`);
  if (filter.to !== null) parts.push(sql`year <= ${filter.to}`);
  if (!filter.includeExamples) parts.push(sql`not is_example`);
  if (filter.codes) parts.push(sql`municipality_code = any(${sql.param([...filter.codes])}::text[])`);
  return sql.join(parts, sql` and `);
}

const int = (v: unknown) => Number(v ?? 0);

export function createMappingRepository(db: AppDb) {
  const rows = async <T>(query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;

  return {
    /**
     * Counted participations per municipality and scheme: each municipality × scheme × year × project
     * once, its role the best of its records (lead or recipient, then partner, then other).
     */
    async aggregates(filter: PeriodFilter): Promise<SchemeAggregate[]> {
      const found = await rows<{ code: string; key: string; n: number; years: number[] | string; lead: number; partner: number; other: number }>(sql`
        with units as (
          select municipality_code as code, scheme_key as key, year,
            min(case when role in ('lead', 'recipient') then 0 when role = 'partner' then 1 else 2 end) as share
          from participation_records
          where ${where(filter, true)}
          group by municipality_code, scheme_key, year, ${projectKey}
        )
        select code, key, count(*)::int as n, array_agg(distinct year order by year) as years,
          (count(*) filter (where share = 0))::int as lead,
          (count(*) filter (where share = 1))::int as partner,
          (count(*) filter (where share = 2))::int as other
        from units group by code, key`);
      return found.map((r) => ({
        municipalityCode: r.code,
        schemeKey: r.key,
        participations: int(r.n),
        years: (Array.isArray(r.years) ? r.years : parseIntArray(r.years)).map(Number),
        lead: int(r.lead),
        partner: int(r.partner),
        other: int(r.other),
      }));
    },

    /** One municipality's counted participations and distinct schemes per year, oldest first. */
    async yearly(code: string, filter: PeriodFilter) {
      const found = await rows<{ year: number; n: number; s: number }>(sql`
        with units as (
          select year, scheme_key from participation_records
          where ${where({ ...filter, codes: [code] }, true)}
          group by year, scheme_key, ${projectKey}
        )
        select year, count(*)::int as n, count(distinct scheme_key)::int as s from units group by year order by year`);
      return found.map((r) => ({ year: Number(r.year), participations: int(r.n), schemes: int(r.s) }));
    },

    /** Records of each scheme in the filter (all statuses), with its catalogue id and the name as recorded. */
    async schemes(filter: PeriodFilter) {
      const found = await rows<{ key: string; id: string | null; name: string; n: number }>(sql`
        select scheme_key as key, max(scheme_id) as id, max(scheme_name) as name, count(*)::int as n
        from participation_records where ${where(filter, false)} group by scheme_key`);
      return found.map((r) => ({ key: r.key, catalogueId: r.id, recordedName: r.name, records: int(r.n) }));
    },

    /** What the records in the filter cover: how many, which years, whether examples are among them, and their sources by host. */
    async coverage(filter: PeriodFilter) {
      const [totals] = await rows<{ n: number; min: number | null; max: number | null; examples: boolean | null }>(sql`
        select count(*)::int as n, min(year) as min, max(year) as max, bool_or(is_example) as examples
        from participation_records where ${where(filter, false)}`);
      const sources = await rows<{ label: string; url: string | null; n: number }>(sql`
        select label, case when count(distinct source_url) = 1 then min(source_url) end as url, count(*)::int as n
        from (
          select coalesce(substring(source_url from '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\\.)?([^/:?#]+)'), source_document, '') as label, source_url
          from participation_records where ${where(filter, false)}
        ) s
        group by label order by count(*) desc, label`);
      return {
        records: int(totals?.n),
        yearFrom: totals?.min === null || totals?.min === undefined ? null : Number(totals.min),
        yearTo: totals?.max === null || totals?.max === undefined ? null : Number(totals.max),
        includesExamples: totals?.examples === true,
        sources: sources.map((s) => ({ label: s.label, url: s.url, records: int(s.n) })),
      };
    },

    /** The records in the filter for the open-data export, oldest first (the compiled fields; quotes stay in the app). */
    async exportRows(filter: PeriodFilter) {
      return rows<{
        id: string;
        scheme_key: string;
        scheme_id: string | null;
        scheme_name: string;
        round: string | null;
        year: number;
        decided_on: string | null;
        municipality_code: string;
        code_at_time: string | null;
        name_at_time: string | null;
        role: string;
        status: string;
        amount_nok: string | number | null;
        project_title: string | null;
        other_participants: string[] | string;
        source_url: string | null;
        source_document: string | null;
        provenance: string;
        verified_at: string | Date | null;
        is_example: boolean;
        updated_at: string | Date;
      }>(sql`
        select id, scheme_key, scheme_id, scheme_name, round, year, decided_on::text as decided_on, municipality_code, code_at_time, name_at_time,
          role, status, amount_nok, project_title, other_participants, source_url, source_document, provenance, verified_at, is_example, updated_at
        from participation_records where ${where(filter, false)}
        order by year, municipality_code, scheme_key, id`);
    },
  };
}

/** `{2019,2020}` as some drivers return an int[] they do not parse. */
function parseIntArray(text: string): number[] {
  return text
    .replace(/[{}]/g, '')
    .split(',')
    .filter(Boolean)
    .map((s) => Number(s));
}

export type MappingRepository = ReturnType<typeof createMappingRepository>;
