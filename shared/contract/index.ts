export * from './codes.ts';
export type * from './report.ts';
export * from './api.ts';
export * from './errors.ts';
