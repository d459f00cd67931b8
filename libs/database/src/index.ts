export * from './data-source';
export * from './database.module';
export * from './application-role';
export { numericToNumber } from './columns';
export { returning } from './returning';
export { CopyWriter } from './copy-writer';
export { isUniqueViolation } from './unique-violation';
