// performCall tells a failure with objects it keeps for the last failure (an error made once and returned call
// after call, such as SNS's refusal of EventBridge), and fills one record input for every record. Neither may
// let one call's error, action or members reach another call's answer or record.
import { describe, expect, it } from 'vitest';
import { performCall, type CallEnv } from '../../../simulator/core/call';
import { SimClock } from '../../../simulator/core/clock';
import { AwsError, type CloudTrailRecord, type HandlerContext, type HandlerResult, type JsonObject, type Principal } from '../../../simulator/core/contract';
import { EventBus } from '../../../simulator/core/events';
import { SeededRandom } from '../../../simulator/core/random';
import { apiDef, FailureWithRecord, type ActionSpec } from '../../../simulator/core/service';
import { IamModel } from '../../../simulator/iam/model';

const ACCOUNT = '123456789012';
const SERVICE: Principal = { kind: 'service', arn: 'events.amazonaws.com', userName: 'events.amazonaws.com', identity: { type: 'AWSService', invokedBy: 'events.amazonaws.com' } };
/** One error object every refusing handler returns or throws, as SNS's kept refusal is. */
const SHARED = new AwsError('AuthorizationError', 'not allowed here', 403);
const SIGN_IN_FAILURE = new FailureWithRecord('Failed authentication', 'Failed authentication', 401, { omitErrorCode: true, userIdentity: { type: 'IAMUser', principalId: 'X', arn: 'arn:aws:iam::123456789012:user/x', accountId: ACCOUNT, userName: 'x' } });

function env(specs: ActionSpec[]): { env: CallEnv; records: CloudTrailRecord[] } {
  const records: CloudTrailRecord[] = [];
  const byApi = new Map(specs.map((s) => [s.def.api, s]));
  const e: CallEnv = {
    accountId: ACCOUNT, regions: ['us-east-1'], clock: new SimClock(Date.UTC(2026, 0, 5)), random: new SeededRandom(3),
    iam: new IamModel(ACCOUNT, Date.UTC(2026, 0, 1)), bus: new EventBus(),
    cloudTrail: { ingest: (r: CloudTrailRecord) => (records.push(r), { kept: r.eventName }), advanceTo: () => undefined, handlers: {}, catalog: [], snapshot: () => null, restore: () => undefined },
    spec: (api) => byApi.get(api), principal: () => SERVICE,
  };
  return { env: e, records };
}

