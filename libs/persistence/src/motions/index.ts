export * from './motion.repository';
