/**
 * A new embedded data directory starts as a copy of an empty PGlite cluster made once per PGlite
 * version, instead of PGlite running initdb in it (docs/decisions/008-compiled-server-build.md).
 *
 * PGlite creates a data directory by running initdb in a second, in-memory instance, then writing that
 * instance's files into the directory: about three quarters of a first start. The template is exactly
 * those files, made by PGlite itself (`PGlite.create` on a temporary directory, closed cleanly) when the
 * server is built, and kept under `node_modules/.cache/varde/` with the PGlite version in its name: a
 * PGlite upgrade (or `npm ci`) makes a new one. Migrations and the reference data still run at start.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file PGlite looks for to decide that a directory holds a cluster; copied last. */
const MARKER = 'PG_VERSION';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function pgliteVersion(): string {
  // The package's exports do not include its package.json: find it beside the entry (dist/index.cjs).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = join(dirname(entry), '../package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Where the template for the installed PGlite lives (it may not exist yet). */
export function clusterTemplateDir(cacheRoot = join(repoRoot, 'node_modules/.cache/varde')): string {
  return join(cacheRoot, `pglite-${pgliteVersion()}-cluster`);
}

/** Makes the template unless it exists; returns whether it was made. Safe to run from two builds at once. */
export async function prepareClusterTemplate(dir = clusterTemplateDir()): Promise<boolean> {
  if (existsSync(join(dir, MARKER))) return false;
  const { PGlite } = await import('@electric-sql/pglite');
  const scratch = `${dir}.${process.pid}.tmp`;
  rmSync(scratch, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  const pglite = await PGlite.create({ dataDir: scratch });
  await pglite.close();
  try {
    renameSync(scratch, dir);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    // Another build made it first.
    if (!existsSync(join(dir, MARKER))) throw error;
  }
  return true;
}

/**
 * Copies the template into `dataDir` (which holds no cluster). PG_VERSION comes last, so a copy cut
 * short is not taken for a cluster: the next start copies again over it.
 */
export async function copyClusterTemplate(template: string, dataDir: string): Promise<boolean> {
  if (!existsSync(join(template, MARKER))) return false;
  await copyTree(template, dataDir, true);
  await copyFile(join(template, MARKER), join(dataDir, MARKER));
  return true;
}

async function copyTree(from: string, to: string, top: boolean): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => !(top && entry.name === MARKER))
      .map((entry) =>
        entry.isDirectory() ? copyTree(join(from, entry.name), join(to, entry.name), false) : copyFile(join(from, entry.name), join(to, entry.name)),
      ),
  );
}
