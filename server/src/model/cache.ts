import { EcsDocument } from './document';

/**
 * Parsed documents by URI, rebuilt only when the version changes: every feature (diagnostics,
 * hover, completion, code actions) for one version shares one parse. Passed in, never global.
 */
export class DocumentCache {
  private readonly entries = new Map<string, EcsDocument>();

  get(uri: string, version: number, getText: () => string): EcsDocument {
    const cached = this.entries.get(uri);
    if (cached && cached.version === version) return cached;
    const doc = new EcsDocument(uri, version, getText(), undefined, cached);
    this.entries.set(uri, doc);
    return doc;
  }

  delete(uri: string): void {
    this.entries.get(uri)?.release();
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }
}
