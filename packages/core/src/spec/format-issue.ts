/** @module Turns zod issues into one SpecError whose lines read `path: expected X, received Y.` */
import type { z } from 'zod';
import { SpecError } from '../errors';

/** `['blocks', 3, 'poolSize']` → `blocks[3].poolSize`; the empty path is `spec`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'spec';
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** One issue as a sentence: its path, then the message its schema's error map worded. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}.`;
}

/**
 * A SpecError for every issue of a failed parse: the first one's path, one line per issue,
 * each line prefixed with `source` (a file name, say) when it is given.
 */
export function toSpecError(error: z.ZodError, source?: string): SpecError {
  const prefix = source === undefined ? '' : `${source}: `;
  const lines = error.issues.map((issue) => prefix + formatIssue(issue));
  const path = formatPath(error.issues[0]?.path ?? []);
  return new SpecError(path, lines.join('\n'), { cause: error });
}
