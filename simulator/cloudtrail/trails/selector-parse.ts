// PutEventSelectors / PutInsightSelectors request validation (limits from the CloudTrail API reference:
// up to 5 basic selectors, 250 data resources, basic or advanced but not both, only KMS and RDS Data API
// as excluded management sources, data resources only for S3 objects, Lambda functions, DynamoDB tables).
import { AwsError, type Json, type JsonObject } from '../../core/contract';
import {
  SELECTOR_OPERATORS,
  type AdvancedEventSelector,
  type BasicEventSelector,
  type FieldSelector,
  type InsightSelector,
  type ReadWriteType,
  type TrailSelectors,
} from './trail-types';

const DATA_RESOURCE_TYPES = ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table'];
const EXCLUDABLE_SOURCES = ['kms.amazonaws.com', 'rdsdata.amazonaws.com'];
const ADVANCED_FIELDS = [
  'eventCategory',
  'eventSource',
  'eventName',
  'eventType',
  'readOnly',
  'resources.type',
  'resources.ARN',
  'sessionCredentialFromConsole',
  'userIdentity.arn',
  'errorCode',
  'vpcEndpointId',
];

function invalid(message: string): AwsError {
  return new AwsError('InvalidEventSelectorsException', message);
}

function stringList(v: Json | undefined, what: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalid(`${what} must be a list of strings.`);
  return v as string[];
}

function parseBasic(raw: Json[]): BasicEventSelector[] {
  if (raw.length > 5) throw invalid('You can specify up to 5 event selectors per trail.');
  let dataResourceCount = 0;
  const selectors = raw.map((item): BasicEventSelector => {
    const s = (item ?? {}) as JsonObject;
    const rw = s['ReadWriteType'] ?? 'All';
    if (rw !== 'All' && rw !== 'ReadOnly' && rw !== 'WriteOnly') throw invalid(`Invalid ReadWriteType: ${String(rw)}`);
    const dataResources = Array.isArray(s['DataResources']) ? s['DataResources'] : [];
    const parsed = dataResources.map((d) => {
      const dr = (d ?? {}) as JsonObject;
      const type = dr['Type'];
      if (typeof type !== 'string' || !DATA_RESOURCE_TYPES.includes(type)) {
        throw invalid(`Invalid DataResource type: ${String(type)}. Valid types are ${DATA_RESOURCE_TYPES.join(', ')}.`);
      }
      const values = stringList(dr['Values'], 'DataResource Values');
      for (const value of values) {
        const service = type === 'AWS::S3::Object' ? 's3' : type === 'AWS::Lambda::Function' ? 'lambda' : 'dynamodb';
        if (!value.startsWith(`arn:aws:${service}`)) throw invalid(`Invalid DataResource value for ${type}: ${value}`);
      }
      dataResourceCount += values.length;
      return { Type: type, Values: values };
    });
    const excluded = stringList(s['ExcludeManagementEventSources'], 'ExcludeManagementEventSources');
    for (const source of excluded) {
      if (!EXCLUDABLE_SOURCES.includes(source)) {
        throw invalid(`Invalid ExcludeManagementEventSources value: ${source}. Valid values are kms.amazonaws.com and rdsdata.amazonaws.com.`);
      }
    }
    return {
      ReadWriteType: rw as ReadWriteType,
      IncludeManagementEvents: s['IncludeManagementEvents'] !== false,
      DataResources: parsed,
      ExcludeManagementEventSources: excluded,
    };
  });
  if (dataResourceCount > 250) throw invalid('You can specify up to 250 data resources per trail.');
  return selectors;
}

function parseAdvanced(raw: Json[]): AdvancedEventSelector[] {
  let valueCount = 0;
  const selectors = raw.map((item) => {
    const s = (item ?? {}) as JsonObject;
    const fieldSelectors = Array.isArray(s['FieldSelectors']) ? s['FieldSelectors'] : [];
    if (fieldSelectors.length === 0) throw invalid('Each advanced event selector must have at least one field selector.');
    const parsed = fieldSelectors.map((f) => {
      const fs = (f ?? {}) as JsonObject;
      const field = fs['Field'];
      if (typeof field !== 'string' || !ADVANCED_FIELDS.includes(field)) throw invalid(`Invalid field: ${String(field)}`);
      const out: FieldSelector = { Field: field };
      for (const op of SELECTOR_OPERATORS) {
        if (fs[op] === undefined) continue;
        const values = stringList(fs[op], `${field} ${op}`);
        if (values.length === 0) throw invalid(`${op} for field ${field} must contain at least one value.`);
        valueCount += values.length;
        out[op] = values;
      }
      if (!SELECTOR_OPERATORS.some((op) => out[op])) throw invalid(`Field ${field} must have at least one operator.`);
      return out;
    });
    if (!parsed.some((f) => f.Field === 'eventCategory')) {
      throw invalid('Each advanced event selector must include an eventCategory field selector.');
    }
    const name = typeof s['Name'] === 'string' ? s['Name'] : undefined;
    return name === undefined ? { FieldSelectors: parsed } : { Name: name, FieldSelectors: parsed };
  });
  if (valueCount > 500) throw invalid('You can specify up to 500 values across all advanced event selector conditions.');
  return selectors;
}

export function parseEventSelectors(params: JsonObject): TrailSelectors {
  const basic = params['EventSelectors'];
  const advanced = params['AdvancedEventSelectors'];
  const hasBasic = Array.isArray(basic);
  const hasAdvanced = Array.isArray(advanced);
  if (hasBasic && hasAdvanced) {
    throw new AwsError('InvalidParameterCombinationException', 'You cannot specify both EventSelectors and AdvancedEventSelectors.');
  }
  if (hasAdvanced) return { kind: 'advanced', advancedEventSelectors: parseAdvanced(advanced) };
  if (hasBasic) return { kind: 'basic', eventSelectors: parseBasic(basic) };
  throw new AwsError('InvalidParameterCombinationException', 'You must specify either EventSelectors or AdvancedEventSelectors.');
}

export function parseInsightSelectors(params: JsonObject): InsightSelector[] {
  const raw = params['InsightSelectors'];
  if (!Array.isArray(raw)) {
    throw new AwsError('InvalidInsightSelectorsException', 'InsightSelectors must be a list.');
  }
  const seen = new Set<string>();
  return raw.map((item) => {
    const s = (item ?? {}) as JsonObject;
    const type = s['InsightType'];
    if (type !== 'ApiCallRateInsight' && type !== 'ApiErrorRateInsight') {
      throw new AwsError('InvalidInsightSelectorsException', `Invalid InsightType: ${String(type)}`);
    }
    if (seen.has(type)) throw new AwsError('InvalidInsightSelectorsException', `Duplicate InsightType: ${type}`);
    seen.add(type);
    const categories = stringList(s['EventCategories'], 'EventCategories');
    return categories.length ? { InsightType: type, EventCategories: categories } : { InsightType: type };
  });
}
