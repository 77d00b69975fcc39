import { CompletionItemKind, type CompletionItem, type CompletionList, type Range, type TextEdit } from 'vscode-languageserver';
import { eniDensity, getInstanceType, instanceTypeDataNote, instanceTypeNames, type InstanceType, type Os } from '../../core';
import { markdown, RANK_NORMAL, RANK_PREFERRED, rankText } from './items';

/** More instance types than this would flood the list; the client asks again as the user types. */
export const MAX_INSTANCE_TYPE_ITEMS = 200;

let orderedTypes: readonly InstanceType[] | undefined;

/** Instance types by family, then size (vCPU, memory), so `c5.` lists large before xlarge. Built once from constant data. */
function typesInOrder(): readonly InstanceType[] {
  if (orderedTypes) return orderedTypes;
  const types = instanceTypeNames()
    .map((name) => getInstanceType(name))
    .filter((t): t is InstanceType => t !== undefined);
  orderedTypes = types.sort(
    (a, b) =>
      a.family.localeCompare(b.family) ||
      (a.vcpu ?? Infinity) - (b.vcpu ?? Infinity) ||
      (a.memoryMiB ?? Infinity) - (b.memoryMiB ?? Infinity) ||
      a.name.localeCompare(b.name),
  );
  return orderedTypes;
}

/**
 * EC2 instance types starting with `prefix` (case-insensitive), each replacing `range` with its
 * name and showing its ENI density for `os`. Types named in `preferred` (the environment's or the
 * user's `defaultInstanceTypes`) rank first. Cut at MAX_INSTANCE_TYPE_ITEMS with isIncomplete set,
 * so the client asks again as more is typed.
 */
export function instanceTypeItems(prefix: string, range: Range, os: Os, preferred: readonly string[] = []): CompletionList {
  const wanted = prefix.toLowerCase();
  const favourites = new Set(preferred);
  const matching = typesInOrder().filter((type) => type.name.toLowerCase().startsWith(wanted));
  const ordered = [...matching.filter((t) => favourites.has(t.name)), ...matching.filter((t) => !favourites.has(t.name))];
  const kept = ordered.slice(0, MAX_INSTANCE_TYPE_ITEMS);
  const items = kept.map((type, index) => instanceTypeItem(type, range, os, favourites.has(type.name) ? RANK_PREFERRED : RANK_NORMAL, index));
  return { isIncomplete: ordered.length > kept.length, items };
}

function instanceTypeItem(type: InstanceType, range: Range, os: Os, rank: number, index: number): CompletionItem {
  const d = eniDensity({ type, os });
  const withTrunking = d.withTrunking === null ? 'unknown' : d.withTrunking;
  const trunked = os === 'windows' ? 'no trunking on Windows' : `${withTrunking} with trunking`;
  const lines = [
    `**${type.name}**: ${type.vcpu ?? '?'} vCPU, ${type.memoryMiB ?? '?'} MiB`,
    '',
    `- ENIs: ${type.maxEnis} (the primary one included), ${type.ipv4PerEni ?? '?'} IPv4 addresses each`,
    `- awsvpc tasks per instance: ${d.withoutTrunking} without trunking, ${withTrunking} with trunking`,
  ];
  if (d.withTrunkingNote) lines.push(`- ${d.withTrunkingNote}`);
  const dataNote = instanceTypeDataNote(type);
  if (dataNote) lines.push(`- ${dataNote}`);
  const edit: TextEdit = { range, newText: type.name };
  return {
    label: type.name,
    kind: CompletionItemKind.Value,
    detail: `${type.maxEnis} ENIs · ${d.withoutTrunking} awsvpc tasks/instance (${trunked})`,
    documentation: markdown(lines.join('\n')),
    sortText: rankText(rank, index),
    filterText: type.name,
    textEdit: edit,
  };
}
