/**
 * The solution library (ADR 013): drafting (owners' members), publishing (an owner organisation's
 * administrator; every owner told by e-mail), withdrawing an owner's name (the last one withdraws
 * the solution, whose page stays), the contact and their consent, versions, adoption, the spread
 * and its figures, reports of inappropriate content and hiding (platform administrators, audited),
 * and the open-data export. Documents and questions are in their own services.
 */
import { ErrorCode, FieldErrorCode, type Language } from '@varde/contracts';
import type {
  AdoptionBody,
  ContactConsentBody,
  CreateSolutionBody,
  MunicipalitySolutions,
  PublishBody,
  ReportBody,
  ResolveReportBody,
  SolutionCan,
  SolutionDraft,
  SolutionDraftBody,
  SolutionExport,
  SolutionExportRecord,
  SolutionList,
  SolutionListQuery,
  SolutionReportList,
  SolutionSpread,
  SolutionSummary,
  SolutionVersion,
  SolutionView,
  VisibilityBody,
} from '@varde/contracts/solutions-api';
import { solutionLimits as L, solutionPaths } from '@varde/contracts/solutions-vocabulary';
import { AppError, conflict, fieldErrors, forbidden, notFound } from '../../core/app-error';
import type { AuthContext, Viewer } from '../../core/auth-context';
import type { Clock } from '../../core/clock';
import type { RunInTransaction } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { AuditService } from '../audit/audit.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { MailService } from '../mail/mail.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { ParticipationService } from '../participation/participation.service';
import { exampleSolutions } from './example-data';
import { adoptionView, contentView, documentView, emptyContent, exportCsv, exportFieldDocs, figuresOf, spreadOf } from './solution-view';
import type { AdopterRow, OwnerRow, SolutionContentData, SolutionRepository, SolutionRow } from './solution.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Advisory-lock space of a user's reports and messages (bounds counted one at a time). */
export const USER_BOUND_LOCK_SPACE = 17;

export interface SolutionDeps {
  transaction: RunInTransaction;
  repo: SolutionRepository;
  organisations: OrganisationService;
  accounts: AccountService;
  municipalities: MunicipalityService;
  catalogue: CatalogueService;
  /** To check that a linked participation record is one of the owner municipalities'. */
  participation: Pick<ParticipationService, 'view'>;
  mail: MailService;
  audit: AuditService;
  exampleData: boolean;
  publicUrl: string;
  /** The search index (modules/search), told where a published version changes. */
  search?: { solutionChanged(id: string): Promise<void> };
  now: Clock;
}

export const currentOwners = (owners: OwnerRow[]) => owners.filter((o) => !o.withdrawnAt);
const memberOf = (auth: AuthContext | null, organisationIds: Iterable<string>, role?: 'admin') => {
  if (!auth) return [];
  const ids = new Set(organisationIds);
  return auth.memberships.filter((m) => ids.has(m.organisationId) && (!role || m.role === role)).map((m) => m.organisationId);
};

