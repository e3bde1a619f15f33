import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../../simulator/core/contract';
import { SeededRandom } from '../../../simulator/core/random';
import { cloudTrailRecordToEvent } from '../../../simulator/events/cloudtrail-event';
import {
  renderTargetInput,
  validateTargetInput,
  type TargetInputConfig,
  type TransformContext,
} from '../../../simulator/events/input-transform';
import { rootConsoleLogin } from './cloudtrail-event-fixture';

// The EC2 example event of the user guide page "Amazon EventBridge input transformation"
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html).
const ec2Event: JsonObject = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-0123456789', state: 'RUNNING' },
};
const docPaths = { timestamp: '$.time', instance: '$.detail.instance-id', state: '$.detail.state' };
const ctx: TransformContext = {
  ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
  ruleName: 'example',
  ingestionTime: '2015-11-11T21:29:55Z',
};

function transform(template: string, paths: Record<string, string> = docPaths, event: JsonObject = ec2Event): string {
  const target: TargetInputConfig = { Id: 't1', InputTransformer: { InputPathsMap: paths, InputTemplate: template } };
  validateTargetInput(target, 1);
  const out = renderTargetInput(target, event, ctx);
  if (!out.ok) throw new Error(out.reason);
  return out.text;
}

describe('input transformer: the user guide examples', () => {
  it.each([
    ['Simple string', '"instance <instance> is in <state>"', '"instance i-0123456789 is in RUNNING"'],
    ['String with escaped quotes', '"instance \\"<instance>\\" is in <state>"', '"instance \\"i-0123456789\\" is in RUNNING"'],
    ['Simple JSON', '{\n  "instance" : <instance>,\n  "state": <state>\n}', '{"instance":"i-0123456789","state":"RUNNING"}'],
    [
      'JSON with strings and variables',
      '{\n "instance" : <instance>,\n "state": "<state>",\n "instanceStatus": "instance \\"<instance>\\" is in <state>"\n}',
      '{"instance":"i-0123456789","state":"RUNNING","instanceStatus":"instance \\"i-0123456789\\" is in RUNNING"}',
    ],
    [
      'JSON with a mix of variables and static information',
      '{\n  "instance" : <instance>,\n  "state": [ 9, <state>, true ],\n  "Transformed" : "Yes"\n}',
      '{"instance":"i-0123456789","state":[9,"RUNNING",true],"Transformed":"Yes"}',
    ],
    ['Including reserved variables in a string', '"<aws.events.rule-name> triggered"', '"example triggered"'],
  ])('%s', (_name, template, expected) => {
    expect(transform(template)).toBe(expected);
  });

  it('Including reserved variables in JSON', () => {
    const text = transform(
      '{\n  "instance" : <instance>,\n  "state": <state>,\n  "ruleArn" : <aws.events.rule-arn>,\n  "ruleName" : <aws.events.rule-name>,\n  "originalEvent" : <aws.events.event>\n}',
    );
    expect(text).toBe(
      '{"instance":"i-0123456789","state":"RUNNING","ruleArn":"arn:aws:events:us-east-2:123456789012:rule/example","ruleName":"example",' +
        '"originalEvent":{"id":"7bf73129-1428-4cd3-a780-95db273d1602","account":"123456789012","detailType":"EC2 Instance State-change Notification",' +
        '"time":"2015-11-11T21:29:54Z","source":"aws.ec2","region":"us-east-1","resources":["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],"version":"0"}}',
    );
  });

  it('the API reference forms: unquoted text, and JSON with variables in quotes or out', () => {
    expect(transform('<instance> is in state <state>')).toBe('i-0123456789 is in state RUNNING');
    expect(transform('{"myInstance": <instance>,"myStatus": "<instance> is in state \\"<state>\\""}')).toBe(
      '{"myInstance":"i-0123456789","myStatus":"i-0123456789 is in state \\"RUNNING\\""}',
    );
  });
});

