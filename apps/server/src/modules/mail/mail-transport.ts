/**
 * Sending through SMTP with nodemailer (`SMTP_URL`). Without a URL there is no transport: mail stays
 * queued and platform administrators see it in the outbox.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A refusal that will not change on a retry (SMTP 5xx: unknown mailbox, refused sender). */
export class PermanentMailError extends Error {}

export function createSmtpTransport(options: { url: string; from: string; replyTo: string | undefined; messageIdDomain: string }): MailTransport {
  const transporter = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      try {
        await transporter.sendMail({
          from: options.from,
          replyTo: options.replyTo,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          // The same id on every attempt, so that a mail sent twice after a crash can be recognised as one.
          messageId: `<${message.id}@${options.messageIdDomain}>`,
        });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const text = error instanceof Error ? error.message : String(error);
        if (typeof code === 'number' && code >= 500 && code < 600) throw new PermanentMailError(text);
        throw error;
      }
    },
    close() {
      transporter.close();
    },
  };
}
