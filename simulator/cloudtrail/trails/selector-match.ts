// Whether a trail's event selectors take a record, and if not, which rule turned it away.
import type { CloudTrailRecord } from '../../core/contract';
import { resourceArnOf } from '../history/lookup-keys';
import {
  SELECTOR_OPERATORS,
  type AdvancedEventSelector,
  type BasicEventSelector,
  type FieldSelector,
  type SelectorOperator,
  type TrailSelectors,
} from './trail-types';

export type SelectorVerdict =
  | { selected: true }
  | { selected: false; code: 'MANAGEMENT_NOT_SELECTED' | 'READ_WRITE_FILTER' | 'SOURCE_EXCLUDED' | 'DATA_NOT_SELECTED' | 'ADVANCED_NO_MATCH'; detail: string };

function readWriteAllows(rw: BasicEventSelector['ReadWriteType'], readOnly: boolean): boolean {
  return rw === 'All' || (rw === 'ReadOnly') === readOnly;
}

function dataValueMatches(type: string, value: string, arn: string): boolean {
  // A bare service prefix (arn:aws:s3, arn:aws:s3:::, arn:aws:lambda, arn:aws:dynamodb) selects every resource.
  if (/^arn:aws:(s3(:::)?|lambda|dynamodb)$/.test(value)) return true;
  if (type === 'AWS::S3::Object') return arn.startsWith(value);
  return arn === value;
}

/** Bucket or function named in a data event, for explanations ("bucket photos"). */
export function dataTargetOf(record: CloudTrailRecord): string {
  // Asked of every data event routed: cut with indexOf and slice rather than replace and split.
  const resources = record.resources;
  if (!resources) return record.eventName;
  for (const r of resources) {
    if (r.type !== 'AWS::S3::Object') continue;
    // The bucket: what follows the first "arn:aws:s3:::", up to a slash.
    const arn = resourceArnOf(r);
    const at = arn.indexOf(S3_ARN_PREFIX);
    const rest = at < 0 ? arn : arn.slice(0, at) + arn.slice(at + S3_ARN_PREFIX.length);
    const slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.slice(0, slash);
  }
  const other = resources[0];
  if (!other) return record.eventName;
  // The last part of its ARN.
  const arn = resourceArnOf(other);
  return arn.slice(arn.lastIndexOf(':') + 1);
}
const S3_ARN_PREFIX = 'arn:aws:s3:::';

function matchBasic(selectors: BasicEventSelector[], record: CloudTrailRecord): SelectorVerdict {
  const readOnly = record.readOnly ?? false;
  if (record.eventCategory === 'Management') {
    const including = selectors.filter((s) => s.IncludeManagementEvents);
    if (including.length === 0) return { selected: false, code: 'MANAGEMENT_NOT_SELECTED', detail: 'management' };
    const rwOk = including.filter((s) => readWriteAllows(s.ReadWriteType, readOnly));
    if (rwOk.length === 0) return { selected: false, code: 'READ_WRITE_FILTER', detail: including[0]!.ReadWriteType };
    if (rwOk.every((s) => s.ExcludeManagementEventSources.includes(record.eventSource))) {
      return { selected: false, code: 'SOURCE_EXCLUDED', detail: record.eventSource };
    }
    return { selected: true };
  }
  let resourceMatched: BasicEventSelector | undefined;
  for (const s of selectors) {
    const hit = s.DataResources.some((dr) =>
      (record.resources ?? []).some((r) => r.type === dr.Type && dr.Values.some((v) => dataValueMatches(dr.Type, v, resourceArnOf(r)))),
    );
    if (!hit) continue;
    if (readWriteAllows(s.ReadWriteType, readOnly)) return { selected: true };
    resourceMatched = s;
  }
  if (resourceMatched) return { selected: false, code: 'READ_WRITE_FILTER', detail: resourceMatched.ReadWriteType };
  return { selected: false, code: 'DATA_NOT_SELECTED', detail: dataTargetOf(record) };
}

function fieldValues(field: string, record: CloudTrailRecord, typeFilter: string[] | undefined): string[] {
  const resources = record.resources ?? [];
  switch (field) {
    case 'eventCategory':
      return [record.eventCategory];
    case 'eventSource':
      return [record.eventSource];
    case 'eventName':
      return [record.eventName];
    case 'eventType':
      return [record.eventType];
    case 'readOnly':
      return [String(record.readOnly ?? false)];
    case 'resources.type':
      return resources.map((r) => r.type);
    case 'resources.ARN':
      return resources.filter((r) => !typeFilter || typeFilter.includes(r.type)).map(resourceArnOf);
    case 'sessionCredentialFromConsole':
      return [record.sessionCredentialFromConsole ?? 'false'];
    case 'userIdentity.arn':
      return record.userIdentity?.arn ? [record.userIdentity.arn] : [];
    case 'errorCode':
      return record.errorCode ? [record.errorCode] : [];
    default:
      return [];
  }
}

const TESTS: Record<SelectorOperator, (value: string, operand: string) => boolean> = {
  Equals: (v, o) => v === o,
  StartsWith: (v, o) => v.startsWith(o),
  EndsWith: (v, o) => v.endsWith(o),
  NotEquals: (v, o) => v !== o,
  NotStartsWith: (v, o) => !v.startsWith(o),
  NotEndsWith: (v, o) => !v.endsWith(o),
};

/** Positive operators need one of their values to hold for some field value; negative ones must hold
 *  for every value they list. All operators of a field selector must hold together. */
function fieldMatches(fs: FieldSelector, values: string[]): boolean {
  return SELECTOR_OPERATORS.every((op) => {
    const operands = fs[op];
    if (!operands) return true;
    if (op.startsWith('Not')) return values.every((v) => operands.every((o) => TESTS[op](v, o)));
    return values.some((v) => operands.some((o) => TESTS[op](v, o)));
  });
}

function advancedMatches(selector: AdvancedEventSelector, record: CloudTrailRecord): boolean {
  const typeSelector = selector.FieldSelectors.find((f) => f.Field === 'resources.type');
  const typeFilter = typeSelector?.Equals;
  return selector.FieldSelectors.every((fs) => fieldMatches(fs, fieldValues(fs.Field, record, typeFilter)));
}

export function matchSelectors(selectors: TrailSelectors, record: CloudTrailRecord): SelectorVerdict {
  if (selectors.kind === 'basic') return matchBasic(selectors.eventSelectors, record);
  if (selectors.advancedEventSelectors.some((s) => advancedMatches(s, record))) return { selected: true };
  const names = selectors.advancedEventSelectors.map((s) => s.Name ?? '(이름 없음)').join(', ');
  return { selected: false, code: 'ADVANCED_NO_MATCH', detail: names || '(선택기 없음)' };
}