describe('input transformer: behaviour AWS was observed to show', () => {
  const accountEvent: JsonObject = {
    version: '0',
    id: 'b5b0c6a0-1a3a-4b6b-9f0a-0a0b0c0d0e0f',
    'detail-type': 'core.update-account-command',
    source: 'core.update-account-command',
    account: '111111111111',
    time: '2024-05-13T12:27:20Z',
    region: 'us-east-1',
    resources: [],
    detail: { command: 'update-account', payload: { acc_id: '0a787ecb-4015', sf_id: 'baz' }, levels: ['HIGH'] },
  };
  const paths = { 'detail-type': '$.detail-type', timestamp: '$.time', command: '$.detail.command' };

  it('fills a string template, and leaves a missing path empty', () => {
    const template = '"Event of <detail-type> type, at time <timestamp>, info extracted from detail <command>"';
    expect(transform(template, paths, accountEvent)).toBe(
      '"Event of core.update-account-command type, at time 2024-05-13T12:27:20Z, info extracted from detail update-account"',
    );
    expect(transform(template, { ...paths, command: '$.detail.notthere' }, accountEvent)).toBe(
      '"Event of core.update-account-command type, at time 2024-05-13T12:27:20Z, info extracted from detail "',
    );
  });

  it('gives a missing path as "" in a JSON template', () => {
    const template = '{"detailType": <detail-type>, "time": <timestamp>, "command": <command>}';
    expect(transform(template, { ...paths, command: '$.detail.notthere' }, accountEvent)).toBe(
      '{"detailType":"core.update-account-command","time":"2024-05-13T12:27:20Z","command":""}',
    );
  });

  it('inserts objects as JSON values, and without quotes inside text', () => {
    const p = { payload: '$.detail.payload', levels: '$.detail.levels' };
    expect(transform('{"bod": <payload>, "l": <levels>}', p, accountEvent)).toBe('{"bod":{"acc_id":"0a787ecb-4015","sf_id":"baz"},"l":["HIGH"]}');
    expect(transform('"payload <payload> levels <levels>"', p, accountEvent)).toBe('"payload {acc_id:0a787ecb-4015,sf_id:baz} levels [HIGH]"');
  });

  it('gives <aws.events.event.json> as the whole event', () => {
    expect(JSON.parse(transform('{"originalEventJson": <aws.events.event.json>}', {}, accountEvent))).toEqual({ originalEventJson: accountEvent });
  });

  it('does not escape values, so a quote in a value inside a JSON string cannot be delivered', () => {
    const event = { ...ec2Event, detail: { state: 'say "hi"' } };
    const target: TargetInputConfig = { Id: 't1', InputTransformer: { InputPathsMap: { s: '$.detail.state' }, InputTemplate: '{"m": "state <s>"}' } };
    expect(renderTargetInput(target, event, ctx).ok).toBe(false);
    expect(transform('"state <s>"', { s: '$.detail.state' }, event)).toBe('"state say "hi""');
  });
});

describe('Input and InputPath', () => {
  it('passes constant Input as written, InputPath selections as JSON, and the whole event by default', () => {
    expect(renderTargetInput({ Id: 'a', Input: '{"fixed": true}' }, ec2Event, ctx)).toEqual({ ok: true, text: '{"fixed": true}' });
    expect(renderTargetInput({ Id: 'a', InputPath: '$.detail' }, ec2Event, ctx)).toEqual({ ok: true, text: '{"instance-id":"i-0123456789","state":"RUNNING"}' });
    expect(renderTargetInput({ Id: 'a', InputPath: '$.detail.state' }, ec2Event, ctx)).toEqual({ ok: true, text: '"RUNNING"' });
    expect(renderTargetInput({ Id: 'a', InputPath: '$.resources[0]' }, ec2Event, ctx)).toEqual({
      ok: true,
      text: '"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"',
    });
    expect(renderTargetInput({ Id: 'a' }, ec2Event, ctx)).toEqual({ ok: true, text: JSON.stringify(ec2Event) });
  });
});

