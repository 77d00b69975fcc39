/**
 * Rows of the current ECS page of awsvpc task limits (ecs-eni-trunking-newer.md), checked by hand
 * against the page: [instance type, tasks without trunking, tasks with trunking]. Current
 * generations first; c5.large is the page's own example.
 */
export const DOCUMENTED_ROWS: readonly (readonly [string, number, number])[] = [
  ['c7i.large', 2, 10],
  ['m7g.medium', 1, 4],
  ['c8g.large', 2, 10],
  ['r7i.xlarge', 3, 20],
  ['m7a.large', 2, 10],
  ['m6in.32xlarge', 15, 120],
  ['c5.large', 2, 10],
];
