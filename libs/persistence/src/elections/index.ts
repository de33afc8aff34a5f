export * from './election-post.repository';
