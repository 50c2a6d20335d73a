/**
 * Reports of wrong or outdated facts (ADR 005, addition "Checks and reports"). A signed-in user
 * reports a fact group or a call of a scheme, with what is wrong and optionally where the right fact
 * is stated; a user has at most `factReportLimits.openPerUser` open reports, counted and written while
 * their row is locked. The members of the organisation that maintains the scheme and the platform
 * admins get a notification and find it on their work list; one of them resolves or rejects it,
 * audited, and the reporter is told. Until then the scheme's page says the group may be outdated,
 * without saying who reported it. Reports live in a table of their own, so a catalogue release keeps them.
 */
import { ErrorCode, FieldErrorCode, type Language } from '@varde/contracts';
import type { FactReport, FactReportCreate, FactReportList, FactReportResolve } from '@varde/contracts/provenance-api';
import type { Scheme } from '@varde/contracts/schemes';
import { factReportLimits, schemeFactGroups, type FactGroup, type FactReportStatus } from '@varde/contracts/vocabulary';
import { AppError, fieldErrors, notFound, type PendingFieldError } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import { pick } from '../../core/localized-text';
import type { RunInTransaction } from '../../core/transaction';
import type { AlertService } from '../alerts/alert.service';
import type { AuditService } from '../audit/audit.service';
import type { AccountService } from '../auth/account.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { FactReportRepository, ReportRow } from './fact-report.repository';
import { maintains } from './provenance-rules';

/** How many reports the work list shows at once. */
const LIST_LIMIT = 200;

/** The notification key of a report for its scheme's owners. */
const ownerNotificationKey = (reportId: string) => `fact_report:${reportId}`;

