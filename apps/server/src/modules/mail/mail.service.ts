/**
 * The mail queue (ADR 010). A change that causes an e-mail queues it with `queue*` inside its own
 * transaction, rendered in the recipient's language; `deliverDue` (the worker) claims due mail with a
 * lease and sends it through SMTP, retrying with back-off. Without SMTP nothing is sent: the outbox
 * shows platform administrators what waits. Each user's mail choices and one-click unsubscribe live
 * here too. This module uses no other module: callers pass names, addresses and languages.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Language } from '@varde/contracts';
import type { MailPreferences, Outbox, UnsubscribeInfo } from '@varde/contracts/mail-api';
import type { DigestFrequency, MailKind, MembershipRole, PipelineStatus } from '@varde/contracts/vocabulary';
import type { Deadline } from '@varde/contracts/schemes';
import { notFound } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { Clock } from '../../core/clock';
import { newToken, sha256 } from '../../core/crypto';
import { formatDeadline, formatInstant } from '../../core/localized-text';
import type { Tx } from '../../core/transaction';
import type { MailRepository } from './mail.repository';
import { digestMail, invitationMail, passwordResetMail, reminderMail, solutionMail, type RenderedMail } from './mail-templates';
import { PermanentMailError, type MailTransport } from './mail-transport';

const MINUTE = 60_000;
/** How long a worker holds a claimed mail; after that another worker may send it (again). */
export const LEASE_MS = 2 * MINUTE;
/** Attempts before a mail is given up (`failed`): about a day of retries. */
export const MAX_ATTEMPTS = 10;
/** Bodies hold links with tokens: they are deleted this long after the mail was queued. */
export const BODY_RETENTION_MS = 30 * 24 * 60 * MINUTE;
const OUTBOX_SIZE = 200;
const defaults: MailPreferences = { digest: 'daily', reminders: true };

/** Wait before attempt `attempts + 1`: 1, 2, 4 … minutes, at most six hours. */
export const backoffMs = (attempts: number) => Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);

interface Queued {
  kind: MailKind;
  to: string;
  userId: string | null;
  language: Language;
  rendered: RenderedMail;
  headers?: Record<string, string>;
  createdBy?: string | null;
  dedupeKey?: string | null;
  unsubscribeHash?: string | null;
  expiresAt?: Date | null;
}

