export * from './election-post.repository';
export * from './election-ballot.repository';