describe('PutTargets validation of target input', () => {
  const error = (t: TargetInputConfig): string => {
    try {
      validateTargetInput(t, 1);
      return 'accepted';
    } catch (e) {
      expect((e as { code: string }).code).toBe('ValidationException');
      return (e as Error).message;
    }
  };

  it('returns the messages AWS was observed to return', () => {
    expect(error({ Id: 't1', InputPath: '$.detail', InputTransformer: { InputTemplate: '"x"' } })).toBe(
      'Only one of Input, InputPath, or InputTransformer must be provided for target t1.',
    );
    expect(error({ Id: 't1', InputTransformer: { InputPathsMap: { a: '$.a' }, InputTemplate: '"<a> <notdefinedkey>"' } })).toBe(
      'InputTemplate for target t1 contains invalid placeholder notdefinedkey.',
    );
    expect(error({ Id: 't1', Input: 'not json' })).toBe('Input for target t1 is not a valid JSON text.');
  });

  it('applies the API model constraints with the Coral wording', () => {
    expect(error({ Id: 't1', InputTransformer: { InputPathsMap: { 'aws.events.x': '$.a' }, InputTemplate: '"x"' } })).toBe(
      "1 validation error detected: Value '{aws.events.x=$.a}' at 'targets.1.member.inputTransformer.inputPathsMap' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+]",
    );
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '$.a']));
    expect(error({ Id: 't1', InputTransformer: { InputPathsMap: many, InputTemplate: '"x"' } })).toMatch(
      /^1 validation error detected: Value '\{k0=\$\.a, .*' at 'targets\.1\.member\.inputTransformer\.inputPathsMap' failed to satisfy constraint: Member must have length less than or equal to 100$/,
    );
    expect(error({ Id: 't1', InputTransformer: { InputTemplate: '' } })).toBe(
      "1 validation error detected: Value '' at 'targets.1.member.inputTransformer.inputTemplate' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('accepts the reserved variables without a map entry', () => {
    expect(error({ Id: 't1', InputTransformer: { InputTemplate: '{"e": <aws.events.event>, "r": "<aws.events.rule-arn>"}' } })).toBe('accepted');
  });
});

describe('the learner’s note: send only part of a long CloudTrail record in the alert', () => {
  const event = cloudTrailRecordToEvent(rootConsoleLogin(), new SeededRandom(3)) as unknown as JsonObject;
  const paths = {
    user: '$.detail.userIdentity.arn',
    ip: '$.detail.sourceIPAddress',
    when: '$.detail.eventTime',
    result: '$.detail.responseElements.ConsoleLogin',
    mfa: '$.detail.additionalEventData.MFAUsed',
  };

  it('renders a one-line alert from a root ConsoleLogin', () => {
    expect(transform('"Root sign-in <result> from <ip> at <when> (MFA: <mfa>) by <user>"', paths, event)).toBe(
      '"Root sign-in Success from 203.0.113.12 at 2024-06-10T08:15:32Z (MFA: No) by arn:aws:iam::111122223333:root"',
    );
  });

  it('renders a compact JSON alert that drops the rest of the record', () => {
    const text = transform('{"who": <user>, "from": <ip>, "mfa": "<mfa>", "rule": <aws.events.rule-name>}', paths, event);
    expect(text).toBe('{"who":"arn:aws:iam::111122223333:root","from":"203.0.113.12","mfa":"No","rule":"example"}');
    expect(text.length).toBeLessThan(JSON.stringify(event).length / 5);
  });
});

describe('input transformer properties', () => {
  it('a bare placeholder in a JSON template carries any selected value through unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const event = { ...ec2Event, detail: { x: value as Json } };
        expect(JSON.parse(transform('{"v": <x>}', { x: '$.detail.x' }, event))).toEqual({ v: JSON.parse(JSON.stringify(value)) });
      }),
    );
  });

  it('a string template is the template text with each placeholder replaced by the raw string', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '-', ':', '/', '1') });
    fc.assert(
      fc.property(text, text, text, (before, value, after) => {
        const event = { ...ec2Event, detail: { x: value } };
        expect(transform(`"${before}<x>${after}"`, { x: '$.detail.x' }, event)).toBe(`"${before}${value}${after}"`);
      }),
    );
  });
});
