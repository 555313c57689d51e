export * from './regions';
export * from './muscles';
export * from './regionPain';
export * from './checkInPrefill';
