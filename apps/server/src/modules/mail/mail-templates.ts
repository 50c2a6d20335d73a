/**
 * The e-mails Varde sends, as plain text and HTML, in the recipient's language. Every text comes from
 * the message catalogues (`mail.*`); names and links are escaped in the HTML.
 */
import { translate, type Language, type MessageKey, type MessageParams } from '@varde/contracts';
import type { DigestFrequency, MembershipRole, PipelineStatus } from '@varde/contracts/vocabulary';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Block = { kind: 'text'; text: string } | { kind: 'action'; label: string; url: string } | { kind: 'list'; items: { text: string; url: string }[] };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Paragraphs, one action link and lists, with the footer: the text and HTML parts of one mail. */
function compose(lang: Language, subject: string, blocks: Block[], footer: string[]): RenderedMail {
  const text = [
    ...blocks.map((b) =>
      b.kind === 'text' ? b.text : b.kind === 'action' ? `${b.label}:\n${b.url}` : b.items.map((i) => `- ${i.text}\n  ${i.url}`).join('\n'),
    ),
    '-- ',
    ...footer,
  ].join('\n\n');
  const body = blocks
    .map((b) =>
      b.kind === 'text'
        ? `<p>${escapeHtml(b.text)}</p>`
        : b.kind === 'action'
          ? `<p><a href="${escapeHtml(b.url)}" style="display:inline-block;padding:10px 16px;background:#0062ba;color:#ffffff;border-radius:4px;text-decoration:none">${escapeHtml(b.label)}</a></p>`
          : `<ul>${b.items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a></li>`).join('')}</ul>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Inter,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1e2b3c;max-width:600px">
