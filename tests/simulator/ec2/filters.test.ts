import { describe, expect, it } from 'vitest';
import { newAccount, ok, rootConsole } from '../support';

// The filter tables are made once per account (or, for DescribeInstances, only when Filters are sent):
// they must still answer per account, per Region and per call.
describe('EC2 Describe filters', () => {
  it('owner-id names each account its own id; a filter name EC2 does not know is refused in every Describe', () => {
    for (const accountId of ['123456789012', '210987654321']) {
      const { acct } = newAccount({ accountId });
      const c = rootConsole(acct);
      const mine = ok(acct.call('ec2:DescribeVpcs', { Filters: [{ Name: 'owner-id', Values: [accountId] }] }, c))['Vpcs'] as unknown[];
      expect(mine.length).toBe(1);
      const other = ok(acct.call('ec2:DescribeVpcs', { Filters: [{ Name: 'owner-id', Values: ['999999999999'] }] }, c))['Vpcs'] as unknown[];
      expect(other).toEqual([]);
      for (const api of ['ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeInstances']) {
        const r = acct.call(api, { Filters: [{ Name: 'no-such-filter', Values: ['x'] }] }, c);
        expect(r.ok ? '' : r.error).toEqual({ code: 'InvalidParameterValue', message: "The filter 'no-such-filter' is invalid" });
      }
    }
  });

  it('DescribeInstances filters read the Region of each call', () => {
    const { acct } = newAccount();
    const east = rootConsole(acct, 'us-east-1');
    const west = { ...east, region: 'us-west-2' };
    const idsOf = (r: Record<string, unknown>) => (r['Reservations'] as { Instances: { InstanceId: string }[] }[]).flatMap((x) => x.Instances.map((i) => i.InstanceId));
    const a = idsOf({ Reservations: [ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1 }, east))] })[0]!;
    const b = idsOf({ Reservations: [ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1 }, west))] })[0]!;
    ok(acct.call('ec2:MonitorInstances', { InstanceIds: [b] }, west));
    const enabled = { Filters: [{ Name: 'monitoring-state', Values: ['enabled'] }] };
    expect(idsOf(ok(acct.call('ec2:DescribeInstances', enabled, east)))).toEqual([]);
    expect(idsOf(ok(acct.call('ec2:DescribeInstances', enabled, west)))).toEqual([b]);
    expect(idsOf(ok(acct.call('ec2:DescribeInstances', { Filters: [{ Name: 'instance-id', Values: [a] }] }, east)))).toEqual([a]);
    expect(idsOf(ok(acct.call('ec2:DescribeInstances', {}, west)))).toEqual([b]);
  });
});
