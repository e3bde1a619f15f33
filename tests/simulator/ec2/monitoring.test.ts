import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { newAccount, ok, recordingCloudTrail, rootConsole } from '../support';

type Ctx = ReturnType<typeof rootConsole>;

function monitoring(acct: Account, c: Ctx, id: string): unknown {
  const d = ok(acct.call('ec2:DescribeInstances', { InstanceIds: [id] }, c));
  return ((d['Reservations'] as Record<string, unknown>[])[0]?.['Instances'] as Record<string, unknown>[])[0]?.['Monitoring'];
}

describe('EC2 DescribeInstances reports CloudWatch detailed monitoring', () => {
  it('disabled → pending (MonitorInstances answer) → enabled → disabling (Unmonitor answer) → disabled', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const run = ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', MinCount: 2, MaxCount: 2 }, c));
    const [a, b] = (run['Instances'] as { InstanceId: string }[]).map((i) => i.InstanceId) as [string, string];
    expect(monitoring(acct, c, a)).toEqual({ State: 'disabled' });
    const on = ok(acct.call('ec2:MonitorInstances', { InstanceIds: [a] }, c));
    expect(on['InstanceMonitorings']).toEqual([{ InstanceId: a, Monitoring: { State: 'pending' } }]);
    expect(monitoring(acct, c, a)).toEqual({ State: 'enabled' });
    expect(monitoring(acct, c, b)).toEqual({ State: 'disabled' });
    const filtered = ok(acct.call('ec2:DescribeInstances', { Filters: [{ Name: 'monitoring-state', Values: ['enabled'] }] }, c));
    const ids = (filtered['Reservations'] as { Instances: { InstanceId: string }[] }[]).flatMap((r) => r.Instances.map((i) => i.InstanceId));
    expect(ids).toEqual([a]);
    // Survives a snapshot round trip (the state is CloudWatch's, restored with it).
    const back = Account.restore(acct.snapshot(), () => recordingCloudTrail().port);
    expect(monitoring(back, c, a)).toEqual({ State: 'enabled' });
    const off = ok(acct.call('ec2:UnmonitorInstances', { InstanceIds: [a] }, c));
    expect(off['InstanceMonitorings']).toEqual([{ InstanceId: a, Monitoring: { State: 'disabling' } }]);
    expect(monitoring(acct, c, a)).toEqual({ State: 'disabled' });
  });

  it('looking at instances does not change the snapshot', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'eu-west-1');
    const id = ((ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1 }, c))['Instances'] as { InstanceId: string }[])[0])!.InstanceId;
    const before = JSON.stringify((acct.snapshot() as { services: Record<string, unknown> }).services['cloudwatch']);
    monitoring(acct, c, id);
    expect(JSON.stringify((acct.snapshot() as { services: Record<string, unknown> }).services['cloudwatch'])).toBe(before);
  });
});
