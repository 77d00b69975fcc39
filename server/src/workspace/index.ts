import { EcsDocument, type CfnResource, type Unit } from '../model/document';
import { str } from '../model/values';
import { TerraformSyntaxTree } from '../model/terraform/syntax';
import { terraformAddress, terraformReference } from '../model/terraform/units';
import type { WorkspaceLookup } from '../semantics/references';
import type { UnitRef } from '../semantics/references';
import { looksLikeEcsDocument, looksLikeTerraformModulePart } from '../../../shared/src/ecsMarkers';

/** `folder` (ending in `/`) joined with a relative path, `.` and `..` resolved (no node:path: the browser build shares this file). */
function resolveRelative(folder: string, relative: string): string {
  const out: string[] = [];
  for (const seg of (folder + relative).split('/')) {
    if (seg === '.') continue;
    if (seg === '..' && out.length > 1) out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The folder of a URI: a Terraform module is the `.tf` files of one folder. */
const folderOf = (uri: string): string => uri.slice(0, uri.lastIndexOf('/') + 1);

/** `family`, `family:3`, or `arn:aws:ecs:region:account:task-definition/family:3` → family and revision. */
export function parseTaskDefinitionRef(ref: string): { family: string; revision?: number } | undefined {
  const afterSlash = ref.startsWith('arn:') ? ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length) : ref;
  if (ref.startsWith('arn:') && !ref.includes('task-definition/')) return undefined;
  const [family, revision] = afterSlash.split(':');
  if (!family) return undefined;
  const rev = revision !== undefined && /^\d+$/.test(revision) ? Number(revision) : undefined;
  return { family, revision: rev };
}

/** `name` or `arn:aws:elasticloadbalancing:region:account:targetgroup/name/id` → name. */
export function parseTargetGroupRef(ref: string): string | undefined {
  if (!ref.startsWith('arn:')) return ref;
  const match = /:targetgroup\/([^/]+)\//.exec(ref);
  return match?.[1];
}

interface Entry {
  readonly doc: EcsDocument;
}

/**
 * The ECS documents of a workspace, so a service can find its task definition (by family or ARN)
 * and its target groups (by name or ARN) in other files. Open documents replace their file's
 * content while open. Ambiguity (two files with the same family) resolves to nothing: a wrong
 * match would produce wrong errors.
 */
export class WorkspaceIndex implements WorkspaceLookup {
  private readonly entries = new Map<string, Entry>();
  /** The Terraform documents among them, so module lookups do not go through every JSON file. */
  private readonly terraform = new Map<string, EcsDocument>();

  get size(): number {
    return this.entries.size;
  }

  /** Indexes (or re-indexes) one document's text. Returns whether it holds ECS documents. */
  update(uri: string, text: string, version = 0): boolean {
    // The cheap test before parsing: a file without an ECS marker holds no ECS document.
    if (!(uri.toLowerCase().endsWith('.tf') ? looksLikeTerraformModulePart(text) : looksLikeEcsDocument(text))) {
      this.remove(uri);
      return false;
    }
    const doc = new EcsDocument(uri, version, text);
    // A file that is not open is never re-parsed incrementally: free the parser's tree now.
    doc.release();
    return this.set(doc);
  }

  /** Indexes an already parsed document (an open editor's cached model). */
  set(doc: EcsDocument): boolean {
    // A Terraform file without units can still hold what its module's services name (subnets, settings)
    // or the `data "template_file"` that reads a container file.
    const moduleOnly = doc.tree instanceof TerraformSyntaxTree && (doc.cfnResources.size > 0 || doc.tree.files.length > 0);
    if ((doc.units.length === 0 && !moduleOnly) || doc.kind === 'environment') {
      this.remove(doc.uri);
      return false;
    }
    this.entries.set(doc.uri, { doc });
    if (doc.syntax === 'terraform') this.terraform.set(doc.uri, doc);
    else this.terraform.delete(doc.uri);
    return true;
  }

  remove(uri: string): void {
    this.entries.delete(uri);
    this.terraform.delete(uri);
  }

  /** The URIs indexed now (a copy: removing entries while going through it is fine). */
  uris(): string[] {
    return [...this.entries.keys()];
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  documentFor(uri: string): EcsDocument | undefined {
    return this.entries.get(uri)?.doc;
  }

  /** Every indexed unit of one kind, with its document. */
  *units(kind: Unit['kind']): Generator<UnitRef> {
    for (const [uri, { doc }] of this.entries) {
      for (const unit of doc.units) if (unit.kind === kind) yield { unit, uri, doc };
    }
  }

  taskDefinition(ref: string): UnitRef | undefined {
    const wanted = parseTaskDefinitionRef(ref);
    if (!wanted) return undefined;
    const matches = [...this.units('task-definition')].filter((r) => str(r.unit.value.family) === wanted.family);
    if (matches.length === 1) return matches[0];
    if (wanted.revision === undefined) return undefined;
    const exact = matches.filter((r) => r.unit.value.revision === wanted.revision);
    return exact.length === 1 ? exact[0] : undefined;
  }

  moduleResource(uri: string, address: string): { ref?: UnitRef; resource: CfnResource } | undefined {
    for (const doc of this.moduleDocuments(uri)) {
      const resource = doc.cfnResources.get(address);
      if (!resource) continue;
      const unit = doc.unitsByLogicalId.get(address);
      return { ref: unit && { unit, uri: doc.uri, doc }, resource };
    }
    return undefined;
  }

  containerListReader(uri: string): UnitRef | undefined {
    const wanted = decodeURIComponent(uri);
    const found: UnitRef[] = [];
    for (const [tfUri, doc] of this.terraform) {
      if (!(doc.tree instanceof TerraformSyntaxTree)) continue;
      const folder = decodeURIComponent(folderOf(tfUri));
      for (const read of doc.tree.files) {
        if (resolveRelative(folder, read.file) !== wanted) continue;
        const [mode, type, name, attribute] = read.path;
        if (mode === 'resource' && type === 'aws_ecs_task_definition' && attribute === 'container_definitions') {
          const unit = doc.unitsByLogicalId.get(terraformAddress(type, String(name)));
          if (unit) found.push({ unit, uri: tfUri, doc });
        } else if (mode === 'data' && type === 'template_file' && attribute === 'template') {
          // Used as `container_definitions = data.template_file.<name>.rendered` in the same module.
          const address = `data.${terraformAddress(type, String(name))}`;
          for (const other of [doc, ...this.moduleDocuments(tfUri)])
            for (const unit of other.units)
              if (unit.kind === 'task-definition' && terraformReference(unit.value.containerDefinitions)?.address === address)
                found.push({ unit, uri: other.uri, doc: other });
        }
      }
    }
    // Two task definitions reading one file may differ in mode: then the file's mode is not known.
    return found.length === 1 ? found[0] : undefined;
  }

  /** The other Terraform files of `uri`'s module that the index holds. */
  *moduleDocuments(uri: string): Generator<EcsDocument> {
    const folder = folderOf(uri);
    for (const [other, doc] of this.terraform) if (other !== uri && folderOf(other) === folder) yield doc;
  }

  targetGroup(ref: string): UnitRef | undefined {
    const name = parseTargetGroupRef(ref);
    if (!name) return undefined;
    const matches = [...this.units('target-group')].filter((r) => (str(r.unit.value.Name) ?? r.unit.logicalId) === name);
    return matches.length === 1 ? matches[0] : undefined;
  }
}
