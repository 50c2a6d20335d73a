/**
 * Participation records: listing them (public; example records only when the server shows example
 * data), recording by hand, editing, verifying and removing, each as `access.ts` allows, and the
 * pipeline items a municipality may publish as records.
 */
import { ErrorCode, FieldErrorCode, type Language } from '@varde/contracts';
import type {
  CreateRecordBody,
  ParticipationList,
  ParticipationQuery,
  ParticipationRecord,
  PublishOffers,
  RecordInput,
  SchemeOptions,
  UpdateRecordBody,
} from '@varde/contracts/participation-api';
import { dedupeKey, normaliseName, participationLimits as L, predecessorName } from '@varde/contracts/participation-vocabulary';
import { AppError, conflict, fieldErrors, forbidden, notFound } from '../../core/app-error';
import type { AuthContext, Viewer } from '../../core/auth-context';
import type { RunInTransaction } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { ScopeService } from '../organisations/scope.service';
import type { AuditService } from '../audit/audit.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { PipelineService } from '../pipeline/pipeline.service';
import { type Access, mayEdit, mayVerify, provenanceFor, type RecordPlace } from './access';
import { exampleRecords } from './example-data';
import type { NewRecord, ParticipationRepository, RecordRow } from './participation.repository';
import { peopleOf, recordView, type MunicipalityNames } from './record-view';
import { catalogueSchemeNames } from './scheme-adapter';
import { schemeDirectory, schemeKeyOf, type SchemeDirectory } from './scheme-directory';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ParticipationDeps {
  transaction: RunInTransaction;
  repo: ParticipationRepository;
  catalogue: CatalogueService;
  municipalities: MunicipalityService;
  accounts: AccountService;
  pipeline: PipelineService;
  audit: AuditService;
  /** The municipalities a caller advises (their regional organisations' scopes, ADR 012). */
  scopes: Pick<ScopeService, 'advisedBy'>;
  /** EXAMPLE_DATA=on: example records are shown (with a notice), otherwise left out everywhere. */
  exampleData: boolean;
  now?: () => Date;
}

