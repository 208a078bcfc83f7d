/**
 * The Sapa conformance kit: checks any backend against the visitor side of the protocol. Node only; kept out
 * of the main entry so browsers never bundle it.
 */
export {
  CHECKS,
  type ConformanceCheck,
  ConformanceFailure,
  type ConformanceOptions,
  type ConformanceReport,
  runConformance,
} from './run-conformance.js';
export { type SseFrame, SseReader } from './sse-reader.js';
