// A fixed number of async workers over a list: how set-up and stream opening keep `concurrency` requests in
// flight without a library.

/** Runs `task(item, index)` over `items` with at most `concurrency` at once; results in input order. */
export async function runPool(items, concurrency, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
