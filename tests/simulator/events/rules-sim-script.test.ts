// The EventBridge story as a `sim` script: a rule with an input transformer, a custom event through PutEvents,
// and TestEventPattern, the same steps a learner's script file would hold.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../simulator/cli/script';

const as = { as: 'root', region: 'us-east-1', via: 'console' };
const topic = 'arn:aws:sns:us-east-1:123456789012:alerts';
const pattern = JSON.stringify({ source: ['my.shop'], detail: { total: [{ numeric: ['>=', 100] }] } });

const script = {
  seed: 5,
  start: '2026-11-01T00:00:00Z',
  steps: [
    { call: 'sns:CreateTopic', params: { Name: 'alerts' }, ...as },
    { call: 'sns:Subscribe', params: { TopicArn: topic, Protocol: 'email', Endpoint: 'me@example.com' }, ...as },
    { call: 'events:PutRule', params: { Name: 'big-orders', EventPattern: pattern }, ...as },
    { call: 'events:PutTargets', params: { Rule: 'big-orders', Targets: [{ Id: 'mail', Arn: topic, InputTransformer: { InputPathsMap: { t: '$.detail.total' }, InputTemplate: '"big order: <t>"' } }] }, ...as },
    { call: 'events:PutTargets', params: { Rule: 'big-orders', Targets: [{ Id: 'bad', Arn: topic, InputTransformer: { InputTemplate: '"<nope>"' } }] }, ...as },
    { call: 'events:PutEvents', params: { Entries: [{ Source: 'my.shop', DetailType: 'Order', Detail: '{"total":150}' }, { Source: 'my.shop', DetailType: 'Order' }] }, ...as },
    { call: 'events:TestEventPattern', params: { EventPattern: pattern, Event: JSON.stringify({ id: '1', account: '123456789012', source: 'my.shop', time: '2026-11-01T00:00:00Z', region: 'us-east-1', 'detail-type': 'Order', detail: { total: 99.5 } }) }, ...as },
    { call: 'events:ListTargetsByRule', params: { Rule: 'big-orders' }, ...as },
  ],
};

describe('EventBridge through the sim script runner', () => {
  it('answers each step as the API does, identically on every run', () => {
    const text = JSON.stringify(script);
    const out = runScript(text);
    expect(runScript(text)).toEqual(out);
    const byStep = new Map(out.results.map((r) => [r.step, r]));
    expect(byStep.get(3)).toEqual({ step: 3, response: { FailedEntryCount: 0, FailedEntries: [] } });
    expect(byStep.get(4)).toEqual({ step: 4, error: { code: 'ValidationException', message: 'InputTemplate for target bad contains invalid placeholder nope.' } });
    const put = byStep.get(5) as unknown as { response: { FailedEntryCount: number; Entries: object[] } };
    expect(put.response.FailedEntryCount).toBe(1);
    expect(put.response.Entries[1]).toEqual({ ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' });
    expect(byStep.get(6)).toEqual({ step: 6, response: { Result: false } });
    expect((byStep.get(7) as unknown as { response: { Targets: { Id: string }[] } }).response.Targets.map((t) => t.Id)).toEqual(['mail']);
  });
});
