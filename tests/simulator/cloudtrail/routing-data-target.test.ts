// The verdict table remembers the target of the last single resource a data event named (a publisher names the
// same topic again and again). Whatever the records name, and however their resources change, in place or
// not, its verdicts must be the ones worked out afresh, whose sentences name the target.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionDef, CloudTrailRecord } from '../../../simulator/core/contract';
import { trailRouting, TrailVerdictTable, type RoutedTrail } from '../../../simulator/cloudtrail/routing';
import type { TrailConfig, TrailSelectors } from '../../../simulator/cloudtrail/trails/trail-types';

type Resource = NonNullable<CloudTrailRecord['resources']>[number];

const basic = (data: { Type: string; Values: string[] }[] = []): TrailSelectors => ({
  kind: 'basic',
  eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: [], DataResources: data }],
});

function trail(name: string, selectors: TrailSelectors): TrailConfig {
  return {
    name, arn: `arn:aws:cloudtrail:us-east-1:123456789012:trail/${name}`, homeRegion: 'us-east-1', s3BucketName: `b-${name}`,
    includeGlobalServiceEvents: true, isMultiRegionTrail: true, logFileValidationEnabled: false, selectors, insightSelectors: [],
  };
}

// Decided per action (the turned-away sentence names the target) and decided per record (a data selector).
const TRAILS: RoutedTrail[] = [
  trail('mgmt', basic()),
  trail('photos', basic([{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::photos/'] }])),
].map((config) => ({ config, status: { isLogging: true } }));

const DEF = {
  api: 'sns:Publish', eventSource: 'sns.amazonaws.com', eventName: 'Publish', readOnly: false, category: 'Data', eventType: 'AwsApiCall', globalService: false,
} as unknown as ActionDef;

function dataRecord(resources: Resource[] | undefined, i: number): CloudTrailRecord {
  return {
    eventVersion: '1.11', eventTime: '2026-01-01T00:00:00Z', eventSource: 'sns.amazonaws.com', eventName: 'Publish', awsRegion: 'us-east-1', readOnly: false,
    eventID: `id-${i}`, eventType: 'AwsApiCall', eventCategory: 'Data', managementEvent: false, recipientAccountId: '123456789012',
    ...(resources === undefined ? {} : { resources }),
  } as unknown as CloudTrailRecord;
}

const DUE = Date.parse('2026-01-01T00:05:00Z');

function expectFresh(table: TrailVerdictTable, record: CloudTrailRecord): void {
  const routed = table.route(record, DEF, TRAILS, () => DUE);
  const fresh = TRAILS.map((t) => trailRouting(record, DEF, t.config, t.status, () => DUE));
  expect(routed).toEqual(fresh);
}

const TYPES = ['AWS::SNS::Topic', 'AWS::S3::Object', 'AWS::Lambda::Function'];
const ARNS = [
  'arn:aws:sns:us-east-1:123456789012:alpha',
  'arn:aws:sns:us-east-1:123456789012:beta',
  'arn:aws:s3:::photos/k1',
  'arn:aws:s3:::docs/k2',
  'arn:aws:lambda:us-east-1:123456789012:function:alpha',
];

describe('TrailVerdictTable: data-event targets', () => {
  it('names the target of a resource changed in place, replaced, doubled or gone', () => {
    const table = new TrailVerdictTable();
    const shared: Resource[] = [{ type: 'AWS::SNS::Topic', ARN: ARNS[0]! }];
    let i = 0;
    const route = (resources: Resource[] | undefined) => {
      const record = dataRecord(resources, i++);
      expectFresh(table, record);
      return table.route(record, DEF, TRAILS, () => DUE)[0]!.reasonKo;
    };
    expect(route(shared)).toContain('alpha을(를)');
    expect(route(shared)).toContain('alpha을(를)');
    shared[0]!.ARN = ARNS[1]!;
    expect(route(shared)).toContain('beta을(를)');
    shared[0]!.type = 'AWS::S3::Object';
    shared[0]!.ARN = ARNS[2]!;
    expect(route(shared)).toContain('photos을(를)');
    // Same ARN, another type: the S3 object rule no longer applies.
    shared[0]!.type = 'AWS::SNS::Topic';
    expect(route(shared)).toContain('photos/k1을(를)');
    // resourceArnOf also reads ARNPrefix, which the record type does not name.
    shared[0] = { type: 'AWS::SNS::Topic', ARNPrefix: ARNS[1]! } as unknown as Resource;
    expect(route(shared)).toContain('beta을(를)');
    shared.push({ type: 'AWS::S3::Object', ARN: ARNS[3]! });
    expect(route(shared)).toContain('docs을(를)');
    expect(route(undefined)).toContain('Publish을(를)');
    expect(route([])).toContain('Publish을(를)');
    expect(route([{ type: 'AWS::SNS::Topic', ARN: ARNS[0]! }])).toContain('alpha을(를)');
  });

  it('gives the uncached verdicts for any run of resources, arrays reused and changed in place or new', () => {
    const resource = fc.record({ type: fc.constantFrom(...TYPES), ARN: fc.constantFrom(...ARNS) });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('new' as const), resources: fc.option(fc.array(resource, { maxLength: 3 }), { nil: undefined }) }),
      fc.record({ kind: fc.constant('inPlace' as const), resource }),
      fc.record({ kind: fc.constant('again' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const table = new TrailVerdictTable();
        let current: Resource[] | undefined = [{ type: TYPES[0]!, ARN: ARNS[0]! }];
        steps.forEach((s, i) => {
          if (s.kind === 'new') current = s.resources;
          else if (s.kind === 'inPlace' && current !== undefined && current.length > 0) Object.assign(current[0]!, s.resource);
          expectFresh(table, dataRecord(current, i));
        });
      }),
      { numRuns: 300 },
    );
  });
});
