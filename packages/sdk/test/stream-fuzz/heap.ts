import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** V8's collector, reachable without starting Node with `--expose-gc`: a new context gets it once the flag is set. */
const collect = runInNewContext('gc') as () => void;

/** Bytes the heap holds after a full collection: what is really kept, not what is waiting to be collected. */
export function heapUsedAfterCollection(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

export const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
