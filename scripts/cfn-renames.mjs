// @ts-check
// The CloudFormation → API key renames of the ECS resources, as a tree per resource kind that
// follows the CloudFormation shape rows: the same CloudFormation key can stand for different API
// names in different places, so a flat table cannot hold them.

/**
 * @typedef {{ api?: string, below?: RenameTree }} KeyRename
 * @typedef {{ [cfnKey: string]: KeyRename }} RenameTree
 * @typedef {readonly unknown[]} Row
 */

/** The API name CloudFormation's key maps to when nothing says otherwise: first letter lowered. */
export const defaultApiName = (/** @type {string} */ cfnKey) => cfnKey.charAt(0).toLowerCase() + cfnKey.slice(1);

/**
 * @param {readonly Row[]} rows CFN shape rows ('o' objects hold members: name → row id)
 * @param {ReadonlyMap<number, Record<string, string>>} apiNames per object row: CFN member → API member it matched
 * @param {number} rootId
 * @returns {RenameTree}
 */
export function renameTree(rows, apiNames, rootId) {
  /** @type {Set<number>} */
  const visiting = new Set();
  /** @param {number} id @returns {RenameTree | null} */
  const walk = (id) => {
    const row = rows[id];
    if (row[0] === 'a' || row[0] === 'm') return row[0] === 'a' ? walk(/** @type {number} */ (row[1])) : null;
    if (row[0] !== 'o' || visiting.has(id)) return null;
    visiting.add(id);
    /** @type {RenameTree} */
    const tree = {};
    const members = /** @type {Record<string, number>} */ (row[1]);
    for (const [cfnKey, child] of Object.entries(members)) {
      const api = apiNames.get(id)?.[cfnKey];
      const below = walk(child);
      /** @type {KeyRename} */
      const entry = {};
      if (api !== undefined && api !== defaultApiName(cfnKey)) entry.api = api;
      if (below) entry.below = below;
      if (entry.api !== undefined || entry.below) tree[cfnKey] = entry;
    }
    visiting.delete(id);
    return Object.keys(tree).length ? tree : null;
  };
  return walk(rootId) ?? {};
}
