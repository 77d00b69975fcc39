import type { EcsDocument } from '../model/document';
import type { Position } from '../model/lines';
import type { Finding } from '../rules/types';

export interface PlainRange {
  readonly start: Position;
  readonly end: Position;
}

/** Where a finding is shown: its explicit range, or the key/value at its path. */
export function findingRange(doc: EcsDocument, finding: Pick<Finding, 'range' | 'path' | 'target'>): PlainRange {
  const span = finding.range ?? doc.rangeOf(finding.path, finding.target);
  return { start: doc.positionAt(span.offset), end: doc.positionAt(span.offset + span.length) };
}
