export * from './regions';
export * from './muscles';
