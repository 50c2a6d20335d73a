/**
 * Everything the scheme API answers, in one import: the catalogue, the finder, the pipeline, the
 * needs profile, calendar feeds, saved searches and notifications. Each part has its own module
 * (`catalogue-api`, `finder-api`, `pipeline-api`, `needs-api`, `calendar-feeds-api`, `alerts-api`);
 * this one only re-exports them.
 */
export * from './catalogue-api';
export * from './finder-api';
export * from './pipeline-api';
export * from './needs-api';
export * from './calendar-feeds-api';
export * from './alerts-api';
export { eligibilityRoles, notificationKinds, reasonKinds, verdicts } from './vocabulary';