export function createMailService(deps: { repo: MailRepository; transport: MailTransport | null; publicUrl: string; now: Clock }) {
  const { repo, transport, publicUrl, now } = deps;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  function queue(mail: Queued, tx: Tx): Promise<boolean> {
    const at = now();
    return repo.insert(
      {
        kind: mail.kind,
        userId: mail.userId,
        toAddress: mail.to.toLowerCase(),
        language: mail.language,
        subject: mail.rendered.subject,
        bodyText: mail.rendered.text,
        bodyHtml: mail.rendered.html,
        headers: mail.headers ?? {},
        createdBy: mail.createdBy ?? null,
        dedupeKey: mail.dedupeKey ?? null,
        unsubscribeHash: mail.unsubscribeHash ?? null,
        expiresAt: mail.expiresAt ?? null,
        runAt: at,
        createdAt: at,
      },
      tx,
    );
  }

  /** A one-click unsubscribe link (RFC 8058) for one mail: its address, the hash to store and the headers. */
  function unsubscribeLink() {
    const token = newToken();
    const url = `${publicUrl}/api/mail/unsubscribe/${token}`;
    return {
      url: `${publicUrl}/avmelding/${token}`,
      hash: sha256(token),
      headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  async function preferences(userId: string): Promise<MailPreferences> {
    const row = await repo.preferences(userId);
    return row ? { digest: row.digest, reminders: row.reminders } : { ...defaults };
  }

  return {
    /** Whether mail is sent (SMTP is set up); otherwise it stays queued and the outbox shows it. */
    delivers: () => transport !== null,

    /** Closes the SMTP connections (when the app closes). */
    close: () => transport?.close(),

    queueInvitation(
      p: { to: string; language: Language; organisation: string; role: MembershipRole; inviter: string; inviterId: string; url: string; expiresAt: Date },
      tx: Tx,
    ) {
      const rendered = invitationMail({ ...p, lang: p.language, publicUrl, expires: formatInstant(p.expiresAt, p.language) });
      return queue({ kind: 'invitation', to: p.to, userId: null, language: p.language, rendered, createdBy: p.inviterId, expiresAt: p.expiresAt }, tx);
    },

    queuePasswordReset(p: { userId: string; to: string; name: string; language: Language; url: string; expiresAt: Date }, tx: Tx) {
      const rendered = passwordResetMail({ ...p, lang: p.language, publicUrl, expires: formatInstant(p.expiresAt, p.language) });
      return queue({ kind: 'password_reset', to: p.to, userId: p.userId, language: p.language, rendered, expiresAt: p.expiresAt }, tx);
    },

    queueDigest(
      p: {
        userId: string;
        to: string;
        name: string;
        language: Language;
        frequency: Exclude<DigestFrequency, 'never'>;
        items: { message: string; url: string }[];
      },
      tx: Tx,
    ) {
      const link = unsubscribeLink();
      const rendered = digestMail({ ...p, lang: p.language, publicUrl, unsubscribeUrl: link.url });
      return queue({ kind: 'digest', to: p.to, userId: p.userId, language: p.language, rendered, headers: link.headers, unsubscribeHash: link.hash }, tx);
    },

    /** Queues a deadline reminder once per `dedupeKey`; false when it was queued before. */
    queueReminder(
      p: {
        userId: string;
        to: string;
        name: string;
        language: Language;
        organisation: string;
        organisationId: string;
        scheme: string;
        call: string;
        deadline: Pick<Deadline, 'date' | 'time'>;
        days: number;
        status: PipelineStatus;
        assigned: boolean;
        dedupeKey: string;
      },
      tx: Tx,
    ) {
      const link = unsubscribeLink();
      const rendered = reminderMail({ ...p, lang: p.language, publicUrl, deadline: formatDeadline(p.deadline, p.language), unsubscribeUrl: link.url });
      return queue(
        {
          kind: 'reminder',
          to: p.to,
          userId: p.userId,
          language: p.language,
          rendered,
          headers: link.headers,
          unsubscribeHash: link.hash,
          dedupeKey: p.dedupeKey,
        },
        tx,
      );
    },

    /** A solution published (to an owner's administrator) or a new question message (to the other side). */
    queueSolutionMail(
      p: {
        userId: string;
        to: string;
        name: string;
        language: Language;
        kind: 'solution_published' | 'solution_question';
        title: string;
        organisation: string;
        url: string;
        createdBy: string;
      },
      tx: Tx,
    ) {
      const rendered = solutionMail({ ...p, lang: p.language, publicUrl });
      return queue({ kind: p.kind, to: p.to, userId: p.userId, language: p.language, rendered, createdBy: p.createdBy }, tx);
    },

    /** How many mails of a kind went to an address in the last `withinMs`. */
    countRecent: (to: string, kind: MailKind, withinMs: number, tx?: Tx) => repo.countRecent(to.toLowerCase(), kind, new Date(now().getTime() - withinMs), tx),

    /**
     * Sends due mail: claims a batch with a lease, sends each, records each outcome. A failure is tried
     * again after a back-off (1, 2, 4 … minutes); a refusal (SMTP 5xx) or the last attempt gives up. A
     * crash after sending and before recording leaves the claim to run out: the mail goes again.
     */
    async deliverDue(limit = 50): Promise<{ sent: number; failed: number }> {
      const result = { sent: 0, failed: 0 };
      await repo.expireOverdue(now());
      if (!transport) return result;
      for (;;) {
        const at = now();
        const batch = await repo.claimDue(owner, at, new Date(at.getTime() + LEASE_MS), limit);
        for (const mail of batch) {
          try {
            await transport.send({ id: mail.id, to: mail.to, subject: mail.subject, text: mail.text ?? '', html: mail.html ?? '', headers: mail.headers });
            await repo.markSent(mail.id, owner, now());
            result.sent += 1;
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            const giveUp = error instanceof PermanentMailError || mail.attempts >= MAX_ATTEMPTS;
            await repo.markFailedAttempt(mail.id, owner, {
              state: giveUp ? 'failed' : 'queued',
              runAt: new Date(now().getTime() + backoffMs(mail.attempts)),
              error: message,
            });
            result.failed += 1;
          }
        }
        if (batch.length < limit) return result;
      }
    },

    /** Deletes the bodies of mail queued more than 30 days ago. */
    purgeBodies: () => repo.deleteBodies(new Date(now().getTime() - BODY_RETENTION_MS)),

    /**
     * The newest mail for platform administrators: recipient, subject, kind and state. A digest's or
     * reminder's subject names a person's saved searches or a municipality's own work, so it is left out;
     * a body is shown only for an invitation this administrator created while no mail server is set up
     * (the link they would otherwise copy). Password reset links are never shown.
     */
    async outbox(viewer: AuthContext): Promise<Outbox> {
      const rows = await repo.latest(OUTBOX_SIZE);
      return {
        smtp: transport !== null,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          to: r.toAddress,
          subject: r.kind === 'digest' || r.kind === 'reminder' ? null : r.subject,
          state: r.state,
          attempts: r.attempts,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          lastError: r.lastError,
          body: !transport && r.kind === 'invitation' && r.createdBy === viewer.user.id ? r.bodyText : null,
        })),
      };
    },

    preferences,

    /** Mail choices of many users (the defaults for those who chose nothing). */
    async preferencesOf(userIds: readonly string[]): Promise<Map<string, MailPreferences>> {
      const rows = await repo.preferencesOf([...new Set(userIds)]);
      const found = new Map(rows.map((r) => [r.userId, { digest: r.digest, reminders: r.reminders }]));
      return new Map(userIds.map((id) => [id, found.get(id) ?? { ...defaults }]));
    },

    async savePreferences(userId: string, body: MailPreferences): Promise<MailPreferences> {
      await repo.savePreferences(userId, body, now());
      return preferences(userId);
    },

    /**
     * Inside a transaction: the user's digest choice, locked until the transaction ends, so that two
     * workers building the user's digest at once run one after the other.
     */
    async lockDigest(userId: string, tx: Tx): Promise<DigestFrequency> {
      return (await repo.lockPreferences(userId, tx)).digest;
    },

    /** What a one-click unsubscribe link turns off, and whether it is off already. */
    async unsubscribeInfo(token: string): Promise<UnsubscribeInfo> {
      const found = await repo.findByUnsubscribeHash(sha256(token));
      if (!found || (found.kind !== 'digest' && found.kind !== 'reminder')) throw notFound();
      const topic = found.kind;
      if (!found.userId) return { topic, done: true };
      const current = await preferences(found.userId);
      return { topic, done: topic === 'digest' ? current.digest === 'never' : !current.reminders };
    },

    /** Turns off what the link's mail was (digests or reminders), for its recipient. Safe to repeat. */
    async unsubscribe(token: string): Promise<UnsubscribeInfo> {
      const found = await repo.findByUnsubscribeHash(sha256(token));
      if (!found || (found.kind !== 'digest' && found.kind !== 'reminder')) throw notFound();
      const topic = found.kind;
      if (found.userId) await repo.savePreferences(found.userId, topic === 'digest' ? { digest: 'never' } : { reminders: false }, now());
      return { topic, done: true };
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
