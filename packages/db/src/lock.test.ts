import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

const lockModule = join(import.meta.dirname, 'lock.ts');
const dirs: string[] = [];
const children: ChildProcess[] = [];

function freshDir() {
  const parent = mkdtempSync(join(tmpdir(), 'varde-lock-'));
  dirs.push(parent);
  return join(parent, 'db');
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Another process that tries to lock `dataDir`, reports "locked <pid>" or the error's message, and
 * then stays alive (holding the lock, if it got it) until it is killed.
 */
function lockInChild(dataDir: string): { child: ChildProcess; answer: Promise<string> } {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(lockModule)});
    try { await lockDataDir(${JSON.stringify(dataDir)}); console.log('locked ' + process.pid); }
    catch (error) { console.log(error.message); }
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const answer = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before answering: ${out}`)));
  });
  return { child, answer };
}

async function killHard(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** A pid that no process has: a child that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid!;
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

function writeRecord(dataDir: string, record: object) {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${dataDir}.lock`, JSON.stringify(record));
}

const owner = (dataDir: string) => JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as { pid: number; host: string; id: string };

describe('lockDataDir', () => {
  it('takes one lock for a directory and a symlink to it, whichever path comes first', async () => {
    const real = freshDir();
    mkdirSync(real);
    const link = join(real, '..', 'link');
    symlinkSync(real, link);

    const release = await lockDataDir(real);
    await expect(lockDataDir(link)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();

    const viaLink = await lockDataDir(link);
    await expect(lockDataDir(real)).rejects.toThrow(/already open in another Varde process/);
    expect(existsSync(`${link}.lock`)).toBe(false);
    expect(owner(real).pid).toBe(process.pid);
    await viaLink();
    expect(existsSync(`${real}.lock`)).toBe(false);
  });

  it('refuses while the owner lives, naming it, and takes over at once after kill -9', { timeout: 20_000 }, async () => {
    const dir = freshDir();
    const holder = lockInChild(dir);
    expect(await holder.answer).toBe(`locked ${holder.child.pid}`);

    const refused = await lockDataDir(dir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toMatch(/already open in another Varde process/);
    expect((refused as Error).message).toContain(`process ${holder.child.pid}`);

    await killHard(holder.child);
    const started = performance.now();
    const release = await lockDataDir(dir);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(owner(dir).pid).toBe(process.pid);
    await release();
  });

  it('refuses a second lock from this same process', async () => {
    const dir = freshDir();
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`process ${process.pid}`);
    await release();
  });

  it('takes over a record of a dead process on this host', async () => {
    const dir = freshDir();
    const pid = await deadPid();
    writeRecord(dir, { pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', processStart: null, id: 'old' });
    const release = await lockDataDir(dir);
    expect(owner(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    await release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a record whose pid now belongs to another process', async () => {
    const dir = freshDir();
    // This process' pid, but another start time: an earlier process that had the same pid (a container's pid 1).
    writeRecord(dir, { pid: process.pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', processStart: 'another-boot/1', id: 'old' });
    const release = await lockDataDir(dir);
    expect(owner(dir).id).not.toBe('old');
    await release();
  });

  it('takes over a record that cannot be read', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(`${dir}.lock`, '');
    const release = await lockDataDir(dir);
    expect(owner(dir).pid).toBe(process.pid);
    await release();
  });

  it("never takes over another host's lock, and says how to remove it", async () => {
    const dir = freshDir();
    const pid = await deadPid();
    writeRecord(dir, { pid, host: 'other-host.example', startedAt: '2026-01-01T00:00:00.000Z', processStart: null, id: 'theirs' });
    const refused = await lockDataDir(dir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    const message = (refused as Error).message;
    expect(message).toContain(`process ${pid} on host "other-host.example"`);
    expect(message).toContain(`delete "${dir}.lock"`);
    expect(owner(dir).id).toBe('theirs');
  });

  it('honours the lock directory of an older Varde while it is fresh, and clears it once stale', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    mkdirSync(`${dir}.lock`);
    await expect(lockDataDir(dir)).rejects.toThrow(/already open in another Varde process/);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(`${dir}.lock`, minuteAgo, minuteAgo);
    const release = await lockDataDir(dir);
    expect(owner(dir).pid).toBe(process.pid);
    await release();
  });

  it('release leaves a lock that is no longer ours', async () => {
    const dir = freshDir();
    const release = await lockDataDir(dir);
    writeRecord(dir, { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), processStart: null, id: 'someone-else' });
    await release();
    expect(owner(dir).id).toBe('someone-else');
  });

  it('lets exactly one of several processes take over the same dead lock', { timeout: 30_000 }, async () => {
    const dir = freshDir();
    writeRecord(dir, { pid: await deadPid(), host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', processStart: null, id: 'old' });
    const racers = Array.from({ length: 4 }, () => lockInChild(dir));
    const answers = await Promise.all(racers.map((r) => r.answer));
    const winners = answers.filter((a) => a.startsWith('locked '));
    expect(winners, answers.join('\n')).toHaveLength(1);
    expect(owner(dir).pid).toBe(Number(winners[0]!.slice('locked '.length)));
    for (const answer of answers.filter((a) => !a.startsWith('locked '))) expect(answer).toMatch(/already open in another Varde process/);
  });
});
