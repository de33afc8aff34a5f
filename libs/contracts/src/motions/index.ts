// Motions DTOs and socket messages.
export * from './motion.dto';
