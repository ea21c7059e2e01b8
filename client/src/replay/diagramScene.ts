// What the space-time diagram paints (the scene) and what one painting counted (its figures):
// shared by the painters (drawDiagram.ts, drawTraffic.ts) and the component.

import type { DROP_REASONS } from '../../../shared/net/network';
import type { FaultChange, MarkInfo, RecordingIndex } from '../../../shared/replay/recordingIndex';
import type { KindStyle } from '../map/draw';
import type { LaneBand, RowFilter } from './geometry';

export interface DiagramScene {
  index: RecordingIndex;
  filter: RowFilter;
  bands: LaneBand[];
  kindStyle(kind: string): KindStyle;
  scale: number;
  /** A mark's words in the reader's language, nodes by nickname. */
  markText(mark: MarkInfo): string;
  /** The other words on the canvas and beside it, in the reader's language. */
  words: DiagramWordsOf;
}

export interface DiagramWordsOf {
  summary(f: DrawFigures): string;
  round(index: number, game: string): string;
  fault(f: FaultChange): string;
  group(group: string): string;
  crashed: string;
}

export interface DrawFigures {
  rows: number;
  delivered: number;
  dropped: Record<(typeof DROP_REASONS)[number], number>;
  other: number;
  ms: number;
}
