import { fileURLToPath } from 'node:url';

/** Local file path of a `file:` URI; other schemes (untitled, remote) have none. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
