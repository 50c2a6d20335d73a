/**
 * A municipality's pipeline: where it stands with a scheme or one of its calls. Private to the
 * organisation's members; routes check membership, and every query is scoped by the organisation id
 * from the route.
 */
import { FieldErrorCode, type Language } from '@varde/contracts';
import type { PipelineItem, PipelineUpsert } from '@varde/contracts/pipeline-api';
import type { Deadline, LocalizedText } from '@varde/contracts/schemes';
import { statusesBeforeOpening, type PipelineStatus } from '@varde/contracts/vocabulary';
import { deadlineInstant } from '@varde/domain/calls';
import { fieldErrors, notFound, type PendingFieldError } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import { pick } from '../../core/localized-text';
import type { AccountService } from '../auth/account.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { PipelineRepository } from './pipeline.repository';

/** Statuses of items still working towards a deadline: they get deadline reminders. */
const remindedStatuses: PipelineStatus[] = ['interested', 'preparing'];

/** An item's deadline as deadline reminders read it. */
export interface UpcomingDeadline {
  itemId: string;
  organisationId: string;
  schemeName: LocalizedText;
  callTitle: LocalizedText;
  /** The deadline as its source states it: the Oslo day, and the time only when a source states it. */
  deadline: Pick<Deadline, 'date' | 'time'>;
  /** When the call closes, as an ISO instant: the stated time in Oslo, or the end of that Oslo day. */
  closesAt: string;
  status: PipelineStatus;
  assigneeUserId: string | null;
}

/** Statuses of schemes a municipality follows: their deadlines go into its calendar feed. */
const followedStatuses = new Set<PipelineStatus>(['interested', 'preparing', 'applied']);

/** One status per scheme: the scheme-wide item wins; otherwise the most recently changed call item. */
function schemeStatuses(items: { schemeId: string; callId: string; status: PipelineStatus; updatedAt: Date }[]) {
  const statuses = new Map<string, PipelineStatus>();
  const sorted = [...items].sort((a, b) => Number(a.callId === '') - Number(b.callId === '') || a.updatedAt.getTime() - b.updatedAt.getTime());
  for (const item of sorted) statuses.set(item.schemeId, item.status);
  return statuses;
}

export function createPipelineService(deps: {
  repo: PipelineRepository;
  catalogue: CatalogueService;
  organisations: OrganisationService;
  accounts: AccountService;
}) {
  const { repo, catalogue, organisations, accounts } = deps;

  async function list(organisationId: string, lang: Language): Promise<PipelineItem[]> {
    const cat = await catalogue.catalogue();
    const rows = await repo.list(organisationId);
    const people = await accounts.names([...new Set(rows.flatMap((r) => [r.assigneeUserId, r.updatedBy]).filter((id): id is string => !!id))]);
    return rows
      .map((r) => {
        const scheme = cat.byId.get(r.schemeId)?.data;
        // Calls of every round: an item stays readable whatever the call (and ended schemes' items remain).
        const call = r.callId && scheme ? catalogue.calls(scheme).find((c) => c.id === r.callId) : undefined;
        const nextDeadline = call?.deadline ? deadlineInstant(call.deadline).toISOString() : null;
        return {
          id: r.id,
          schemeId: r.schemeId,
          schemeName: scheme ? pick(scheme.name, lang) : r.schemeId,
          callId: r.callId,
          callTitle: call ? pick(call.title, lang) : null,
          deadline: nextDeadline,
          callDeadline: call?.deadline ?? null,
          callStatus: call?.status ?? null,
          callPredicted: call?.predicted ?? false,
          status: r.status,
          assignee: r.assigneeUserId ? { id: r.assigneeUserId, name: people.get(r.assigneeUserId) ?? '' } : null,
          notes: r.notes,
          updatedAt: r.updatedAt.toISOString(),
          updatedBy: r.updatedBy && people.has(r.updatedBy) ? { name: people.get(r.updatedBy)! } : null,
        };
      })
      .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.schemeName.localeCompare(b.schemeName, 'nb'));
  }

  return {
    list,

    async upsert(actor: AuthContext, organisationId: string, body: PipelineUpsert, lang: Language): Promise<PipelineItem> {
      const cat = await catalogue.catalogue();
      const scheme = cat.byId.get(body.schemeId)?.data;
      const problems: PendingFieldError[] = [];
      if (!scheme) problems.push({ path: 'schemeId', code: FieldErrorCode.invalidValue });
      const callId = body.callId ?? '';
      const call = scheme && callId ? catalogue.calls(scheme).find((c) => c.id === callId) : undefined;
      if (scheme && callId && !call) problems.push({ path: 'callId', code: FieldErrorCode.invalidValue });
      // A call not open yet (announced to open later, or expected): nobody has applied, been granted or turned down.
      if (call?.status === 'forecast' && !statusesBeforeOpening.includes(body.status)) problems.push({ path: 'status', code: FieldErrorCode.callNotOpen });
      if (body.assigneeUserId && !(await organisations.isMember(organisationId, body.assigneeUserId))) {
        problems.push({ path: 'assigneeUserId', code: FieldErrorCode.invalidValue });
      }
      if (problems.length) throw fieldErrors(...problems);

      const id = await repo.upsert(
        { organisationId, schemeId: body.schemeId, callId },
        {
          status: body.status,
          ...(body.assigneeUserId !== undefined ? { assigneeUserId: body.assigneeUserId } : {}),
          ...(body.notes !== undefined ? { notes: body.notes } : {}),
          updatedAt: new Date(),
          updatedBy: actor.user.id,
        },
      );
      return (await list(organisationId, lang)).find((i) => i.id === id)!;
    },

    async remove(organisationId: string, itemId: string) {
      if (!(await repo.remove(organisationId, itemId))) throw notFound();
    },

    /**
     * Deadline reminders read items' deadlines here, and nowhere else: each item for a call that its
     * municipality is interested in or preparing, with the call's announced deadline still ahead of
     * `from`. Only calls stored in the catalogue count (they carry real, announced dates); a forecast
     * call is computed, never stored, so an item for one gets no reminder.
     */
    async upcomingDeadlines(from: Date): Promise<UpcomingDeadline[]> {
      const [cat, rows] = await Promise.all([catalogue.catalogue(), repo.callItemsWithStatus(remindedStatuses)]);
      return rows.flatMap((r) => {
        const scheme = cat.byId.get(r.schemeId)?.data;
        const call = scheme?.calls.find((c) => c.id === r.callId);
        // A call without a published deadline gets no reminder.
        if (!scheme || !call?.deadline) return [];
        const closesAt = deadlineInstant(call.deadline);
        if (closesAt.getTime() <= from.getTime()) return [];
        return [
          {
            itemId: r.id,
            organisationId: r.organisationId,
            schemeName: scheme.name,
            callTitle: call.title,
            deadline: { date: call.deadline.date, time: call.deadline.time },
            closesAt: closesAt.toISOString(),
            status: r.status,
            assigneeUserId: r.assigneeUserId,
          },
        ];
      });
    },

    /** The organisation's status for each scheme in its pipeline (for the finder). */
    async statuses(organisationId: string): Promise<Map<string, PipelineStatus>> {
      return schemeStatuses(await repo.statuses(organisationId));
    },

    /** The schemes the organisation follows (interested, preparing, applied): its calendar feed. */
    async followedSchemeIds(organisationId: string): Promise<Set<string>> {
      const items = await repo.statuses(organisationId);
      return new Set(items.filter((i) => followedStatuses.has(i.status)).map((i) => i.schemeId));
    },
  };
}

export type PipelineService = ReturnType<typeof createPipelineService>;
