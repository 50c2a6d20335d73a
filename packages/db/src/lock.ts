import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a data directory: written once, complete, when the lock is taken. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken (ISO). */
  startedAt: string;
  /**
   * The owner process' identity beyond its pid, so that a pid reused by another process is not taken
   * for the owner: Linux boot id and the process' start time in clock ticks since boot, or null.
   */
  processStart: string | null;
  /** Random, per lock: release removes the file only while it still holds this one. */
  id: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly owner: Pick<LockOwner, 'pid' | 'host' | 'startedAt'> | null,
  ) {
    super(lockedMessage(dataDir, lockPath, owner));
    this.name = 'DataDirLockedError';
  }
}

function lockedMessage(dataDir: string, lockPath: string, owner: Pick<LockOwner, 'pid' | 'host' | 'startedAt'> | null): string {
  const advice =
    'PGlite allows one process per data directory; stop the other process (npm start, npm run cli) ' +
    'or point DATA_DIR at another directory, or use DATABASE_URL for a PostgreSQL server.';
  if (!owner) return `The embedded database in "${dataDir}" is already open in another Varde process. ${advice}`;
  if (owner.host !== hostname()) {
    return (
      `The embedded database in "${dataDir}" is locked by process ${owner.pid} on host "${owner.host}" (since ${owner.startedAt}). ` +
      `Varde cannot tell from here whether that process still runs, so it never takes over another host's lock. ` +
      `If that host is gone or no longer runs Varde on this directory, delete "${lockPath}" and start again. ${advice}`
    );
  }
  return `The embedded database in "${dataDir}" is already open in another Varde process (process ${owner.pid}, since ${owner.startedAt}). ${advice}`;
}

/** An older Varde (proper-lockfile) locked with a directory at the same path, refreshed every 10 s. */
const LEGACY_STALE_MS = 30_000;
/** A takeover holds its mutex for microseconds; one older than this was left by a crash mid-takeover. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Takes an exclusive lock on the embedded data directory. PGlite has no lock of its own, and a second
 * process writing the same directory silently loses the first one's commits.
 *
 * The lock is a file beside the directory's real path (`<realpath>.lock`, so a symlink and its target
 * share one lock) holding an owner record: process id, host name, when, and the process' start time. A
 * lock whose owner is a dead process on this host is taken over at once (after kill -9 the server
 * restarts straight away); a live owner, or a lock from another host, is refused.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = `${realpathSync(dataDir)}.lock`;
  const mine: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    processStart: processStart(process.pid),
    id: randomUUID(),
  };
  const record = `${JSON.stringify(mine)}\n`;

  for (let attempt = 0; attempt < 50; attempt++) {
    if (create(lockPath, record)) return release(lockPath, mine.id);
    const current = read(lockPath);
    if (current === 'gone') continue;
    if (current === 'legacy') {
      const { mtimeMs } = statSync(lockPath, { throwIfNoEntry: false }) ?? { mtimeMs: 0 };
      if (Date.now() - mtimeMs < LEGACY_STALE_MS) throw new DataDirLockedError(dataDir, lockPath, null);
      try {
        rmdirSync(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      continue;
    }
    if (current.owner) {
      if (current.owner.host !== mine.host) throw new DataDirLockedError(dataDir, lockPath, current.owner);
      if (ownerAlive(current.owner)) throw new DataDirLockedError(dataDir, lockPath, current.owner);
    }
    // The owner is dead (or the record unreadable, which no live Varde leaves: records appear whole).
    if (takeOver(lockPath, current.text, record)) return release(lockPath, mine.id);
    // Someone else changed the lock meanwhile: judge the new one.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new DataDirLockedError(dataDir, lockPath, null);
}

/** Creates the lock file only if there is none, with its whole record: a reader never sees half of it. */
function create(lockPath: string, record: string): boolean {
  const temp = writeTemp(lockPath, record);
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function writeTemp(lockPath: string, text: string): string {
  const temp = `${lockPath}.${process.pid}.${randomUUID()}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return temp;
}

function read(lockPath: string): 'gone' | 'legacy' | { text: string; owner: LockOwner | null } {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'gone';
    if (code === 'EISDIR') return 'legacy';
    throw error;
  }
  return { text, owner: parseOwner(text) };
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 0 || typeof value.host !== 'string') return null;
    return {
      pid: value.pid as number,
      host: value.host,
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '?',
      processStart: typeof value.processStart === 'string' ? value.processStart : null,
      id: typeof value.id === 'string' ? value.id : '',
    };
  } catch {
    return null;
  }
}

/**
 * Replaces a dead owner's record with ours, if it is still that record. Takers serialise on a second,
 * exclusive file, so two processes that both found the same dead owner cannot both win.
 */
function takeOver(lockPath: string, deadText: string, record: string): boolean {
  const mutex = `${lockPath}.takeover`;
  let fd: number;
  try {
    fd = openSync(mutex, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const stat = statSync(mutex, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > TAKEOVER_STALE_MS) unlinkSync(mutex);
    return false;
  }
  try {
    const current = read(lockPath);
    if (typeof current !== 'object' || current.text !== deadText) return false;
    renameSync(writeTemp(lockPath, record), lockPath);
    return true;
  } finally {
    closeSync(fd);
    unlinkSync(mutex);
  }
}

function release(lockPath: string, id: string): () => Promise<void> {
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const current = read(lockPath);
    // Only our own record: a lock someone else holds now is theirs to remove.
    if (typeof current === 'object' && current.owner?.id === id) unlinkSync(lockPath);
  };
}

/** Whether the owner (on this host) still runs: the pid exists, is no zombie, and started when the owner did. */
function ownerAlive(owner: LockOwner): boolean {
  if (owner.pid === process.pid) {
    // This very process, or an earlier one that had the same pid (a restarted container's pid 1).
    if (owner.processStart && processStart(process.pid)) return owner.processStart === processStart(process.pid);
    return Date.parse(owner.startedAt) >= Date.now() - process.uptime() * 1000 - 1000;
  }
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = procStat(owner.pid);
  if (stat && (stat.state === 'Z' || stat.state === 'X')) return false;
  const now = processStart(owner.pid);
  // A different start time means the pid now belongs to another process (or the machine rebooted).
  if (owner.processStart && now) return owner.processStart === now;
  return true;
}

function procStat(pid: number): { state: string; startTicks: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (2nd field) is in parentheses and may contain spaces: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
    const startTicks = fields[19];
    return fields[0] && startTicks ? { state: fields[0], startTicks } : null;
  } catch {
    return null;
  }
}

let bootId: string | null | undefined;

/** `<boot id>/<start time in ticks>` of a process on Linux; null where /proc is not available. */
function processStart(pid: number): string | null {
  if (bootId === undefined) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = null;
    }
  }
  const stat = procStat(pid);
  return bootId && stat ? `${bootId}/${stat.startTicks}` : null;
}
