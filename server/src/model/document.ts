import type { Node } from 'jsonc-parser';
import { identity, normaliseCfn } from './normalise';
import type { DocumentKind, Json, JsonObject, JsonPath, OffsetRange, Style, SyntaxProblem, UnitKind } from './types';
import { arr, isObject, obj, str } from './values';
import { LineIndex, type Position } from './lines';
import { hasEnvironmentFileName, looksLikeTerraformModulePart, markedKind } from '../../../shared/src/ecsMarkers';
import { editDistance } from '../core/suggest';
import { DEFAULT_LIMITS, type DocumentLimits } from './parse';
import { DOCUMENT_TOO_LARGE, JsonSyntaxTree, NON_STANDARD_JSON } from './jsonSyntax';
import { YamlSyntaxTree } from './yamlSyntax';
import { pathAt, rangeOfPath, type SyntaxName, type SyntaxNode, type SyntaxTree } from './syntax';
import { containerDefinitionsUnit, isServiceInput } from './recognise';
import { TerraformSyntaxTree } from './terraform/syntax';
import { terraformGrammar } from './terraform/parser';
import { terraformUnits } from './terraform/units';
import { namesEcsResource } from './terraform/limits';

/** One ECS object inside a document: the whole file, the describe-output wrapper's inside, or a CloudFormation resource's Properties. */
export interface Unit {
  readonly kind: UnitKind;
  readonly style: Style;
  /** Where the object sits in the document. */
  readonly basePath: JsonPath;
  /** The object in API spelling (ECS camelCase; ELBv2 keeps PascalCase in both styles). */
  readonly value: JsonObject;
  /** The object as written. */
  readonly raw: JsonObject;
  /** CloudFormation logical id, for resources of a template. */
  readonly logicalId?: string;
  /** UpdateService input rather than CreateService. */
  readonly update: boolean;
  /**
   * The document has a syntax error, so a property missing here may just be one the parser could
   * not read (`"networkMode" "awsvpc"`): absence proves nothing until the document parses.
   */
  readonly partial?: boolean;
  /** Maps a path in API spelling, relative to the unit, to a full document path. */
  toDocPath(path: JsonPath): JsonPath;
  /** Maps a path in the document's own spelling, relative to `raw`, to a full document path. */
  fromRaw(path: JsonPath): JsonPath;
  /**
   * Another tool checks the unit's own required members (Terraform's schema, which also fills some
   * in itself, such as a target group's name): the structure rule checks only nested ones.
   */
  readonly rootRequiredElsewhere?: boolean;
  /** Converts a value a fix writes at an API path into the document's form, when the unit's syntax needs more than renaming. */
  toDocValue?(apiPath: JsonPath, value: Json): Json;
  /** The API path (relative to the unit) of a full document path, for units whose spelling is not a renaming (Terraform). */
  apiPathOf?(docPath: JsonPath): JsonPath | undefined;
  /** For a container list checked as part of the Terraform task definition that reads it: that task's address. */
  readonly declaredBy?: string;
}

/** A CloudFormation resource of any type, kept for references between resources. */
export interface CfnResource {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: JsonObject;
  readonly path: JsonPath;
  /** How the document writes a reference to the resource's id: `{"Ref": id}`, or `${aws_subnet.a.id}` in Terraform. */
  readonly reference: Json;
}

const CFN_UNIT_TYPES: Readonly<Record<string, UnitKind>> = {
  'AWS::ECS::TaskDefinition': 'task-definition',
  'AWS::ECS::Service': 'service',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'target-group',
};

/**
 * A parsed document. Built once per (uri, version) by DocumentCache; every feature reads this
 * same model. The syntax (JSON or YAML) is chosen from the document and hidden behind a
 * SyntaxTree: rules read plain values and paths, features ask the tree for ranges.
 */