/** An `https:` or `http:` address, or null when it is not one. */
function webAddress(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function createFactReportService(deps: {
  transaction: RunInTransaction;
  repo: FactReportRepository;
  catalogue: CatalogueService;
  organisations: OrganisationService;
  accounts: AccountService;
  audit: AuditService;
  alerts: AlertService;
  now?: () => Date;
}) {
  const { transaction, repo, catalogue, organisations, accounts, audit, alerts } = deps;
  const now = deps.now ?? (() => new Date());

  /** Reports as the work list and the reporter see them, names and titles in `lang`. */
  async function present(rows: ReportRow[], lang: Language): Promise<FactReport[]> {
    const cat = await catalogue.catalogue();
    const names = await accounts.names([...new Set(rows.flatMap((r) => [r.reportedBy, r.resolvedBy].filter((id): id is string => !!id)))]);
    const person = (id: string | null) => {
      const name = id ? names.get(id) : undefined;
      return name === undefined ? null : { name };
    };
    return rows.map((r) => {
      const scheme = cat.byId.get(r.schemeId)?.data;
      const call = r.callId ? scheme?.calls.find((c) => c.id === r.callId) : undefined;
      return {
        id: r.id,
        schemeId: r.schemeId,
        schemeName: scheme ? pick(scheme.name, lang) : r.schemeId,
        group: r.factGroup as FactGroup,
        callId: r.callId,
        callTitle: call ? pick(call.title, lang) : null,
        text: r.text,
        sourceUrl: r.sourceUrl,
        status: r.status as FactReportStatus,
        reportedAt: r.reportedAt.toISOString(),
        reportedBy: person(r.reportedBy),
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        resolvedBy: person(r.resolvedBy),
        comment: r.resolutionComment,
      };
    });
  }

  /** Checks a report against the scheme: field errors, or the values to store. */
  function validate(scheme: Scheme, body: FactReportCreate) {
    const problems: PendingFieldError[] = [];
    const text = body.text.trim();
    if (!text) problems.push({ path: 'text', code: FieldErrorCode.blank });
    if (!schemeFactGroups(scheme).includes(body.group)) problems.push({ path: 'group', code: FieldErrorCode.invalidValue });
    const callId = body.callId ?? null;
    if (callId !== null && (body.group !== 'calls' || !scheme.calls.some((c) => c.id === callId)))
      problems.push({ path: 'callId', code: FieldErrorCode.invalidValue });
    const given = body.sourceUrl?.trim() ?? '';
    const sourceUrl = given ? webAddress(given) : null;
    if (given && !sourceUrl) problems.push({ path: 'sourceUrl', code: FieldErrorCode.invalidUrl });
    if (problems.length) throw fieldErrors(...problems);
    return { text, callId, sourceUrl };
  }

  return {
    /** Changes whenever a report is made or answered. */
    stamp: () => repo.stamp(),

    /** The groups and calls of the scheme with an open report, for its public page (nobody is named). */
    async openTargets(schemeId: string): Promise<{ groups: Set<FactGroup>; callIds: string[] }> {
      const rows = await repo.openTargets(schemeId);
      return {
        groups: new Set(rows.map((r) => r.factGroup as FactGroup)),
        callIds: [...new Set(rows.flatMap((r) => (r.callId ? [r.callId] : [])))].sort(),
      };
    },

    /**
     * Reports a fact group or call of a scheme as wrong or outdated. The reporter's open reports are
     * counted while their row is locked, so concurrent reports cannot pass the limit; the scheme's
     * owners and the platform admins are notified in the same transaction.
     */
    async create(auth: AuthContext, schemeId: string, body: FactReportCreate, lang: Language): Promise<FactReport> {
      const row = await catalogue.requireRow(schemeId);
      const values = validate(row.data, body);
      const userId = auth.user.id;
      const owners = row.ownerOrganisationId ? (await organisations.members(row.ownerOrganisationId)).map((m) => m.userId) : [];
      const saved = await transaction(async (tx) => {
        await accounts.lockUser(userId, tx);
        if ((await repo.countOpenBy(userId, tx)) >= factReportLimits.openPerUser) {
          throw new AppError(ErrorCode.conflict, 'error.fact_report_limit', { limit: factReportLimits.openPerUser });
        }
        const report = await repo.insert({ schemeId, factGroup: body.group, ...values, reportedBy: userId, reportedAt: now(), schemeVersion: row.version }, tx);
        const recipients = [...owners, ...(await accounts.platformAdminIds(tx))].filter((id) => id !== userId);
        await alerts.notify(
          recipients,
          {
            kind: 'fact_report',
            dedupeKey: ownerNotificationKey(report.id),
            payload: { schemeId, searchName: '', deadline: null, version: row.version, reportId: report.id, group: body.group, callId: values.callId },
          },
          tx,
        );
        return report;
      });
      return (await present([saved], lang))[0]!;
    },

    /**
     * The reports the caller may answer: of every scheme for a platform admin, else of the schemes their
     * organisations maintain. Open ones oldest first, or closed ones newest first.
     */
    async list(auth: AuthContext, status: 'open' | 'closed', lang: Language): Promise<FactReportList> {
      let schemeIds: string[] | null = null;
      if (!auth.user.isPlatformAdmin) {
        const own = new Set(auth.memberships.map((m) => m.organisationId));
        schemeIds = (await catalogue.catalogue()).rows.filter((r) => r.ownerOrganisationId && own.has(r.ownerOrganisationId)).map((r) => r.id);
        if (schemeIds.length === 0) return { items: [], total: 0 };
      }
      const { rows, total } = await repo.list({ schemeIds, status, limit: LIST_LIMIT });
      return { items: await present(rows, lang), total };
    },

    /**
     * Resolves or rejects an open report (a rejection says why), audited in the owner organisation's
     * change log; the owners' notifications of it are marked read and the reporter is told.
     */
    async resolve(auth: AuthContext, reportId: string, body: FactReportResolve, lang: Language): Promise<FactReport> {
      const found = await repo.find(reportId);
      if (!found) throw notFound('error.fact_report_not_found');
      const scheme = await catalogue.requireRow(found.schemeId);
      if (!maintains(auth, scheme.ownerOrganisationId)) throw new AppError(ErrorCode.forbidden, 'error.not_scheme_owner');
      const comment = body.comment?.trim() || null;
      if (body.outcome === 'rejected' && !comment) throw fieldErrors({ path: 'comment', code: FieldErrorCode.required });
      const closed = await transaction(async (tx) => {
        const report = await repo.lock(reportId, tx);
        if (!report) throw notFound('error.fact_report_not_found');
        if (report.status !== 'open') throw new AppError(ErrorCode.conflict, 'error.fact_report_answered');
        const updated = await repo.close(reportId, { status: body.outcome, resolvedBy: auth.user.id, resolvedAt: now(), comment }, tx);
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: `fact_report.${body.outcome}`,
            organisationId: scheme.ownerOrganisationId,
            targetType: 'fact_report',
            targetId: reportId,
            detail: { name: scheme.data.name.nb, schemeId: report.schemeId, group: report.factGroup, callId: report.callId },
          },
          tx,
        );
        await alerts.reportAnswered(ownerNotificationKey(reportId), tx);
        if (report.reportedBy && report.reportedBy !== auth.user.id) {
          await alerts.notify(
            [report.reportedBy],
            {
              kind: 'fact_report_closed',
              dedupeKey: `fact_report_closed:${reportId}`,
              payload: {
                schemeId: report.schemeId,
                searchName: '',
                deadline: null,
                version: scheme.version,
                reportId,
                group: report.factGroup,
                callId: report.callId,
                outcome: body.outcome,
                comment,
              },
            },
            tx,
          );
        }
        return updated;
      });
      return (await present([closed], lang))[0]!;
    },
  };
}

export type FactReportService = ReturnType<typeof createFactReportService>;