const specs: ActionSpec[] = [
  // Refused by a returned error (the hot path's way) or a thrown one, with the same object each time.
  { def: apiDef('sns:Publish', { readOnly: false, category: 'Data', summaryKo: '' }), authz: null, handler: (p): HandlerResult => (p['throw'] ? (() => { throw SHARED; })() : { response: {}, refusal: SHARED }) },
  // EC2 writes its client errors with "Client." in the record, not in the answer.
  { def: apiDef('ec2:DescribeVpcs', { readOnly: true, summaryKo: '' }), authz: null, handler: () => { throw SHARED; } },
  { def: apiDef('iam:GetUser', { readOnly: true, summaryKo: '' }), authz: null, handler: () => { throw SIGN_IN_FAILURE; } },
  {
    def: apiDef('s3:ListBuckets', { readOnly: true, summaryKo: '' }), authz: null,
    handler: (p): HandlerResult => {
      if (p['fail']) throw new AwsError('NoSuchBucket', `bucket ${String(p['fail'])}`, 404);
      // Every member a record input carries, or none of them.
      return p['full']
        ? { response: { ok: true }, requestParameters: { asked: 1 }, responseElements: { got: 2 }, additionalEventData: { extra: 3 }, resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::b' }] }
        : { response: { ok: true } };
    },
  },
];

const ctx = { as: 'service:events.amazonaws.com', region: 'us-east-1', via: 'service' as const };

describe('performCall: failures told with kept objects', () => {
  it('an error shared by actions is recorded per action (EC2 prefixes it), answered the same, with nothing leaking', () => {
    const { env: e, records } = env(specs);
    const calls: [string, JsonObject][] = [
      ['sns:Publish', {}], ['ec2:DescribeVpcs', {}], ['sns:Publish', { throw: true }], ['sns:Publish', {}], ['ec2:DescribeVpcs', {}],
      ['iam:GetUser', {}], ['sns:Publish', {}], ['s3:ListBuckets', { fail: 'a' }], ['s3:ListBuckets', { fail: 'b' }], ['ec2:DescribeVpcs', {}],
      ['s3:ListBuckets', {}], ['iam:GetUser', {}], ['iam:GetUser', {}], ['sns:Publish', {}],
    ];
    const answers = calls.map(([api, params]) => performCall(e, api, params, ctx));
    const expected: Record<string, [string | undefined, string]> = {
      'sns:Publish': ['AuthorizationError', 'not allowed here'],
      'ec2:DescribeVpcs': ['Client.AuthorizationError', 'not allowed here'],
      'iam:GetUser': [undefined, 'Failed authentication'],
    };
    calls.forEach(([api, params], i) => {
      const a = answers[i]!;
      const r = records[i]!;
      if (api === 's3:ListBuckets') {
        if (params['fail']) {
          expect(a).toMatchObject({ ok: false, error: { code: 'NoSuchBucket', message: `bucket ${String(params['fail'])}` } });
          expect([r.errorCode, r.errorMessage]).toEqual(['NoSuchBucket', `bucket ${String(params['fail'])}`]);
        } else {
          expect(a.ok).toBe(true);
          expect('errorCode' in r || 'errorMessage' in r).toBe(false);
        }
        return;
      }
      const [code, message] = expected[api]!;
      expect(a).toMatchObject({ ok: false, error: api === 'iam:GetUser' ? { code: 'Failed authentication', message } : { code: 'AuthorizationError', message } });
      expect(r.errorCode).toBe(code);
      expect('errorCode' in r).toBe(code !== undefined);
      expect(r.errorMessage).toBe(message);
      expect(r.userIdentity).toEqual(api === 'iam:GetUser' ? SIGN_IN_FAILURE.record.userIdentity : SERVICE.identity);
    });
  });

  it("a record's members are its own call's: present ones do not carry over to the next record, nor absent ones", () => {
    const { env: e, records } = env(specs);
    const order = [true, false, false, true, true, false];
    for (const full of order) performCall(e, 's3:ListBuckets', full ? { full: true } : {}, ctx);
    records.forEach((r, i) => {
      if (order[i]) {
        expect([r.requestParameters, r.responseElements, r.additionalEventData, r.resources]).toEqual([{ asked: 1 }, { got: 2 }, { extra: 3 }, [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::b' }]]);
      } else {
        expect([r.requestParameters, r.responseElements]).toEqual([{}, null]);
        expect('additionalEventData' in r || 'resources' in r).toBe(false);
      }
    });
    // Every record has its own event id and request id.
    expect(new Set(records.map((r) => r.eventID)).size).toBe(order.length);
    expect(new Set(records.map((r) => r.requestID)).size).toBe(order.length);
  });

  it('a call made inside a handler records itself and leaves the outer record whole', () => {
    // The handler calls through the env made below with it.
    const late = {} as { env: CallEnv };
    const inner: CloudTrailRecord[] = [];
    const outer: ActionSpec = {
      def: apiDef('events:PutEvents', { readOnly: false, summaryKo: '' }), authz: null,
      handler: (_p, c: HandlerContext): HandlerResult => {
        const r = performCall(late.env, 's3:ListBuckets', { full: true }, ctx);
        inner.push(...r.records);
        return { response: { region: c.region }, responseElements: { outer: true } };
      },
    };
    const made = env([...specs, outer]);
    late.env = made.env;
    const a = performCall(late.env, 'events:PutEvents', { Entries: [] }, ctx);
    expect(a.ok).toBe(true);
    const [record] = a.records;
    expect(record).toMatchObject({ eventName: 'PutEvents', eventSource: 'events.amazonaws.com', requestParameters: { entries: [] }, responseElements: { outer: true } });
    expect('resources' in record! || 'additionalEventData' in record!).toBe(false);
    expect(inner[0]).toMatchObject({ eventName: 'ListBuckets', responseElements: { got: 2 }, additionalEventData: { extra: 3 } });
  });
});
