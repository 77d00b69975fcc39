import type { JsonPath } from '../types';

/** Where a path sits, relative to the start of its top-level block. */
export interface Place {
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly keyStart?: number;
  readonly keyEnd?: number;
  /** Offset of a string's first character when the text maps one to one onto the value. */
  readonly content?: number;
}

/** The map key of a path (segments never hold NUL). */
export const pathKey = (path: JsonPath): string => path.join('\u0000');
