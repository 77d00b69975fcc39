import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION as SECTION } from '../../shared/src/protocol';

export interface PullResult {
  readonly exitCode: number | null;
  readonly file: string;
  /** The CLI's last line on stderr, the message shown when it failed. */
  readonly message: string;
}

interface PartItem extends vscode.QuickPickItem {
  /** The CLI flags that select this part. */
  readonly flags: readonly string[];
}

const PARTS: readonly PartItem[] = [
  { label: 'Subnets and capacity', description: 'subnets, VPC, cluster capacity, ECS account settings', flags: [], picked: true },
  { label: 'Target groups', description: "the ones this workspace's services name", flags: ['--target-groups'], picked: true },
  { label: 'Task definitions', description: "the families this workspace's services name", flags: ['--task-definitions'], picked: true },
];

/** The CLI flags for the parts picked: without subnets and capacity, those keys of the file stay as they are. */
export function partFlags(picked: readonly { readonly flags: readonly string[] }[]): string[] {
  const flags = picked.flatMap((p) => p.flags);
  return picked.some((p) => p.flags.length === 0) ? flags : [...flags, '--no-subnets'];
}

/**
 * Asks which parts to pull, then runs the bundled CLI, `ecs-net env pull --out FILE [parts]
 * [--profile P] [--region R]`, in the workspace folder, with its output in the extension's output
 * channel. Success and failure are the CLI's own: a non-zero exit shows its message, never a
 * success notice.
 */
export async function pullEnvironment(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  environmentFile: string,
): Promise<PullResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    refuseInRestrictedMode();
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder first: the environment file is written into the workspace folder.');
    return undefined;
  }
  if (folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(
      `Pulling the environment needs a folder on this computer's disk; this workspace is virtual (${folder.uri.scheme}:). Clone it and open the clone to pull.`,
    );
    return undefined;
  }
  const config = vscode.workspace.getConfiguration(SECTION, folder.uri);
  const profile = config.get<string>('aws.profile')?.trim() ?? '';
  const region = config.get<string>('aws.region')?.trim() ?? '';
  const picked = await vscode.window.showQuickPick(PARTS, {
    canPickMany: true,
    title: 'ECS: what to pull from AWS',
    placeHolder: 'Read-only calls; the environment file is merged, not replaced',
  });
  if (!picked || picked.length === 0) return undefined;
  const file = path.resolve(folder.uri.fsPath, environmentFile);
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  const args = [cli, 'env', 'pull', '--out', file, ...partFlags(picked), ...(profile ? ['--profile', profile] : []), ...(region ? ['--region', region] : [])];
  // The editor's own runtime runs the CLI: Electron acts as Node with ELECTRON_RUN_AS_NODE.
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  if (profile) env.AWS_PROFILE = profile;
  if (region) env.AWS_REGION = region;

  output.appendLine(`> ecs-net ${args.slice(1).join(' ')}`);
  output.show(true);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'ECS: pulling the environment from AWS', cancellable: true },
    (progress, token) =>
      new Promise<PullResult>((resolve) => {
        progress.report({ message: picked.map((p) => p.label.toLowerCase()).join(', ') });
        const child = spawn(process.execPath, args, { cwd: folder.uri.fsPath, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let lastError = '';
        child.stdout.on('data', (chunk: Buffer) => output.append(chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          output.append(text);
          const lines = text
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
          if (lines.length) {
            lastError = lines[lines.length - 1];
            progress.report({ message: lastError });
          }
        });
        const cancel = token.onCancellationRequested(() => child.kill());
        child.on('error', (error) => {
          cancel.dispose();
          resolve({ exitCode: null, file, message: error.message });
        });
        child.on('close', (code) => {
          cancel.dispose();
          resolve({ exitCode: code, file, message: lastError });
        });
      }),
  );
  output.appendLine(`ecs-net env pull exited with code ${result.exitCode ?? 'none'}`);
  if (result.exitCode === 0) {
    const open = 'Open';
    void vscode.window.showInformationMessage(`Environment written to ${vscode.workspace.asRelativePath(file)}.`, open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(vscode.Uri.file(file));
    });
  } else {
    const show = 'Show Output';
    void vscode.window
      .showErrorMessage(`Pulling the environment failed: ${result.message || `exit code ${result.exitCode ?? 'none'}`}`, show)
      .then((choice) => {
        if (choice === show) output.show();
      });
  }
  return result;
}

/** The message Restricted Mode gets instead of a pull, with the way to leave it. */
export const RESTRICTED_MODE_MESSAGE =
  'Pull Environment from AWS is disabled in Restricted Mode: it runs the AWS SDK with your credentials and writes a file into this folder, so it waits until you trust the workspace.';

function refuseInRestrictedMode(): void {
  const manage = 'Manage Workspace Trust';
  void vscode.window.showWarningMessage(RESTRICTED_MODE_MESSAGE, manage).then((choice) => {
    if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
  });
}
