import { beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../simulator';
import type { ActionDef, CloudTrailRecord, Json, JsonObject } from '../../simulator/core/contract';
import { generatedQuizItems, quizCatalog } from '../../content/quiz/bank';
import type { QuizItem } from '../../content/quiz/types';

// Every generated answer is checked against what the simulator itself does with that action: its record's
// fields, whether LookupEvents finds it in which Region, and whether a WriteOnly trail takes it.

const START = Date.parse('2026-11-01T00:00:00Z');
const CALLER = { as: 'root', region: 'ap-northeast-2', via: 'console' as const };
const REGIONS = ['us-east-1', 'ap-northeast-2', 'us-west-2', 'eu-west-1'];

interface Observed {
  record: CloudTrailRecord | undefined;
  /** Regions whose event history LookupEvents finds the record in. */
  historyRegions: string[];
  /** Whether the WriteOnly trail took the record. */
  writeOnlyTrail: boolean;
}

function ok(acct: Account, api: string, params: JsonObject) {
  const r = acct.call(api, params, { as: 'root', region: 'us-east-1', via: 'console' });
  if (!r.ok) throw new Error(`${api}: ${r.error.code} ${r.error.message}`);
}

/** An account with a WriteOnly, management-only trail, logging. */
function accountWithWriteOnlyTrail(): Account {
  const acct = new Account({ seed: 3, startMs: START });
  ok(acct, 's3:CreateBucket', { Bucket: 'audit-logs' });
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::audit-logs' },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::audit-logs/AWSLogs/123456789012/*' },
    ],
  };
  ok(acct, 's3:PutBucketPolicy', { Bucket: 'audit-logs', Policy: JSON.stringify(policy) });
  ok(acct, 'cloudtrail:CreateTrail', { Name: 'writes', S3BucketName: 'audit-logs', IsMultiRegionTrail: true });
  ok(acct, 'cloudtrail:PutEventSelectors', { TrailName: 'writes', EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] });
  ok(acct, 'cloudtrail:StartLogging', { Name: 'writes' });
  return acct;
}

function observe(def: ActionDef, plain: Account, trailed: Account): Observed {
  const mine = (records: CloudTrailRecord[]) => records.filter((r) => r.eventName === def.eventName).at(-1);
  const params: JsonObject = def.api === 'signin:ConsoleLogin' ? { success: true, mfa: false } : {};
  const record = mine(plain.call(def.api, params, CALLER).records);
  const historyRegions: string[] = [];
  if (record) {
    for (const region of REGIONS) {
      const r = plain.call('cloudtrail:LookupEvents', { LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: record.eventID }] }, { ...CALLER, region });
      if (r.ok && (r.response.Events as Json[]).length > 0) historyRegions.push(region);
    }
  }
  const traced = trailed.call(def.api, params, CALLER);
  const tracedRecord = mine(traced.records);
  const routing = traced.routing[traced.records.indexOf(tracedRecord!)] as { trails?: { trailName: string; landed: boolean }[] } | undefined;
  const writeOnlyTrail = Boolean(routing?.trails?.some((t) => t.trailName === 'writes' && t.landed));
  return { record, historyRegions, writeOnlyTrail };
}

describe('generated quiz answers agree with the simulator', () => {
  const items = generatedQuizItems();
  const observed = new Map<string, Observed>();
  beforeAll(() => {
    const plain = new Account({ seed: 2, startMs: START });
    const trailed = accountWithWriteOnlyTrail();
    for (const def of quizCatalog()) observed.set(def.api, observe(def, plain, trailed));
  });

  const chosen = (item: QuizItem) => item.choices[item.answerIndex];
  const byKind = (prefix: string) => items.filter((i) => i.id.startsWith(prefix));

  it('has at least 200 distinct items besides the hand-written ones', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(200);
  });

  it('classifies management and data events as the record does', () => {
    for (const item of byKind('gen-category-')) {
      const { record } = observed.get(item.api!)!;
      if (!record) continue; // not recorded at all: covered by the event history questions
      expect(chosen(item), item.api).toBe(record.eventCategory === 'Data' ? '데이터 이벤트' : '관리 이벤트');
    }
  });

  it('says readOnly as the record says it', () => {
    for (const item of byKind('gen-readonly-')) {
      const { record } = observed.get(item.api!)!;
      if (!record) continue;
      expect(chosen(item), item.api).toBe(record.readOnly ? '참' : '거짓');
    }
  });

  it('names the record’s eventType', () => {
    for (const item of byKind('gen-eventtype-')) {
      const { record } = observed.get(item.api!)!;
      if (!record) continue;
      expect(chosen(item), item.api).toBe(record.eventType);
    }
  });

  it('knows whether event history shows the call, and in which Region, as LookupEvents finds it', () => {
    for (const item of byKind('gen-history-')) {
      expect(chosen(item), item.api).toBe(observed.get(item.api!)!.historyRegions.length > 0 ? '참' : '거짓');
    }
    for (const item of byKind('gen-region-')) {
      const regions = observed.get(item.api!)!.historyRegions;
      const expected = regions.length === 0 ? '어느 리전의 이벤트 기록에도 나타나지 않음' : regions.length === 1 ? regions[0] : '모든 리전';
      expect(chosen(item), item.api).toBe(expected);
    }
  });

  it('knows whether a WriteOnly trail records the call, as the trail’s routing says', () => {
    for (const item of byKind('gen-trail-writeonly-')) {
      expect(chosen(item), item.api).toBe(observed.get(item.api!)!.writeOnlyTrail ? '참' : '거짓');
    }
  });

  it('sorts cards into the buckets their records belong to', () => {
    const byApi = new Map(quizCatalog().map((d) => [d.api, d]));
    for (const item of byKind('gen-sort-')) {
      for (const card of item.sort!.cards) {
        const { record } = observed.get(card.label)!;
        expect(record, card.label).toBeDefined();
        const bucket = item.id.startsWith('gen-sort-category') ? (record!.eventCategory === 'Data' ? 1 : 0) : record!.readOnly ? 0 : 1;
        expect(card.bucket, `${item.id} ${card.label}`).toBe(bucket);
        expect(byApi.has(card.label)).toBe(true);
      }
    }
  });

  it('asks read-the-JSON questions whose answers are in the JSON shown', () => {
    // Record questions only; the EventBridge pattern questions (also read-the-JSON) are checked in their own file.
    const recordQuestions = items.filter((i) => i.id.startsWith('gen-json-'));
    expect(recordQuestions.length).toBeGreaterThan(10);
    for (const item of recordQuestions) {
      const record = JSON.parse(item.json!) as CloudTrailRecord;
      if (item.id.startsWith('gen-json-identity-')) expect(chosen(item)).toBe(record.userIdentity.type);
      else expect(item.answerIndex).toBe(record.eventCategory === 'Management' ? 0 : 1);
    }
  });
});
