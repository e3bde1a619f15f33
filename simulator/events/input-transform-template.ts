import type { Json, JsonObject } from '../core/contract';
import { selectPath } from './input-transform-path';

// InputTemplate filling, as AWS produces it (AWS-observed outputs recorded in localstack
// tests/aws/services/events/test_events_inputs.snapshot.json, and the user guide page
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html):
// - A template whose text starts with `{` is a JSON template; any other is a string template whose
//   text is passed on as written, quotes included: "instance <instance> is in <state>" arrives as
//   "instance i-0123456789 is in RUNNING".
// - In a JSON template a placeholder standing as a value becomes that value as JSON (a string is quoted),
//   while a placeholder inside a quoted string is replaced by the raw text; so "<state>" and <state> both
//   give "RUNNING". Values are not escaped ("EventBridge doesn't escape values extracted by Input Path").
// - Inside text, objects and arrays lose their quotes: {acc_id:0a787ecb-4015,sf_id:baz}, [HIGH].
// - A path that selects nothing yields an empty string: "" as a JSON value, nothing inside text. (The
//   2023 guide said the variable "won't appear in the output"; AWS was observed emitting "".)
// - The JSON passed to a target is minified.
// - <aws.events.event> is the event without `detail`, with `detail-type` renamed `detailType`, in the
//   order AWS was observed to emit; <aws.events.event.json> is the whole event.

export const RESERVED_STRING_VARIABLES = ['aws.events.rule-arn', 'aws.events.rule-name', 'aws.events.event.ingestion-time'];
export const RESERVED_JSON_VARIABLES = ['aws.events.event', 'aws.events.event.json'];

/** The placeholder syntax: `<` up to the nearest `>`, within one line. */
export const PLACEHOLDER = /<([^>\n]*)>/g;

export interface TransformContext {
  ruleArn: string;
  ruleName: string;
  /** ISO 8601 time EventBridge received the event. */
  ingestionTime: string;
}

type Binding = { found: false } | { found: true; value: Json };

function bindings(
  pathsMap: Record<string, string>,
  event: JsonObject,
  ctx: TransformContext,
): Map<string, Binding> {
  const out = new Map<string, Binding>();
  for (const [name, path] of Object.entries(pathsMap)) out.set(name, selectPath(event, path));
  const { detail: _detail, 'detail-type': detailType, ...rest } = event;
  const summary: JsonObject = {};
  for (const key of ['id', 'account', 'detailType', 'time', 'source', 'region', 'resources', 'version']) {
    const value = key === 'detailType' ? detailType : rest[key];
    if (value !== undefined) summary[key] = value;
  }
  out.set('aws.events.rule-arn', { found: true, value: ctx.ruleArn });
  out.set('aws.events.rule-name', { found: true, value: ctx.ruleName });
  out.set('aws.events.event.ingestion-time', { found: true, value: ctx.ingestionTime });
  out.set('aws.events.event', { found: true, value: summary });
  out.set('aws.events.event.json', { found: true, value: event });
  return out;
}

/** A value as it appears inside text: strings raw, objects and arrays as JSON with every quote gone. */
function asText(value: Json): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value).replace(/\\?"/g, '');
  return String(value);
}

/** Fills the template; the result for a JSON template may be invalid JSON, which the caller reports. */
export function fillTemplate(
  template: string,
  pathsMap: Record<string, string>,
  event: JsonObject,
  ctx: TransformContext,
): { json: boolean; text: string } {
  const values = bindings(pathsMap, event, ctx);
  const json = template.trimStart().startsWith('{');
  let out = '';
  let inString = false;
  let last = 0;
  const copyUpTo = (end: number): void => {
    for (let i = last; i < end; i++) {
      const c = template[i];
      if (c === '\\') {
        out += template.slice(i, Math.min(i + 2, end));
        i++;
        continue;
      }
      if (c === '"') inString = !inString;
      out += c;
    }
    last = end;
  };
  for (const m of template.matchAll(PLACEHOLDER)) {
    copyUpTo(m.index);
    const binding = values.get(m[1] as string) ?? { found: false };
    const textContext = !json || inString;
    if (!binding.found) out += textContext ? '' : '""';
    else out += textContext ? asText(binding.value) : JSON.stringify(binding.value);
    last = m.index + m[0].length;
  }
  copyUpTo(template.length);
  return { json, text: out };
}
