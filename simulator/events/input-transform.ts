import { AwsError, type JsonObject } from '../core/contract';
import { selectPath } from './input-transform-path';
import {
  fillTemplate,
  PLACEHOLDER,
  RESERVED_JSON_VARIABLES,
  RESERVED_STRING_VARIABLES,
  type TransformContext,
} from './input-transform-template';
import { parseJsonLikeJackson } from './pattern-json';

export type { TransformContext } from './input-transform-template';

/** The input-shaping part of a PutTargets target, in the API's field names. */
export interface TargetInputConfig {
  Id: string;
  Input?: string;
  InputPath?: string;
  InputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string };
}

// Limits from the EventBridge API model (botocore events/2015-10-07): Input (TargetInput) ≤ 8192,
// InputPath (TargetInputPath) ≤ 256, InputTemplate (TransformerInput) 1..8192, InputPathsMap ≤ 100
// entries whose keys (InputTransformerPathKey) are 1..256 characters of [A-Za-z0-9\_\-]+ (which also
// keeps out the reserved aws.events.* names and keys starting "AWS.") and whose values are ≤ 256.
const KEY_PATTERN = /^[A-Za-z0-9_-]+$/;

const javaMap = (m: Record<string, string>): string =>
  `{${Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}}`;

function constraintErrors(t: TargetInputConfig, at: string): string[] {
  const errors: string[] = [];
  const violation = (value: string, field: string, constraint: string): void => {
    errors.push(`Value '${value}' at '${at}.${field}' failed to satisfy constraint: ${constraint}`);
  };
  const max = (n: number): string => `Member must have length less than or equal to ${n}`;
  if (t.Input !== undefined && t.Input.length > 8192) violation(t.Input, 'input', max(8192));
  if (t.InputPath !== undefined && t.InputPath.length > 256) violation(t.InputPath, 'inputPath', max(256));
  const tr = t.InputTransformer;
  if (tr !== undefined) {
    const map = tr.InputPathsMap ?? {};
    const entries = Object.entries(map);
    const mapAt = 'inputTransformer.inputPathsMap';
    if (entries.length > 100) violation(javaMap(map), mapAt, max(100));
    if (entries.some(([k]) => !KEY_PATTERN.test(k))) {
      violation(javaMap(map), mapAt, 'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+]');
    }
    if (entries.some(([k]) => k.length > 256)) violation(javaMap(map), mapAt, `Map keys must satisfy constraint: [${max(256)}]`);
    if (entries.some(([, v]) => v.length > 256)) violation(javaMap(map), mapAt, `Map values must satisfy constraint: [${max(256)}]`);
    const template = tr.InputTemplate;
    if (template.length < 1) violation(template, 'inputTransformer.inputTemplate', 'Member must have length greater than or equal to 1');
    if (template.length > 8192) violation(template, 'inputTransformer.inputTemplate', max(8192));
  }
  return errors;
}

/**
 * PutTargets' checks on a target's input, in the order AWS applies them: request constraints (Coral
 * "N validation error(s) detected"), then the service's own rules. `position` is the target's 1-based
 * place in the request. Messages AWS was observed to return (localstack test_events_inputs snapshot):
 * "Only one of Input, InputPath, or InputTransformer must be provided for target <id>." and
 * "InputTemplate for target <id> contains invalid placeholder <name>."; "Input for target <id> is not a
 * valid JSON text." is AWS's reply quoted in awsdocs/aws-cloudformation-user-guide issue #1010.
 */
export function validateTargetInput(t: TargetInputConfig, position: number): void {
  const errors = constraintErrors(t, `targets.${position}.member`);
  if (errors.length > 0) {
    const count = errors.length === 1 ? '1 validation error detected' : `${errors.length} validation errors detected`;
    throw new AwsError('ValidationException', `${count}: ${errors.join('; ')}`);
  }
  const given = [t.Input, t.InputPath, t.InputTransformer].filter((v) => v !== undefined).length;
  if (given > 1) {
    throw new AwsError('ValidationException', `Only one of Input, InputPath, or InputTransformer must be provided for target ${t.Id}.`);
  }
  if (t.Input !== undefined && !isJsonText(t.Input)) {
    throw new AwsError('ValidationException', `Input for target ${t.Id} is not a valid JSON text.`);
  }
  const tr = t.InputTransformer;
  if (tr === undefined) return;
  const defined = new Set([...Object.keys(tr.InputPathsMap ?? {}), ...RESERVED_STRING_VARIABLES, ...RESERVED_JSON_VARIABLES]);
  for (const m of tr.InputTemplate.matchAll(PLACEHOLDER)) {
    if (!defined.has(m[1] as string)) {
      throw new AwsError('ValidationException', `InputTemplate for target ${t.Id} contains invalid placeholder ${m[1] as string}.`);
    }
  }
}

function isJsonText(text: string): boolean {
  try {
    return parseJsonLikeJackson(text) !== undefined;
  } catch {
    return false;
  }
}

export type RenderedInput = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The text a target receives for one matched event. Without Input, InputPath or InputTransformer the
 * target gets the whole event as minified JSON. A JSON template whose filled text is not JSON (a value
 * with a quote inside a string, for instance) cannot be delivered; that is reported, not thrown, as the
 * failure happens at delivery time, after PutTargets succeeded.
 */
export function renderTargetInput(t: TargetInputConfig, event: JsonObject, ctx: TransformContext): RenderedInput {
  if (t.Input !== undefined) return { ok: true, text: t.Input };
  if (t.InputPath !== undefined) {
    const selected = selectPath(event, t.InputPath);
    // UNVERIFIED: what AWS sends when InputPath selects nothing; the target is treated as not invoked.
    if (!selected.found) return { ok: false, reason: `InputPath ${t.InputPath} selected nothing in the event` };
    return { ok: true, text: JSON.stringify(selected.value) };
  }
  const tr = t.InputTransformer;
  if (tr === undefined) return { ok: true, text: JSON.stringify(event) };
  const filled = fillTemplate(tr.InputTemplate, tr.InputPathsMap ?? {}, event, ctx);
  if (!filled.json) return { ok: true, text: filled.text };
  try {
    return { ok: true, text: JSON.stringify(JSON.parse(filled.text)) };
  } catch {
    return { ok: false, reason: `InputTemplate produced text that is not valid JSON: ${filled.text}` };
  }
}