export class EcsDocument {
  readonly tree: SyntaxTree;
  readonly kind: DocumentKind;
  readonly units: readonly Unit[];
  readonly cfnResources: ReadonlyMap<string, CfnResource>;
  /** CloudFormation units by logical id, so each `Ref` resolves in constant time. */
  readonly unitsByLogicalId: ReadonlyMap<string, Unit>;
  private lineIndex: LineIndex | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    limits: DocumentLimits = DEFAULT_LIMITS,
    /** The previous version of the same document, for the readers that parse incrementally (Terraform). */
    previous?: EcsDocument,
    /** Leave `previous` able to serve its own next version (a fix's preview is parsed from it too). */
    keepPrevious = false,
  ) {
    const syntax = syntaxOf(uri, text);
    this.tree =
      syntax === 'terraform'
        ? new TerraformSyntaxTree(text, terraformGrammar(), limits, previous?.tree instanceof TerraformSyntaxTree ? previous.tree : undefined, keepPrevious)
        : syntax === 'yaml'
          ? new YamlSyntaxTree(text, limits)
          : new JsonSyntaxTree(text, limits);
    const found = !this.tree.parsed
      ? syntax === 'terraform'
        ? // A file too large to read says so when it names an ECS resource; other files stay quiet.
          {
            kind: this.tree.problems.length > 0 && namesEcsResource(text) ? ('terraform' as const) : ('unknown' as const),
            units: [],
            resources: new Map<string, CfnResource>(),
          }
        : unparsedKind(text, uri)
      : this.tree instanceof TerraformSyntaxTree
        ? findTerraformUnits(this.tree, this.syntaxErrors.length > 0, text)
        : this.tree.syntax === 'yaml'
          ? findTemplateUnits(this.value, this.syntaxErrors.length > 0)
          : findUnits(this.value, this.syntaxErrors.length > 0, uri);
    // A `.json.tpl` that does not parse as JSON is a template still to be rendered (`%{ if }`,
    // a bare `${var}`), not a broken document: it stays silent.
    const unrendered = this.syntaxErrors.length > 0 && /\.json\.tpl$/i.test(uri.replace(/[?#].*$/, ''));
    if (unrendered) found.units.length = 0;
    this.kind = unrendered ? 'unknown' : found.kind;
    this.units = found.units;
    this.cfnResources = found.resources;
    this.unitsByLogicalId = new Map(found.units.filter((u) => u.logicalId !== undefined).map((u) => [u.logicalId!, u]));
  }

  /** Frees what the parser holds outside the JS heap (the Terraform reader's wasm tree). */
  release(): void {
    if (this.tree instanceof TerraformSyntaxTree) this.tree.release();
  }

  get syntax(): SyntaxName {
    return this.tree.syntax;
  }

  get value(): Json | undefined {
    return this.tree.value;
  }

  /** The first syntax problem, or the one limit the document went past. */
  get syntaxErrors(): readonly SyntaxProblem[] {
    return this.tree.problems;
  }

  /** Comments and trailing commas: accepted in JSON with comments, errors where plain JSON is expected. */
  get looseSyntax(): readonly SyntaxProblem[] {
    return this.tree.loose;
  }

  /** The jsonc-parser tree of a JSON document; undefined for YAML. */
  get root(): Node | undefined {
    return this.tree instanceof JsonSyntaxTree ? this.tree.root : undefined;
  }

  get hasSyntaxErrors(): boolean {
    return this.syntaxErrors.length > 0;
  }

  valueAt(path: JsonPath): Json | undefined {
    let cursor: Json | undefined = this.value;
    for (const seg of path) {
      if (typeof seg === 'number') cursor = Array.isArray(cursor) ? cursor[seg] : undefined;
      else cursor = isObject(cursor) ? cursor[seg] : undefined;
      if (cursor === undefined) return undefined;
    }
    return cursor;
  }

  /** The innermost value at an offset, in any syntax. */
  syntaxNodeAt(offset: number): SyntaxNode | undefined {
    return this.tree.nodeAt(offset);
  }

  pathAt(offset: number): JsonPath | undefined {
    return pathAt(this.tree, offset);
  }

  /**
   * The unit holding `path`: strictly inside it (a property of the unit or deeper), or with
   * `inclusive` also the unit's own object (where a new property name is typed).
   */
  unitAt(path: JsonPath, inclusive = false): Unit | undefined {
    return this.units.find(
      (u) => (inclusive ? path.length >= u.basePath.length : path.length > u.basePath.length) && u.basePath.every((seg, i) => path[i] === seg),
    );
  }

  /**
   * The text range of a path: its value, or with `key` the property name. A path that is not in
   * the document falls back to its nearest existing ancestor, so a finding always has a place.
   */
  rangeOf(path: JsonPath, target: 'key' | 'value' = 'value'): OffsetRange {
    return rangeOfPath(this.tree, path, target);
  }

  positionAt(offset: number): Position {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex.positionAt(offset);
  }

  offsetAt(position: Position): number {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex.offsetAt(position);
  }
}

/**
 * Our own environment file is claimed by its name (`ecs-network.json`, `*.ecs-network.json`) or by a
 * `$schema` naming it, never by loose content: other tools' JSON also has `subnets` lists.
 */
export function isEnvironmentFile(root: JsonObject, uri: string): boolean {
  if (hasEnvironmentFileName(uri)) return true;
  const schema = str(root.$schema);
  return schema !== undefined && /ecs-network(\.schema)?\.json$|ecs-task-networking:schema:ecs-network/.test(schema);
}

export { DOCUMENT_TOO_LARGE, NON_STANDARD_JSON };

/**
 * JSON, YAML or Terraform. `.tf`, `.json`, `.yaml` and `.yml` say it; any other name (`.template`, no extension, an
 * untitled editor) is JSON when its first character outside blanks opens an object, an array or a
 * comment, and YAML otherwise.
 */
export function syntaxOf(uri: string, text: string): SyntaxName {
  const path = uri.replace(/[?#].*$/, '').toLowerCase();
  if (/\.tf$/.test(path)) return 'terraform';
  if (/\.jsonc?$/.test(path)) return 'json';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  const first = /[^\s\ufeff]/.exec(text.slice(0, 4096))?.[0];
  return first === undefined || first === '{' || first === '[' || first === '/' ? 'json' : 'yaml';
}

/**
 * A Terraform file is an ECS document when it declares a task definition, a service or a target
 * group; a file of the same module with only subnets or account settings is `unknown` (nothing to
 * report there) but its resources still serve the module's other files through the index.
 */
function findTerraformUnits(tree: TerraformSyntaxTree, partial: boolean, text: string): Found {
  const { units, resources } = terraformUnits(tree.value, partial);
  // A file that names ECS resources but does not parse is still ours to report (its one syntax error).
  const ours = units.length > 0 || (partial && looksLikeTerraformModulePart(text));
  return { kind: ours ? 'terraform' : 'unknown', units, resources };
}

/**
 * YAML documents are read only as CloudFormation templates: Kubernetes manifests, workflows and
 * compose files are YAML too, and a template is the one YAML form of an ECS document.
 */
function findTemplateUnits(root: Json | undefined, partial: boolean): Found {
  if (!isObject(root) || !isObject(root.Resources)) return { kind: 'unknown', units: [], resources: new Map() };
  return findUnits(root, partial);
}

/**
 * The kind of a document that was not parsed, from its name and the ECS markers in its text
 * (shared/src/ecsMarkers.ts); it has no units. A kind decides that the document is told it was not
 * checked: other huge JSON stays quiet, as it would if it had been parsed.
 */
function unparsedKind(text: string, uri: string): Found {
  const none = { units: [], resources: new Map<string, CfnResource>() };
  if (hasEnvironmentFileName(uri)) return { kind: 'environment', ...none };
  return { kind: markedKind(text) ?? 'unknown', ...none };
}

/** `family` plus a list under a near-miss of `containerDefinitions` is a task definition with a typo, worth reporting. */
function misspeltContainerList(root: JsonObject): boolean {
  return Object.entries(root).some(
    ([key, v]) => Array.isArray(v) && key !== 'containerDefinitions' && editDistance(key.toLowerCase(), 'containerdefinitions', 2) <= 2,
  );
}

interface Found {
  kind: DocumentKind;
  units: Unit[];
  resources: Map<string, CfnResource>;
}

function apiUnit(kind: UnitKind, value: JsonObject, basePath: JsonPath, partial: boolean, update = false): Unit {
  const norm = identity(value);
  const toDocPath = (p: JsonPath) => [...basePath, ...p];
  return { kind, style: 'api', basePath, value: norm.value, raw: value, update, partial, toDocPath, fromRaw: toDocPath };
}

/** Recognises a document by what it holds, not by its file name. */
export function findUnits(root: Json | undefined, partial = false, uri = ''): Found {
  const none: Found = { kind: 'unknown', units: [], resources: new Map() };
  if (Array.isArray(root)) {
    const unit = containerDefinitionsUnit(root, partial);
    return unit ? { kind: 'container-definitions', units: [unit], resources: new Map() } : none;
  }
  if (!isObject(root)) return none;

  if (isEnvironmentFile(root, uri)) {
    return { kind: 'environment', units: [apiUnit('environment', root, [], partial)], resources: new Map() };
  }

  const resources = obj(root.Resources);
  if (resources) {
    const found: Found = { kind: 'cloudformation', units: [], resources: new Map() };
    for (const [logicalId, res] of Object.entries(resources)) {
      const resource = obj(res);
      const type = str(resource?.Type);
      if (!resource || !type) continue;
      const properties = obj(resource.Properties) ?? {};
      const path: JsonPath = ['Resources', logicalId, 'Properties'];
      found.resources.set(logicalId, { logicalId, type, properties, path, reference: { Ref: logicalId } });
      const kind = CFN_UNIT_TYPES[type];
      if (!kind) continue;
      const norm = kind === 'target-group' ? identity(properties) : normaliseCfn(properties, kind);
      found.units.push({
        kind,
        style: 'cfn',
        basePath: path,
        value: norm.value,
        raw: properties,
        logicalId,
        update: false,
        partial,
        toDocPath: (p) => [...path, ...norm.toDocPath(p)],
        fromRaw: (p) => [...path, ...p],
      });
    }
    return found.units.length > 0 ? found : none;
  }

  const wrapped = obj(root.taskDefinition);
  if (wrapped && arr(wrapped.containerDefinitions)) {
    return { kind: 'task-definition', units: [apiUnit('task-definition', wrapped, ['taskDefinition'], partial)], resources: new Map() };
  }
  if (arr(root.containerDefinitions) || (typeof root.family === 'string' && misspeltContainerList(root))) {
    return { kind: 'task-definition', units: [apiUnit('task-definition', root, [], partial)], resources: new Map() };
  }
  const serviceSignals = ['taskDefinition', 'cluster', 'desiredCount', 'launchType', 'networkConfiguration', 'loadBalancers'];
  if ((typeof root.serviceName === 'string' && serviceSignals.some((k) => k in root)) || (!('service' in root) && isServiceInput(root))) {
    return { kind: 'service', units: [apiUnit('service', root, [], partial)], resources: new Map() };
  }
  if ((typeof root.service === 'string' && serviceSignals.some((k) => k in root)) || (typeof root.service === 'string' && 'forceNewDeployment' in root)) {
    return { kind: 'service', units: [apiUnit('service', root, [], partial, true)], resources: new Map() };
  }
  if (typeof root.TargetType === 'string' || (typeof root.Name === 'string' && 'Protocol' in root && 'Port' in root && 'VpcId' in root)) {
    return { kind: 'target-group', units: [apiUnit('target-group', root, [], partial)], resources: new Map() };
  }
  return none;
}
