import type { CfnResource, Unit } from '../document';
import type { Json, JsonObject, JsonPath } from '../types';
import { isObject, obj } from '../values';
import { normaliseTerraform, terraformProperties } from './normalise';
import { pathKey } from './places';

// The ECS units and the other resources of one `.tf` file. A unit's value is in API spelling and
// API types (normalise.ts), so the rules read it as they read a JSON task definition; its paths map
// back into the projection, where the reader keeps a place for each. Resources that are not units
// (subnets, account settings) are kept under CloudFormation's type names and property names, the
// model's one vocabulary for them, so the subnet and account readers need no Terraform case.

/** A resource's address, `aws_ecs_service.web`: its logical id in the model. */
export const terraformAddress = (type: string, name: string): string => `${type}.${name}`;

/** The `${type.name.attr}` reference an unknown value holds, when it is exactly one resource attribute. */
export function terraformReference(value: Json | undefined): { address: string; attribute: string; data: boolean } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)\.([a-z_][a-z0-9_]*)\}$/.exec(value);
  if (!m) return undefined;
  const address = terraformAddress(m[2], m[3]);
  return { address: m[1] ? `data.${address}` : address, attribute: m[4], data: m[1] !== undefined };
}

/**
 * Resources that are not units, under CloudFormation's type and property names (the generated
 * table's facts: subnets, account settings, launch templates). `aws_instance` has no provider page
 * among the pinned inputs; its one fact the model reads, the instance type, is named here.
 */
function otherResource(type: string, body: JsonObject): { type: string; properties: JsonObject } {
  const known = terraformProperties(type, body);
  if (known) return { type: known.cfnType, properties: known.properties };
  if (type === 'aws_instance' && body.instance_type !== undefined) return { type: 'AWS::EC2::Instance', properties: { InstanceType: body.instance_type } };
  return { type, properties: body };
}

/**
 * The way from a projection path back to the API path (what hover and completion ask): every path
 * of the unit's value, mapped forward once and kept. Parents come first, so a path with no
 * Terraform counterpart of its own (which lands on an ancestor) never takes the ancestor's place.
 */
function apiPathIndex(value: JsonObject, toDocPath: (p: JsonPath) => JsonPath): (docPath: JsonPath) => JsonPath | undefined {
  let index: Map<string, JsonPath> | undefined;
  return (docPath) => {
    if (!index) {
      const built = new Map<string, JsonPath>();
      const visit = (v: Json, p: JsonPath) => {
        const key = pathKey(toDocPath(p));
        if (!built.has(key)) built.set(key, p);
        if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...p, i]));
        else if (isObject(v)) for (const [k, child] of Object.entries(v)) visit(child, [...p, k]);
      };
      visit(value, []);
      index = built;
    }
    return index.get(pathKey(docPath));
  };
}

export interface TerraformUnits {
  readonly units: Unit[];
  readonly resources: Map<string, CfnResource>;
}

/** Every `resource` block of the projection that the model knows. `partial`: the file has a syntax error. */
export function terraformUnits(root: JsonObject | undefined, partial: boolean): TerraformUnits {
  const units: Unit[] = [];
  const resources = new Map<string, CfnResource>();
  const blocks = obj(root?.resource);
  for (const [type, byName] of Object.entries(blocks ?? {})) {
    if (!isObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      if (!isObject(body)) continue;
      const address = terraformAddress(type, name);
      const base: JsonPath = ['resource', type, name];
      const mapping = normaliseTerraform(type, body);
      const other = otherResource(type, body);
      resources.set(address, { logicalId: address, type: other.type, properties: other.properties, path: base });
      if (!mapping) continue;
      const toDocPath = (p: JsonPath): JsonPath => [...base, ...mapping.toDocPath(p)];
      units.push({
        kind: mapping.kind,
        style: 'api',
        basePath: base,
        value: mapping.value,
        raw: mapping.value,
        logicalId: address,
        update: false,
        partial,
        // Terraform checks its own required arguments (and names some itself): not ours to report.
        rootRequiredElsewhere: true,
        toDocPath,
        fromRaw: toDocPath,
        toDocValue: mapping.toDocValue,
        apiPathOf: apiPathIndex(mapping.value, toDocPath),
      });
    }
  }
  return { units, resources };
}
