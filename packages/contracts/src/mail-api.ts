/** E-mail: each user's mail choices, one-click unsubscribe, password reset, first-run setup and the outbox. */
import { Type, type Static } from 'typebox';
import { Email, Password } from './schemas';
import { literalUnion, Nullable } from './typebox-helpers';
import { digestFrequencies, languages, limits, mailKinds, mailStates } from './vocabulary';

export const MailPreferences = Type.Object({
  /** How often unread notifications come by e-mail. */
  digest: literalUnion(digestFrequencies),
  /** Deadline reminders of the municipality's pipeline items (14, 7 and 2 days before). */
  reminders: Type.Boolean(),
});
export type MailPreferences = Static<typeof MailPreferences>;

/** A token from a link in an e-mail (43 characters of base64url). */
export const MailToken = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });

export const UnsubscribeInfo = Type.Object({
  /** What the link turns off: the digests or the deadline reminders. */
  topic: literalUnion(['digest', 'reminder'] as const),
  /** Whether it is off already. */
  done: Type.Boolean(),
});
export type UnsubscribeInfo = Static<typeof UnsubscribeInfo>;

export const PasswordResetRequest = Type.Object({
  email: Email,
  /** The language of the e-mail when the address has an account without a chosen language. */
  language: Type.Optional(literalUnion(languages)),
});
export type PasswordResetRequest = Static<typeof PasswordResetRequest>;

export const PasswordResetConfirm = Type.Object({ token: MailToken, password: Password });
export type PasswordResetConfirm = Static<typeof PasswordResetConfirm>;

export const SetupBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: limits.nameMax }),
  email: Email,
  password: Password,
});
export type SetupBody = Static<typeof SetupBody>;

export const OutboxItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: literalUnion(mailKinds),
  to: Type.String(),
  /** Null for digests and reminders: their subject names a municipality's own work or a person's saved searches. */
  subject: Nullable(Type.String()),
  state: literalUnion(mailStates),
  attempts: Type.Integer({ minimum: 0 }),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  /** Why the last attempt failed (the mail server's answer). */
  lastError: Nullable(Type.String()),
  /** The text of an invitation that the reader created, while it is kept; never any other mail's. */
  body: Nullable(Type.String()),
});
export type OutboxItem = Static<typeof OutboxItem>;

export const Outbox = Type.Object({
  /** Whether a mail server is set up (`SMTP_URL`); without one, mail stays queued here. */
  smtp: Type.Boolean(),
  /** The newest mail first (at most 200). */
  items: Type.Array(OutboxItem),
});
export type Outbox = Static<typeof Outbox>;
