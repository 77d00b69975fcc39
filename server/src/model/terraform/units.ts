import type { CfnResource, Unit } from '../document';
import type { Json, JsonObject, JsonPath } from '../types';
import { arr, isObject, obj } from '../values';
import { normaliseTerraform } from './normalise';

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

/** The first block of a block list (`network_configuration { … }` is `[ {…} ]` in the projection). */
const firstBlock = (v: Json | undefined): JsonObject | undefined => obj(arr(v)?.[0]);

/** aws_subnet arguments under CloudFormation's AWS::EC2::Subnet names. */
function subnetProperties(body: JsonObject): JsonObject {
  const out: JsonObject = {};
  const names: Record<string, string> = {
    cidr_block: 'CidrBlock',
    ipv6_cidr_block: 'Ipv6CidrBlock',
    ipv6_native: 'Ipv6Native',
    availability_zone: 'AvailabilityZone',
    map_public_ip_on_launch: 'MapPublicIpOnLaunch',
    assign_ipv6_address_on_creation: 'AssignIpv6AddressOnCreation',
    vpc_id: 'VpcId',
  };
  for (const [tf, cfn] of Object.entries(names)) if (body[tf] !== undefined) out[cfn] = body[tf];
  return out;
}

const OTHER_RESOURCES: Readonly<Record<string, { type: string; properties: (body: JsonObject) => JsonObject }>> = {
  aws_subnet: { type: 'AWS::EC2::Subnet', properties: subnetProperties },
  aws_ecs_account_setting_default: { type: 'AWS::ECS::AccountSettingDefault', properties: (b) => ({ Name: b.name ?? null, Value: b.value ?? null }) },
  aws_launch_template: { type: 'AWS::EC2::LaunchTemplate', properties: (b) => ({ InstanceType: b.instance_type ?? null }) },
  aws_instance: { type: 'AWS::EC2::Instance', properties: (b) => ({ InstanceType: b.instance_type ?? null }) },
};

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
      const other = OTHER_RESOURCES[type];
      resources.set(address, { logicalId: address, type: other?.type ?? type, properties: other ? other.properties(body) : body, path: base });
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
      });
    }
  }
  return { units, resources };
}

export { firstBlock };
