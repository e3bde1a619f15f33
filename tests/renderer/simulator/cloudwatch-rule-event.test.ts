import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator';
import { account, inbox, ROOT, ruleToTopic } from '../../simulator/events/bus-setup';
import { ok } from '../../simulator/support';
import { envelopeOf, parseEventText, prettyMessage, previewTarget, targetConfigOf } from '../../../renderer/src/areas/simulator/rule-event';

describe('the rule tester: envelope and transformer preview', () => {
  it('previews exactly the message the inbox receives for a real record', () => {
    const { acct } = account();
    ruleToTopic(acct, 'bucket-made', { source: ['aws.s3'], detail: { eventName: ['CreateBucket'] } }, {
      InputTransformer: {
        InputPathsMap: { who: '$.detail.userIdentity.type', bucket: '$.detail.requestParameters.bucketName', region: '$.region' },
        InputTemplate: '"<who> made bucket <bucket> in <region> (rule <aws.events.rule-name>)"',
      },
    });
    const r = acct.call('s3:CreateBucket', { Bucket: 'photos-2026' }, ROOT);
    ok(r);
    const record = r.records[0] as CloudTrailRecord;
    const event = envelopeOf(record);
    expect(event).toMatchObject({ source: 'aws.s3', 'detail-type': 'AWS API Call via CloudTrail', region: 'us-east-1', id: record.eventID });
    expect(ok(acct.call('events:TestEventPattern', { EventPattern: '{"source":["aws.s3"],"detail":{"eventName":["CreateBucket"]}}', Event: JSON.stringify(event) }, ROOT))).toEqual({ Result: true });

    const rule = ok(acct.call('events:DescribeRule', { Name: 'bucket-made' }, ROOT));
    const targets = ok(acct.call('events:ListTargetsByRule', { Rule: 'bucket-made' }, ROOT))['Targets'] as Record<string, unknown>[];
    const preview = previewTarget(targetConfigOf(targets[0]!), event, { arn: String(rule['Arn']), name: 'bucket-made' });
    const delivered = inbox(acct).map((m) => m.Message);
    expect(delivered).toHaveLength(1);
    expect(preview).toEqual({ ok: true, text: delivered[0] });
    // A quoted template is a JSON string: the quotes are part of what the target receives, as in AWS.
    expect(preview.ok && preview.text).toBe('"Root made bucket photos-2026 in us-east-1 (rule bucket-made)"');
  });

  it('a target without input shaping gets the whole event; a bad InputPath reports why nothing is sent', () => {
    const event = { version: '0', id: 'x', 'detail-type': 'd', source: 's', account: '1', time: '2026-11-23T00:00:00Z', region: 'us-east-1', resources: [], detail: { a: 1 } };
    const whole = previewTarget(targetConfigOf({ Id: 't', Arn: 'arn' }), event, { arn: 'arn:r', name: 'r' });
    expect(whole.ok && JSON.parse(whole.text)).toEqual(event);
    const path = previewTarget(targetConfigOf({ Id: 't', InputPath: '$.detail.b' }), event, { arn: 'arn:r', name: 'r' });
    expect(path.ok).toBe(false);
  });

  it('reads pasted JSON as one object and says in Korean what is wrong otherwise', () => {
    expect(parseEventText('{"a":1}')).toEqual({ ok: true, event: { a: 1 } });
    expect(parseEventText('[1]')).toEqual({ ok: false, reasonKo: '이벤트는 JSON 객체여야 합니다.' });
    expect(parseEventText('{').ok).toBe(false);
    expect(prettyMessage('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyMessage('plain text')).toBe('plain text');
  });
});
