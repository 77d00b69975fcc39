/**
 * What `env pull --target-groups/--task-definitions` should ask AWS about: the target groups and
 * task definitions the workspace's services name as plain strings (an ARN, `family:revision`) and
 * that no workspace document defines. References through `Ref`/`Fn::GetAtt` or to documents in the
 * workspace are left alone: those objects are checked from their documents.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { arr, obj, str } from '../model/values';
import { createReferences } from '../semantics/references';
import { listDocumentFiles } from '../workspace/walk';
import { WorkspaceIndex } from '../workspace/index';

export interface WorkspaceNames {
  readonly targetGroups: string[];
  readonly taskDefinitions: string[];
  /** How many services were read. */
  readonly services: number;
}

export function namesInWorkspace(root: string): WorkspaceNames {
  const index = new WorkspaceIndex();
  for (const file of listDocumentFiles(root)) {
    try {
      index.update(pathToFileURL(file).href, readFileSync(file, 'utf8'));
    } catch {
      // An unreadable file names nothing; `ecs-net check` is the place to report it.
    }
  }
  const refs = createReferences(index);
  const targetGroups = new Set<string>();
  const taskDefinitions = new Set<string>();
  let services = 0;
  for (const service of index.units('service')) {
    services++;
    const task = str(service.unit.value.taskDefinition);
    if (task && !refs.taskDefinitionOf(service)) taskDefinitions.add(task);
    const resolved = new Set(refs.targetGroupsOf(service).map((g) => g.index));
    (arr(service.unit.value.loadBalancers) ?? []).forEach((lb, i) => {
      const arn = str(obj(lb)?.targetGroupArn);
      if (arn && !resolved.has(i)) targetGroups.add(arn);
    });
  }
  return { targetGroups: [...targetGroups].sort(), taskDefinitions: [...taskDefinitions].sort(), services };
}
