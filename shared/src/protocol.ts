// The contract between the extension client and the language server: method names, payloads,
// the settings section and the environment file name. Both bundles compile this one file, so the
// two sides cannot drift apart. Plain types only: no vscode, no LSP library.

/** Where the settings live (`ecsTaskNetworking.rules`, ...), for `workspace/configuration` and the client's reads. */
export const SETTINGS_SECTION = 'ecsTaskNetworking';

/** The environment file looked for next to documents and above them, unless a setting names another. */
export const ENV_FILE_NAME = 'ecs-network.json';

/**
 * One request of ours: the method name, with its parameter and result types attached for both
 * sides (`params`/`result` are never set; they only carry the types).
 */
export interface ContractRequest<Params, Result> {
  readonly method: string;
  readonly params?: Params;
  readonly result?: Result;
}

const request = <Params, Result>(method: string): ContractRequest<Params, Result> => ({ method });

/** A position as LSP counts it: zero-based line, UTF-16 character offset. */
export interface WirePosition {
  readonly line: number;
  readonly character: number;
}

export interface CapacityPlanParams {
  readonly uri: string;
  readonly position: WirePosition;
}

export interface BarChart {
  readonly title: string;
  /** What the bar lengths count, e.g. "IPv4 addresses". */
  readonly unit: string;
  readonly series: readonly string[];
  /** One value per series; `limit` draws a marker the values should stay under. */
  readonly bars: readonly { readonly label: string; readonly values: readonly number[]; readonly limit?: number; readonly limitLabel?: string }[];
}

export interface Table {
  readonly title: string;
  readonly columns: readonly { readonly title: string; readonly numeric?: boolean }[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * The capacity plan of the unit at a position: the figures (typed by the server, opaque to the
 * client) and a presentation the client draws without knowing anything about ECS.
 */
export interface CapacityPlanView<Figures = unknown, Kind extends string = string> {
  readonly title: string;
  readonly subject: { readonly kind: Kind; readonly name?: string };
  readonly figures: Figures;
  /** Key figures as label/value pairs, in reading order. */
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly charts: readonly BarChart[];
  readonly tables: readonly Table[];
  readonly notes: readonly string[];
}

export interface SummaryParams {
  readonly uri: string;
}

/** One line for the status bar, more in its tooltip. */
export interface DocumentSummary<Kind extends string = string> {
  readonly kind: Kind;
  /** The kind in words, e.g. "Task definition". */
  readonly label: string;
  readonly text: string;
  readonly tooltip: string;
}

/** The server process's memory, in bytes, as `process.memoryUsage()` reports it. */
export interface MemoryUsage {
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

/** The capacity plan for the unit at the cursor; null when the document has none. */
export const CAPACITY_PLAN = request<CapacityPlanParams, CapacityPlanView | null>('ecsTaskNetworking/capacityPlan');
/** The status bar line for a document; null for documents that are not ECS documents. */
export const SUMMARY = request<SummaryParams, DocumentSummary | null>('ecsTaskNetworking/summary');
/** The server's own memory, for leak tests and for looking into a slow editor. */
export const MEMORY_USAGE = request<void, MemoryUsage>('ecsTaskNetworking/memoryUsage');

// Requests the server sends to the client. In a web worker the server has no file system; the
// browser client reads the workspace for it through the VS Code workspace API.

/** A folder's document files, listed the way the Node walk would (workspace/documentFiles.ts). */
export interface FindFilesParams {
  /** The workspace folder's URI. */
  readonly folder: string;
  /** Glob of the files wanted, relative to the folder. */
  readonly include: string;
  /** Glob of the files and folders left out (replaces `files.exclude`, as the Node walk ignores it too). */
  readonly exclude: string;
  /** Files larger than this many bytes are left out. */
  readonly maxBytes: number;
}

export interface ReadFilesParams {
  readonly uris: readonly string[];
}

/** The URIs of a folder's document files; the server filters them again. */
export const FIND_FILES = request<FindFilesParams, string[]>('ecsTaskNetworking/findFiles');
/** The text of each file, in the order asked, or null where a file is missing or unreadable. */
export const READ_FILES = request<ReadFilesParams, (string | null)[]>('ecsTaskNetworking/readFiles');
