/**
 * "Ask the people behind it": a member of another organisation asks a published solution's contact.
 * The thread is between the asking organisation and the contact's owner organisation and visible to
 * their members only (platform administrators included in the refusal). Each new message is unread
 * in the app for the other side and e-mailed to it: to the contact (or, when they left or there is
 * none, the owner organisation's administrators), or to the asker (or, when they left, the asking
 * organisation's administrators). Messages per user per day and per thread are bounded.
 */
import { ErrorCode } from '@varde/contracts';
import type { AskBody, MessageBody, QuestionThread, QuestionThreadList, QuestionThreadSummary, QuestionUnread } from '@varde/contracts/solutions-api';
import { solutionLimits as L, solutionPaths, type QuestionSide } from '@varde/contracts/solutions-vocabulary';
import { AppError, conflict, forbidden, notFound } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { Clock } from '../../core/clock';
import type { RunInTransaction, Tx } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { MailService } from '../mail/mail.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { SolutionRepository, ThreadRow } from './solution.repository';
import { currentOwners, USER_BOUND_LOCK_SPACE, type SolutionService } from './solution.service';

const DAY_MS = 24 * 60 * 60 * 1000;

export function createQuestionService(deps: {
  transaction: RunInTransaction;
  repo: SolutionRepository;
  solutions: SolutionService;
  organisations: OrganisationService;
  accounts: AccountService;
  mail: MailService;
  publicUrl: string;
  now: Clock;
}) {
  const { transaction, repo, solutions, organisations, accounts, mail, publicUrl, now } = deps;

  /** The caller's side of a thread, or null when they belong to neither organisation. */
  function sideOf(thread: ThreadRow, auth: AuthContext): QuestionSide | null {
    const ids = new Set(auth.memberships.map((m) => m.organisationId));
    if (ids.has(thread.askingOrganisationId)) return 'asker';
    if (ids.has(thread.ownerOrganisationId)) return 'owner';
    return null;
  }

  /** Who hears of a message on the other side: a person who is still a member, else the organisation's administrators. */
  async function recipientsFor(organisationId: string, person: string | null, except: string) {
    const members = await organisations.members(organisationId);
    const ids = person && members.some((m) => m.userId === person) ? [person] : members.filter((m) => m.role === 'admin').map((m) => m.userId);
    return [...(await accounts.recipients(ids.filter((id) => id !== except))).values()];
  }

  async function queueMail(p: { to: Awaited<ReturnType<typeof recipientsFor>>; title: string; organisation: string; threadId: string; by: string }, tx: Tx) {
    for (const r of p.to) {
      await mail.queueSolutionMail(
        {
          userId: r.id,
          to: r.email,
          name: r.name,
          language: r.language,
          kind: 'solution_question',
          title: p.title,
          organisation: p.organisation,
          url: `${publicUrl}${solutionPaths.thread(p.threadId)}`,
          createdBy: p.by,
        },
        tx,
      );
    }
  }

  /** Counted under a lock per user, so messages sent at once cannot pass the daily bound together. */
  async function checkBounds(userId: string, threadId: string | null, tx: Tx) {
    await repo.lockUser(userId, USER_BOUND_LOCK_SPACE, tx);
    if ((await repo.countMessagesSince(userId, new Date(now().getTime() - DAY_MS), tx)) >= L.messagesPerUserPerDay) {
      throw new AppError(ErrorCode.rateLimited, 'error.solution_message_limit', { limit: L.messagesPerUserPerDay });
    }
    if (threadId && (await repo.countMessagesIn(threadId, tx)) >= L.messagesPerThread) {
      throw new AppError(ErrorCode.conflict, 'error.solution_thread_full', { limit: L.messagesPerThread });
    }
  }

  async function summaries(rows: { thread: ThreadRow; title: string | null; draftTitle: string }[], userId: string): Promise<QuestionThreadSummary[]> {
    const [counts, names] = await Promise.all([
      repo.messageCounts(
        rows.map((r) => r.thread.id),
        userId,
      ),
      organisations.names([...new Set(rows.flatMap((r) => [r.thread.askingOrganisationId, r.thread.ownerOrganisationId]))]),
    ]);
    return rows.map(({ thread, title, draftTitle }) => ({
      id: thread.id,
      solutionId: thread.solutionId,
      solutionTitle: title ?? draftTitle,
      subject: thread.subject,
      askingOrganisation: { id: thread.askingOrganisationId, name: names.get(thread.askingOrganisationId) ?? '' },
      ownerOrganisation: { id: thread.ownerOrganisationId, name: names.get(thread.ownerOrganisationId) ?? '' },
      messages: counts.get(thread.id)?.total ?? 0,
      unread: counts.get(thread.id)?.unread ?? 0,
      lastMessageAt: thread.lastMessageAt.toISOString(),
      createdAt: thread.createdAt.toISOString(),
    }));
  }

  async function thread(threadId: string, auth: AuthContext, markRead = true): Promise<QuestionThread> {
    const row = await repo.findThread(threadId);
    const side = row ? sideOf(row, auth) : null;
    if (!row || !side) throw notFound();
    const solution = await repo.find(row.solutionId);
    const [summary] = await summaries([{ thread: row, title: solution?.title ?? null, draftTitle: solution?.draft.title ?? '' }], auth.user.id);
    const messages = await repo.messages(threadId);
    const people = await accounts.names([...new Set(messages.flatMap((m) => (m.authorId ? [m.authorId] : [])))]);
    if (markRead) await repo.markRead(threadId, auth.user.id, now());
    return {
      ...summary!,
      unread: markRead ? 0 : summary!.unread,
      side,
      items: messages.map((m) => ({
        id: m.id,
        side: m.side,
        author: {
          name: m.authorId ? (people.get(m.authorId) ?? null) : null,
          organisationName: m.side === 'asker' ? summary!.askingOrganisation.name : summary!.ownerOrganisation.name,
        },
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        mine: m.authorId === auth.user.id,
      })),
    };
  }

  return {
    thread,

    async ask(solutionId: string, auth: AuthContext, body: AskBody): Promise<QuestionThread> {
      const { row, owners } = await solutions.load(solutionId, auth);
      const current = currentOwners(owners);
      if (!auth.memberships.some((m) => m.organisationId === body.organisationId)) throw forbidden();
      if (current.some((o) => o.organisationId === body.organisationId)) throw conflict('error.solution_own');
      if (row.status !== 'published' || row.hidden || current.length === 0) throw conflict('error.solution_not_published');
      const owner = current.find((o) => o.organisationId === row.contactOrganisationId) ?? current[0]!;
      const to = await recipientsFor(owner.organisationId, row.contactOrganisationId === owner.organisationId ? row.contactUserId : null, auth.user.id);
      const asking = auth.memberships.find((m) => m.organisationId === body.organisationId)!.organisationName;
      const at = now();
      const id = await transaction(async (tx) => {
        await checkBounds(auth.user.id, null, tx);
        const threadId = await repo.insertThread(
          {
            solutionId,
            askingOrganisationId: body.organisationId,
            ownerOrganisationId: owner.organisationId,
            askedBy: auth.user.id,
            subject: body.subject.trim(),
            createdAt: at,
            lastMessageAt: at,
          },
          tx,
        );
        await repo.insertMessage({ threadId, authorId: auth.user.id, side: 'asker', body: body.body.trim(), createdAt: at }, tx);
        await queueMail({ to, title: row.title ?? row.draft.title, organisation: asking, threadId, by: auth.user.id }, tx);
        return threadId;
      });
      return thread(id, auth);
    },

    async reply(threadId: string, auth: AuthContext, body: MessageBody): Promise<QuestionThread> {
      const row = await repo.findThread(threadId);
      const side = row ? sideOf(row, auth) : null;
      if (!row || !side) throw notFound();
      const solution = await repo.find(row.solutionId);
      // The other side: the contact (or the owner's administrators), or the asker (or the asking organisation's administrators).
      const to =
        side === 'asker'
          ? await recipientsFor(
              row.ownerOrganisationId,
              solution?.contactOrganisationId === row.ownerOrganisationId ? solution.contactUserId : null,
              auth.user.id,
            )
          : await recipientsFor(row.askingOrganisationId, row.askedBy, auth.user.id);
      const from = auth.memberships.find((m) => m.organisationId === (side === 'asker' ? row.askingOrganisationId : row.ownerOrganisationId))!.organisationName;
      const at = now();
      await transaction(async (tx) => {
        if (!(await repo.lockThread(threadId, tx))) throw notFound();
        await checkBounds(auth.user.id, threadId, tx);
        await repo.insertMessage({ threadId, authorId: auth.user.id, side, body: body.body.trim(), createdAt: at }, tx);
        await queueMail({ to, title: solution?.title ?? solution?.draft.title ?? '', organisation: from, threadId, by: auth.user.id }, tx);
      });
      return thread(threadId, auth);
    },

    async listOf(organisationId: string, auth: AuthContext): Promise<QuestionThreadList> {
      return { items: await summaries(await repo.threadsOf([organisationId]), auth.user.id) };
    },

    async unread(auth: AuthContext): Promise<QuestionUnread> {
      const items = await summaries(await repo.threadsOf(auth.memberships.map((m) => m.organisationId)), auth.user.id);
      return { unread: items.reduce((n, t) => n + t.unread, 0) };
    },
  };
}

export type QuestionService = ReturnType<typeof createQuestionService>;
