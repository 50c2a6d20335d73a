/**
 * Compiles the server for `npm start` (docs/decisions/008-compiled-server-build.md).
 *
 * 1. esbuild bundles `src/server.ts` and `src/cli.ts` with the workspace packages they import
 *    (@varde/contracts, domain, db: TypeScript sources) into `dist/server.js` and `dist/cli.js`, shared
 *    code in `dist/chunk-*.js`. npm packages stay imports that Node resolves from node_modules at run
 *    time (PGlite loads its WebAssembly from its own folder, the API docs serve files from theirs),
 *    except the pure ES-module libraries in BUNDLED: Node reads, resolves and compiles each of their
 *    files one by one (TypeBox alone is about 700), which cost half of the start-up's import time.
 *    Nothing outside the bundle imports them, so there is one copy of each.
 * 2. `import.meta.url` in a bundled source file still means that source file's address: each is
 *    rewritten to the source file's path relative to the bundle, so `new URL('../migrations',
 *    import.meta.url)` and the other repository-relative paths (data/, apps/web/dist) resolve as they
 *    do when the sources run through tsx.
 * 3. The empty PGlite cluster that new data directories start from is made once per PGlite version
 *    (packages/db/src/cluster-template.ts); a build with it in place skips this step.
 */
import { renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const serverDir = import.meta.dirname;
const outdir = resolve(serverDir, 'dist');
const repoRoot = resolve(serverDir, '../..');

const BUNDLED = ['typebox', 'drizzle-orm'];
const bundled = (specifier) => specifier.startsWith('@varde/') || BUNDLED.some((name) => specifier === name || specifier.startsWith(`${name}/`));

/** @type {import('esbuild').Plugin} */
const sources = {
  name: 'varde-sources',
  setup(build) {
    // Bare imports are npm packages (or Node's own modules): left to Node at run time unless bundled.
    build.onResolve({ filter: /^[^./]/ }, (args) => (bundled(args.path) ? undefined : { path: args.path, external: true }));
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(outdir, args.path).split('\\').join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};

const started = performance.now();
// Built beside dist/ and swapped in at the end: old hashed chunks do not pile up, and a server starting
// during a build finds the whole previous build or the whole new one. The addresses rewritten above
// are relative to dist/, which the scratch folder sits beside.
const scratch = `${outdir}.${process.pid}.tmp`;
rmSync(scratch, { recursive: true, force: true });
const result = await build({
  absWorkingDir: repoRoot,
  entryPoints: {
    server: join(serverDir, 'src/server.ts'),
    cli: join(serverDir, 'src/cli.ts'),
    'cluster-template': join(repoRoot, 'packages/db/src/cluster-template.ts'),
  },
  outdir: scratch,
  bundle: true,
  splitting: true,
  // Beside the entries, not in a subfolder: the rewritten addresses are relative to dist/.
  chunkNames: 'chunk-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [sources],
});
rmSync(outdir, { recursive: true, force: true });
renameSync(scratch, outdir);
const kilobytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, output]) => sum + output.bytes / 1024, 0);
console.log(`Server built into ${relative(process.cwd(), outdir) || '.'} (${Math.round(kilobytes)} KB) in ${Math.round(performance.now() - started)} ms`);

const templateStarted = performance.now();
const { clusterTemplateDir, prepareClusterTemplate } = await import(pathToFileURL(join(outdir, 'cluster-template.js')).href);
if (await prepareClusterTemplate()) {
  console.log(
    `Empty PGlite cluster for new data directories made in ${relative(process.cwd(), clusterTemplateDir())} (${Math.round(performance.now() - templateStarted)} ms)`,
  );
}
