/**
 * Condition confirmations (ADR 009): a member states that their municipality meets a condition it can
 * fulfil — a partner, collaboration, political anchoring, own funding, a membership, a scheme's own
 * condition. Private to the municipality's organisation, like the pipeline; the finder's verdicts for
 * the members' own municipality rest on the unexpired ones.
 *
 * A confirmation made for a call expires at that call's deadline instant, otherwise 12 months after it
 * was made. Confirming the same condition again replaces the old row. An organisation keeps at most
 * `CONFIRMATIONS_PER_ORGANISATION`, counted and written under a lock.
 */
import { ErrorCode, FieldErrorCode } from '@varde/contracts';
import type { Confirmation, ConfirmationCreate } from '@varde/contracts/confirmations-api';
import type { Scheme } from '@varde/contracts/schemes';
import { deadlineInstant } from '@varde/domain/calls';
import { type ConfirmationFact, schemeConditions } from '@varde/domain/eligibility';
import { roundFor, rulesFor } from '@varde/domain/rounds';
import { AppError, fieldErrors, forbidden, notFound, type PendingFieldError } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { RunInTransaction } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { ConfirmationRepository, ConfirmationRow } from './confirmation.repository';

/** The most confirmations one organisation keeps (expired ones are removed before counting). */
export const CONFIRMATIONS_PER_ORGANISATION = 500;

/** How long a confirmation made without a call holds. */
const VALID_MONTHS = 12;

const MEMBERSHIP_PREFIX = 'membership:';

/** `confirmedAt` plus 12 calendar months (the last day of a shorter month when the day is missing). */
export function twelveMonthsAfter(at: Date): Date {
  const result = new Date(at);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + VALID_MONTHS);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The condition ids a scheme asks of a municipality in this county (its round's rules, else the scheme's). */
function conditionsFor(scheme: Scheme, countyCode: string) {
  const { round } = roundFor(scheme, countyCode);
  const { applicants, funding } = rulesFor(scheme, round);
  return schemeConditions(applicants, funding);
}

/** The membership condition ids (`membership:<key>`) any rules of the scheme ask for: its own or a round's. */
function membershipIds(scheme: Scheme): string[] {
  const rules = [rulesFor(scheme, null), ...scheme.rounds.map((r) => rulesFor(scheme, r))];
  return [...new Set(rules.flatMap(({ applicants, funding }) => schemeConditions(applicants, funding).flatMap((c) => (c.membership ? [c.membership] : []))))];
}

