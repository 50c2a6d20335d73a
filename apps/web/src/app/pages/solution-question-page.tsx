import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { getThread } from '../../features/solutions/api/questions';
import { MessageList, ReplyForm } from '../../features/solutions/components/conversation';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** One conversation about a solution: only members of the asking and the owning organisation see it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isUuid(params.threadId)) throw notFound();
  return { thread: await orRouteError(request, getThread(apiFrom(context), params.threadId)) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (_t, { thread }) => thread.subject,
};

export function Component() {
  const { thread } = useLoaderData<Data>();
  const { t } = useI18n();
  const other = thread.side === 'asker' ? thread.ownerOrganisation.name : thread.askingOrganisation.name;
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/losninger/mine">{t('library.backToQuestions')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{thread.subject}</PageHeading>
        <Paragraph className="lead">
          {t('library.threadAbout')} <AppLink to={`/losninger/${thread.solutionId}`}>{thread.solutionTitle}</AppLink>
        </Paragraph>
        <Paragraph data-size="sm">{t('library.threadPrivacy', { asking: thread.askingOrganisation.name, owner: thread.ownerOrganisation.name })}</Paragraph>
      </div>
      <MessageList thread={thread} />
      <ReplyForm threadId={thread.id} />
      <Paragraph data-size="sm" className="muted">
        {t('library.replyNotice', { organisation: other })}
      </Paragraph>
    </div>
  );
}
