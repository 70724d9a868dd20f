export * from './buyer';
export * from './classes';
export * from './common';
export * from './identity';
export * from './order';
export * from './settings';
export * from './tag';
export * from './time';