export function createSolutionService(deps: SolutionDeps) {
  const { transaction, repo, organisations, accounts, municipalities, catalogue, participation, mail, audit, exampleData, publicUrl, now } = deps;

  async function schemeNames(lang: Language) {
    const { rows } = await catalogue.catalogue();
    const names = new Map(rows.map((r) => [r.id, r.data.name[lang]]));
    return (id: string) => names.get(id) ?? null;
  }

  let places: Promise<Map<string, { name: string; centralityClass: number; countyCode: string }>> | undefined;
  function municipalityInfo() {
    places ??= municipalities
      .list({})
      .then(({ items }) => new Map(items.map((m) => [m.code, { name: m.nameNorwegian, centralityClass: m.centralityClass, countyCode: m.countyCode }])));
    return places;
  }

  /** Who may see the solution at all: published or withdrawn for everyone (hidden: owners and platform admins), drafts for owners' members. */
  function visible(row: SolutionRow, owners: OwnerRow[], auth: AuthContext | null) {
    if (row.isExample && !exampleData) return false;
    const ownerMember =
      memberOf(
        auth,
        currentOwners(owners).map((o) => o.organisationId),
      ).length > 0;
    if (row.status === 'draft') return ownerMember;
    if (row.hidden) return ownerMember || !!auth?.user.isPlatformAdmin;
    return true;
  }

  async function load(id: string, auth: AuthContext | null) {
    const row = await repo.find(id);
    if (!row) throw notFound('error.solution_not_found');
    const owners = await repo.owners([id]);
    if (!visible(row, owners, auth)) throw notFound('error.solution_not_found');
    return { row, owners };
  }

  function summaryOf(row: SolutionRow, owners: OwnerRow[], adopters: AdopterRow[]): SolutionSummary {
    const content = row.content ?? row.draft;
    const figures = figuresOf(owners, adopters);
    return {
      id: row.id,
      status: row.status,
      hidden: row.hidden,
      isExample: row.isExample,
      title: content.title,
      summary: content.summary,
      language: content.language,
      maturity: content.maturity,
      themes: content.themes as SolutionSummary['themes'],
      year: content.year,
      owners: currentOwners(owners).map(ownerView),
      adopters: figures.adopters,
      countiesReached: figures.countiesReached,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      hasDraft: row.draftPending,
    };
  }

  const ownerView = (o: OwnerRow) => ({
    organisationId: o.organisationId,
    name: o.name,
    municipalityCode: o.municipalityCode,
    countyCode: o.countyCode,
    withdrawnAt: o.withdrawnAt?.toISOString() ?? null,
  });

  async function summaries(rows: SolutionRow[]): Promise<SolutionSummary[]> {
    const ids = rows.map((r) => r.id);
    const [owners, adopters] = await Promise.all([repo.owners(ids), repo.adopters(ids)]);
    return rows.map((row) =>
      summaryOf(
        row,
        owners.filter((o) => o.solutionId === row.id),
        adopters.filter((a) => a.solutionId === row.id),
      ),
    );
  }

  /** The contact: shown by name only with consent (owners' members always see it); when they left, the administrators answer. */
  async function contactOf(row: SolutionRow, owners: OwnerRow[], auth: AuthContext | null, ownerMember: boolean) {
    const current = currentOwners(owners);
    const organisation = current.find((o) => o.organisationId === row.contactOrganisationId) ?? current[0];
    if (!organisation) return null;
    const contactHere = !!row.contactUserId && row.contactOrganisationId === organisation.organisationId;
    const stillMember = contactHere && (await organisations.isMember(organisation.organisationId, row.contactUserId!));
    const showName = stillMember && (row.contactPublic || ownerMember);
    const name = showName ? ((await accounts.names([row.contactUserId!])).get(row.contactUserId!) ?? null) : null;
    return {
      name,
      role: showName ? row.contactRole : null,
      organisationId: organisation.organisationId,
      organisationName: organisation.name,
      public: stillMember && row.contactPublic,
      fallbackToAdmins: !stillMember,
      isViewer: stillMember && auth?.user.id === row.contactUserId,
    };
  }

  function canOf(row: SolutionRow, owners: OwnerRow[], auth: AuthContext | null): SolutionCan {
    const ownerIds = currentOwners(owners).map((o) => o.organisationId);
    const ownerMember = memberOf(auth, ownerIds).length > 0;
    const live = row.status === 'published' && !row.hidden;
    const others = (auth?.memberships ?? []).filter((m) => !ownerIds.includes(m.organisationId));
    return {
      editDraft: ownerMember,
      publish: memberOf(auth, ownerIds, 'admin').length > 0 && row.draftPending,
      withdrawFor: memberOf(auth, ownerIds, 'admin'),
      uploadDocument: ownerMember,
      adoptFor: row.status === 'draft' || row.hidden ? [] : others.filter((m) => m.organisationType === 'municipality').map((m) => m.organisationId),
      askFrom: live && ownerIds.length > 0 ? others.map((m) => m.organisationId) : [],
      report: !!auth && row.status !== 'draft',
      hide: !!auth?.user.isPlatformAdmin,
    };
  }

  async function view(id: string, viewer: Viewer): Promise<SolutionView> {
    const { row, owners } = await load(id, viewer.auth);
    const ownerMember =
      memberOf(
        viewer.auth,
        currentOwners(owners).map((o) => o.organisationId),
      ).length > 0;
    const [names, documents, adopters, versions, contact, openReports] = await Promise.all([
      schemeNames(viewer.lang),
      repo.documents(id),
      repo.adopters([id]),
      repo.versions(id),
      contactOf(row, owners, viewer.auth, ownerMember),
      viewer.auth?.user.isPlatformAdmin ? repo.openReportCount(id) : Promise.resolve(null),
    ]);
    const people = viewer.auth ? await accounts.names(versions.flatMap((v) => (v.publishedBy ? [v.publishedBy] : []))) : new Map<string, string>();
    const content = row.content ?? row.draft;
    const privileged = ownerMember || !!viewer.auth?.user.isPlatformAdmin;
    return {
      id: row.id,
      status: row.status,
      hidden: row.hidden,
      hiddenReason: privileged ? row.hiddenReason : null,
      isExample: row.isExample,
      version: row.version,
      content: contentView(content, names),
      firstPublishedAt: row.firstPublishedAt?.toISOString() ?? null,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      owners: [...currentOwners(owners), ...owners.filter((o) => o.withdrawnAt)].map(ownerView),
      contact,
      documents: row.status === 'draft' && !ownerMember ? [] : documents.map(documentView),
      adoptions: adopters.filter((a) => !a.isExample || exampleData).map(adoptionView),
      figures: figuresOf(owners, adopters),
      versions: versions.map((v) => ({
        version: v.version,
        title: v.content.title,
        publishedAt: v.publishedAt.toISOString(),
        publishedBy: { name: v.publishedBy ? (people.get(v.publishedBy) ?? null) : null },
        note: v.note,
      })),
      hasDraft: ownerMember && row.draftPending,
      draftUpdatedAt: ownerMember ? row.draftUpdatedAt.toISOString() : null,
      openReports,
      can: canOf(row, owners, viewer.auth),
    };
  }

  /**
   * The draft body as stored content; validated against the catalogue (the call must be one of the
   * scheme's), the participation records (one of the owner municipalities', not an example) and the clock.
   */
  async function contentFrom(body: SolutionDraftBody, previous: SolutionContentData | null, ownerIds: string[]): Promise<SolutionContentData> {
    const text = (value: string | null | undefined) => value?.trim() || null;
    if (!body.title.trim()) throw fieldErrors({ path: 'title', code: FieldErrorCode.required });
    const latest = now().getUTCFullYear() + 1;
    if (body.year && body.year > latest) throw fieldErrors({ path: 'year', code: FieldErrorCode.tooLarge, limit: latest });
    if (body.schemeId) {
      const { byId } = await catalogue.catalogue();
      const scheme = byId.get(body.schemeId);
      if (!scheme) throw fieldErrors({ path: 'schemeId', code: FieldErrorCode.unknownScheme });
      if (body.callId && !scheme.data.calls.some((c) => c.id === body.callId)) throw fieldErrors({ path: 'callId', code: FieldErrorCode.unknownCall });
    } else if (body.callId) {
      throw fieldErrors({ path: 'callId', code: FieldErrorCode.unknownCall });
    }
    // A link that was there before stays (a seeded solution's record, an owner that has since withdrawn).
    if (body.participationRecordId && body.participationRecordId !== previous?.participationRecordId) await checkRecord(body.participationRecordId, ownerIds);
    return {
      language: body.language,
      title: body.title.trim(),
      summary: text(body.summary),
      problem: text(body.problem),
      whatWasDone: text(body.whatWasDone),
      results: text(body.results),
      costOneOffNok: body.costOneOffNok ?? null,
      costYearlyNok: body.costYearlyNok ?? null,
      costNote: text(body.costNote),
      maturity: body.maturity ?? null,
      themes: [...new Set(body.themes ?? [])],
      year: body.year ?? null,
      partners: (body.partners ?? []).map((p) => p.trim()).filter(Boolean),
      links: (body.links ?? []).map((l) => ({ label: l.label.trim(), url: l.url.trim() })),
      reuseKind: body.reuseKind ?? null,
      reuseTerms: text(body.reuseTerms),
      schemeId: body.schemeId ?? null,
      callId: body.callId ?? null,
      participationRecordId: body.participationRecordId ?? null,
      fundingAmountNok: body.fundingAmountNok ?? null,
      // The source of a seeded solution stays with it; people's drafts have none.
      sourceUrl: previous?.sourceUrl ?? null,
      sourceQuote: previous?.sourceQuote ?? null,
    };
  }

  /** A linked participation record must exist, be real (not an example) and be one of an owner municipality's. */
  async function checkRecord(recordId: string, ownerIds: string[]) {
    const codes = new Set((await repo.organisationsByIds(ownerIds)).flatMap((o) => (o.municipalityCode ? [o.municipalityCode] : [])));
    const record = await participation.view(recordId, { lang: 'nb', auth: null }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === ErrorCode.notFound) return null;
      throw error;
    });
    if (!record || record.isExample || !codes.has(record.municipality.code)) {
      throw fieldErrors({ path: 'participationRecordId', code: FieldErrorCode.unknownRecord });
    }
  }

  /** New co-owners must exist; the contact must be a member of an owner organisation. Read before the transaction. */
  async function checkPeople(body: SolutionDraftBody, ownerIds: string[]) {
    const added = (body.coOwnerIds ?? []).filter((id) => !ownerIds.includes(id));
    if (added.length > 0) {
      const found = await repo.organisationsByIds(added);
      if (found.length !== added.length) throw fieldErrors({ path: 'coOwnerIds', code: FieldErrorCode.invalidValue });
    }
    const all = [...ownerIds, ...added];
    if (all.length > L.ownersMax + 1) throw fieldErrors({ path: 'coOwnerIds', code: FieldErrorCode.tooLarge, limit: L.ownersMax });
    let contactOrganisationId: string | null = null;
    if (body.contactUserId) {
      const memberships = await accounts.memberships(body.contactUserId);
      contactOrganisationId = memberships.find((m) => all.includes(m.organisationId))?.organisationId ?? null;
      if (!contactOrganisationId) throw fieldErrors({ path: 'contactUserId', code: FieldErrorCode.invalidValue });
    }
    return { added, contactOrganisationId };
  }

  function contactValues(auth: AuthContext, body: SolutionDraftBody, current: SolutionRow | null, contactOrganisationId: string | null) {
    if (body.contactUserId === undefined && current) return {};
    const userId = body.contactUserId ?? null;
    const same = current?.contactUserId === userId;
    const isContact = userId !== null && userId === auth.user.id;
    return {
      contactUserId: userId,
      contactOrganisationId,
      contactRole: body.contactRole === undefined ? (same ? (current?.contactRole ?? null) : null) : body.contactRole?.trim() || null,
      // Only the contact consents for themselves; a new contact starts without consent.
      contactPublic: isContact && body.contactPublic !== undefined ? body.contactPublic : same ? (current?.contactPublic ?? false) : false,
    };
  }

  async function draftOf(row: SolutionRow, owners: OwnerRow[]): Promise<SolutionDraft> {
    const current = currentOwners(owners);
    const members = await Promise.all(current.map(async (o) => ({ o, members: await organisations.members(o.organisationId) })));
    const people = await accounts.names(row.draftUpdatedBy ? [row.draftUpdatedBy] : []);
    return {
      id: row.id,
      revision: row.draftRevision,
      content: contentView(row.draft, () => null),
      coOwnerIds: current.map((o) => o.organisationId),
      contactUserId: row.contactUserId,
      contactRole: row.contactRole,
      contactPublic: row.contactPublic,
      contactChoices: members.flatMap(({ o, members }) => members.map((m) => ({ userId: m.userId, name: m.name, organisationName: o.name }))),
      updatedAt: row.draftUpdatedAt.toISOString(),
      updatedBy: { name: row.draftUpdatedBy ? (people.get(row.draftUpdatedBy) ?? null) : null },
      unpublishedChanges: row.draftPending,
    };
  }

  async function requireOwnerMember(id: string, auth: AuthContext, role?: 'admin') {
    const { row, owners } = await load(id, auth);
    const ids = memberOf(
      auth,
      currentOwners(owners).map((o) => o.organisationId),
      role,
    );
    if (ids.length === 0) throw forbidden();
    return { row, owners, ids };
  }

  /** Mail to each owner organisation's administrators (the publisher excepted). */
  async function ownersToldOfPublication(owners: OwnerRow[], by: AuthContext) {
    const current = currentOwners(owners);
    const admins = new Map<string, string>();
    for (const o of current)
      for (const m of await organisations.members(o.organisationId)) if (m.role === 'admin' && m.userId !== by.user.id) admins.set(m.userId, o.name);
    const recipients = await accounts.recipients([...admins.keys()]);
    return [...recipients.values()].map((r) => ({ recipient: r, organisation: admins.get(r.id)! }));
  }

  async function exportRecord(row: SolutionRow, owners: OwnerRow[], adopters: AdopterRow[], contactName: string | null): Promise<SolutionExportRecord> {
    const c = row.content!;
    const documents = await repo.documents(row.id);
    const current = currentOwners(owners);
    return {
      id: row.id,
      url: `${publicUrl}${solutionPaths.solution(row.id)}`,
      name: c.title,
      status: row.status === 'withdrawn' ? 'withdrawn' : 'published',
      version: row.version ?? 1,
      releaseDate: row.firstPublishedAt?.toISOString().slice(0, 10) ?? null,
      dateModified: row.publishedAt?.toISOString().slice(0, 10) ?? null,
      developmentStatus: c.maturity,
      categories: c.themes as SolutionExportRecord['categories'],
      year: c.year,
      description: { [c.language]: { shortDescription: c.summary, longDescription: c.whatWasDone, problem: c.problem, results: c.results } },
      owners: current.map((o) => ({ name: o.name, municipalityCode: o.municipalityCode })),
      partners: c.partners,
      usedBy: adopters
        .filter((a) => !a.isExample || exampleData)
        .map((a) => ({ name: a.municipalityName, municipalityCode: a.municipalityCode, state: a.state, since: a.startedOn ?? a.date })),
      legal: { reuse: c.reuseKind as SolutionExportRecord['legal']['reuse'], terms: c.reuseTerms },
      maintenance: {
        contacts:
          contactName && row.contactPublic
            ? [{ name: contactName, role: row.contactRole, organisation: current.find((o) => o.organisationId === row.contactOrganisationId)?.name ?? '' }]
            : [],
      },
      costs: { oneOffNok: c.costOneOffNok, yearlyNok: c.costYearlyNok },
      funding: { schemeId: c.schemeId, amountNok: c.fundingAmountNok },
      links: c.links,
      documents: documents.map((d) => ({ fileName: d.fileName, mimeType: d.mimeType, bytes: d.bytes, url: `${publicUrl}${documentView(d).url}` })),
      figures: figuresOf(owners, adopters),
      source: { url: c.sourceUrl },
      isExample: row.isExample,
    };
  }

  return {
    view,
    summaries,
    load,
    /** Changes with every change to solutions and adoptions (for the render cache of public pages). */
    stamp: () => repo.stamp(),

    async list(query: SolutionListQuery, viewer: Viewer): Promise<SolutionList> {
      const includeExamples = exampleData && query.example !== 'exclude';
      const filter = {
        theme: query.theme,
        maturity: query.maturity,
        county: query.county,
        status: query.status,
        includeExamples,
        includeHidden: !!viewer.auth?.user.isPlatformAdmin,
      };
      const page = query.page ?? 1;
      const { total, rows } = await repo.list(filter, { offset: (page - 1) * L.pageSize, limit: L.pageSize, sort: query.sort ?? 'newest' });
      return {
        items: await summaries(rows),
        total,
        page,
        pageSize: L.pageSize,
        includesExamples: includeExamples && (rows.some((r) => r.isExample) || (await repo.hasExamples(filter))),
        exampleDataOn: exampleData,
      };
    },

    /** An organisation's own solutions, drafts included (its members only). */
    async listOfOrganisation(organisationId: string): Promise<SolutionList> {
      const ids = await repo.ownedBy(organisationId);
      const rows = (await repo.findMany(ids)).filter((r) => !r.isExample || exampleData).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
      return {
        items: await summaries(rows),
        total: rows.length,
        page: 1,
        pageSize: rows.length,
        includesExamples: rows.some((r) => r.isExample),
        exampleDataOn: exampleData,
      };
    },

    async ofMunicipality(code: string): Promise<MunicipalitySolutions> {
      const organisationId = (await repo.municipalityOrganisations()).get(code);
      if (!(await municipalityInfo()).has(code)) throw notFound();
      const shown = (r: SolutionRow) => r.status !== 'draft' && !r.hidden && (!r.isExample || exampleData);
      const shared = organisationId ? (await repo.findMany(await repo.ownedBy(organisationId))).filter(shown) : [];
      const adoptions = (await repo.adoptionsOfMunicipality(code)).filter((a) => !a.isExample || exampleData);
      const usedRows = (await repo.findMany(adoptions.map((a) => a.solutionId))).filter(shown);
      const [sharedViews, usedViews] = await Promise.all([summaries(shared), summaries(usedRows)]);
      const used = usedViews.map((solution) => {
        const a = adoptions.find((x) => x.solutionId === solution.id)!;
        return { solution, state: a.state, date: a.date };
      });
      return {
        shared: sharedViews,
        used,
        includesExamples: [...shared, ...usedRows].some((r) => r.isExample),
        exampleDataOn: exampleData,
      };
    },

    async version(id: string, version: number, viewer: Viewer): Promise<SolutionVersion> {
      await load(id, viewer.auth);
      const row = await repo.version(id, version);
      if (!row) throw notFound();
      const [names, people] = await Promise.all([schemeNames(viewer.lang), viewer.auth && row.publishedBy ? accounts.names([row.publishedBy]) : new Map()]);
      return {
        id,
        version: row.version,
        content: contentView(row.content, names),
        publishedAt: row.publishedAt.toISOString(),
        publishedBy: { name: row.publishedBy ? (people.get(row.publishedBy) ?? null) : null },
        note: row.note,
      };
    },

    async create(auth: AuthContext, body: CreateSolutionBody): Promise<{ id: string }> {
      if (!auth.memberships.some((m) => m.organisationId === body.organisationId)) throw forbidden();
      if ((await repo.countCreatedSince(auth.user.id, new Date(now().getTime() - DAY_MS))) >= L.solutionsPerUserPerDay) {
        throw new AppError(ErrorCode.rateLimited, 'error.solution_daily_limit', { limit: L.solutionsPerUserPerDay });
      }
      const { added, contactOrganisationId } = await checkPeople(body, [body.organisationId]);
      const content = await contentFrom(body, null, [body.organisationId, ...added]);
      const at = now();
      return transaction(async (tx) => {
        const id = await repo.insert(
          {
            status: 'draft',
            draft: content,
            draftRevision: 1,
            draftUpdatedAt: at,
            draftUpdatedBy: auth.user.id,
            draftPending: true,
            ...contactValues(auth, body, null, contactOrganisationId),
            createdAt: at,
            createdBy: auth.user.id,
            updatedAt: at,
          },
          tx,
        );
        await repo.addOwners(id, [body.organisationId, ...added], at, tx);
        await audit.record(
          { actorUserId: auth.user.id, action: 'solution.created', organisationId: body.organisationId, targetType: 'solution', targetId: id },
          tx,
        );
        return { id };
      });
    },

    async draft(id: string, auth: AuthContext): Promise<SolutionDraft> {
      const { row, owners } = await requireOwnerMember(id, auth);
      return draftOf(row, owners);
    },

    async saveDraft(id: string, auth: AuthContext, body: SolutionDraftBody): Promise<SolutionDraft> {
      const { row, owners } = await requireOwnerMember(id, auth);
      const ownerIds = currentOwners(owners).map((o) => o.organisationId);
      const { added, contactOrganisationId } = await checkPeople(body, ownerIds);
      const content = await contentFrom(body, row.draft, [...ownerIds, ...added]);
      const at = now();
      await transaction(async (tx) => {
        const locked = await repo.findForUpdate(id, tx);
        if (!locked) throw notFound('error.solution_not_found');
        if (body.revision !== undefined && body.revision !== locked.draftRevision) throw conflict('error.solution_changed');
        await repo.update(
          id,
          {
            draft: content,
            draftRevision: locked.draftRevision + 1,
            draftUpdatedAt: at,
            draftUpdatedBy: auth.user.id,
            draftPending: true,
            ...contactValues(auth, body, locked, contactOrganisationId),
            updatedAt: at,
          },
          tx,
        );
        await repo.addOwners(id, added, at, tx);
      });
      const after = await load(id, auth);
      return draftOf(after.row, after.owners);
    },

    /** Drops the unpublished changes: the draft becomes the published content again (a never-published draft cannot be discarded). */
    async discardDraft(id: string, auth: AuthContext) {
      const { row } = await requireOwnerMember(id, auth);
      if (!row.content) throw conflict('error.solution_never_published');
      await transaction(async (tx) => {
        const locked = await repo.findForUpdate(id, tx);
        await repo.update(
          id,
          { draft: locked!.content!, draftRevision: locked!.draftRevision + 1, draftPending: false, draftUpdatedAt: now(), updatedAt: now() },
          tx,
        );
      });
    },

    async publish(id: string, auth: AuthContext, body: PublishBody): Promise<SolutionView> {
      const { row, owners, ids } = await requireOwnerMember(id, auth, 'admin');
      if (row.hidden) throw conflict('error.solution_hidden');
      const told = await ownersToldOfPublication(owners, auth);
      const at = now();
      await transaction(async (tx) => {
        const locked = await repo.findForUpdate(id, tx);
        if (!locked) throw notFound('error.solution_not_found');
        if (body.revision !== locked.draftRevision) throw conflict('error.solution_changed');
        if (!locked.draftPending) throw conflict('error.solution_nothing_to_publish');
        if (locked.status === 'withdrawn') throw conflict('error.solution_withdrawn');
        const version = (locked.version ?? 0) + 1;
        const c = locked.draft;
        await repo.insertVersion(
          { solutionId: id, version, content: c, publishedAt: at, publishedBy: auth.user.id, note: body.versionNote?.trim() || null },
          tx,
        );
        await repo.update(
          id,
          {
            status: 'published',
            version,
            content: c,
            language: c.language,
            title: c.title,
            summary: c.summary,
            problem: c.problem,
            whatWasDone: c.whatWasDone,
            maturity: c.maturity,
            themes: c.themes,
            year: c.year,
            draftPending: false,
            firstPublishedAt: locked.firstPublishedAt ?? at,
            publishedAt: at,
            updatedAt: at,
          },
          tx,
        );
        for (const { recipient, organisation } of told) {
          await mail.queueSolutionMail(
            {
              userId: recipient.id,
              to: recipient.email,
              name: recipient.name,
              language: recipient.language,
              kind: 'solution_published',
              title: c.title,
              organisation,
              url: `${publicUrl}${solutionPaths.solution(id)}`,
              createdBy: auth.user.id,
            },
            tx,
          );
        }
        await audit.record(
          { actorUserId: auth.user.id, action: 'solution.published', organisationId: ids[0]!, targetType: 'solution', targetId: id, detail: { version } },
          tx,
        );
      });
      await deps.search?.solutionChanged(id);
      return view(id, { lang: auth.user.language ?? 'nb', auth });
    },

    /**
     * An owner's administrator withdraws the organisation's name. The last owner to withdraw withdraws
     * the solution: its page stays, with a notice, its adopters and history. The solution's row is
     * locked, so two owners withdrawing at once see each other.
     */
    async withdraw(id: string, auth: AuthContext, organisationId: string, lang: Language): Promise<SolutionView> {
      const { ids } = await requireOwnerMember(id, auth, 'admin');
      if (!ids.includes(organisationId)) throw forbidden();
      const at = now();
      await transaction(async (tx) => {
        const locked = await repo.findForUpdate(id, tx);
        if (!locked) throw notFound('error.solution_not_found');
        const owners = currentOwners(await repo.owners([id], tx));
        if (!owners.some((o) => o.organisationId === organisationId)) throw conflict('error.solution_not_owner');
        await repo.withdrawOwner(id, organisationId, auth.user.id, at, tx);
        const remaining = owners.filter((o) => o.organisationId !== organisationId);
        await repo.update(
          id,
          {
            ...(remaining.length === 0 ? { status: 'withdrawn' as const, withdrawnAt: at } : {}),
            ...(locked.contactOrganisationId === organisationId
              ? { contactUserId: null, contactOrganisationId: null, contactRole: null, contactPublic: false }
              : {}),
            updatedAt: at,
          },
          tx,
        );
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: 'solution.owner_withdrawn',
            organisationId,
            targetType: 'solution',
            targetId: id,
            detail: { last: remaining.length === 0 },
          },
          tx,
        );
      });
      return view(id, { lang, auth });
    },

    async setConsent(id: string, auth: AuthContext, body: ContactConsentBody, lang: Language): Promise<SolutionView> {
      const { row } = await load(id, auth);
      if (row.contactUserId !== auth.user.id) throw forbidden();
      await repo.update(id, { contactPublic: body.public, ...(body.role !== undefined ? { contactRole: body.role?.trim() || null } : {}), updatedAt: now() });
      return view(id, { lang, auth });
    },

    async spread(id: string, viewer: Viewer): Promise<SolutionSpread> {
      const { row, owners } = await load(id, viewer.auth);
      const [adopters, info] = await Promise.all([repo.adopters([id]), municipalityInfo()]);
      const thisYear = now().getUTCFullYear();
      const ownerFromYear = Math.min(thisYear, row.content?.year ?? row.draft.year ?? row.firstPublishedAt?.getUTCFullYear() ?? thisYear);
      return spreadOf(
        id,
        owners.map((o) => ({
          ...o,
          municipalityName: o.municipalityCode ? (info.get(o.municipalityCode)?.name ?? null) : null,
          centralityClass: o.municipalityCode ? (info.get(o.municipalityCode)?.centralityClass ?? null) : null,
        })),
        adopters.filter((a) => !a.isExample || exampleData),
        ownerFromYear,
        thisYear,
      );
    },

    async adopt(id: string, organisationId: string, auth: AuthContext, body: AdoptionBody, lang: Language) {
      const { row, owners } = await load(id, auth);
      const membership = auth.memberships.find((m) => m.organisationId === organisationId);
      if (membership?.organisationType !== 'municipality' || !membership.municipalityCode) throw forbidden();
      if (row.status === 'draft' || row.hidden) throw conflict('error.solution_not_published');
      if (currentOwners(owners).some((o) => o.organisationId === organisationId)) throw conflict('error.solution_own');
      const today = now().toISOString().slice(0, 10);
      if (body.date > today) throw fieldErrors({ path: 'date', code: FieldErrorCode.inFuture });
      if (body.date < `${L.yearMin}-01-01`) throw fieldErrors({ path: 'date', code: FieldErrorCode.tooSmall });
      await transaction(async (tx) => {
        const existing = await repo.findAdoption(id, organisationId, tx);
        const startedOn =
          body.state === 'stopped' ? (existing?.startedOn ?? null) : existing?.startedOn && existing.startedOn < body.date ? existing.startedOn : body.date;
        await repo.upsertAdoption(
          {
            solutionId: id,
            organisationId,
            municipalityCode: membership.municipalityCode!,
            state: body.state,
            date: body.date,
            startedOn,
            note: body.adoptionNote?.trim() || null,
            updatedAt: now(),
            updatedBy: auth.user.id,
          },
          tx,
        );
        await repo.update(id, { updatedAt: now() }, tx);
      });
      const adopter = (await repo.adopters([id])).find((a) => a.organisationId === organisationId)!;
      void lang;
      return adoptionView(adopter);
    },

    async removeAdoption(id: string, organisationId: string, auth: AuthContext) {
      await load(id, auth);
      if (!auth.memberships.some((m) => m.organisationId === organisationId)) throw forbidden();
      if (!(await repo.deleteAdoption(id, organisationId))) throw notFound();
      await repo.update(id, { updatedAt: now() });
    },

    async report(id: string, auth: AuthContext, body: ReportBody) {
      const { row } = await load(id, auth);
      if (row.status === 'draft') throw notFound('error.solution_not_found');
      await transaction(async (tx) => {
        await repo.lockUser(auth.user.id, USER_BOUND_LOCK_SPACE, tx);
        if ((await repo.countOpenReportsBy(auth.user.id, tx)) >= L.openReportsPerUser) {
          throw new AppError(ErrorCode.conflict, 'error.solution_report_limit', { limit: L.openReportsPerUser });
        }
        const reportId = await repo.insertReport({ solutionId: id, createdBy: auth.user.id, reason: body.reason.trim(), createdAt: now() }, tx);
        await audit.record(
          { actorUserId: auth.user.id, action: 'solution.reported', targetType: 'solution_report', targetId: reportId, detail: { solutionId: id } },
          tx,
        );
      });
    },

    async reports(open: boolean): Promise<SolutionReportList> {
      const rows = await repo.listReports(open);
      const people = await accounts.names(rows.flatMap((r) => (r.report.createdBy ? [r.report.createdBy] : [])));
      return {
        items: rows.map(({ report, title, draftTitle, hidden }) => ({
          id: report.id,
          solutionId: report.solutionId,
          solutionTitle: title ?? draftTitle,
          solutionHidden: hidden,
          reason: report.reason,
          createdAt: report.createdAt.toISOString(),
          createdBy: { name: report.createdBy ? (people.get(report.createdBy) ?? null) : null },
          resolvedAt: report.resolvedAt?.toISOString() ?? null,
          resolution: report.resolution,
        })),
      };
    },

    /** Platform administrators hide or restore a solution (audited); hiding resolves its open reports. */
    async setVisibility(id: string, auth: AuthContext, body: VisibilityBody, lang: Language): Promise<SolutionView> {
      if (!auth.user.isPlatformAdmin) throw forbidden();
      const at = now();
      await transaction(async (tx) => {
        const locked = await repo.findForUpdate(id, tx);
        if (!locked || (locked.isExample && !exampleData)) throw notFound('error.solution_not_found');
        if (locked.hidden === body.hidden) return;
        await repo.update(
          id,
          body.hidden
            ? { hidden: true, hiddenReason: body.reason?.trim() || null, hiddenAt: at, hiddenBy: auth.user.id, updatedAt: at }
            : { hidden: false, hiddenReason: null, hiddenAt: null, hiddenBy: null, updatedAt: at },
          tx,
        );
        if (body.hidden) await repo.resolveReportsOf(id, { resolvedAt: at, resolvedBy: auth.user.id, resolution: 'hidden' }, tx);
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: body.hidden ? 'solution.hidden' : 'solution.restored',
            targetType: 'solution',
            targetId: id,
            detail: { reason: body.reason ?? null },
          },
          tx,
        );
      });
      return view(id, { lang, auth });
    },

    async resolveReport(reportId: string, auth: AuthContext, body: ResolveReportBody) {
      if (!auth.user.isPlatformAdmin) throw forbidden();
      const at = now();
      await transaction(async (tx) => {
        const report = await repo.findReportForUpdate(reportId, tx);
        if (!report) throw notFound();
        if (report.resolvedAt) throw conflict('error.solution_report_resolved');
        if (body.resolution === 'hidden') {
          await repo.update(report.solutionId, { hidden: true, hiddenAt: at, hiddenBy: auth.user.id, hiddenReason: report.reason, updatedAt: at }, tx);
          await repo.resolveReportsOf(report.solutionId, { resolvedAt: at, resolvedBy: auth.user.id, resolution: 'hidden' }, tx);
        } else {
          await repo.resolveReport(reportId, { resolvedAt: at, resolvedBy: auth.user.id, resolution: 'dismissed' }, tx);
        }
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: body.resolution === 'hidden' ? 'solution.hidden' : 'solution.report_dismissed',
            targetType: 'solution',
            targetId: report.solutionId,
            detail: { reportId },
          },
          tx,
        );
      });
    },

    /** Published and withdrawn solutions as open data (hidden ones left out; examples only with EXAMPLE_DATA=on). */
    async exportRecords(example?: 'include' | 'exclude'): Promise<SolutionExport> {
      const filter = { includeExamples: exampleData && example !== 'exclude', includeHidden: false };
      const items: SolutionExportRecord[] = [];
      for (let offset = 0; ; offset += 500) {
        const { rows } = await repo.list(filter, { offset, limit: 500, sort: 'newest' });
        if (rows.length === 0) break;
        const ids = rows.map((r) => r.id);
        const [owners, adopters] = await Promise.all([repo.owners(ids), repo.adopters(ids)]);
        const contacts = await accounts.names(rows.flatMap((r) => (r.contactPublic && r.contactUserId ? [r.contactUserId] : [])));
        for (const row of rows) {
          items.push(
            await exportRecord(
              row,
              owners.filter((o) => o.solutionId === row.id),
              adopters.filter((a) => a.solutionId === row.id),
              row.contactUserId ? (contacts.get(row.contactUserId) ?? null) : null,
            ),
          );
        }
        if (rows.length < 500) break;
      }
      return {
        generatedAt: now().toISOString(),
        licence:
          'Facts of the seeded solutions (title, owners, scheme, year, amount, source address): CC BY 4.0, credit “Varde, compiled from public sources” (data/SOURCES.md). Texts written by the owners: not stated; each solution’s reuse terms are in `legal`.',
        fields: exportFieldDocs,
        items,
      };
    },

    async exportCsv(example?: 'include' | 'exclude'): Promise<string> {
      const { items } = await this.exportRecords(example);
      return exportCsv(items);
    },

    /** Replaces the example solutions with `count` made from `seed` (flagged, shown only with EXAMPLE_DATA=on). */
    async replaceExamples(seed: number, count: number): Promise<number> {
      const [orgs, info] = await Promise.all([repo.municipalityOrganisations(), municipalityInfo()]);
      const codes = [...info.keys()].filter((code) => orgs.has(code)).sort();
      const made = exampleSolutions({ seed, count, municipalities: codes, thisYear: now().getUTCFullYear() });
      await transaction(async (tx) => {
        await repo.deleteExamples(tx);
        const ids = await repo.insertSolutions(
          made.map((m) => ({
            status: 'published' as const,
            version: 1,
            content: m.content,
            language: m.content.language,
            title: m.content.title,
            summary: m.content.summary,
            problem: m.content.problem,
            whatWasDone: m.content.whatWasDone,
            maturity: m.content.maturity,
            themes: m.content.themes,
            year: m.content.year,
            draft: m.content,
            draftPending: false,
            isExample: true,
            createdAt: m.publishedAt,
            firstPublishedAt: m.publishedAt,
            publishedAt: m.publishedAt,
            updatedAt: now(),
          })),
          tx,
        );
        await repo.insertVersions(
          made.map((m, i) => ({ solutionId: ids[i]!, version: 1, content: m.content, publishedAt: m.publishedAt, note: null })),
          tx,
        );
        await repo.insertOwnerRows(
          made.flatMap((m, i) => m.ownerCodes.map((code) => ({ solutionId: ids[i]!, organisationId: orgs.get(code)!, addedAt: m.publishedAt }))),
          tx,
        );
        await repo.insertAdoptions(
          made.flatMap((m, i) =>
            m.adoptions.map((a) => ({
              solutionId: ids[i]!,
              organisationId: orgs.get(a.code)!,
              municipalityCode: a.code,
              state: a.state,
              date: a.date,
              startedOn: a.startedOn,
              isExample: true,
              updatedAt: now(),
            })),
          ),
          tx,
        );
      });
      return made.length;
    },

    emptyContent,
  };
}

export type SolutionService = ReturnType<typeof createSolutionService>;
