/**
 * Sign-in without JavaScript: the sign-in page's form posts here (`POST /logg-inn`, form-encoded) before
 * the page's scripts have loaded, or when they never do. A match sets the session cookie and sends the
 * browser on (303) to `neste` or `/min-kommune`; anything else sends it back to the sign-in page with the
 * problem named in `feil` (a closed list the page translates). The password never goes into an address.
 * With JavaScript the same form calls `POST /api/auth/login` instead.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, limits } from '@varde/contracts';
import { safeNextPath, type LoginFormProblem } from '@varde/contracts/sign-in';
import type { AppConfig } from '../../config';
import { AppError } from '../../core/app-error';
import { setSessionCookie } from '../../core/cookies';
import { publicAccess } from '../../core/route-permissions';
import type { AuthService } from './auth.service';

/** A sign-in form is an e-mail address, a password and where to go next: a few hundred bytes. */
const FORM_BODY_LIMIT = 8 * 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type FormBody = Record<string, string>;

/** Text that can be compared and stored: no NUL or other control characters, no lone surrogates. */
const isCleanText = (text: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text) && (text as string & { isWellFormed(): boolean }).isWellFormed();

/** The form's problems before any password is checked, in the order of its fields. */
export function loginFormProblemsOf(email: string, password: string): LoginFormProblem[] {
  const problems: LoginFormProblem[] = [];
  if (!email.trim()) problems.push('email_required');
  else if (email.length > limits.emailMax || !isCleanText(email) || !EMAIL.test(email.trim())) problems.push('email_invalid');
  if (!password) problems.push('password_required');
  else if (password.length > limits.passwordMax || !isCleanText(password)) problems.push('invalid_credentials');
  return problems;
}

/** The sign-in page again, naming the problems; `neste` is kept (it is checked again when used). */
function backToForm(reply: FastifyReply, next: string | null, problems: readonly LoginFormProblem[]) {
  const params = new URLSearchParams();
  if (next) params.set('neste', next);
  for (const problem of problems) params.append('feil', problem);
  return reply.header('cache-control', 'no-store').redirect(`/logg-inn?${params.toString()}`, 303);
}

export async function loginFormRoutes(app: FastifyInstance, { service, config }: { service: AuthService; config: AppConfig }) {
  // In this scope only: the browser's form encoding. Every other route reads JSON alone.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    const form: FormBody = {};
    for (const [name, value] of new URLSearchParams(String(body))) if (!(name in form)) form[name] = value;
    done(null, form);
  });

  app.post(
    '/logg-inn',
    {
      config: { ...publicAccess, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { hide: true },
      // Too many attempts, an unreadable body: the page says so instead of answering with JSON.
      errorHandler: (error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
        const next = typeof (request.body as FormBody | undefined)?.neste === 'string' ? (request.body as FormBody).neste! : null;
        if (error.statusCode === 429) return backToForm(reply, next, ['rate_limited']);
        if (error.statusCode && error.statusCode < 500) return backToForm(reply, next, ['unreadable']);
        request.log.error({ err: error }, 'sign-in form');
        return backToForm(reply, next, ['internal']);
      },
    },
    async (request, reply) => {
      const form: FormBody = request.body && typeof request.body === 'object' ? (request.body as FormBody) : {};
      const next = form.neste ?? null;
      const email = form.email ?? '';
      const password = form.password ?? '';
      const problems = loginFormProblemsOf(email, password);
      if (problems.length) return backToForm(reply, next, problems);
      try {
        const { token, expiresAt } = await service.login({ email: email.trim(), password });
        setSessionCookie(reply, config, token, expiresAt);
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.invalidCredentials) return backToForm(reply, next, ['invalid_credentials']);
        throw error;
      }
      return reply.header('cache-control', 'no-store').redirect(safeNextPath(next), 303);
    },
  );
}
