import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import type { QuestionThreadSummary, SolutionSummary } from '@varde/contracts/solutions-api';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { listOrganisationSolutions } from '../../features/solutions/api/list-solutions';
import { listOrganisationQuestions } from '../../features/solutions/api/questions';
import { SolutionList } from '../../features/solutions/components/solution-list';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** For each of the user's organisations: its solutions (drafts included) and its conversations about solutions. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const organisations = await orRouteError(
    request,
    Promise.all(
      session.user.memberships.map(async (m) => {
        const [solutions, questions] = await Promise.all([listOrganisationSolutions(api, m.organisationId), listOrganisationQuestions(api, m.organisationId)]);
        return { id: m.organisationId, name: m.organisationName, solutions: solutions.items, questions: questions.items };
      }),
    ),
  );
  return { organisations };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('library.mineTitle'),
};

function QuestionTable({ id, items, caption }: { id: string; items: QuestionThreadSummary[]; caption: string }) {
  const { t, number, dateTime } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`questions-caption-${id}`}>
      <Table zebra data-size="sm">
        <caption id={`questions-caption-${id}`}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('field.subject')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('library.solutionColumn')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('library.withColumn')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('library.messagesColumn')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('library.lastMessageColumn')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((q) => (
            <Table.Row key={q.id}>
              <th scope="row">
                <AppLink to={`/losninger/sporsmal/${q.id}`}>{q.subject}</AppLink>
                {q.unread > 0 ? (
                  <>
                    {' '}
                    <Tag data-color="info" data-size="sm">
                      {t('library.unread', { count: number(q.unread) })}
                    </Tag>
                  </>
                ) : null}
              </th>
              <Table.Cell>{q.solutionTitle}</Table.Cell>
              <Table.Cell>{q.askingOrganisation.id === id ? q.ownerOrganisation.name : q.askingOrganisation.name}</Table.Cell>
              <Table.Cell className="num">{number(q.messages)}</Table.Cell>
              <Table.Cell>{dateTime(q.lastMessageAt)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function OrganisationSection({
  organisation: o,
}: {
  organisation: { id: string; name: string; solutions: SolutionSummary[]; questions: QuestionThreadSummary[] };
}) {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby={`organisation-${o.id}`}>
      <Heading level={2} data-size="sm" id={`organisation-${o.id}`}>
        {o.name}
      </Heading>
      <Heading level={3} data-size="xs">
        {t('library.mineSolutions')}
      </Heading>
      {o.solutions.length ? <SolutionList items={o.solutions} headingLevel={3} /> : <Paragraph>{t('library.mineNoSolutions')}</Paragraph>}
      <Heading level={3} data-size="xs">
        {t('library.mineQuestions')}
      </Heading>
      {o.questions.length ? (
        <QuestionTable id={o.id} items={o.questions} caption={t('library.mineQuestionsCaption', { organisation: o.name })} />
      ) : (
        <Paragraph>{t('library.mineNoQuestions')}</Paragraph>
      )}
    </section>
  );
}

export function Component() {
  const { organisations } = useLoaderData<Data>();
  const { t } = useI18n();
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/losninger">{t('library.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{t('library.mineTitle')}</PageHeading>
        <Paragraph className="lead">{t('library.mineLead')}</Paragraph>
        {organisations.length ? (
          <ul className="link-list">
            <li>
              <AppLink to="/losninger/ny">{t('library.createLink')}</AppLink>
            </li>
          </ul>
        ) : (
          <Paragraph>{t('library.form.noOrganisation')}</Paragraph>
        )}
      </div>
      {organisations.map((o) => (
        <OrganisationSection key={o.id} organisation={o} />
      ))}
    </div>
  );
}
