/**
 * Lighthouse 12.2.3 (mobile defaults: emulated mid-range phone, simulated slow 4G) with Debian's
 * Chromium on the public pages. Prints performance and accessibility scores, the metrics, the bytes
 * transferred (scripts and in total) and the load average after each page's runs (Lighthouse simulates
 * the slow phone from the tasks it observes, so other work on the machine lengthens them and lowers the
 * score). Targets: performance ≥ 95, accessibility 100. Run with `npm run bench:web` (builds first).
 * Median of BENCH_RUNS runs (default 3); a run in which Lighthouse fails to record the trace (NO_NAVSTART
 * and the like, under heavy load) is repeated, up to three times. BENCH_PAGES picks pages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { freePort, machine, startServer, stop, waitFor } from './support';

const allPages = [
  '/',
  '/kommuner',
  '/kommuner/5033',
  '/ordninger',
  '/ordninger?municipality=5033',
  '/ordninger/digdir-medfinansiering?municipality=5033',
  '/frister',
];
// BENCH_PAGES=/kommuner,/frister measures only those.
const pages = process.env.BENCH_PAGES ? process.env.BENCH_PAGES.split(',') : allPages;
const runs = Number(process.env.BENCH_RUNS ?? 3);
// BENCH_REPORTS=folder keeps each run's Lighthouse report (JSON) there, to see where the time goes.
const reportDir = process.env.BENCH_REPORTS;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'varde-lh-'));
  const port = await freePort();
  const server = startServer({ PORT: String(port), DATA_DIR: join(dir, 'db'), DATABASE_URL: '' });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health/ready`);
  // chrome-launcher writes its log into the profile directory before Chromium creates it.
  mkdirSync(join(dir, 'chrome'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    userDataDir: join(dir, 'chrome'),
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  console.log(`Machine: ${machine()}; Lighthouse 12.2.3 mobile, median of ${runs}\n`);
  console.log('| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | JS KB | total KB | load average |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  let ok = true;
  try {
    for (const path of pages) {
      const samples: { perf: number; a11y: number; fcp: number; lcp: number; tbt: number; cls: number; js: number; total: number }[] = [];
      for (let i = 0; i < runs; i++) {
        let lhr: Result;
        let attempts = 0;
        do {
          attempts += 1;
          const result = await lighthouse(`${base}${path}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
          });
          lhr = result!.lhr;
        } while (typeof lhr.categories.performance?.score !== 'number' && attempts < 4);
        if (typeof lhr.categories.performance?.score !== 'number')
          throw new Error(`${path}: Lighthouse failed ${attempts} times (${lhr.runtimeError?.code ?? 'no score'})`);
        if (reportDir) {
          mkdirSync(reportDir, { recursive: true });
          writeFileSync(join(reportDir, `${path.replace(/[^a-z0-9]+/gi, '_')}-${i + 1}.json`), JSON.stringify(lhr));
        }
        const summary =
          (lhr.audits['resource-summary']?.details as unknown as { items: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
        samples.push({
          perf: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          a11y: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          fcp: lhr.audits['first-contentful-paint']?.numericValue ?? 0,
          lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
          tbt: lhr.audits['total-blocking-time']?.numericValue ?? 0,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
          js: summary.find((s) => s.resourceType === 'script')?.transferSize ?? 0,
          total: summary.find((s) => s.resourceType === 'total')?.transferSize ?? 0,
        });
      }
      const m = (key: keyof (typeof samples)[number]) => median(samples.map((s) => s[key]));
      if (m('perf') < 95 || m('a11y') < 100) ok = false;
      console.log(
        `| ${path} | ${m('perf')} | ${m('a11y')} | ${Math.round(m('fcp'))} | ${Math.round(m('lcp'))} | ${Math.round(m('tbt'))} | ${m('cls').toFixed(3)} | ${(m('js') / 1024).toFixed(1)} | ${(m('total') / 1024).toFixed(1)} | ${loadavg()[0]!.toFixed(1)} |`,
      );
    }
  } finally {
    await chrome.kill();
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(ok ? '\nTargets met (performance ≥ 95, accessibility 100).' : '\nBelow target on at least one page.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
