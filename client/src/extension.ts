// The desktop entry (package.json `main`): the language server runs as a Node process beside the
// editor and reads the workspace from disk itself.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateOn, type EcsTaskNetworkingApi } from './activation';
import { pullEnvironment } from './pullEnvironment';
import { SCHEMES } from './serverController';

export type { EcsTaskNetworkingApi } from './activation';
export { deactivate } from './activation';

export function activate(context: vscode.ExtensionContext): Promise<EcsTaskNetworkingApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  return activateOn(context, {
    launch: {
      description: serverModule,
      schemes: SCHEMES,
      createClient: (id, name, options) =>
        new LanguageClient(
          id,
          name,
          {
            run: { module: serverModule, transport: TransportKind.ipc },
            debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
          },
          options,
        ),
    },
    pullEnvironment,
  });
}
