import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { EcsDocument } from '../model/document';
import type { Finding, Fix, Severity } from '../rules/types';
import { findingRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'ecs-net';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries for code actions: never read back from the message text. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixes: readonly Fix[];
}

export interface DiagnosticOptions {
  readonly docsUrl?: (ruleId: string) => string | undefined;
  /** Other open or indexed documents, for related information that points into them. */
  readonly documentFor?: (uri: string) => EcsDocument | undefined;
}

export function toDiagnostics(doc: EcsDocument, findings: readonly Finding[], options: DiagnosticOptions = {}): Diagnostic[] {
  return findings.map((finding) => {
    const href = options.docsUrl?.(finding.ruleId);
    const related: DiagnosticRelatedInformation[] = [];
    for (const place of finding.related ?? []) {
      const target = place.uri && place.uri !== doc.uri ? options.documentFor?.(place.uri) : doc;
      if (!target) continue;
      related.push({ location: { uri: target.uri, range: findingRange(target, { path: place.path, target: 'value' }) }, message: place.message });
    }
    const data: DiagnosticData = { ruleId: finding.ruleId, fixes: finding.fixes ?? [] };
    return {
      range: findingRange(doc, finding),
      severity: SEVERITY[finding.severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.ruleId,
      ...(href ? { codeDescription: { href } } : {}),
      message: finding.message,
      ...(related.length ? { relatedInformation: related } : {}),
      data,
    };
  });
}
