/** A count for people: `12,273`. One spelling of numbers in every message, hover and table. */
export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