${body}
<hr>
${footer.map((f) => `<p style="font-size:14px;color:#4b5563">${linkify(f)}</p>`).join('\n')}
</body>
</html>
`;
  return { subject, text, html };
}

/** Escapes a footer line and links its web address. */
const linkify = (line: string) => escapeHtml(line).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

const t = (lang: Language, key: MessageKey, params?: MessageParams) => translate(lang, key, params);

const greeting = (lang: Language, name: string | null) => (name ? t(lang, 'mail.greeting', { name }) : t(lang, 'mail.greetingNoName'));
const sentBy = (lang: Language, publicUrl: string) => t(lang, 'mail.footer', { url: publicUrl });

export function invitationMail(p: {
  lang: Language;
  publicUrl: string;
  organisation: string;
  role: MembershipRole;
  inviter: string;
  url: string;
  expires: string;
}): RenderedMail {
  const { lang } = p;
  const role = t(lang, p.role === 'admin' ? 'role.adminLower' : 'role.memberLower');
  return compose(
    lang,
    t(lang, 'mail.invitation.subject', { organisation: p.organisation }),
    [
      { kind: 'text', text: greeting(lang, null) },
      { kind: 'text', text: t(lang, 'mail.invitation.body', { inviter: p.inviter, role, organisation: p.organisation }) },
      { kind: 'action', label: t(lang, 'mail.invitation.action'), url: p.url },
      { kind: 'text', text: t(lang, 'mail.invitation.expires', { expires: p.expires }) },
      { kind: 'text', text: t(lang, 'mail.invitation.notYou') },
    ],
    [sentBy(lang, p.publicUrl)],
  );
}

export function passwordResetMail(p: { lang: Language; publicUrl: string; name: string; url: string; expires: string }): RenderedMail {
  const { lang } = p;
  return compose(
    lang,
    t(lang, 'mail.reset.subject'),
    [
      { kind: 'text', text: greeting(lang, p.name) },
      { kind: 'text', text: t(lang, 'mail.reset.body') },
      { kind: 'action', label: t(lang, 'mail.reset.action'), url: p.url },
      { kind: 'text', text: t(lang, 'mail.reset.expires', { expires: p.expires }) },
      { kind: 'text', text: t(lang, 'mail.reset.notYou') },
    ],
    [sentBy(lang, p.publicUrl)],
  );
}

/** How many notifications a digest lists; the rest are on the notifications page. */
export const DIGEST_ITEMS = 20;

export function digestMail(p: {
  lang: Language;
  publicUrl: string;
  name: string;
  frequency: Exclude<DigestFrequency, 'never'>;
  items: { message: string; url: string }[];
  unsubscribeUrl: string;
}): RenderedMail {
  const { lang } = p;
  const count = p.items.length;
  const blocks: Block[] = [
    { kind: 'text', text: greeting(lang, p.name) },
    { kind: 'text', text: t(lang, 'mail.digest.intro') },
    { kind: 'list', items: p.items.slice(0, DIGEST_ITEMS).map((i) => ({ text: i.message, url: i.url })) },
  ];
  if (count > DIGEST_ITEMS) blocks.push({ kind: 'text', text: t(lang, 'mail.digest.more', { count: count - DIGEST_ITEMS }) });
  blocks.push({ kind: 'action', label: t(lang, 'mail.digest.action'), url: `${p.publicUrl}/varsler` });
  return compose(lang, count === 1 ? t(lang, 'mail.digest.subjectOne') : t(lang, 'mail.digest.subjectMany', { count }), blocks, [
    t(lang, `mail.digest.why.${p.frequency}`),
    t(lang, 'mail.settings', { url: `${p.publicUrl}/konto` }),
    t(lang, 'mail.digest.unsubscribe', { url: p.unsubscribeUrl }),
    sentBy(lang, p.publicUrl),
  ]);
}

/** "in 7 days", "tomorrow": how far a deadline is, in whole Oslo days. */
export const inDays = (lang: Language, days: number) => (days === 1 ? t(lang, 'mail.when.tomorrow') : t(lang, 'mail.when.days', { days }));

export function reminderMail(p: {
  lang: Language;
  publicUrl: string;
  name: string;
  organisation: string;
  organisationId: string;
  scheme: string;
  call: string;
  deadline: string;
  days: number;
  status: PipelineStatus;
  assigned: boolean;
  unsubscribeUrl: string;
}): RenderedMail {
  const { lang } = p;
  const when = inDays(lang, p.days);
  const blocks: Block[] = [
    { kind: 'text', text: greeting(lang, p.name) },
    { kind: 'text', text: t(lang, 'mail.reminder.body', { call: p.call, scheme: p.scheme, deadline: p.deadline, when }) },
    { kind: 'text', text: t(lang, 'mail.reminder.status', { organisation: p.organisation, status: t(lang, `pipelineStatus.${p.status}`) }) },
  ];
  if (p.assigned) blocks.push({ kind: 'text', text: t(lang, 'mail.reminder.assigned') });
  blocks.push({ kind: 'action', label: t(lang, 'mail.reminder.action'), url: `${p.publicUrl}/organisasjoner/${p.organisationId}/pipeline` });
  return compose(lang, t(lang, 'mail.reminder.subject', { scheme: p.scheme, when }), blocks, [
    t(lang, 'mail.reminder.why', { organisation: p.organisation }),
    t(lang, 'mail.settings', { url: `${p.publicUrl}/konto` }),
    t(lang, 'mail.reminder.unsubscribe', { url: p.unsubscribeUrl }),
    sentBy(lang, p.publicUrl),
  ]);
}

/**
 * The solution library's mail (issue 16): a solution was published (to its owners' administrators),
 * or a question thread has a new message (to the other side). Only public facts and a link: the
 * conversation itself is read in Varde.
 */
export function solutionMail(p: {
  lang: Language;
  publicUrl: string;
  name: string;
  kind: 'solution_published' | 'solution_question';
  title: string;
  organisation: string;
  url: string;
}): RenderedMail {
  const { lang } = p;
  const key = p.kind === 'solution_published' ? 'published' : 'question';
  return compose(
    lang,
    t(lang, `mail.solution.${key}.subject` as MessageKey, { title: p.title }),
    [
      { kind: 'text', text: greeting(lang, p.name) },
      { kind: 'text', text: t(lang, `mail.solution.${key}.body` as MessageKey, { title: p.title, organisation: p.organisation }) },
      { kind: 'action', label: t(lang, `mail.solution.${key}.action` as MessageKey), url: p.url },
    ],
    [sentBy(lang, p.publicUrl)],
  );
}
