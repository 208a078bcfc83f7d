export * from './accepts-mime.js';
export * from './backoff.js';
export * from './campaign-template.js';
export * from './guards.js';
export * from './types.js';
