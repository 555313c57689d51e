export * from './progress';
export * from './spread';
export * from './expectation';
export * from './helped';
