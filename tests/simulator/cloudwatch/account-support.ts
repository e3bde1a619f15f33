import type { Account } from '../../../simulator/account';
import type { JsonObject } from '../../../simulator/core/contract';
import { ok } from '../support';

type Ctx = { as: string; region: string; via: 'console' };

const lambdaTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/** A Lambda function `name` in the caller's Region. */
export function createFunction(acct: Account, c: Ctx, name: string): void {
  if (!acct.iam.model.state.roles['fn-role']) ok(acct.call('iam:CreateRole', { RoleName: 'fn-role', AssumeRolePolicyDocument: lambdaTrust }, c));
  ok(acct.call('lambda:CreateFunction', {
    FunctionName: name, Runtime: 'python3.12', Role: `arn:aws:iam::123456789012:role/fn-role`, Handler: 'app.handler', Code: { ZipFile: btoa('PK\u0003\u0004 code') },
  }, c));
}

/** A topic with a confirmed email subscription; returns its ARN. */
export function topicWithEmail(acct: Account, c: Ctx, name: string, email: string): string {
  const arn = ok(acct.call('sns:CreateTopic', { Name: name }, c))['TopicArn'] as string;
  ok(acct.call('sns:Subscribe', { TopicArn: arn, Protocol: 'email', Endpoint: email }, c));
  return arn;
}

export function runInstance(acct: Account, c: Ctx): string {
  const r = ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }, c));
  return ((r['Instances'] as JsonObject[])[0]!['InstanceId']) as string;
}

export function alarmState(acct: Account, c: Ctx, name: string): string {
  const r = ok(acct.call('cloudwatch:DescribeAlarms', { AlarmNames: [name], AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }, c));
  const all = [...(r['MetricAlarms'] as JsonObject[]), ...(r['CompositeAlarms'] as JsonObject[])];
  return String(all[0]?.['StateValue']);
}

export function describeOne(acct: Account, c: Ctx, name: string): JsonObject {
  const r = ok(acct.call('cloudwatch:DescribeAlarms', { AlarmNames: [name], AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }, c));
  const all = [...(r['MetricAlarms'] as JsonObject[]), ...(r['CompositeAlarms'] as JsonObject[])];
  if (!all[0]) throw new Error(`no alarm ${name}`);
  return all[0];
}

export function instanceState(acct: Account, c: Ctx, id: string): string {
  const d = ok(acct.call('ec2:DescribeInstances', { InstanceIds: [id] }, c));
  const inst = ((d['Reservations'] as JsonObject[])[0]?.['Instances'] as JsonObject[])[0];
  return String((inst?.['State'] as JsonObject)['Name']);
}
