export * from './common';
export * from './safety';
export * from './account';
export * from './episodes';
export * from './plan';
export * from './routes';
export * from './engine';
export * from './activity';
