/** @module How a record's signals share its signal files: which file, and where in each frame. */
import { dataProblem } from './data-problem';
import type { WfdbHeader } from './header-types';
import { isSupportedFormat, SUPPORTED_WFDB_FORMATS } from './sample-formats';

/** One signal's place in its file's frames. */
export interface FrameMember {
  /** The signal's index in the header. */
  index: number;
  /** Samples of earlier signals in the same frame. */
  offsetInFrame: number;
  samplesPerFrame: number;
}

/** One signal file: its format and the signals interleaved in it, in header order. */
export interface SignalFileLayout {
  fileName: string;
  format: number;
  /** Bytes before the first frame, from the file's first signal line. */
  byteOffset: number;
  /** Samples per frame, over all signals of the file. */
  frameSize: number;
  members: FrameMember[];
}

/**
 * Groups the header's signals by file, in order of first appearance.
 *
 * @throws DataError at a signal line whose format is not supported, or differs from the format
 *   of the file's earlier signals.
 */
export function layoutSignalFiles(header: WfdbHeader): SignalFileLayout[] {
  const layouts = new Map<string, SignalFileLayout>();
  header.signals.forEach((signal, index) => {
    const at = { file: header.file, line: signal.line };
    if (!isSupportedFormat(signal.format)) {
      throw dataProblem(
        at,
        `a signal format this reader decodes (${SUPPORTED_WFDB_FORMATS.join(', ')})`,
        `format ${signal.format}`,
        "Convert the record to format 16 with WFDB's xform tool, or open an issue for the format.",
      );
    }
    const layout = layouts.get(signal.fileName) ?? newLayout(layouts, signal);
    if (layout.format !== signal.format) {
      throw dataProblem(
        at,
        `format ${layout.format}, like the earlier signals stored in ${signal.fileName}`,
        `format ${signal.format}`,
        'All signals stored in one file share its format; correct the header.',
      );
    }
    const { samplesPerFrame } = signal;
    layout.members.push({ index, offsetInFrame: layout.frameSize, samplesPerFrame });
    layout.frameSize += samplesPerFrame;
  });
  return [...layouts.values()];
}

function newLayout(
  layouts: Map<string, SignalFileLayout>,
  signal: WfdbHeader['signals'][number],
): SignalFileLayout {
  const { fileName, format, byteOffset } = signal;
  const layout: SignalFileLayout = { fileName, format, byteOffset, frameSize: 0, members: [] };
  layouts.set(fileName, layout);
  return layout;
}
