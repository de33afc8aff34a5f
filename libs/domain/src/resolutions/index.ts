export * from './register.rules';
export * from './operational-plan.rules';
