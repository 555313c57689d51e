export * from './safety';
export * from './triage';
export * from './pain';
export * from './painMonitoring';
export * from './psfs';
export * from './safetySteps';
export * from './legRecheck';
