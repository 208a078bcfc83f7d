export * from './guards.js';
export * from './types.js';
