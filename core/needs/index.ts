export type { NeedsDto } from './dto';
export * from './kinds';
export * from './latest';
export * from './lexicon';
export * from './match';
export * from './orientation';
export * from './record';
