import type { References, UnitRef } from './references';
import { str } from '../model/values';

// What a Terraform module declares about the account and its instances, beside the service: the
// account setting defaults it applies (`aws_ecs_account_setting_default`) and the instance types
// of its launch templates and instances, when they are literals. The environment file, which
// describes the account as it is, wins where it says something.

export interface ModuleFacts {
  readonly awsvpcTrunking?: boolean;
  readonly dualStackIPv6?: boolean;
  readonly instanceTypes: readonly string[];
}

const SETTING_VALUES: Readonly<Record<string, boolean>> = { enabled: true, disabled: false };

export function moduleFacts(from: UnitRef, refs: References): ModuleFacts {
  const settings: Record<string, boolean> = {};
  const types = new Set<string>();
  for (const resource of refs.moduleResources(from)) {
    const p = resource.properties;
    if (resource.type === 'AWS::ECS::AccountSettingDefault') {
      const name = str(p.Name);
      const value = str(p.Value);
      if (name && value !== undefined && value in SETTING_VALUES) settings[name] = SETTING_VALUES[value];
    } else if (resource.type === 'AWS::EC2::LaunchTemplate' || resource.type === 'AWS::EC2::Instance') {
      const type = str(p.InstanceType);
      if (type) types.add(type);
    }
  }
  return { awsvpcTrunking: settings.awsvpcTrunking, dualStackIPv6: settings.dualStackIPv6, instanceTypes: [...types] };
}
