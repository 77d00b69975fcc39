// The help text of every ecs-net command, in one module with no dependencies, so `ecs-net help
// env pull` never loads the AWS SDK.
import { ENV_FILE_NAME } from '../../../shared/src/protocol';
import { VERSION } from './output';

export const MAIN_USAGE = `ecs-net ${VERSION}: ECS task networking checks and capacity planning

Usage:
  ecs-net check [--format text|json|sarif] [--max-warnings N] [--env FILE] PATH...
  ecs-net plan --instance-type TYPE [--trunking] [--tasks N] [--task-cpu U --task-memory MIB]
               [--subnets CIDR,CIDR] [--max-percent P] [--os linux|windows] [--json]
  ecs-net env pull [--profile P] [--region R] [--endpoint-url URL] [--cluster C]
                   [--subnets ID,ID] [--out FILE] [--dry-run] [--yes]
  ecs-net help COMMAND
  ecs-net --version

Run 'ecs-net help COMMAND' or 'ecs-net COMMAND --help' for details.`;

export const CHECK_USAGE = `Usage: ecs-net check [--format text|json|sarif] [--max-warnings N] [--env FILE] PATH...

Checks ECS task definitions, services, target groups and CloudFormation templates (JSON or YAML) with
the same rules as the editor. PATH may be a file, a folder (searched for *.json, *.jsonc, *.yaml, *.yml
and *.template) or a glob ("deploy/**/*.yaml").
A service finds its task definition (by family or ARN) and target groups (by name or ARN) among the
checked files. Subnet, capacity and IPv6 checks use the nearest ${ENV_FILE_NAME} above each file,
or the one given with --env. Folders and globs are searched as the editor's workspace index
searches them: node_modules, .git, build output and hidden folders are skipped, and so are
files over 5 MB (generated data, not deployment documents).

Options:
  --format F           text (default), json or sarif
  --max-warnings N     exit 1 when there are more than N warnings
  --env FILE           use this environment file for every document
  -h, --help           show this help

Exit codes: 0 clean, 1 errors (or more warnings than --max-warnings), 2 bad usage.`;

export const PLAN_USAGE = `Usage: ecs-net plan --instance-type TYPE [options]

Tasks per instance, instances needed and IPv4 addresses for an awsvpc service on EC2.

Options:
  --instance-type TYPE   EC2 instance type, e.g. c5.large (required)
  --trunking             assume the awsvpcTrunking account setting is on
  --tasks N              desired task count (default 1)
  --task-cpu CPU         task CPU in units (256) or vCPU ("0.25 vCPU")
  --task-memory MEM      task memory in MiB (512) or GB ("0.5GB")
  --subnets CIDRS        comma-separated subnet IPv4 CIDRs, e.g. 10.0.0.0/20,10.0.16.0/20
  --max-percent P        deployment maximumPercent (default 200)
  --os linux|windows     container instance OS (default linux)
  --json                 print the plan as JSON
  -h, --help             show this help

Exit codes: 0 planned, 1 internal error, 2 bad usage or input (unknown instance type, bad CIDR).`;

export const ENV_PULL_USAGE = `Usage: ecs-net env pull [--profile P] [--region R] [--endpoint-url URL] [--cluster C]
                        [--subnets ID,ID] [--target-groups | --all-target-groups] [--task-definitions]
                        [--no-subnets] [--out FILE] [--dry-run] [--yes]

Reads your VPC subnets, the cluster's container instances and the ECS account settings (and, when
asked, the target groups and task definitions your services name) with read-only AWS calls and
merges them into the environment file. Prints the changes as a diff,
then writes the file; nothing is written if any call fails. Your documents never leave the machine.

Options:
  --profile P          AWS profile (default: AWS_PROFILE, then the default credential chain)
  --region R           AWS region (default: AWS_REGION, then the profile's region)
  --endpoint-url URL   send the calls to another endpoint (e.g. a local emulator)
  --cluster C          ECS cluster name or ARN: capacity by instance type and AZ, agent version, OS;
                       without --subnets, the subnets of its instances' VPCs are pulled
  --subnets ID,ID      pull exactly these subnets (default: the cluster's VPCs, else the whole region)
  --target-groups      also pull the target groups the services below the current folder name
  --all-target-groups  also pull every target group of the pulled VPC (or of the file's "vpc")
  --task-definitions   also pull the task definitions the services name: the named revision and
                       the family's latest ACTIVE one (container names and ports only)
  --no-subnets         pull only target groups and/or task definitions; subnets, clusters and
                       account settings in the file stay as they are
  --out FILE           environment file to merge into (default: ./${ENV_FILE_NAME})
  --dry-run            show the diff, write nothing
  -y, --yes            accepted for scripts; the pull never asks before writing
  -h, --help           show this help

Exit codes: 0 pulled (or dry run), 1 an AWS call, the network or the file failed, 2 bad usage.`;

/** Help by command name, as `ecs-net help COMMAND` takes it. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  check: CHECK_USAGE,
  plan: PLAN_USAGE,
  'env pull': ENV_PULL_USAGE,
  env: ENV_PULL_USAGE,
};
