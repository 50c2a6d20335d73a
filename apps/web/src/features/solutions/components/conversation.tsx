import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { QuestionThread } from '@varde/contracts/solutions-api';
import { solutionLimits as L } from '@varde/contracts/solutions-vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { useI18n } from '../../../i18n/i18n';
import { useReply } from '../api/questions';
import { checkTexts } from '../check-text';
import { CountedTextarea } from './counted-field';

/** The messages of one thread, oldest first, each with who wrote it, from which organisation and when. */
export function MessageList({ thread }: { thread: QuestionThread }) {
  const { t, dateTime } = useI18n();
  return (
    <ol className="message-list" aria-label={t('library.messagesLabel')}>
      {thread.items.map((m) => (
        <li key={m.id} className={`message message--${m.mine ? 'mine' : 'theirs'}`}>
          <article aria-labelledby={`message-${m.id}`}>
            <Heading level={2} data-size="2xs" id={`message-${m.id}`}>
              {t('library.messageFrom', { name: m.author.name ?? t('participation.someone'), organisation: m.author.organisationName })}
            </Heading>
            <Paragraph data-size="sm" className="muted">
              <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
            </Paragraph>
            {m.body.split(/\n\s*\n/).map((part, i) => (
              <Paragraph key={i} className="solution-text">
                {part}
              </Paragraph>
            ))}
          </article>
        </li>
      ))}
    </ol>
  );
}

/** An answer in the thread; the other organisation is told in the app and by e-mail. */
export function ReplyForm({ threadId }: { threadId: string }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const reply = useReply();
  const { fields, problems, reject, clear } = useFormProblems(reply.state);
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="reply-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        clear();
        const form = event.currentTarget;
        const body = String(new FormData(form).get('body') ?? '').trim();
        const found = checkTexts(t, [{ path: 'body', label: t('library.replyBody'), value: body, max: L.messageMax }]);
        if (found.length) return reject(found);
        if ((await reply.mutate({ threadId, body })).ok) {
          form.reset();
          await revalidator.revalidate();
          document.getElementById('reply-heading')?.focus();
        }
      }}
    >
      <Heading level={2} data-size="xs" id="reply-heading" tabIndex={-1}>
        {t('library.replyHeading')}
      </Heading>
      {problems ? <FormProblems {...problems} idFor={(path) => `reply-${path}`} /> : null}
      <CountedTextarea id="reply-body" name="body" label={t('library.replyBody')} max={L.messageMax} initial="" rows={5} error={messageFor(fields, 'body')} />
      <div className="form-actions">
        <Button type="submit" loading={reply.state.status === 'pending'}>
          {t('library.replySubmit')}
        </Button>
      </div>
    </form>
  );
}
