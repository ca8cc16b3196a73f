/** @module Exact area under the ROC curve from ranks (the Mann-Whitney U statistic). */

/**
 * The area under the ROC curve of `scores` for telling positives (`isPositive[i]`) from
 * negatives: the probability that a random positive scores above a random negative, a tie
 * counting one half. Exact: it ranks the scores, giving tied scores their mean rank.
 *
 * @returns The AUC in [0, 1], or null when there are no positives or no negatives.
 */
export function rocAuc(scores: ArrayLike<number>, isPositive: ArrayLike<boolean>): number | null {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a]! - scores[b]!,
  );
  let positives = 0;
  let positiveRankSum = 0;
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) end += 1;
    // Ranks count from 1; every member of the tied run [start, end) gets the run's mean rank.
    const meanRank = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) {
      if (!isPositive[order[j]!]) continue;
      positives += 1;
      positiveRankSum += meanRank;
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
