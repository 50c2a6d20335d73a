import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionKeys } from './audit-table';

const serverSources = join(__dirname, '../../../../../server/src');

/** Every `action: '…'` the server writes to the audit log (both names of `action: c ? 'a.b' : 'a.c'`). */
function actionsWritten(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return actionsWritten(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/action: ([^,\n]+)/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((q) => q[1]!));
  });
}

describe('audit table', () => {
  it('has a sentence for every action the server writes to the audit log', () => {
    const written = [...new Set(actionsWritten(serverSources))].sort();
    expect(written.length).toBeGreaterThan(10);
    expect(written.filter((action) => !(action in actionKeys))).toEqual([]);
  });
});
