import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { AskBody, MessageBody, QuestionThread, QuestionThreadList, QuestionUnread } from '@varde/contracts/solutions-api';
import { apiError, ok } from '../../core/api-responses';
import { organisationPrivate, signedIn } from '../../core/route-permissions';
import type { QuestionService } from './question.service';

const tags = ['solutions'];
const notFound = apiError('No thread the caller’s organisations take part in (`not_found`)');

/** Questions to the people behind a solution: visible to the two organisations only. */
export async function questionRoutes(app: FastifyInstance, deps: { questions: QuestionService }) {
  const { questions } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/api/solutions/:id/questions',
    {
      config: signedIn,
      schema: {
        operationId: 'askSolutionContact',
        tags,
        summary: 'Ask the people behind a published solution (a member of another organisation)',
        description: 'The contact gets an e-mail (or, when they left, the owner organisation’s administrators). At most 50 messages per person a day (429).',
        params: Type.Object({ id: Uuid }),
        body: AskBody,
        response: {
          201: ok(QuestionThread, 'The new thread'),
          404: apiError('No such solution (`not_found`)'),
          409: apiError('Not published, or asked by an owner (`conflict`)'),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await questions.ask(request.params.id, request.auth!, request.body)),
  );

  r.get(
    '/api/solution-questions/unread',
    {
      config: signedIn,
      schema: {
        operationId: 'countUnreadSolutionQuestions',
        tags,
        summary: 'Messages from the other side in threads of the caller’s organisations, not read yet',
        response: { 200: ok(QuestionUnread, 'The count') },
      },
    },
    async (request) => questions.unread(request.auth!),
  );

  r.get(
    '/api/solution-questions/:threadId',
    {
      config: signedIn,
      schema: {
        operationId: 'getSolutionQuestion',
        tags,
        summary: 'A thread with its messages (members of the two organisations); opening it marks it read',
        params: Type.Object({ threadId: Uuid }),
        response: { 200: ok(QuestionThread, 'The thread'), 404: notFound },
      },
    },
    async (request) => questions.thread(request.params.threadId, request.auth!),
  );

  r.post(
    '/api/solution-questions/:threadId/messages',
    {
      config: signedIn,
      schema: {
        operationId: 'replySolutionQuestion',
        tags,
        summary: 'Write in a thread; the other side gets an e-mail and an unread message',
        params: Type.Object({ threadId: Uuid }),
        body: MessageBody,
        response: { 201: ok(QuestionThread, 'The thread'), 404: notFound, 409: apiError('The thread is full (`conflict`)') },
      },
    },
    async (request, reply) => reply.code(201).send(await questions.reply(request.params.threadId, request.auth!, request.body)),
  );

  r.get(
    '/api/organisations/:id/questions',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'listOrganisationQuestions',
        tags,
        summary: 'Question threads the organisation asked or was asked (its members only)',
        params: Type.Object({ id: Uuid }),
        response: { 200: ok(QuestionThreadList, 'Threads, newest message first') },
      },
    },
    async (request) => questions.listOf(request.params.id, request.auth!),
  );
}
