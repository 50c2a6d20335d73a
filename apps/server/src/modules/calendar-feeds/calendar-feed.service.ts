/**
 * Each member's own secret address of the calendar feed of the schemes their municipality follows
 * (its pipeline). Only a hash of the token is stored; the address hangs on the membership, so
 * removing the member deletes it. The shared addresses organisations had before are recognised, to
 * answer with where to get a personal one.
 */
import { randomBytes } from 'node:crypto';
import { translate, type Language } from '@varde/contracts';
import { forbidden } from '../../core/app-error';
import { sha256 } from '../../core/crypto';
import type { RunInTransaction } from '../../core/transaction';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { PipelineService } from '../pipeline/pipeline.service';
import type { CalendarFeedRepository } from './calendar-feed.repository';

type FeedLookup =
  | { kind: 'feed'; organisationId: string; organisationName: string; countyCode: string | null; schemeIds: Set<string> }
  | { kind: 'retired'; organisationId: string; organisationName: string };

export function createCalendarFeedService(deps: {
  transaction: RunInTransaction;
  repo: CalendarFeedRepository;
  organisations: OrganisationService;
  pipeline: PipelineService;
  catalogue: CatalogueService;
}) {
  const { transaction, repo, organisations, pipeline, catalogue } = deps;

  async function organisationNamed(organisationId: string | undefined) {
    if (!organisationId) return undefined;
    const name = (await organisations.names([organisationId])).get(organisationId);
    return name === undefined ? undefined : { organisationId, organisationName: name };
  }

  /**
   * What a feed token opens: a member's feed (the organisation and the schemes it follows), a
   * retired shared address of the organisation (answered with 410), or null for an unknown token.
   */
  async function followedBy(token: string): Promise<FeedLookup | null> {
    const tokenHash = sha256(token);
    const feed = await organisationNamed(await repo.organisationOfFeed(tokenHash));
    if (!feed) {
      const retired = await organisationNamed(await repo.organisationOfRetired(tokenHash));
      return retired ? { kind: 'retired', ...retired } : null;
    }
    const [organisation, schemeIds] = await Promise.all([
      organisations.requireOrganisation(feed.organisationId),
      pipeline.followedSchemeIds(feed.organisationId),
    ]);
    // A municipality's feed leaves out other counties' rounds of the schemes it follows.
    return { kind: 'feed', ...feed, countyCode: organisation.municipalityCode ? organisation.countyCode : null, schemeIds };
  }

  return {
    /** Whether this member has their own feed address for the organisation (never the address itself). */
    async feedState(organisationId: string, userId: string) {
      const row = await repo.find(organisationId, userId);
      return { exists: !!row, createdAt: row?.createdAt.toISOString() ?? null };
    },

    /**
     * Creates or replaces this member's secret feed address; their old address stops working at once,
     * other members' addresses are untouched. The row hangs on the membership (foreign key, cascade),
     * so removing the member deletes it; a membership removed meanwhile is refused, not re-created.
     */
    async rotateFeed(organisationId: string, userId: string, publicUrl: string) {
      const token = randomBytes(24).toString('base64url');
      const createdAt = new Date();
      const tokenHash = sha256(token);
      const saved = await transaction(async (tx) => {
        if (!(await organisations.lockMembership(organisationId, userId, tx))) return false;
        await repo.save({ organisationId, userId, tokenHash, createdAt }, tx);
        return true;
      });
      if (!saved) throw forbidden();
      return { url: `${publicUrl.replace(/\/$/, '')}/api/calendar/feeds/${token}.ics`, createdAt: createdAt.toISOString() };
    },

    /**
     * The calendar behind a feed token, in the request's language (`lang`): the deadlines of the schemes
     * the organisation follows (for a municipality, its own county's rounds); for a retired shared address, the organisation (to say where to get a
     * personal address); null for an unknown token.
     */
    async calendar(token: string, lang: Language) {
      const followed = await followedBy(token);
      if (followed?.kind !== 'feed') return followed;
      const ics = await catalogue.calendar({
        name: translate(lang, 'calendar.followedName', { organisation: followed.organisationName }),
        lang,
        schemeIds: followed.schemeIds,
        countyCode: followed.countyCode,
      });
      return { kind: 'feed' as const, ics };
    },
  };
}

export type CalendarFeedService = ReturnType<typeof createCalendarFeedService>;
