export * from './billed';
export * from './audit';
export * from './batch';
