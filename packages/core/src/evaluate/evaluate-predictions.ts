/**
 * @module Scores a classifier's predicted probabilities against true labels, next to a baseline.
 */
import { UsageError } from '../errors';
import {
  accuracyOf,
  argmaxRows,
  confusionMatrix,
  macroF1Of,
  perClassMetrics,
  type ClassMetrics,
  type ConfusionMatrix,
} from './classification-metrics';
import { rocAuc } from './roc-auc';

/** What {@link evaluatePredictions} scores. */
export interface PredictionsToEvaluate {
  /** The true class index of each beat, in `[0, classNames.length)`. */
  labels: Int32Array;
  /** Predicted class probabilities, `labels.length × classNames.length`, row-major. */
  probabilities: Float32Array;
  /** The name of each class, by index; at least two. */
  classNames: string[];
}

/**
 * How well predictions match the labels. Every ratio whose denominator is 0 (the precision of a
 * class never predicted, the recall of a class absent from the labels) is defined as 0.
 */
export interface EvaluationReport {
  /** How many beats were scored. */
  count: number;
  classNames: string[];
  /** The fraction of beats whose most probable class is the true one. */
  accuracy: number;
  /** `confusion[trueClass][predictedClass]`: beat counts. */
  confusion: ConfusionMatrix;
  /** Precision, recall, F1 and support of each class, by class index. */
  perClass: ClassMetrics[];
  /** The unweighted mean F1 over all classes. */
  macroF1: number;
  /**
   * Two classes only: the ROC AUC of class 1's probability as the score. Null with more than two
   * classes, or when the labels hold only one of the two classes.
   */
  rocAuc: number | null;
  /** How many beats truly belong to each class, by class index. */
  classCounts: number[];
  /** The class a majority-class baseline always predicts (the lowest index on a tie). */
  baselineClassName: string;
  /** The accuracy of always predicting the most frequent true class. */
  baselineAccuracy: number;
  /** The macro F1 of that baseline. */
  baselineMacroF1: number;
  /** Two classes only: the baseline's ROC AUC, 0.5 (a constant score); null where `rocAuc` is. */
  baselineRocAuc: number | null;
}

function checkShape({ labels, probabilities, classNames }: PredictionsToEvaluate): void {
  const classTotal = classNames.length;
  if (classTotal < 2) {
    throw new UsageError(
      `evaluatePredictions needs at least 2 class names; received ${classTotal}.`,
    );
  }
  if (labels.length === 0) {
    throw new UsageError('evaluatePredictions received no labels; pass at least one beat.');
  }
  const expected = labels.length * classTotal;
  if (probabilities.length !== expected) {
    throw new UsageError(
      `evaluatePredictions expected ${labels.length} × ${classTotal} = ${expected} ` +
        `probabilities (beats × classes); received ${probabilities.length}.`,
    );
  }
}

function checkValues({ labels, probabilities, classNames }: PredictionsToEvaluate): void {
  const badLabel = labels.findIndex((label) => label < 0 || label >= classNames.length);
  if (badLabel !== -1) {
    throw new UsageError(
      `labels[${badLabel}] is ${labels[badLabel]}; ` +
        `expected a class index in [0, ${classNames.length - 1}].`,
    );
  }
  const badProbability = probabilities.findIndex((p) => !Number.isFinite(p));
  if (badProbability !== -1) {
    throw new UsageError(
      `probabilities[${badProbability}] is ${probabilities[badProbability]}; ` +
        'expected a finite number.',
    );
  }
}

/** The most probable class of each row; the lowest index wins a tie. */
/** ROC AUC of class 1's probability, or null when there are not exactly two classes. */
function binaryAuc(labels: Int32Array, scores: ArrayLike<number>, classTotal: number) {
  if (classTotal !== 2) return null;
  return rocAuc(
    scores,
    Array.from(labels, (label) => label === 1),
  );
}

function scoreBaseline(labels: Int32Array, counts: number[], classNames: string[]) {
  const majority = counts.indexOf(Math.max(...counts));
  const confusion = confusionMatrix(
    labels,
    new Int32Array(labels.length).fill(majority),
    counts.length,
  );
  return {
    baselineClassName: classNames[majority]!,
    baselineAccuracy: accuracyOf(confusion),
    baselineMacroF1: macroF1Of(perClassMetrics(confusion, classNames)),
    baselineRocAuc: binaryAuc(labels, new Float32Array(labels.length), counts.length),
  };
}

/**
 * Scores predicted probabilities against the true labels: accuracy, confusion matrix,
 * per-class precision/recall/F1, macro F1, ROC AUC for two classes, and the same numbers for a
 * baseline that always predicts the most frequent class. The predicted class of a beat is its
 * most probable one.
 *
 * @throws {UsageError} when there are fewer than 2 classes or no labels, the probabilities are
 *   not `labels × classes` long, a label is out of range, or a probability is not finite.
 */
export function evaluatePredictions(input: PredictionsToEvaluate): EvaluationReport {
  checkShape(input);
  checkValues(input);
  const { labels, probabilities, classNames } = input;
  const classTotal = classNames.length;
  const confusion = confusionMatrix(labels, argmaxRows(probabilities, classTotal), classTotal);
  const perClass = perClassMetrics(confusion, classNames);
  const classCounts = perClass.map((m) => m.support);
  const classOneScores = probabilities.filter((_, i) => i % classTotal === 1);
  return {
    count: labels.length,
    classNames: [...classNames],
    accuracy: accuracyOf(confusion),
    confusion,
    perClass,
    macroF1: macroF1Of(perClass),
    rocAuc: binaryAuc(labels, classOneScores, classTotal),
    classCounts,
    ...scoreBaseline(labels, classCounts, classNames),
  };
}
