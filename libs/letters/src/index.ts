export * from './letter-kinds';
export * from './letter-renderer';
export * from './templates';
export * from './sample-data';
export * from './pdf/pdf-engine';
export { formatDate, plural, listOf } from './helpers';
