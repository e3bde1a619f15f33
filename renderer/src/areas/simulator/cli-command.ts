// A small AWS CLI reader for the command box: `aws s3api put-object --bucket b --key k` → s3:PutObject {Bucket, Key}.
// Member types come from the param specs when the action has one; otherwise values stay strings (JSON when they look like it).
import { PARAM_SPEC_BY_API } from './param-specs';

type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** CLI command names → IAM service prefixes (s3api is the CLI's name for the S3 API). */
const SERVICES: Record<string, string> = {
  s3api: 's3', ec2: 'ec2', iam: 'iam', sts: 'sts', cloudtrail: 'cloudtrail', logs: 'logs', events: 'events', sns: 'sns', lambda: 'lambda', cloudwatch: 'cloudwatch',
};
/** Services whose JSON members start lowercase (CloudWatch Logs: logGroupName). */
const CAMEL = new Set(['logs']);

export type CliParse = { ok: true; api: string; params: Record<string, JsonValue>; region?: string } | { ok: false; errorKo: string };

/** Splits like a POSIX shell would for simple cases: spaces, single and double quotes. */
export function tokenize(line: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | null = null;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (quote) return undefined;
  if (has || cur) out.push(cur);
  return out;
}

const pascal = (kebab: string) => kebab.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');

export function parseCli(line: string, knownApis: ReadonlySet<string>): CliParse {
  const tokens = tokenize(line.trim());
  if (!tokens) return { ok: false, errorKo: '따옴표가 닫히지 않았습니다.' };
  if (tokens[0] !== 'aws') return { ok: false, errorKo: "명령은 'aws'로 시작해야 합니다 (예: aws s3api put-object --bucket b --key k)." };
  const [, svcName = '', op = ''] = tokens;
  const svc = SERVICES[svcName];
  if (!svc) return { ok: false, errorKo: `지원하지 않는 서비스입니다: ${svcName || '(없음)'}. 지원: ${Object.keys(SERVICES).join(', ')}` };
  const api = `${svc}:${pascal(op)}`;
  if (!op || !knownApis.has(api)) return { ok: false, errorKo: `시뮬레이터에 없는 명령입니다: aws ${svcName} ${op}` };
  const spec = PARAM_SPEC_BY_API.get(api);
  const params: Record<string, JsonValue> = {};
  let region: string | undefined;
  for (let i = 3; i < tokens.length; ) {
    const flag = tokens[i]!;
    if (!flag.startsWith('--')) return { ok: false, errorKo: `옵션은 --이름 형식이어야 합니다: ${flag}` };
    const values: string[] = [];
    i++;
    while (i < tokens.length && !tokens[i]!.startsWith('--')) values.push(tokens[i++]!);
    const negated = flag.startsWith('--no-');
    let name = pascal(flag.slice(negated ? 5 : 2));
    if (name === 'Region') {
      region = values[0];
      continue;
    }
    if (CAMEL.has(svc)) name = name.charAt(0).toLowerCase() + name.slice(1);
    const type = spec?.fields.find((f) => f.name === name)?.type;
    if (values.length === 0) {
      params[name] = !negated;
      continue;
    }
    const v = values.join(' ');
    if (type === 'list') params[name] = values;
    else if (type === 'int' || type === 'number') {
      if (!Number.isFinite(Number(v))) return { ok: false, errorKo: `${flag}: 숫자가 필요합니다.` };
      params[name] = Number(v);
    } else if (type === 'bool') params[name] = v === 'true';
    else if (/^[[{]/.test(v)) {
      try {
        const parsed = JSON.parse(v) as JsonValue;
        // Policy documents travel as JSON text, as the CLI sends them.
        params[name] = /Policy|Document|EventPattern/.test(name) ? JSON.stringify(parsed) : parsed;
      } catch (e) {
        return { ok: false, errorKo: `${flag}: JSON 형식이 올바르지 않습니다 (${(e as Error).message}).` };
      }
    } else params[name] = v;
  }
  return region ? { ok: true, api, params, region } : { ok: true, api, params };
}
