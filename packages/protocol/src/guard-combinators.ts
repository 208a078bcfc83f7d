/**
 * The building blocks of the runtime guards: a few tiny combinators that check one value and name the first wrong
 * field. The wire types' guards (`wire-guards.ts`, `guards.ts`) and the agent API's (`agent/agent-guards.ts`) are
 * written with them. They ship in browsers, so they stay hand-written and small.
 */

/**
 * Data from a backend does not have the shape the protocol promises.
 *
 * @example
 * try { parseMessage(json) } catch (error) { if (error instanceof InvalidDataError) console.warn(error.path) }
 */
export class InvalidDataError extends Error {
  override readonly name = 'InvalidDataError';
  /** Where the wrong value sits, e.g. `message.author.role`. */
  declare readonly path: string;
  /** What the contract expects there, e.g. `one of visitor, agent, bot, system`. */
  declare readonly expected: string;
  /** The value that was found. */
  declare readonly value: unknown;

  constructor(path: string, expected: string, value: unknown) {
    super(`${path} must be ${expected}`);
    Object.assign(this, { path, expected, value });
  }
}

/** Checks `value` at `path` and returns it typed, or throws {@link InvalidDataError}. */
export type Guard<T> = (value: unknown, path: string) => T;

export function fail(path: string, expected: string, value: unknown): never {
  throw new InvalidDataError(path, expected, value);
}

export const string: Guard<string> = (value, path) =>
  typeof value === 'string' ? value : fail(path, 'a string', value);
export const boolean: Guard<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, 'a boolean', value);
export const number: Guard<number> = (value, path) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a number', value);
/** Sequence numbers, sizes and counts: whole numbers from 0. */
export const count: Guard<number> = (value, path) =>
  Number.isInteger(value) && (value as number) >= 0
    ? (value as number)
    : fail(path, 'a whole number ≥ 0', value);

export function oneOf<const T extends string>(...values: T[]): Guard<T> {
  return (value, path) =>
    values.includes(value as T) ? (value as T) : fail(path, `one of ${values.join(', ')}`, value);
}

export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value, path) => (value === undefined ? undefined : guard(value, path));
}

export const optionalString = optional(string);

export function array<T>(guard: Guard<T>): Guard<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'an array', value);
    value.forEach((item, index) => {
      guard(item, `${path}[${index}]`);
    });
    return value as T[];
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object whose listed fields pass their guards; other fields are kept as they are. */
export function object<T>(shape: Record<string, Guard<unknown>>): Guard<T> {
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'an object', value);
    for (const key in shape) shape[key]?.(value[key], `${path}.${key}`);
    return value as T;
  };
}

/** One of several object shapes, chosen by its `type` field. */
export function variant<T>(shapes: Record<string, Record<string, Guard<unknown>>>): Guard<T> {
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'an object', value);
    // Built per call, so an unused variant costs nothing in a bundle (no work at import).
    const type = oneOf(...Object.keys(shapes))(value.type, `${path}.type`);
    const shape = shapes[type] as Record<string, Guard<unknown>>;
    return object<T>(shape)(value, path);
  };
}

export function record<T>(guard: Guard<T>): Guard<Record<string, T>> {
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'an object', value);
    for (const key in value) guard(value[key], `${path}.${key}`);
    return value as Record<string, T>;
  };
}

/** Builds a `parseX(value)` whose error paths start with `root`. */
export const parser =
  <T>(guard: Guard<T>, root: string) =>
  (value: unknown): T =>
    guard(value, root);

/** The data of a stream event as JSON; {@link InvalidDataError} (path `data`, expected `JSON`) when it is not. */
export function parseJson(dataText: string): unknown {
  try {
    return JSON.parse(dataText);
  } catch {
    return fail('data', 'JSON', dataText);
  }
}
