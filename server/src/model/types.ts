/** Plain JSON as the rules see it, after parsing. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** A location inside a document: property names and array indices from the root. */
export type JsonPath = (string | number)[];

/** The ECS objects a document can hold. */
export type UnitKind = 'task-definition' | 'container-definitions' | 'service' | 'target-group' | 'environment';

/** What a whole document is. `unknown` documents get no diagnostics at all. */
export type DocumentKind = UnitKind | 'cloudformation' | 'terraform' | 'unknown';

/** `api`: AWS API input (camelCase for ECS, PascalCase for ELBv2). `cfn`: CloudFormation resource properties. */
export type Style = 'api' | 'cfn';

export interface SyntaxProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  /** The syntax-family rule that reports it; `syntax-error` when absent. */
  readonly ruleId?: string;
}

export interface OffsetRange {
  readonly offset: number;
  readonly length: number;
}
