export { createDb, runMigrations, migrationsFolder, selectRows, type AppDb, type DbOrTx, type Database, type CreateDbOptions } from './client';
export { DataDirLockedError } from './lock';
export { seedReferenceData, type SeedReport } from './seed';
export { seedSchemeCatalogue, schemeHash, type SchemeSeedReport } from './seed-schemes';
export { readSchemeCatalogue, schemeCatalogueDir, SchemeCatalogueError } from './scheme-catalogue';
export { canonicalJson } from './canonical-json';
export { referenceDataDir, readReferenceJson } from './reference-data';
export * as schema from './schema';
export { backupEmbedded, restoreDump, portableDump, RestoreTargetNotEmptyError } from './backup';
