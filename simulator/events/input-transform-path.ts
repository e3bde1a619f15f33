import type { Json } from '../core/contract';

// The JSONPath subset EventBridge evaluates for InputPath and InputPathsMap: "dot notation (for example,
// $.detail), dashes, underscores, alphanumeric characters, array indices, wildcards (*), forward slashes"
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html). Bracketed
// names (`$['detail']`) are read as well, since InputPath accepts them. "There is no validation when
// creating JSON path for your template" (same page, 2023 text), so a path that does not parse simply
// selects nothing.

type Step = { key: string } | { index: number } | { all: true };

export function parsePath(path: string): Step[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: Step[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const m = /^[^.[\]]+/.exec(path.slice(i + 1));
      if (m === null) return undefined;
      steps.push(m[0] === '*' ? { all: true } : { key: m[0] });
      i += 1 + m[0].length;
    } else if (c === '[') {
      const m = /^\[(?:(\d+)|(\*)|'([^']*)'|"([^"]*)")\]/.exec(path.slice(i));
      if (m === null) return undefined;
      if (m[1] !== undefined) steps.push({ index: Number(m[1]) });
      else if (m[2] !== undefined) steps.push({ all: true });
      else steps.push({ key: (m[3] ?? m[4]) as string });
      i += m[0].length;
    } else {
      return undefined;
    }
  }
  return steps;
}

export type PathResult = { found: false } | { found: true; value: Json };

/** Evaluates a path; a wildcard anywhere makes the result a list of every match, as JSONPath does. */
export function selectPath(root: Json, path: string): PathResult {
  const steps = parsePath(path);
  if (steps === undefined) return { found: false };
  const wildcard = steps.some((s) => 'all' in s);
  let current: Json[] = [root];
  for (const step of steps) {
    const next: Json[] = [];
    for (const node of current) {
      if ('all' in step) {
        if (Array.isArray(node)) next.push(...node);
        else if (node !== null && typeof node === 'object') next.push(...Object.values(node));
      } else if ('index' in step) {
        if (Array.isArray(node) && step.index < node.length) next.push(node[step.index] as Json);
      } else if (node !== null && typeof node === 'object' && !Array.isArray(node) && step.key in node) {
        next.push(node[step.key] as Json);
      }
    }
    current = next;
  }
  if (wildcard) return current.length === 0 ? { found: false } : { found: true, value: current };
  return current.length === 0 ? { found: false } : { found: true, value: current[0] as Json };
}