export function createConfirmationService(deps: {
  transaction: RunInTransaction;
  repo: ConfirmationRepository;
  catalogue: CatalogueService;
  organisations: OrganisationService;
  municipalities: MunicipalityService;
  accounts: AccountService;
  now?: () => Date;
}) {
  const { transaction, repo, catalogue, organisations, municipalities, accounts } = deps;
  const now = deps.now ?? (() => new Date());

  async function withNames(rows: ConfirmationRow[]): Promise<Array<ConfirmationRow & { confirmedByName: string | null }>> {
    const names = await accounts.names([...new Set(rows.flatMap((r) => (r.confirmedBy ? [r.confirmedBy] : [])))]);
    return rows.map((r) => ({ ...r, confirmedByName: r.confirmedBy ? (names.get(r.confirmedBy) ?? null) : null }));
  }

  const toConfirmation = (r: ConfirmationRow & { confirmedByName: string | null }): Confirmation => ({
    id: r.id,
    schemeId: r.schemeId,
    conditionId: r.conditionId,
    callId: r.callId,
    confirmedAt: r.confirmedAt.toISOString(),
    confirmedBy: r.confirmedByName === null ? null : { name: r.confirmedByName },
    expiresAt: r.expiresAt.toISOString(),
  });

  /** The municipality behind an organisation: confirmations belong to municipality organisations only. */
  async function municipalityOf(organisationId: string) {
    const organisation = await organisations.requireOrganisation(organisationId);
    if (!organisation.municipalityCode) throw new AppError(ErrorCode.forbidden, 'error.confirmations_municipality_only');
    return municipalities.get(organisation.municipalityCode);
  }

  /** Checks the body against the catalogue: field errors, or the expiry the confirmation gets. */
  async function validate(body: ConfirmationCreate, countyCode: string, at: Date): Promise<{ expiresAt: Date; callId: string | null }> {
    const cat = await catalogue.catalogue();
    const problems: PendingFieldError[] = [];
    const callId = body.callId ?? null;
    let expiresAt = twelveMonthsAfter(at);
    const isMembership = body.conditionId.startsWith(MEMBERSHIP_PREFIX);

    if (body.schemeId === null) {
      // A membership, shared by every scheme asking for it.
      if (!isMembership) problems.push({ path: 'schemeId', code: FieldErrorCode.required });
      else if (!cat.schemes.some((s) => membershipIds(s).includes(body.conditionId))) problems.push({ path: 'conditionId', code: FieldErrorCode.invalidValue });
      if (callId !== null) problems.push({ path: 'callId', code: FieldErrorCode.invalidValue });
    } else {
      const scheme = cat.byId.get(body.schemeId)?.data;
      if (!scheme) problems.push({ path: 'schemeId', code: FieldErrorCode.invalidValue });
      else {
        // Memberships are confirmed once per municipality (schemeId null), never per scheme.
        const conditions = conditionsFor(scheme, countyCode).filter((c) => c.kind !== 'membership');
        if (isMembership || !conditions.some((c) => c.id === body.conditionId)) problems.push({ path: 'conditionId', code: FieldErrorCode.invalidValue });
        if (callId !== null) {
          const call = scheme.calls.find((c) => c.id === callId);
          const deadline = call?.deadline ? deadlineInstant(call.deadline) : null;
          // A call whose deadline has passed has nothing left to confirm for.
          if (!call || (deadline && deadline.getTime() <= at.getTime())) problems.push({ path: 'callId', code: FieldErrorCode.invalidValue });
          else if (deadline) expiresAt = deadline;
        }
      }
    }
    if (problems.length) throw fieldErrors(...problems);
    return { expiresAt, callId };
  }

  return {
    /**
     * The organisation's unexpired confirmations, oldest first; with `schemeId`, that scheme's and the
     * memberships it asks for.
     */
    async list(organisationId: string, schemeId?: string): Promise<Confirmation[]> {
      const filter: { schemeId?: string; membershipIds?: string[] } = {};
      if (schemeId !== undefined) {
        const scheme = (await catalogue.catalogue()).byId.get(schemeId)?.data;
        filter.schemeId = schemeId;
        filter.membershipIds = scheme ? membershipIds(scheme) : [];
      }
      return (await withNames(await repo.active(organisationId, now(), filter))).map(toConfirmation);
    },

    /**
     * Confirms a condition for the organisation's municipality, replacing an earlier confirmation of the
     * same condition. Runs under the organisation's confirmation lock with the caller's membership held:
     * expired rows go, then the limit is counted (a replacement always fits).
     */
    async save(actor: AuthContext, organisationId: string, body: ConfirmationCreate): Promise<Confirmation> {
      const municipality = await municipalityOf(organisationId);
      const at = now();
      const { expiresAt, callId } = await validate(body, municipality.countyCode, at);
      const key = { organisationId, schemeId: body.schemeId, conditionId: body.conditionId };
      const row = await transaction(async (tx) => {
        if (!(await organisations.lockMembership(organisationId, actor.user.id, tx))) throw forbidden();
        await repo.lock(organisationId, tx);
        await repo.deleteExpired(organisationId, at, tx);
        const existing = await repo.findKey(key, tx);
        if (!existing && (await repo.count(organisationId, tx)) >= CONFIRMATIONS_PER_ORGANISATION) {
          throw new AppError(ErrorCode.conflict, 'error.confirmation_limit', { limit: CONFIRMATIONS_PER_ORGANISATION });
        }
        return repo.save({ ...key, callId, confirmedBy: actor.user.id, confirmedAt: at, expiresAt }, existing?.id ?? null, tx);
      });
      return toConfirmation({ ...row, confirmedByName: actor.user.name });
    },

    async remove(organisationId: string, confirmationId: string) {
      if (!(await repo.remove(organisationId, confirmationId))) throw notFound();
    },

    /** The unexpired confirmations of a municipality's organisation as the eligibility engine reads them. */
    async facts(organisationId: string): Promise<ConfirmationFact[]> {
      const rows = await withNames(await repo.active(organisationId, now()));
      return rows.map((r) => ({
        id: r.id,
        schemeId: r.schemeId,
        conditionId: r.conditionId,
        callId: r.callId,
        confirmedAt: r.confirmedAt.toISOString(),
        confirmedByName: r.confirmedByName,
        expiresAt: r.expiresAt.toISOString(),
      }));
    },
  };
}

export type ConfirmationService = ReturnType<typeof createConfirmationService>;
