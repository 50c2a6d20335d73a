/**
 * Reports that a participation record is wrong: an administrator of the record's municipality
 * reports it with a reason (and a source, if they have one), at most `openFlagsPerUser` open at a
 * time; the advisers of its county and platform administrators see the open reports on a work list
 * and resolve them (corrected or dismissed, with a note), audited. The record says it is reported
 * as possibly wrong until then.
 */
import { ErrorCode, type Language } from '@varde/contracts';
import type { Flag, FlagBody, FlagList, ResolveFlagBody } from '@varde/contracts/participation-api';
import { participationLimits as L } from '@varde/contracts/participation-vocabulary';
import { AppError, conflict, forbidden, notFound } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { RunInTransaction } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { AuditService } from '../audit/audit.service';
import type { OrganisationService } from '../organisations/organisation.service';
import { adviserScope, advises, mayFlag } from './access';
import type { FlagRow, ParticipationRepository, RecordRow } from './participation.repository';
import type { ParticipationService } from './participation.service';

export function createFlagService(deps: {
  transaction: RunInTransaction;
  repo: ParticipationRepository;
  participation: ParticipationService;
  organisations: OrganisationService;
  accounts: AccountService;
  audit: AuditService;
  now?: () => Date;
}) {
  const { transaction, repo, participation, organisations, accounts, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function views(rows: { flag: FlagRow; record: RecordRow }[], lang: Language): Promise<Flag[]> {
    const [names, schemes] = await Promise.all([participation.municipalityNames(), participation.directory()]);
    const people = await accounts.names([...new Set(rows.flatMap(({ flag }) => (flag.createdBy ? [flag.createdBy] : [])))]);
    const organisationNames = await organisations.names([...new Set(rows.flatMap(({ flag }) => (flag.organisationId ? [flag.organisationId] : [])))]);
    return rows.map(({ flag, record }) => ({
      id: flag.id,
      recordId: record.id,
      record: {
        schemeName: schemes.displayName(record, lang),
        year: record.year,
        municipalityCode: record.municipalityCode,
        municipalityName: names.get(record.municipalityCode)?.name ?? record.municipalityCode,
      },
      reason: flag.reason,
      sourceUrl: flag.sourceUrl,
      createdAt: flag.createdAt.toISOString(),
      createdBy: { name: flag.createdBy ? (people.get(flag.createdBy) ?? null) : null },
      organisationName: flag.organisationId ? (organisationNames.get(flag.organisationId) ?? null) : null,
      resolvedAt: flag.resolvedAt?.toISOString() ?? null,
      resolution: flag.resolution,
      resolutionNote: flag.resolutionNote,
    }));
  }

  return {
    async flag(auth: AuthContext, recordId: string, body: FlagBody): Promise<void> {
      const record = await repo.find(recordId);
      if (!record || record.isExample) throw notFound('error.participation_not_found');
      const place = (await participation.municipalityNames()).get(record.municipalityCode);
      if (!mayFlag({ auth, advised: new Set() }, { municipalityCode: record.municipalityCode, countyCode: place?.countyCode ?? '', isExample: false }))
        throw forbidden();
      const organisationId = auth.memberships.find(
        (m) => m.organisationType === 'municipality' && m.municipalityCode === record.municipalityCode,
      )!.organisationId;
      await transaction(async (tx) => {
        // Counted under a lock per user, so two reports sent at once cannot pass the limit together.
        await repo.lockFlagsOf(auth.user.id, tx);
        if ((await repo.countOpenFlagsBy(auth.user.id, tx)) >= L.openFlagsPerUser) {
          throw new AppError(ErrorCode.conflict, 'error.participation_flag_limit', { limit: L.openFlagsPerUser });
        }
        const id = await repo.insertFlag(
          { recordId, createdBy: auth.user.id, organisationId, reason: body.reason.trim(), sourceUrl: body.sourceUrl ?? null },
          tx,
        );
        await audit.record(
          { actorUserId: auth.user.id, action: 'participation.flagged', organisationId, targetType: 'participation_flag', targetId: id, detail: { recordId } },
          tx,
        );
      });
    },

    /** The open reports of records in the caller's counties (every county for platform administrators). */
    async list(auth: AuthContext, lang: Language, open = true): Promise<FlagList> {
      const scope = adviserScope(await participation.access(auth));
      return { items: await views(await repo.listFlags({ municipalities: scope ? [...scope] : null, open }), lang) };
    },

    async resolve(auth: AuthContext, flagId: string, body: ResolveFlagBody): Promise<void> {
      // Read before the transaction: on the embedded database a query outside it would wait for it.
      const [names, access] = await Promise.all([participation.municipalityNames(), participation.access(auth)]);
      await transaction(async (tx) => {
        const found = await repo.findFlagForUpdate(flagId, tx);
        if (!found) throw notFound();
        const place = names.get(found.record.municipalityCode);
        if (!advises(access, { municipalityCode: found.record.municipalityCode, countyCode: place?.countyCode ?? '' })) throw forbidden();
        if (found.flag.resolvedAt) throw conflict('error.participation_flag_resolved');
        await repo.resolveFlag(
          flagId,
          { resolvedAt: now(), resolvedBy: auth.user.id, resolution: body.resolution, resolutionNote: body.note?.trim() || null },
          tx,
        );
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: 'participation.flag_resolved',
            organisationId: found.flag.organisationId,
            targetType: 'participation_flag',
            targetId: flagId,
            detail: { recordId: found.record.id, resolution: body.resolution },
          },
          tx,
        );
      });
    },
  };
}

export type FlagService = ReturnType<typeof createFlagService>;
