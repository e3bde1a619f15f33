// From form values to request parameters, with Korean messages for what is wrong before anything is sent.
import type { FieldSpec, ParamSpec } from './param-specs';

type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };
export type Params = { [k: string]: JsonValue };

export interface DefaultsContext {
  accountId: string;
  region: string;
}

/** A field's starting text, with placeholders filled in from the context and the other fields. */
export function fillDefault(text: string, ctx: DefaultsContext, values: Record<string, string> = {}): string {
  return text
    .replaceAll('{accountId}', ctx.accountId)
    .replaceAll('{regionUnlessUsEast1}', ctx.region === 'us-east-1' ? '' : ctx.region)
    .replaceAll('{region}', ctx.region)
    .replace(/\{([A-Za-z0-9.]+)\}/g, (m, name: string) => values[name] || m);
}

export function initialValues(spec: ParamSpec, ctx: DefaultsContext): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of spec.fields) values[f.name] = f.default !== undefined && !/\{[A-Z]/.test(f.default) ? fillDefault(f.default, ctx) : '';
  // Defaults that name another field ({Bucket}) are filled once that field has a value.
  for (const f of spec.fields) if (f.default && /\{[A-Z]/.test(f.default)) values[f.name] = fillDefault(f.default, ctx, values);
  return values;
}

function convert(f: FieldSpec, raw: string): { value?: JsonValue; errorKo?: string } {
  const text = raw.trim();
  switch (f.type) {
    case 'string':
    case 'enum':
      if (f.options && text && !f.options.includes(text)) return { errorKo: `${f.name}: ${f.options.filter(Boolean).join(', ')} 중 하나여야 합니다.` };
      return { value: text };
    case 'text':
      return { value: raw };
    case 'int': {
      if (!/^-?\d+$/.test(text)) return { errorKo: `${f.name}: 정수를 입력하세요.` };
      return { value: Number(text) };
    }
    case 'number': {
      const n = Number(text);
      if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(n)) return { errorKo: `${f.name}: 숫자를 입력하세요.` };
      return { value: n };
    }
    case 'bool':
      if (text !== 'true' && text !== 'false') return { errorKo: `${f.name}: true 또는 false여야 합니다.` };
      return { value: text === 'true' };
    case 'list':
      return { value: text.split(/[\s,]+/).filter(Boolean) };
    case 'json':
      try {
        // Policy documents travel as JSON text (that is how IAM and S3 take them); others as structures.
        const parsed = JSON.parse(text) as JsonValue;
        return { value: /Policy|Document|EventPattern/.test(f.name) ? JSON.stringify(parsed) : parsed };
      } catch (e) {
        return { errorKo: `${f.name}: JSON 형식이 올바르지 않습니다 (${(e as Error).message}).` };
      }
  }
}

function setPath(target: Params, path: string, value: JsonValue): void {
  const parts = path.split('.');
  let obj: Params = target;
  for (const p of parts.slice(0, -1)) {
    const next = obj[p];
    if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) obj[p] = {};
    obj = obj[p] as Params;
  }
  obj[parts[parts.length - 1]!] = value;
}

/** Request parameters from form values; empty optional fields are left out, as the CLI leaves them out. */
export function buildParams(spec: ParamSpec, values: Record<string, string>): { ok: true; params: Params } | { ok: false; errorsKo: string[] } {
  const params: Params = {};
  const errorsKo: string[] = [];
  for (const f of spec.fields) {
    const raw = values[f.name] ?? '';
    if (raw.trim() === '') {
      if (f.required) errorsKo.push(`${f.name}: 필수 항목입니다.`);
      continue;
    }
    const r = convert(f, raw);
    if (r.errorKo) errorsKo.push(r.errorKo);
    else if (r.value !== undefined) setPath(params, f.name, r.value);
  }
  return errorsKo.length ? { ok: false, errorsKo } : { ok: true, params };
}

/** The JSON editor for actions without a spec: an object, or a Korean reason it is not one. */
export function parseJsonParams(text: string): { ok: true; params: Params } | { ok: false; errorsKo: string[] } {
  let v: unknown;
  try {
    v = JSON.parse(text.trim() === '' ? '{}' : text);
  } catch (e) {
    return { ok: false, errorsKo: [`JSON 형식이 올바르지 않습니다 (${(e as Error).message}).`] };
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, errorsKo: ['요청 파라미터는 JSON 객체({ … })여야 합니다.'] };
  return { ok: true, params: v as Params };
}
