import type { CfnResource, EcsDocument, Unit } from '../model/document';
import type { Json } from '../model/types';
import { arr, isObject, obj, str } from '../model/values';
import { terraformReference } from '../model/terraform/units';

/** A unit together with the document it lives in (another file for workspace references). */
export interface UnitRef {
  readonly unit: Unit;
  readonly uri: string;
  readonly doc?: EcsDocument;
}

/** Finds the documents a service points at: its task definition and its target groups. */
export interface References {
  taskDefinitionOf(service: UnitRef): UnitRef | undefined;
  /** Target groups by loadBalancers index, for entries that can be resolved. */
  targetGroupsOf(service: UnitRef): { index: number; ref: UnitRef }[];
  /** A resource of the same CloudFormation template named by `Ref`/`Fn::GetAtt`, if `value` is one. */
  cfnResourceOf(from: UnitRef, value: Json | undefined): CfnResource | undefined;
  /** Every resource of the unit's Terraform module (its own file and the folder's other `.tf` files); none for other documents. */
  moduleResources(from: UnitRef): CfnResource[];
  /** The Terraform task definition whose `container_definitions` reads this container-definitions file. */
  declaringTaskOf(list: UnitRef): UnitRef | undefined;
}

/**
 * Looks up documents by name across the workspace (task definitions by family or ARN, target
 * groups by name or ARN). Supplied by the workspace index; without one, only references inside
 * a CloudFormation template resolve.
 */
export interface WorkspaceLookup {
  taskDefinition(ref: string): UnitRef | undefined;
  targetGroup(ref: string): UnitRef | undefined;
  /**
   * A resource of the same Terraform module (the other `.tf` files of `uri`'s folder) by its
   * address: the unit when it is one, and the resource.
   */
  moduleResource?(uri: string, address: string): { ref?: UnitRef; resource: CfnResource } | undefined;
  /** The other Terraform documents of `uri`'s module. */
  moduleDocuments?(uri: string): Iterable<EcsDocument>;
  /** The Terraform task definition that reads the file at `uri` (`file()`, `templatefile()`, `data "template_file"`). */
  containerListReader?(uri: string): UnitRef | undefined;
}

/** The logical id a `Ref` or `Fn::GetAtt` names, or the address a Terraform reference (`${aws_x.name.arn}`) names. */
export function referencedLogicalId(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return terraformReference(value)?.address;
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'Ref') return str(value.Ref);
  if (keys[0] === 'Fn::GetAtt') {
    const att = value['Fn::GetAtt'];
    const list = arr(att);
    if (list) return str(list[0]);
    const dotted = str(att);
    return dotted?.split('.')[0];
  }
  return undefined;
}

function unitByLogicalId(doc: EcsDocument | undefined, uri: string, logicalId: string | undefined): UnitRef | undefined {
  if (!doc || !logicalId) return undefined;
  const unit = doc.unitsByLogicalId.get(logicalId);
  return unit ? { unit, uri, doc } : undefined;
}

/**
 * References resolved in the same template first, then in the workspace, then among the objects
 * the environment file holds from the account (`account`): a workspace document always wins.
 */
export function createReferences(workspace?: WorkspaceLookup, account?: WorkspaceLookup): References {
  const taskDefinition = (name: string) => workspace?.taskDefinition(name) ?? account?.taskDefinition(name);
  const targetGroup = (arn: string) => workspace?.targetGroup(arn) ?? account?.targetGroup(arn);
  /** The same document first, then (Terraform) the other files of its module. */
  const byLogicalId = (from: UnitRef, id: string | undefined): UnitRef | undefined =>
    unitByLogicalId(from.doc, from.uri, id) ?? (id && from.doc?.syntax === 'terraform' ? workspace?.moduleResource?.(from.uri, id)?.ref : undefined);
  return {
    taskDefinitionOf(service) {
      const value = service.unit.value.taskDefinition;
      const local = byLogicalId(service, referencedLogicalId(value));
      if (local) return local.unit.kind === 'task-definition' ? local : undefined;
      const name = str(value);
      return name ? taskDefinition(name) : undefined;
    },
    targetGroupsOf(service) {
      const found: { index: number; ref: UnitRef }[] = [];
      (arr(service.unit.value.loadBalancers) ?? []).forEach((lb, index) => {
        const arnValue = obj(lb)?.targetGroupArn;
        const local = byLogicalId(service, referencedLogicalId(arnValue));
        let ref: UnitRef | undefined = local?.unit.kind === 'target-group' ? local : undefined;
        const arn = str(arnValue);
        if (!ref && arn) ref = targetGroup(arn);
        if (ref) found.push({ index, ref });
      });
      return found;
    },
    cfnResourceOf(from, value): CfnResource | undefined {
      const id = referencedLogicalId(value);
      if (!id) return undefined;
      const local = from.doc?.cfnResources.get(id);
      if (local || from.doc?.syntax !== 'terraform') return local;
      return workspace?.moduleResource?.(from.uri, id)?.resource;
    },
    declaringTaskOf(list) {
      return workspace?.containerListReader?.(list.uri);
    },
    moduleResources(from): CfnResource[] {
      if (from.doc?.syntax !== 'terraform') return [];
      const out = [...from.doc.cfnResources.values()];
      for (const doc of workspace?.moduleDocuments?.(from.uri) ?? []) out.push(...doc.cfnResources.values());
      return out;
    },
  };
}
