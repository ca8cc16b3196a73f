/**
 * @module The rules of a spec that span several fields, which a per-field schema cannot see.
 *
 * Shapes are checked separately, in `shapes.ts`, which calls {@link checkSpecRules} first.
 */
import { SpecError } from '../errors';
import type { Block } from './block-schema';
import type { DeepReadonly, ReadonlyModelSpec } from './model-spec';
import { formatValue, listChoices } from './schema-helpers';

function checkUniqueClasses(classes: readonly string[]): void {
  classes.forEach((className, index) => {
    const first = classes.indexOf(className);
    if (first === index) return;
    throw new SpecError(
      `classes[${index}]`,
      `classes[${index}]: '${className}' is already classes[${first}]; class names must be unique.`,
    );
  });
}

function checkAlpha(block: DeepReadonly<Block>, path: string): void {
  if (block.type !== 'conv1d' && block.type !== 'dense') return;
  if (block.alpha === undefined || block.activation === 'leakyRelu') return;
  throw new SpecError(
    `${path}.alpha`,
    `${path}.alpha: alpha applies only to activation 'leakyRelu', received it with activation ` +
      `'${block.activation}'; remove alpha or set activation to 'leakyRelu'.`,
  );
}

function checkGlobalPooling(block: DeepReadonly<Block>, path: string): void {
  if (block.type !== 'pooling' || !block.kind.startsWith('global')) return;
  const key = (['poolSize', 'strides', 'padding'] as const).find((k) => block[k] !== undefined);
  if (key === undefined) return;
  throw new SpecError(
    `${path}.${key}`,
    `${path}.${key}: ${block.kind} pooling has no window, received ${key} ` +
      `${formatValue(block[key])}; remove ${key}.`,
  );
}

function checkStridedDilation(block: DeepReadonly<Block>, path: string): void {
  if (block.type !== 'conv1d' || block.strides === 1 || block.dilationRate === 1) return;
  throw new SpecError(
    `${path}.dilationRate`,
    `${path}.dilationRate: tfjs cannot combine strides > 1 with dilationRate > 1, received ` +
      `strides ${block.strides} and dilationRate ${block.dilationRate}; set one of them to 1.`,
  );
}

function checkClassWeights(spec: ReadonlyModelSpec): void {
  const weights = spec.training.classWeights;
  if (weights === undefined || weights.length === spec.classes.length) return;
  throw new SpecError(
    'training.classWeights',
    `training.classWeights: expected one weight per class (${spec.classes.length}: ` +
      `${listChoices(spec.classes, 'and')}), received ${formatValue(weights)}.`,
  );
}

function checkMonitorHasValidation(spec: ReadonlyModelSpec): void {
  const monitor = spec.training.earlyStopping?.monitor;
  if (monitor === undefined || !monitor.startsWith('val') || spec.training.validationSplit > 0) {
    return;
  }
  throw new SpecError(
    'training.earlyStopping.monitor',
    `training.earlyStopping.monitor: '${monitor}' needs validation beats, but ` +
      `training.validationSplit is 0; monitor 'loss' or set validationSplit above 0.`,
  );
}

/**
 * Checks the rules that span fields: unique class names, `alpha` only with leakyRelu, no
 * window on global pooling, no strides together with dilation, one class weight per class,
 * and a validation split for a `val…` early-stopping monitor.
 *
 * @throws {SpecError} for the first rule broken, naming the field at fault.
 */
export function checkSpecRules(spec: ReadonlyModelSpec): void {
  checkUniqueClasses(spec.classes);
  spec.blocks.forEach((block, index) => {
    const path = `blocks[${index}]`;
    checkAlpha(block, path);
    checkGlobalPooling(block, path);
    checkStridedDilation(block, path);
  });
  checkClassWeights(spec);
  checkMonitorHasValidation(spec);
}
