// @ts-check
// Reads the ECS page of awsvpc task limits (ecs-eni-trunking-newer.md: a provenance header, then
// AWS's Markdown export of the page) into plain figures. Only names and numbers are taken.

/**
 * @typedef {{ withoutTrunking: number, withTrunking: number }} PublishedRow
 * @typedef {{
 *   commit: string,
 *   rows: Map<string, PublishedRow>,
 *   unsupportedTypes: string[],
 *   unsupportedFamilies: string[],
 * }} TrunkingPage
 */

const ROW = /^\| ([a-z0-9][a-z0-9.-]*) \| (-?\d+) \| (-?\d+) \|$/;
const HEADER_ROW = /^\| Instance type \| Task limit without ENI trunking \| Task limit with ENI trunking \|$/;
const SEPARATOR_ROW = /^\| --- \| --- \| --- \|$/;

/**
 * The row count stated in the file's header is checked, so a parse that skips rows fails.
 * @param {string} text
 * @returns {TrunkingPage}
 */
export function parseTrunkingPage(text) {
  const commit = /commit `([0-9a-f]{40})`/.exec(text)?.[1];
  const expectedRows = Number(/^- Rows: (\d+)/m.exec(text)?.[1]);
  if (!commit || !expectedRows) throw new Error('ecs-eni-trunking-newer.md: no mirror commit or row count in the header');
  const body = text.slice(text.indexOf('\n---\n'));
  /** @type {Map<string, PublishedRow>} */
  const rows = new Map();
  for (const line of body.split('\n')) {
    if (!line.startsWith('|') || HEADER_ROW.test(line) || SEPARATOR_ROW.test(line)) continue;
    const m = ROW.exec(line);
    if (!m) throw new Error(`ecs-eni-trunking-newer.md: table line not understood: ${line}`);
    if (rows.has(m[1])) throw new Error(`ecs-eni-trunking-newer.md: ${m[1]} listed twice`);
    rows.set(m[1], { withoutTrunking: Number(m[2]), withTrunking: Number(m[3]) });
  }
  if (rows.size !== expectedRows) throw new Error(`ecs-eni-trunking-newer.md: ${rows.size} rows, expected ${expectedRows}`);
  return {
    commit,
    rows,
    unsupportedTypes: namesInSentence(body, 'instance types are not supported'),
    unsupportedFamilies: namesInSentence(body, 'instance families are not supported'),
  };
}

/**
 * The back-quoted names of the one sentence ending in `ending`.
 * @param {string} body
 * @param {string} ending
 */
function namesInSentence(body, ending) {
  const sentences = body.split('\n').filter((line) => line.includes(ending));
  if (sentences.length !== 1) throw new Error(`ecs-eni-trunking-newer.md: expected one sentence ending "${ending}", found ${sentences.length}`);
  const names = [...sentences[0].matchAll(/`([a-z0-9.-]+)`/g)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`ecs-eni-trunking-newer.md: no names in "${sentences[0]}"`);
  return names.sort();
}
