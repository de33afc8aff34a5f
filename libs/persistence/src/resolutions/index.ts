export * from './resolution.repository';
export * from './plan.repository';