export function createParticipationService(deps: ParticipationDeps) {
  const { transaction, repo, catalogue, municipalities, accounts, pipeline, audit, scopes, exampleData } = deps;
  const now = deps.now ?? (() => new Date());

  /** The caller and the municipalities they advise, read before any transaction opens. */
  async function accessOf(auth: AuthContext): Promise<Access> {
    return { auth, advised: await scopes.advisedBy(auth) };
  }

  async function municipalityNames(): Promise<MunicipalityNames> {
    const { items } = await municipalities.list({});
    const map = new Map(
      items.map((m) => [m.code, { name: m.nameNorwegian, countyCode: m.countyCode, names: [m.name, m.nameNorwegian, ...m.name.split(' - ')] }]),
    );
    return { get: (code) => map.get(code), all: map };
  }

  async function directory(): Promise<SchemeDirectory> {
    const [names, counts] = await Promise.all([catalogueSchemeNames(catalogue), repo.schemeCounts(false)]);
    return schemeDirectory({
      catalogue: names,
      dataset: repo.datasetSchemes(),
      recorded: counts.map((c) => ({ key: c.key, catalogueId: c.catalogueId, name: c.name })),
    });
  }

  async function views(rows: RecordRow[], viewer: Viewer): Promise<ParticipationRecord[]> {
    const [schemes, places, people, openFlags, access] = await Promise.all([
      directory(),
      municipalityNames(),
      viewer.auth ? accounts.names(peopleOf(rows)) : Promise.resolve(new Map<string, string>()),
      repo.openFlagCounts(rows.map((r) => r.id)),
      viewer.auth ? accessOf(viewer.auth) : null,
    ]);
    return rows.map((row) => recordView(row, { lang: viewer.lang, auth: viewer.auth, access, schemes, municipalities: places, people, openFlags }));
  }

  async function view(id: string, viewer: Viewer): Promise<ParticipationRecord> {
    const row = await repo.find(id);
    if (!row || (row.isExample && !exampleData)) throw notFound('error.participation_not_found');
    return (await views([row], viewer))[0]!;
  }

  /**
   * The municipality of a record. Looked up (like the schemes) before a transaction opens: on the
   * embedded database a query outside the open transaction would wait for it forever.
   */
  function placeIn(names: MunicipalityNames, code: string, path = 'municipalityCode'): RecordPlace & { names: string[] } {
    const municipality = names.get(code);
    if (!municipality) throw fieldErrors({ path, code: FieldErrorCode.invalidValue });
    return { municipalityCode: code, countyCode: municipality.countyCode, names: municipality.names };
  }
  const placeOf = async (code: string) => placeIn(await municipalityNames(), code);

  /** The stored values of what a person entered; the scheme by catalogue id or by name. */
  function valuesOf(body: RecordInput, place: RecordPlace & { names: string[] }, schemes: SchemeDirectory) {
    let scheme: { key: string; catalogueId: string | null; name: string };
    if (body.schemeId) {
      const name = schemes.catalogueName(body.schemeId, 'nb');
      if (!name) throw fieldErrors({ path: 'schemeId', code: FieldErrorCode.invalidValue });
      scheme = { key: body.schemeId, catalogueId: body.schemeId, name };
    } else if (body.schemeName?.trim()) {
      const known = schemes.lookup.get(normaliseName(body.schemeName));
      scheme = known ?? { key: schemeKeyOf(body.schemeName), catalogueId: null, name: body.schemeName.trim() };
    } else {
      throw fieldErrors({ path: 'schemeId', code: FieldErrorCode.required });
    }
    const latest = now().getUTCFullYear() + 1;
    if (body.year > latest) throw fieldErrors({ path: 'year', code: FieldErrorCode.tooLarge, limit: latest });
    const text = (value: string | null | undefined) => value?.trim() || null;
    const round = text(body.round);
    const projectTitle = text(body.projectTitle);
    return {
      schemeId: scheme.catalogueId,
      schemeKey: scheme.key,
      schemeName: scheme.name,
      round,
      year: body.year,
      decidedOn: body.decidedOn ?? null,
      municipalityCode: place.municipalityCode,
      role: body.role,
      status: body.status,
      amountNok: body.amountNok ?? null,
      projectTitle,
      otherParticipants: (body.otherParticipants ?? []).map((p) => p.trim()).filter(Boolean),
      sourceUrl: text(body.sourceUrl),
      sourceDocument: text(body.sourceDocument),
      evidence: text(body.evidence),
      dedupeKey: dedupeKey({ municipalityCode: place.municipalityCode, schemeKey: scheme.key, year: body.year, round, projectTitle, predecessor: null }),
    } satisfies Partial<NewRecord>;
  }

  /** The pipeline item behind a "publish as a participation record": the caller's own municipality's, granted or rejected. */
  async function publishedItem(auth: AuthContext, municipalityCode: string, itemId: string, lang: Language) {
    const membership = auth.memberships.find((m) => m.organisationType === 'municipality' && m.municipalityCode === municipalityCode);
    const item = membership ? (await pipeline.list(membership.organisationId, lang)).find((i) => i.id === itemId) : undefined;
    if (!item || (item.status !== 'granted' && item.status !== 'rejected')) throw fieldErrors({ path: 'pipelineItemId', code: FieldErrorCode.invalidValue });
    return item;
  }

  return {
    view,
    municipalityNames,
    directory,
    /** The caller and the municipalities they advise (imports and reports check records against it). */
    access: accessOf,
    /** Changes with every change to the records or their reports (for the render cache of public pages). */
    stamp: () => repo.stamp(),

    async list(query: ParticipationQuery, viewer: Viewer): Promise<ParticipationList> {
      const includeExamples = exampleData && query.example !== 'exclude';
      const filter = {
        municipality: query.municipality,
        county: query.county,
        schemeKey: query.scheme,
        year: query.year,
        status: query.status,
        includeExamples,
      };
      const page = query.page ?? 1;
      const { total, rows } = await repo.list(filter, { offset: (page - 1) * L.pageSize, limit: L.pageSize });
      return {
        items: await views(rows, viewer),
        total,
        page,
        pageSize: L.pageSize,
        includesExamples: includeExamples && (rows.some((r) => r.isExample) || (await repo.hasExamples(filter))),
        exampleDataOn: exampleData,
      };
    },

    /** Every catalogue scheme, and the other schemes that have records, with how many. */
    async schemeOptions(lang: Language, example?: 'include' | 'exclude'): Promise<SchemeOptions> {
      const [names, counts] = await Promise.all([catalogueSchemeNames(catalogue), repo.schemeCounts(exampleData && example !== 'exclude')]);
      const byKey = new Map(counts.map((c) => [c.key, c]));
      const items = [
        ...names.map((s) => ({ key: s.id, catalogueId: s.id, name: s.name[lang], records: byKey.get(s.id)?.n ?? 0 })),
        ...counts.filter((c) => !names.some((s) => s.id === c.key)).map((c) => ({ key: c.key, catalogueId: null, name: c.name, records: c.n })),
      ];
      return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'nb')) };
    },

    async create(auth: AuthContext, body: CreateRecordBody, lang: Language): Promise<ParticipationRecord> {
      const [place, access] = await Promise.all([placeOf(body.municipalityCode), accessOf(auth)]);
      const provenance = provenanceFor(access, place);
      if (!provenance) throw forbidden();
      if (body.pipelineItemId) await publishedItem(auth, body.municipalityCode, body.pipelineItemId, lang);
      if ((await repo.countCreatedSince(auth.user.id, new Date(now().getTime() - DAY_MS))) >= L.recordsPerUserPerDay) {
        throw new AppError(ErrorCode.rateLimited, 'error.participation_daily_limit', { limit: L.recordsPerUserPerDay });
      }
      const values = valuesOf(body, place, await directory());
      const at = now();
      const id = await repo.insertUnlessDuplicate({
        ...values,
        provenance,
        createdBy: auth.user.id,
        createdAt: at,
        updatedAt: at,
        updatedBy: auth.user.id,
        ...(provenance === 'verified' ? { verifiedAt: at, verifiedBy: auth.user.id } : {}),
        pipelineItemId: body.pipelineItemId ?? null,
      });
      if (!id) throw conflict('error.participation_duplicate');
      return view(id, { lang, auth });
    },

    async update(auth: AuthContext, id: string, body: UpdateRecordBody, lang: Language): Promise<ParticipationRecord> {
      const [names, schemes, access] = await Promise.all([municipalityNames(), directory(), accessOf(auth)]);
      const place = placeIn(names, body.municipalityCode);
      const values = valuesOf(body, place, schemes);
      await transaction(async (tx) => {
        const row = await repo.findForUpdate(id, tx);
        if (!row || row.isExample) throw notFound('error.participation_not_found');
        const current = placeIn(names, row.municipalityCode);
        if (!mayEdit(access, { ...current, provenance: row.provenance, isExample: false }) || !provenanceFor(access, place)) throw forbidden();
        if (row.revision !== body.revision) throw new AppError(ErrorCode.conflict, 'error.participation_changed', { revision: row.revision });
        // A record of the data set keeps the name its source used for the municipality, and so its key.
        const predecessor = row.municipalityCode === place.municipalityCode ? predecessorName(row.nameAtTime, place.names) : null;
        const key = dedupeKey({ ...values, predecessor });
        if ((await repo.takenKeys([key], tx, id)).size > 0) throw conflict('error.participation_duplicate');
        await repo.update(id, { ...values, dedupeKey: key, updatedAt: now(), updatedBy: auth.user.id }, tx);
      });
      return view(id, { lang, auth });
    },

    async remove(auth: AuthContext, id: string) {
      const [names, access] = await Promise.all([municipalityNames(), accessOf(auth)]);
      await transaction(async (tx) => {
        const row = await repo.findForUpdate(id, tx);
        if (!row || row.isExample) throw notFound('error.participation_not_found');
        const place = placeIn(names, row.municipalityCode);
        if (!mayEdit(access, { ...place, provenance: row.provenance, isExample: false })) throw forbidden();
        if (row.datasetKey) throw new AppError(ErrorCode.conflict, 'error.participation_dataset_record');
        await repo.remove([id], tx);
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: 'participation.removed',
            targetType: 'participation_record',
            targetId: id,
            detail: { schemeKey: row.schemeKey, year: row.year, municipalityCode: row.municipalityCode },
          },
          tx,
        );
      });
    },

    /** An adviser or administrator vouches for the record: the provenance becomes "verified", by them, now. */
    async verify(auth: AuthContext, id: string, lang: Language): Promise<ParticipationRecord> {
      const [names, access] = await Promise.all([municipalityNames(), accessOf(auth)]);
      await transaction(async (tx) => {
        const row = await repo.findForUpdate(id, tx);
        if (!row || row.isExample) throw notFound('error.participation_not_found');
        if (!mayVerify(access, { ...placeIn(names, row.municipalityCode), isExample: false })) throw forbidden();
        const at = now();
        await repo.update(id, { provenance: 'verified', verifiedAt: at, verifiedBy: auth.user.id, updatedAt: at, updatedBy: auth.user.id }, tx);
        await audit.record(
          { actorUserId: auth.user.id, action: 'participation.verified', targetType: 'participation_record', targetId: id, detail: { from: row.provenance } },
          tx,
        );
      });
      return view(id, { lang, auth });
    },

    /** Replaces the example records with a new set from `seed` (the command line's `example-data`); returns how many. */
    async replaceExamples(seed: number, count: number): Promise<number> {
      const [names, schemes] = await Promise.all([municipalityNames(), directory()]);
      const rows = exampleRecords({ seed, count, municipalities: [...names.all.keys()], schemes: schemes.entries });
      await repo.replaceExamples(rows);
      return rows.length;
    },

    /** A municipality's pipeline items that reached granted or rejected and are not published yet (members only). */
    async offers(organisationId: string, municipalityCode: string | null, lang: Language): Promise<PublishOffers> {
      if (!municipalityCode) return { items: [], municipalityCode: null };
      const items = (await pipeline.list(organisationId, lang)).filter((i) => i.status === 'granted' || i.status === 'rejected');
      const published = await repo.publishedItems(items.map((i) => i.id));
      return {
        municipalityCode,
        items: items
          .filter((i) => !published.has(i.id))
          .map((i) => ({
            pipelineItemId: i.id,
            schemeId: i.schemeId,
            schemeName: i.schemeName,
            callTitle: i.callTitle,
            status: i.status as 'granted' | 'rejected',
            year: Number(i.updatedAt.slice(0, 4)),
          })),
      };
    },
  };
}

export type ParticipationService = ReturnType<typeof createParticipationService>;
