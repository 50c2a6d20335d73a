/**
 * Checks in Varde (ADR 005, addition "Checks and reports"): a member of the organisation that
 * maintains a scheme, or a platform admin, records that they compared fact groups of the scheme with
 * its sources today. Only the newest check of each group is kept (with who, when and the version
 * checked), in a table of its own, so a catalogue release that replaces the document keeps it. The
 * shipped files never say "checked": a scheme's page shows the checks made here, and flags groups
 * not checked for 12 months.
 */
import { ErrorCode, FieldErrorCode } from '@varde/contracts';
import type { SchemeCheck, SchemeCheckCreate, SchemeCheckList } from '@varde/contracts/provenance-api';
import type { Scheme } from '@varde/contracts/schemes';
import { factGroups, schemeFactGroups, type FactGroup } from '@varde/contracts/vocabulary';
import { osloDate } from '@varde/domain/calls';
import { AppError, fieldErrors, type PendingFieldError } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { RunInTransaction } from '../../core/transaction';
import type { AuditService } from '../audit/audit.service';
import type { AccountService } from '../auth/account.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { isStale, maintains } from './provenance-rules';
import type { CheckRow, SourceCheckRepository } from './source-check.repository';

/** One fact group on a scheme's page: the Oslo day of its newest check, and whether that is over 12 months ago. */
export interface GroupCheckState {
  group: FactGroup;
  checkedOn: string | null;
  stale: boolean;
}

const order = (group: string) => factGroups.indexOf(group as FactGroup);

export function createSourceCheckService(deps: {
  transaction: RunInTransaction;
  repo: SourceCheckRepository;
  catalogue: CatalogueService;
  accounts: AccountService;
  audit: AuditService;
  now?: () => Date;
}) {
  const { transaction, repo, catalogue, accounts, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function answer(scheme: Scheme, rows: CheckRow[], showNames: boolean): Promise<SchemeCheckList> {
    // Checks of a group the scheme no longer has (its rounds were removed) are kept but not shown.
    const groups = new Set<string>(schemeFactGroups(scheme));
    const shown = rows.filter((r) => groups.has(r.factGroup)).sort((a, b) => order(a.factGroup) - order(b.factGroup));
    const names = await accounts.names([...new Set(shown.flatMap((r) => (r.checkedBy ? [r.checkedBy] : [])))]);
    const items: SchemeCheck[] = shown.map((r) => {
      const name = r.checkedBy ? names.get(r.checkedBy) : undefined;
      return {
        group: r.factGroup as FactGroup,
        checkedAt: r.checkedAt.toISOString(),
        checkedBy: name === undefined ? null : { name: showNames ? name : null },
        version: r.schemeVersion,
      };
    });
    const newest = shown.reduce<Date | null>((max, r) => (max && max >= r.checkedAt ? max : r.checkedAt), null);
    return { lastCheckedAt: newest?.toISOString() ?? null, items };
  }

  return {
    /** Changes whenever a check is recorded. */
    stamp: () => repo.stamp(),

    /** The newest check of each group of the scheme; the checkers' names for `showNames` (signed-in callers) only. */
    async list(schemeId: string, { showNames }: { showNames: boolean }): Promise<SchemeCheckList> {
      const row = await catalogue.requireRow(schemeId);
      return answer(row.data, await repo.ofScheme(schemeId), showNames);
    },

    /**
     * Records that the caller compared these groups with the scheme's sources today, replacing each
     * group's earlier check; audited in the owner organisation's change log.
     */
    async record(auth: AuthContext, schemeId: string, body: SchemeCheckCreate): Promise<SchemeCheckList> {
      const row = await catalogue.requireRow(schemeId);
      if (!maintains(auth, row.ownerOrganisationId)) throw new AppError(ErrorCode.forbidden, 'error.not_scheme_owner');
      const known = new Set<string>(schemeFactGroups(row.data));
      const problems: PendingFieldError[] = body.groups.flatMap((group, i) =>
        known.has(group) ? [] : [{ path: `groups.${i}`, code: FieldErrorCode.invalidValue }],
      );
      if (body.groups.length === 0) problems.push({ path: 'groups', code: FieldErrorCode.required });
      if (problems.length) throw fieldErrors(...problems);
      const groups = [...new Set(body.groups)].sort((a, b) => order(a) - order(b));
      const at = now();
      await transaction(async (tx) => {
        await repo.record({ schemeId, groups, userId: auth.user.id, version: row.version, at }, tx);
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: 'scheme.facts_checked',
            organisationId: row.ownerOrganisationId,
            targetType: 'scheme',
            targetId: schemeId,
            detail: { name: row.data.name.nb, groups, version: row.version },
          },
          tx,
        );
      });
      return answer(row.data, await repo.ofScheme(schemeId), true);
    },

    /**
     * For the scheme's page: each group's newest check as an Oslo day and whether it is over 12 months
     * old, and the Oslo day of the newest check of any group (null: never checked in Varde).
     */
    async pageState(scheme: Scheme): Promise<{ lastCheckedOn: string | null; groups: GroupCheckState[] }> {
      const rows = new Map((await repo.ofScheme(scheme.id)).map((r) => [r.factGroup, r]));
      const at = now();
      const groups = schemeFactGroups(scheme).map((group) => {
        const checkedAt = rows.get(group)?.checkedAt ?? null;
        return { group, checkedOn: checkedAt ? osloDate(checkedAt) : null, stale: isStale(checkedAt, at), at: checkedAt };
      });
      const newest = groups.reduce<Date | null>((max, g) => (g.at && (!max || g.at > max) ? g.at : max), null);
      return { lastCheckedOn: newest ? osloDate(newest) : null, groups: groups.map(({ at: _at, ...g }) => g) };
    },
  };
}

export type SourceCheckService = ReturnType<typeof createSourceCheckService>;
