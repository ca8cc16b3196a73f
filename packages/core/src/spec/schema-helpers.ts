/**
 * @module Small zod 4 schema builders whose issues read `expected X, received Y`.
 *
 * Each builder attaches an error map that words the issue once, where the allowed values are
 * known; {@link toSpecError} in `format-issue.ts` only adds the path in front.
 */
import { z } from 'zod';

/** A value as it appears in a message: strings quoted, lists and objects summarised. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** `expected <allowed>, received <value>`, or `…, but it is missing` for an absent value. */
export function expectation(allowed: string, received: unknown): string {
  if (received === undefined) return `expected ${allowed}, but it is missing`;
  return `expected ${allowed}, received ${formatValue(received)}`;
}

/** Zod's error-map parameter that words every issue of a schema as {@link expectation}. */
function expecting(allowed: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => expectation(allowed, issue.input) };
}

/** `'a', 'b' or 'c'` (or `… and 'c'`): quoted strings listed for a message. */
export function listChoices(values: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length < 2) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** An integer of at least `minimum`. */
export function integerAtLeast(minimum: number) {
  const words = expecting(`an integer ≥ ${minimum}`);
  return z.int(words).min(minimum, words);
}

/** Bounds of {@link numberWithin}; a missing bound is open. */
export interface NumberBounds {
  /** `≥ atLeast`. */
  atLeast?: number;
  /** `> above`. */
  above?: number;
  /** `< below`. */
  below?: number;
  /** `≤ atMost`. */
  atMost?: number;
}

function describeBounds(bounds: NumberBounds): string {
  const parts: string[] = [];
  if (bounds.atLeast !== undefined) parts.push(`≥ ${bounds.atLeast}`);
  if (bounds.above !== undefined) parts.push(`> ${bounds.above}`);
  if (bounds.below !== undefined) parts.push(`< ${bounds.below}`);
  if (bounds.atMost !== undefined) parts.push(`≤ ${bounds.atMost}`);
  return parts.length === 0 ? 'a finite number' : `a number ${parts.join(' and ')}`;
}

/** A finite number within `bounds`. */
export function numberWithin(bounds: NumberBounds) {
  const words = expecting(describeBounds(bounds));
  let schema = z.number(words);
  if (bounds.atLeast !== undefined) schema = schema.gte(bounds.atLeast, words);
  if (bounds.above !== undefined) schema = schema.gt(bounds.above, words);
  if (bounds.below !== undefined) schema = schema.lt(bounds.below, words);
  if (bounds.atMost !== undefined) schema = schema.lte(bounds.atMost, words);
  return schema;
}

/** One of the listed strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, expecting(`one of ${listChoices(values)}`));
}

/** Exactly `value`. */
export function exactly<const T extends string>(value: T) {
  return z.literal(value, expecting(`'${value}'`));
}

/** `true` or `false`. */
export function flag() {
  return z.boolean(expecting('true or false'));
}

/** A non-empty string. */
export function name() {
  const words = expecting('a non-empty string');
  return z.string(words).min(1, words);
}

/** A list of at least `minimum` items, each checked by `item`. */
export function listOf<T extends z.ZodType>(item: T, minimum: number, what: string) {
  const words = expecting(
    minimum === 0 ? `a list of ${what}` : `a list of at least ${minimum} ${what}`,
  );
  return z.array(item, words).min(minimum, words);
}

/**
 * An object that accepts no other keys; an unknown key's message lists the allowed ones.
 * `what` names the object in messages, such as `a conv1d block`.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return expectation(what, issue.input);
      const plural = issue.keys.length > 1 ? 'keys' : 'key';
      const unknownKeys = listChoices(issue.keys, 'and');
      return `unknown ${plural} ${unknownKeys}; ${what} takes ${listChoices(keys)}`;
    },
  });
}

/**
 * A union of objects told apart by `key`; a wrong or missing `key` gets the list of choices.
 */
export function taggedUnion<
  const K extends string,
  const T extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
>(key: K, options: T, choices: readonly string[], what: string) {
  return z.discriminatedUnion(key, options, {
    error: (issue) => {
      const input: unknown = issue.input;
      if (typeof input !== 'object' || input === null) return expectation(what, input);
      return expectation(`one of ${listChoices(choices)}`, (input as Record<string, unknown>)[key]);
    },
  });
}
