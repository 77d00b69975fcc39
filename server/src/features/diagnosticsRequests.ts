import { RequestType0, type Connection } from 'vscode-languageserver';
import { MEMORY_USAGE, type MemoryUsage } from '../../../shared/src/protocol';

/**
 * The server's memory, for leak tests and for people looking into a slow editor. When the server
 * runs with `--expose-gc`, a full collection runs first, so the figures are what is still
 * reachable rather than garbage waiting to be collected.
 */
export const MemoryUsageRequest = new RequestType0<MemoryUsage, void>(MEMORY_USAGE.method);

/** Requests that report on the server itself rather than on a document. */
export function registerDiagnosticsRequests(connection: Connection): void {
  connection.onRequest(MemoryUsageRequest, () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (typeof gc === 'function') gc();
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  });
}
