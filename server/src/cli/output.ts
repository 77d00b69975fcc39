/** Where a CLI command writes; commands never touch process.stdout or exit themselves, so tests can run them in-process. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

declare const __ECS_NET_VERSION__: string | undefined;

/** Set by the bundler from package.json; `dev` when running from compiled sources. */
export const VERSION: string = typeof __ECS_NET_VERSION__ === 'string' ? __ECS_NET_VERSION__ : 'dev';
