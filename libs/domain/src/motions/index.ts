export * from './motion.types';
export * from './motions-ruleset';
export * from './submission.rules';
export * from './emergency-motion.rules';
export * from './motion-lifecycle.rules';
export * from './amendment.rules';
export * from './compositing.rules';
export * from './order-of-business.rules';
