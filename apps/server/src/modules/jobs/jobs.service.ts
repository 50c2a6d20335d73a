/**
 * The worker's scheduled work (ADR 010), on the injectable clock. Each round:
 * 1. notification check: every user's saved searches when the catalogue stamp or the Oslo day changed;
 * 2. digests for users who want them at once; from 07:00 Oslo the daily digests, and on Monday (or the
 *    first round after it that week) the weekly ones;
 * 3. from 07:00 Oslo once a day, deadline reminders of pipeline items 14, 7 and 2 days before;
 * 4. once a day, the bodies of mail older than 30 days are deleted;
 * 5. due mail is sent.
 * Each job is claimed per period in `job_runs`, so one instance runs it; the work is also safe to run
 * twice (notifications are taken for one digest only; a reminder has a unique key per person).
 * Transactions here hold only writes: what they need is read before (the embedded database runs one
 * connection, so a read outside an open transaction would wait for it).
 */
import { pick } from '../../core/localized-text';
import type { Clock } from '../../core/clock';
import type { RunInTransaction } from '../../core/transaction';
import type { AlertService } from '../alerts/alert.service';
import type { AccountService } from '../auth/account.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { MailService } from '../mail/mail.service';
import type { OrganisationService } from '../organisations/organisation.service';
import type { PipelineService } from '../pipeline/pipeline.service';
import type { JobsRepository } from './jobs.repository';
import { daysUntil, MORNING_HOUR, osloTime, osloWeek, reminderFor } from './schedule';

/** A job claimed this long ago and not finished is taken over (its instance stopped). */
const STALE_MS = 15 * 60 * 1000;

export interface JobReport {
  checked: number;
  digests: number;
  reminders: number;
  purged: number;
  sent: number;
  failed: number;
}

export function createJobsService(deps: {
  transaction: RunInTransaction;
  repo: JobsRepository;
  alerts: AlertService;
  catalogue: CatalogueService;
  pipeline: PipelineService;
  organisations: OrganisationService;
  accounts: AccountService;
  mail: MailService;
  now: Clock;
}) {
  const { transaction, repo, alerts, catalogue, pipeline, organisations, accounts, mail, now } = deps;

  /** Runs `work` if this instance claims `name` for `period`; a failure lets the next round try again. */
  async function once(name: string, period: string, work: () => Promise<number>): Promise<number> {
    const at = now();
    if (!(await repo.claim(name, period, at, new Date(at.getTime() - STALE_MS)))) return 0;
    try {
      const done = await work();
      await repo.finish(name, period, now());
      return done;
    } catch (error) {
      await repo.release(name, period).catch(() => undefined);
      throw error;
    }
  }

  /** Mails each user who chose `frequency` their unread notifications not yet mailed, in one digest. */
  async function digests(frequency: 'immediately' | 'daily' | 'weekly'): Promise<number> {
    const userIds = await alerts.usersToDigest();
    if (userIds.length === 0) return 0;
    const [choices, people, reader] = await Promise.all([mail.preferencesOf(userIds), accounts.recipients(userIds), alerts.digestReader()]);
    let queued = 0;
    for (const userId of userIds) {
      const person = people.get(userId);
      if (!person || choices.get(userId)?.digest !== frequency) continue;
      await transaction(async (tx) => {
        // Locked: a second worker waits here, then finds the notifications taken.
        if ((await mail.lockDigest(userId, tx)) !== frequency) return;
        const items = await reader.take(userId, person.language, tx);
        if (items.length === 0) return;
        await mail.queueDigest({ userId, to: person.email, name: person.name, language: person.language, frequency, items }, tx);
        queued += 1;
      });
    }
    return queued;
  }

  /**
   * Reminds of the announced deadlines of pipeline items 14, 7 and 2 days before: the item's assignee,
   * or when it has none, every member of the municipality; only people with reminders on.
   */
  async function reminders(): Promise<number> {
    const at = now();
    const due = (await pipeline.upcomingDeadlines(at))
      .map((item) => ({ item, days: daysUntil(item.deadline.date, at) }))
      .map((d) => ({ ...d, threshold: reminderFor(d.days) }))
      .filter((d): d is typeof d & { threshold: number } => d.threshold !== null);
    if (due.length === 0) return 0;
    const organisationIds = [...new Set(due.map((d) => d.item.organisationId))];
    const [members, names] = await Promise.all([organisations.memberIds(organisationIds), organisations.names(organisationIds)]);
    const everyone = [...new Set([...members.values()].flat())];
    const [choices, people] = await Promise.all([mail.preferencesOf(everyone), accounts.recipients(everyone)]);
    let queued = 0;
    for (const { item, days, threshold } of due) {
      const inOrganisation = members.get(item.organisationId) ?? [];
      const assignee = item.assigneeUserId && inOrganisation.includes(item.assigneeUserId) ? item.assigneeUserId : null;
      const to = (assignee ? [assignee] : inOrganisation).filter((id) => choices.get(id)?.reminders !== false);
      await transaction(async (tx) => {
        for (const userId of to) {
          const person = people.get(userId);
          if (!person) continue;
          const added = await mail.queueReminder(
            {
              userId,
              to: person.email,
              name: person.name,
              language: person.language,
              organisation: names.get(item.organisationId) ?? '',
              organisationId: item.organisationId,
              scheme: pick(item.schemeName, person.language),
              call: pick(item.callTitle, person.language),
              deadline: item.deadline,
              days,
              status: item.status,
              assigned: userId === assignee,
              dedupeKey: `reminder:${item.itemId}:${item.closesAt}:${threshold}:${userId}`,
            },
            tx,
          );
          if (added) queued += 1;
        }
      });
    }
    return queued;
  }

  return {
    /** One round of the worker: whatever is due at `now()`, then the mail that is due. */
    async runDue(): Promise<JobReport> {
      const at = now();
      const oslo = osloTime(at);
      const morning = oslo.hour >= MORNING_HOUR;
      const report: JobReport = { checked: 0, digests: 0, reminders: 0, purged: 0, sent: 0, failed: 0 };
      // The catalogue stamp and the day: the saved searches run again when either changes.
      report.checked = await once('notifications', `${await catalogue.stamp()} ${oslo.day}`, () => alerts.checkAll());
      report.digests += await digests('immediately');
      if (morning) report.digests += await once('digest-daily', oslo.day, () => digests('daily'));
      const week = osloWeek(at);
      if (oslo.weekday > 1 || morning) report.digests += await once('digest-weekly', week, () => digests('weekly'));
      if (morning) report.reminders = await once('reminders', oslo.day, reminders);
      report.purged = await once('purge', oslo.day, () => mail.purgeBodies());
      const delivered = await mail.deliverDue();
      report.sent = delivered.sent;
      report.failed = delivered.failed;
      return report;
    },

    /** Sends due mail only (after a web request queued some). */
    deliver: () => mail.deliverDue(),
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
