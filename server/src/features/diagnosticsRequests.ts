import { RequestType0, type Connection } from 'vscode-languageserver';

/** The server process's memory, in bytes, as `process.memoryUsage()` reports it. */
export interface MemoryUsage {
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

/**
 * `ecsTaskNetworking/memoryUsage`: the server's memory, for leak tests and for people looking into
 * a slow editor. When the server runs with `--expose-gc`, a full collection runs first, so the
 * figures are what is still reachable rather than garbage waiting to be collected.
 */
export const MemoryUsageRequest = new RequestType0<MemoryUsage, void>('ecsTaskNetworking/memoryUsage');

/** Requests that report on the server itself rather than on a document. */
export function registerDiagnosticsRequests(connection: Connection): void {
  connection.onRequest(MemoryUsageRequest, () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (typeof gc === 'function') gc();
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  });
}
