/**
 * The scheme catalogue as shipped data: one JSON file per scheme in `data/schemes/`, each a `Scheme`
 * (see packages/contracts/src/schemes.ts). Reading it validates every file against the schema and
 * checks what the schema alone cannot: properties the schema does not know, web addresses that are
 * not https on a public host, references between facts and their sources, unique ids, real days,
 * deadline times with their sources, no source checked after today, rounds, lifecycle, and amounts
 * and shares that agree with each other; then,
 * across files, that an owner id has the same names everywhere and that successors exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Value } from 'typebox/value';
import { Scheme } from '@varde/contracts/schemes';
import { checkCatalogueIntegrity, checkSchemeIntegrity } from '@varde/domain/scheme-integrity';
import { readReferenceJson } from './reference-data';

export const schemeCatalogueDir = fileURLToPath(new URL('../../../data/schemes/', import.meta.url));

/** Thrown with every problem found, one per line, each naming the file and the JSON path. */
export class SchemeCatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`Scheme catalogue has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'SchemeCatalogueError';
  }
}

/**
 * Reads, validates and returns every scheme in `dir`, sorted by id; throws one error listing all
 * problems. `now` is the clock a source's "checked" day is compared with.
 */
export function readSchemeCatalogue(dir: string = schemeCatalogueDir, now: Date = new Date()): Scheme[] {
  const problems: string[] = [];
  const schemes: Scheme[] = [];
  const fileById = new Map<string, string>();
  const countyCodes = knownCountyCodes();

  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) problems.push(`${dir}: no scheme files (*.json)`);

  for (const file of files) {
    const report = (path: string, message: string) => problems.push(`${file}: ${path || '/'}: ${message}`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      report('', `not valid JSON (${(error as Error).message})`);
      continue;
    }

    const schemaErrors = Value.Errors(Scheme, data);
    if (schemaErrors.length > 0) {
      const seen = new Set<string>();
      for (const e of schemaErrors) {
        const line = `${e.instancePath || '/'}: ${e.message}`;
        if (seen.has(line)) continue;
        seen.add(line);
        report(e.instancePath, e.message);
      }
      continue;
    }
    const scheme = data as Scheme;
    checkScheme(scheme, file, countyCodes, now, report);

    const earlier = fileById.get(scheme.id);
    if (earlier) report('/id', `id "${scheme.id}" is also used by ${earlier}`);
    else fileById.set(scheme.id, file);
    schemes.push(scheme);
  }

  // Across files: one owner id, one set of names; successors that exist.
  for (const problem of checkCatalogueIntegrity(schemes)) {
    problems.push(`${fileById.get(problem.schemeId) ?? problem.schemeId}: /${problem.path.replaceAll('.', '/')}: ${problem.detail}`);
  }

  if (problems.length > 0) throw new SchemeCatalogueError(problems);
  return schemes.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The file-name rule, then the integrity check the app's scheme edits use too (unknown properties,
 * https addresses on public hosts, sources, dates, amounts), as JSON pointers.
 */
function checkScheme(scheme: Scheme, file: string, countyCodes: Set<string> | null, now: Date, report: (path: string, message: string) => void): void {
  const expectedId = basename(file, '.json');
  if (scheme.id !== expectedId) report('/id', `id "${scheme.id}" does not match the file name (expected "${expectedId}")`);
  for (const problem of checkSchemeIntegrity(scheme, countyCodes, now)) report(`/${problem.path.replaceAll('.', '/')}`, problem.detail);
}

function knownCountyCodes(): Set<string> | null {
  try {
    return new Set(readReferenceJson<{ code: string }[]>('counties.json').map((c) => c.code));
  } catch {
    return null;
  }
}
