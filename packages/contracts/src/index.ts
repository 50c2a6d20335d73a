export * from './errors';
export * from './vocabulary';
export * from './schemas';
export { translate, isMessageKey, catalogues, type MessageParams } from './i18n/translate';
export type { MessageKey, Messages } from './i18n/nb';
export * from './mapping-vocabulary';
export * from './mapping-api';
export * from './solutions-vocabulary';
export * from './solutions-api';
