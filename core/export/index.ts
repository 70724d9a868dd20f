export * from './buyers';
export * from './cells';
export * from './filename';
export * from './rejects';
