import { findNodeAtLocation, findNodeAtOffset, getNodePath, printParseErrorCode, type Node } from 'jsonc-parser';
import { DEFAULT_LIMITS, parseJson, type DocumentLimits } from './parse';
import type { SyntaxNode, SyntaxTree, PathLocation } from './syntax';
import type { Json, JsonPath, SyntaxProblem } from './types';

const SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character here.',
  InvalidNumberFormat: 'This number is not written the way JSON allows.',
  PropertyNameExpected: 'A property name in double quotes was expected here.',
  ValueExpected: 'A value was expected here.',
  ColonExpected: "A ':' was expected after the property name.",
  CommaExpected: "A ',' was expected between these items.",
  CloseBraceExpected: "A '}' was expected to close the object.",
  CloseBracketExpected: "A ']' was expected to close the array.",
  EndOfFileExpected: 'Nothing more was expected after the end of the JSON value.',
  InvalidCommentToken: 'This comment is not closed.',
  UnexpectedEndOfComment: 'The comment is not closed before the end of the file.',
  UnexpectedEndOfString: 'The string is not closed.',
  UnexpectedEndOfNumber: 'The number ends too early.',
  InvalidUnicode: 'Invalid unicode escape sequence.',
  InvalidEscapeCharacter: 'Invalid escape character in a string.',
  InvalidCharacter: 'Invalid character in a string.',
};

/** The rule id of the one problem a document past its limits gets (rules/syntax.ts). */
export const DOCUMENT_TOO_LARGE = 'document-too-large';

/** The rule id of comments and trailing commas where plain JSON is expected (rules/syntax.ts). */
export const NON_STANDARD_JSON = 'non-standard-json';

const LOOSE_MESSAGES = {
  comment: 'Comments are not JSON: CloudFormation and the AWS CLI refuse this file. Remove the comment, or name the file .jsonc if no AWS tool reads it.',
  trailingComma: 'Trailing comma: CloudFormation and the AWS CLI refuse this file. Remove the comma.',
};

/**
 * JSON with comments read by jsonc-parser: tolerant, as editors are, and only the first syntax
 * error kept so that one typo does not produce a cascade.
 */
export class JsonSyntaxTree implements SyntaxTree {
  readonly syntax = 'json';
  readonly root: Node | undefined;
  readonly value: Json | undefined;
  readonly problems: readonly SyntaxProblem[];
  readonly loose: readonly SyntaxProblem[];
  readonly parsed: boolean;

  constructor(text: string, limits: DocumentLimits = DEFAULT_LIMITS) {
    const parsed = parseJson(text, limits);
    this.root = parsed.root;
    this.value = parsed.value;
    this.parsed = !parsed.limit;
    this.problems = parsed.limit
      ? [{ ...parsed.limit, ruleId: DOCUMENT_TOO_LARGE }]
      : parsed.errors.slice(0, 1).map((e) => ({
          offset: e.offset,
          // At least one character to underline, but never past the end (an error at the very end has none).
          length: Math.min(Math.max(1, e.length), text.length - e.offset),
          message: SYNTAX_MESSAGES[printParseErrorCode(e.error)] ?? 'Invalid JSON.',
        }));
    this.loose = parsed.loose.map((l) => ({
      offset: l.offset,
      length: l.length,
      message: l.kind === 'comment' ? LOOSE_MESSAGES.comment : LOOSE_MESSAGES.trailingComma,
      ruleId: NON_STANDARD_JSON,
    }));
  }

  locate(path: JsonPath): PathLocation | undefined {
    const node = this.root && findNodeAtLocation(this.root, path);
    if (!node) return undefined;
    const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return { value: { offset: node.offset, length: node.length }, key: keyNode && { offset: keyNode.offset, length: keyNode.length } };
  }

  nodeAt(offset: number): SyntaxNode | undefined {
    const node = this.root ? findNodeAtOffset(this.root, offset, true) : undefined;
    if (!node) return undefined;
    const type = node.type === 'property' ? 'object' : node.type;
    return {
      path: getNodePath(node),
      type,
      value: type === 'object' || type === 'array' ? undefined : (node.value as Json),
      offset: node.offset,
      length: node.length,
      contentOffset: type === 'string' ? node.offset + 1 : undefined,
    };
  }
}
