/**
 * The Sapa conformance kit: checks any backend against the visitor side of the protocol. Node only; kept out
 * of the main entry so browsers never bundle it.
 */
export type { SseFrame } from '../sse-parser.js';
export { CHECKS } from './checks.js';
export type {
  CheckLevel,
  ConformanceCheck,
  ConformanceOptions,
  ConformanceReport,
} from './conformance-types.js';
export { ConformanceFailure } from './expectations.js';
export { CHECK_LEVELS, runConformance } from './run-conformance.js';
export { SseReader } from './sse-reader.js';
