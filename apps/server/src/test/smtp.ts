/**
 * A real SMTP server on a loopback port for tests (the `smtp-server` package), keeping every message it
 * accepts, parsed with `mailparser`. `failWith` makes it refuse the next messages with an SMTP status
 * (451: try again later, 550: refused for good), as a mail server that is down or says no would.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: ParsedMail['headers'];
  /** The header lines as received, unfolded (`List-Unsubscribe-Post` and the like). */
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Refuses the next `count` messages (all, without a count) with this SMTP status. */
  failWith(code: 451 | 550, count?: number): void;
  /** Accepts messages again. */
  heal(): void;
  /** Waits until `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let failure: { code: number; left: number } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (failure && failure.left > 0) {
          failure.left -= 1;
          const error = new Error(failure.code === 451 ? 'Try again later' : 'Mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = failure.code;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          messageId: parsed.messageId ?? '',
          headers: parsed.headers,
          // Unfolded, one header a line.
          raw: raw
            .slice(0, raw.indexOf('\r\n\r\n'))
            .replace(/\r\n[ \t]+/g, ' ')
            .replaceAll('\r\n', '\n'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failWith(code, count = Number.POSITIVE_INFINITY) {
      failure = { code, left: count };
    },
    heal() {
      failure = null;
    },
    async waitFor(count, timeoutMs = 10_000) {
      await expect.poll(() => received.length, { timeout: timeoutMs }).toBeGreaterThanOrEqual(count);
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const found = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!found) throw new Error(`No link starting with ${prefix} in:\n${mail.text}`);
  return found;
}

/** A settable clock for services: starts at `start` and moves only when told. */
export function testClock(start: Date | string = new Date()) {
  let at = new Date(start).getTime();
  const now = () => new Date(at);
  return {
    now,
    set: (to: Date | string) => {
      at = new Date(to).getTime();
    },
    advance: (ms: number) => {
      at += ms;
    },
  };
}
