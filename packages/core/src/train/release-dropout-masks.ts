/**
 * @module Frees the dropout masks that tfjs-layers' recurrent cells keep after training.
 *
 * An LSTM cell with dropout keeps its last masks as kept tensors, and `dispose()` of the model
 * does not free them, so every training run would leak a few tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

interface MaskHolder {
  dropoutMask?: tf.Tensor | tf.Tensor[] | null;
  recurrentDropoutMask?: tf.Tensor | tf.Tensor[] | null;
}

function cellsOf(layer: tfl.layers.Layer): MaskHolder[] {
  const wrapper = layer as unknown as {
    forwardLayer?: tfl.layers.Layer;
    backwardLayer?: tfl.layers.Layer;
  };
  if (wrapper.forwardLayer && wrapper.backwardLayer) {
    return [...cellsOf(wrapper.forwardLayer), ...cellsOf(wrapper.backwardLayer)];
  }
  const cell = (layer as unknown as { cell?: MaskHolder }).cell;
  return cell ? [cell] : [];
}

/** Disposes and clears the kept dropout masks of every recurrent layer of `model`. */
export function releaseDropoutMasks(model: tfl.LayersModel): void {
  for (const cell of model.layers.flatMap(cellsOf)) {
    if (cell.dropoutMask) tf.dispose(cell.dropoutMask);
    if (cell.recurrentDropoutMask) tf.dispose(cell.recurrentDropoutMask);
    cell.dropoutMask = null;
    cell.recurrentDropoutMask = null;
  }
}
