import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database in "${dataDir}" is already open in another Varde process. ` +
        'PGlite allows one process per data directory; stop the other process (npm start, npm run cli) ' +
        'or point DATA_DIR at another directory, or use DATABASE_URL for a PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes an exclusive lock on the embedded data directory. PGlite has no lock of its own, and a second
 * process writing the same directory silently loses the first one's commits. The lock is refreshed while
 * the process lives and counts as stale 30 s after a crash, so a killed server does not block forever.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    const release = await lockfile.lock(dataDir, {
      stale: 30_000,
      update: 10_000,
      realpath: false,
      lockfilePath: `${dataDir}.lock`,
      onCompromised: (error) => {
        // Losing the lock means another process may write the same files: stop rather than corrupt data.
        console.error(`Lost the lock on ${dataDir}: ${error.message}`);
        process.exit(70);
      },
    });
    return release;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}
