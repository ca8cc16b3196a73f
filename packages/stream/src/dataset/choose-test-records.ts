/**
 * @module The default inter-patient split: a seeded shuffle of records, about a quarter tested,
 * stratified so that the test records hold abnormal beats.
 */
import { createRandom, UsageError } from '@edge-ecg/core';

/** The share of records tested when no test records are given. */
export const DEFAULT_TEST_RECORD_FRACTION = 0.25;

/** A record counts as abnormal-rich, for stratifying, when this share of its beats is abnormal. */
export const ABNORMAL_RECORD_FRACTION = 0.05;

/** What the split needs to know of a record. */
export interface RecordForSplit {
  name: string;
  beats: number;
  /** Beats of any class but normal (AAMI N). */
  abnormalBeats: number;
}

/** How {@link chooseTestRecords} splits, in words, for reports. */
export const TEST_RECORD_RULE =
  `seeded shuffle of the records, ${DEFAULT_TEST_RECORD_FRACTION * 100} % of them tested, ` +
  `stratified by whether at least ${ABNORMAL_RECORD_FRACTION * 100} % of a record's beats are ` +
  'abnormal (at least one such record is tested)';

/**
 * The names of the test records: round(25 % of the records), at least one, taken from each
 * stratum (abnormal-rich records, the rest) in proportion, at least one abnormal-rich record
 * when there is one. The same records and seed always give the same split; the order in which
 * records are given does not matter.
 *
 * @throws {UsageError} when fewer than two records are given.
 */
export function chooseTestRecords(records: readonly RecordForSplit[], seed: number): Set<string> {
  if (records.length < 2) {
    throw new UsageError(
      `Splitting by record needs at least two records, received ${records.length}. Pass more ` +
        'records, or name the test records with --test-records.',
    );
  }
  const sorted = [...records].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const isRich = (r: RecordForSplit) =>
    r.abnormalBeats >= ABNORMAL_RECORD_FRACTION * r.beats && r.abnormalBeats > 0;
  const random = createRandom(seed);
  const rich = shuffle(sorted.filter(isRich), random);
  const rest = shuffle(
    sorted.filter((r) => !isRich(r)),
    random,
  );
  const total = Math.min(
    records.length - 1,
    Math.max(1, Math.round(DEFAULT_TEST_RECORD_FRACTION * records.length)),
  );
  const fromRich =
    rich.length === 0 ? 0 : Math.max(1, Math.round(DEFAULT_TEST_RECORD_FRACTION * rich.length));
  const fromRest = Math.min(rest.length, Math.max(0, total - fromRich));
  return new Set([...rich.slice(0, fromRich), ...rest.slice(0, fromRest)].map((r) => r.name));
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
