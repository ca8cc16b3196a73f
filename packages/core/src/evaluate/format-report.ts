/** @module Renders an evaluation report as a compact plain-text table. */
import type { EvaluationReport } from './evaluate-predictions';

/** Decimal places of every ratio in {@link formatReport}'s tables. */
export const REPORT_DECIMALS = 4;

const COLUMN_GAP = '  ';

function ratio(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(REPORT_DECIMALS);
}

/** Lays out rows as columns: the first column left-aligned, the others right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join(COLUMN_GAP)
      .trimEnd(),
  );
}

function summaryRows(report: EvaluationReport): string[][] {
  return [
    ['metric', 'model', 'baseline'],
    ['accuracy', ratio(report.accuracy), ratio(report.baselineAccuracy)],
    ['macro F1', ratio(report.macroF1), ratio(report.baselineMacroF1)],
    ['ROC AUC', ratio(report.rocAuc), ratio(report.baselineRocAuc)],
  ];
}

function classRows(report: EvaluationReport): string[][] {
  return [
    ['class', 'precision', 'recall', 'F1', 'support'],
    ...report.perClass.map((m) => [
      m.className,
      ratio(m.precision),
      ratio(m.recall),
      ratio(m.f1),
      String(m.support),
    ]),
  ];
}

function confusionRows(report: EvaluationReport): string[][] {
  return [
    ['true \\ predicted', ...report.classNames],
    ...report.confusion.map((row, i) => [report.classNames[i]!, ...row.map(String)]),
  ];
}

/**
 * A human-readable summary of a report: each metric next to the majority-class baseline,
 * per-class precision/recall/F1, and the confusion matrix labelled with class names. Ratios
 * have {@link REPORT_DECIMALS} decimals; a metric that does not apply shows `n/a`.
 */
export function formatReport(report: EvaluationReport): string {
  const heading =
    `${report.count} beats, ${report.classNames.length} classes; ` +
    `baseline always predicts "${report.baselineClassName}"`;
  return [
    heading,
    '',
    ...table(summaryRows(report)),
    '',
    ...table(classRows(report)),
    '',
    ...table(confusionRows(report)),
  ].join('\n');
}
