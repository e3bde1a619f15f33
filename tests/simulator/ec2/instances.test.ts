import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

describe('EC2 instances', () => {
  it('RunInstances launches pending instances that become running on the simulated clock', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const r = acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 2 }, c);
    const res = ok(r);
    const inst = res['Instances'] as Record<string, unknown>[];
    expect(inst).toHaveLength(2);
    expect(inst[0]?.['State']).toEqual({ Code: 0, Name: 'pending' });
    const id = inst[0]?.['InstanceId'] as string;
    expect(id).toMatch(/^i-[0-9a-f]{17}$/);
    const rec = onlyRecord(r);
    const re = rec.responseElements as { reservationId: string; instancesSet: { items: Record<string, unknown>[] } };
    expect(re.reservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(re.instancesSet.items[0]?.['launchTime']).toBe(Date.parse('2026-11-01T00:00:00Z'));
    acct.advance('PT1M');
    const d = ok(acct.call('ec2:DescribeInstances', { InstanceIds: [id] }, c));
    const first = ((d['Reservations'] as Record<string, unknown>[])[0]?.['Instances'] as Record<string, unknown>[])[0];
    expect(first?.['State']).toEqual({ Code: 16, Name: 'running' });
    const dr = onlyRecord(acct.call('ec2:DescribeInstances', {}, c));
    expect(dr.readOnly).toBe(true);
    expect(dr.responseElements).toBeNull();
    expect(dr.requestParameters).toEqual({ instancesSet: {}, filterSet: {} });
  });

  it('stop, start, terminate follow EC2 states and refuse impossible transitions', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const id = ((ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1 }, c))['Instances'] as Record<string, string>[])[0] ?? {})['InstanceId'] ?? '';
    acct.advance('PT1M');
    const stop = ok(acct.call('ec2:StopInstances', { InstanceIds: [id] }, c));
    expect(stop['StoppingInstances']).toEqual([{ InstanceId: id, CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }]);
    acct.advance('PT2M');
    const start = ok(acct.call('ec2:StartInstances', { InstanceIds: [id] }, c));
    expect(start['StartingInstances']).toEqual([{ InstanceId: id, CurrentState: { Code: 0, Name: 'pending' }, PreviousState: { Code: 80, Name: 'stopped' } }]);
    ok(acct.call('ec2:TerminateInstances', { InstanceIds: [id] }, c));
    acct.advance('PT2M');
    const again = acct.call('ec2:StartInstances', { InstanceIds: [id] }, c);
    expect(again.ok ? '' : again.error.code).toBe('IncorrectInstanceState');
    const missing = acct.call('ec2:StopInstances', { InstanceIds: ['i-0123456789abcdef0'] }, c);
    expect(missing.ok ? '' : missing.error).toEqual({ code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-0123456789abcdef0' does not exist" });
    acct.advance('PT2H');
    const gone = ok(acct.call('ec2:DescribeInstances', {}, c));
    expect(gone['Reservations']).toEqual([]);
  });

  it('security groups: duplicate names and the default group are refused', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const g = ok(acct.call('ec2:CreateSecurityGroup', { GroupName: 'web', Description: 'web servers' }, c));
    expect(g['GroupId']).toMatch(/^sg-[0-9a-f]{17}$/);
    const dup = acct.call('ec2:CreateSecurityGroup', { GroupName: 'web', Description: 'again' }, c);
    expect(dup.ok ? '' : dup.error.code).toBe('InvalidGroup.Duplicate');
    const rule = { IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] };
    ok(acct.call('ec2:AuthorizeSecurityGroupIngress', { GroupId: g['GroupId'] as string, ...rule }, c));
    const twice = acct.call('ec2:AuthorizeSecurityGroupIngress', { GroupId: g['GroupId'] as string, ...rule }, c);
    expect(twice.ok ? '' : twice.error.message).toBe('the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists');
    const all = ok(acct.call('ec2:DescribeSecurityGroups', { Filters: [{ Name: 'group-name', Values: ['default'] }] }, c))['SecurityGroups'] as Record<string, string>[];
    const del = acct.call('ec2:DeleteSecurityGroup', { GroupId: all[0]?.['GroupId'] ?? '' }, c);
    expect(del.ok ? '' : del.error.code).toBe('CannotDelete');
  });
});
