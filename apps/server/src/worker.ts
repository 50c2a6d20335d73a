/**
 * The worker (ADR 010): each app server runs it beside the web server. Every WORKER_INTERVAL_SECONDS,
 * and soon after each successful API write (which may have queued mail or changed the catalogue), it
 * runs one round of the scheduled work and sends due mail (`jobsService.runDue`). Rounds never
 * overlap within a process; across processes the database's claims keep work from being done twice.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { JobsService } from './modules/jobs/jobs.service';

export interface Worker {
  /** Asks for a round soon (several asks while one runs make one more round). */
  wake(): void;
  /** Stops the timer and waits for the running round. */
  stop(): Promise<void>;
}

export function startWorker(deps: { jobs: JobsService; intervalSeconds: number; log: FastifyBaseLogger }): Worker {
  const { jobs, log } = deps;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const round = async () => {
    try {
      const report = await jobs.runDue();
      if (Object.values(report).some((n) => n > 0)) log.info({ jobs: report }, 'worker round');
    } catch (error) {
      log.error({ err: error }, 'worker round failed');
    }
  };

  function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        run();
      }
    });
  }

  const timer = setInterval(run, Math.max(1, deps.intervalSeconds) * 1000);
  timer.unref();
  // The first round at start: mail queued while no server ran, and today's work.
  setImmediate(run);

  return {
    wake: () => setImmediate(run),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
