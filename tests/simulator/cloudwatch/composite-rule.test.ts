import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { AwsError } from '../../../simulator/core/contract';
import { childAlarms, evaluateAlarmRule, findRuleCycle, parseAlarmRule } from '../../../simulator/cloudwatch/composite-rule';
import { evaluateCompositeAlarm, type ChildAlarmState } from '../../../simulator/cloudwatch/composite-evaluate';
import { alarmMachine } from '../../../simulator/cloudwatch/alarm-machine';
import type { CompositeAlarmConfig, StateValue } from '../../../simulator/cloudwatch/alarm-types';

function ruleError(rule: string): string {
  try {
    parseAlarmRule(rule);
  } catch (e) {
    if (e instanceof AwsError && e.code === 'ValidationError') return e.message;
    throw e;
  }
  throw new Error(`parsed: ${rule}`);
}

const states = (m: Record<string, StateValue>) => (name: string) => m[name];

describe('AlarmRule language', () => {
  it('evaluates the documentation examples', () => {
    const a = parseAlarmRule('ALARM(CPUUtilizationTooHigh) AND NOT ALARM(DeploymentInProgress)');
    expect(evaluateAlarmRule(a, states({ CPUUtilizationTooHigh: 'ALARM', DeploymentInProgress: 'OK' }))).toBe(true);
    expect(evaluateAlarmRule(a, states({ CPUUtilizationTooHigh: 'ALARM', DeploymentInProgress: 'ALARM' }))).toBe(false);
    const b = parseAlarmRule('(ALARM("CPUUtilizationTooHigh") OR ALARM("DiskReadOpsTooHigh")) AND OK("NetworkOutTooHigh")');
    expect(childAlarms(b)).toEqual(['CPUUtilizationTooHigh', 'DiskReadOpsTooHigh', 'NetworkOutTooHigh']);
    expect(evaluateAlarmRule(b, states({ CPUUtilizationTooHigh: 'OK', DiskReadOpsTooHigh: 'ALARM', NetworkOutTooHigh: 'OK' }))).toBe(true);
    expect(evaluateAlarmRule(b, states({ CPUUtilizationTooHigh: 'OK', DiskReadOpsTooHigh: 'ALARM', NetworkOutTooHigh: 'INSUFFICIENT_DATA' }))).toBe(false);
  });

  it('supports TRUE, FALSE, INSUFFICIENT_DATA, quoted names with spaces and ARNs', () => {
    expect(evaluateAlarmRule(parseAlarmRule('TRUE'), states({}))).toBe(true);
    expect(evaluateAlarmRule(parseAlarmRule('false'), states({}))).toBe(false);
    expect(evaluateAlarmRule(parseAlarmRule('INSUFFICIENT_DATA("my alarm")'), states({ 'my alarm': 'INSUFFICIENT_DATA' }))).toBe(true);
    const arn = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:Db';
    expect(childAlarms(parseAlarmRule(`OK(${arn})`))).toEqual([arn]);
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    const r = parseAlarmRule('TRUE OR FALSE AND FALSE');
    expect(evaluateAlarmRule(r, states({}))).toBe(true);
    expect(evaluateAlarmRule(parseAlarmRule('NOT FALSE AND FALSE'), states({}))).toBe(false);
  });

  it('rejects what does not parse with AWS wording and 0-based positions', () => {
    // CloudFormation surfaced this for the rule "()" (aws-cdk issue 34662).
    expect(ruleError('()')).toBe("Error in AlarmRule [Unsupported token ')' at char 1]");
    // An unquoted name with a space (aws-cdk issue 13953).
    const rule = '(ALARM(arn:aws:cloudwatch:us-east-1:123456789012:alarm:SampleQueue Oldest Age Alarm) OR ALARM(x))';
    expect(ruleError(rule)).toBe("Error in AlarmRule [Unsupported token 'Oldest' at char 67, must be: ')']");
    expect(ruleError('ALARM(a) AND')).toMatch(/^Error in AlarmRule \[Unsupported token/);
    expect(ruleError('MAYBE(a)')).toBe("Error in AlarmRule [Unsupported token 'MAYBE' at char 0]");
    expect(ruleError('ALARM(a) ALARM(b)')).toBe("Error in AlarmRule [Unsupported token 'ALARM' at char 9]");
  });

  it('enforces the length, element and child limits', () => {
    expect(ruleError(`ALARM("${'a'.repeat(10240)}")`)).toMatch(/length less than or equal to 10240/);
    const many = Array.from({ length: 101 }, (_, i) => `ALARM(a${i})`).join(' OR ');
    expect(ruleError(many)).toMatch(/101 alarms/);
    expect(() => parseAlarmRule(Array.from({ length: 100 }, (_, i) => `ALARM(a${i})`).join(' OR '))).not.toThrow();
    expect(ruleError(`${'('.repeat(250)}TRUE${')'.repeat(250)}`)).toMatch(/501 elements/);
  });
});

describe('rule cycles', () => {
  it('finds a composite that depends on itself through others, and none otherwise', () => {
    const rules: Record<string, string> = { a: 'ALARM(b) OR ALARM(m)', b: 'ALARM(c)', c: 'OK(a)', d: 'ALARM(m)' };
    const childrenOf = (name: string) => (rules[name] ? childAlarms(parseAlarmRule(rules[name]!)) : []);
    expect(findRuleCycle('a', childrenOf)).toEqual(['a', 'b', 'c', 'a']);
    expect(findRuleCycle('d', childrenOf)).toBeUndefined();
    expect(findRuleCycle('m', childrenOf)).toBeUndefined();
  });
});

describe('composite alarm evaluation', () => {
  const config: CompositeAlarmConfig = {
    AlarmName: 'ServiceAggregatedAlarm', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServiceAggregatedAlarm',
    AlarmRule: 'ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)', AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
  };
  const cpu: ChildAlarmState = { name: 'ServerCpuTooHigh', arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh', state: 'OK', timestamp: Date.parse('2022-07-14T16:28:54.191Z') };
  const net: ChildAlarmState = { name: 'TotalNetworkTrafficTooHigh', arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:TotalNetworkTrafficTooHigh', state: 'OK', timestamp: Date.parse('2022-07-14T16:28:57.770Z') };

  it('words creation and child transitions as the user guide shows', () => {
    const created = evaluateCompositeAlarm(config, [cpu, net], { kind: 'created' });
    expect(created.state).toBe('OK');
    expect(created.reason).toBe('arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServiceAggregatedAlarm was created and its alarm rule evaluates to OK');
    expect(created.reasonData).toBe('{"triggeringAlarms":[{"arn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:TotalNetworkTrafficTooHigh","state":{"value":"OK","timestamp":"2022-07-14T16:28:57.770+0000"}},{"arn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh","state":{"value":"OK","timestamp":"2022-07-14T16:28:54.191+0000"}}]}');
    const hot = { ...cpu, state: 'ALARM' as const, timestamp: Date.parse('2022-07-22T15:57:45.394Z') };
    const changed = evaluateCompositeAlarm(config, [hot, net], { kind: 'child', child: hot });
    expect(changed.state).toBe('ALARM');
    expect(changed.reason).toBe('arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh transitioned to ALARM at Friday 22 July, 2022 15:57:45 UTC');
    expect(changed.reasonData).toBe('{"triggeringAlarms":[{"arn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh","state":{"value":"ALARM","timestamp":"2022-07-22T15:57:45.394+0000"}}]}');
  });

  it('drives the alarm machine: INSUFFICIENT_DATA only until its first evaluation', () => {
    const actor = createActor(alarmMachine, { input: { alarmType: 'CompositeAlarm', config, now: 0 } }).start();
    expect(actor.getSnapshot().value).toBe('INSUFFICIENT_DATA');
    const first = evaluateCompositeAlarm(config, [cpu, net], { kind: 'created' });
    actor.send({ type: 'alarm.evaluate', now: 1000, ...first });
    expect(actor.getSnapshot().value).toBe('OK');
    const hot = { ...cpu, state: 'ALARM' as const, timestamp: 2000 };
    actor.send({ type: 'alarm.evaluate', now: 2000, ...evaluateCompositeAlarm(config, [hot, net], { kind: 'child', child: hot }) });
    expect(actor.getSnapshot().value).toBe('ALARM');
    expect(actor.getSnapshot().context.outbox.map((a) => a.arn)).toEqual(['arn:aws:sns:us-east-1:123456789012:ops']);
    expect(actor.getSnapshot().context.history.at(-1)!.AlarmType).toBe('CompositeAlarm');
  });
});
