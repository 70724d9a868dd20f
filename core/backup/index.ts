export * from './backup';
export * from './base64';
export * from './crypto';
export * from './errors';
export * from './format';
export * from './mergeTags';
export * from './passphrase';
export * from './restore';
