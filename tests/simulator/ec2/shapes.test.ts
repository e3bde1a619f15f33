import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../simulator/core/contract';
import { newAccount, ok, rootConsole } from '../support';

const tagged = (type: string, value: string) => [{ ResourceType: type, Tags: [{ Key: 'Name', Value: value }] }];

describe('EC2 SDK shapes', () => {
  it('a tagged resource lists Tags as its last member; an untagged one has no Tags member at all', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const vpc = ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.1.0.0/16', TagSpecifications: tagged('vpc', 'lab') }, c))['Vpc'] as JsonObject;
    const sub = ok(acct.call('ec2:CreateSubnet', { VpcId: vpc['VpcId'] as string, CidrBlock: '10.1.1.0/24', TagSpecifications: tagged('subnet', 'lab-a') }, c))['Subnet'] as JsonObject;
    expect(sub['Tags']).toEqual([{ Key: 'Name', Value: 'lab-a' }]);
    ok(acct.call('ec2:CreateSecurityGroup', { GroupName: 'web', Description: 'web', TagSpecifications: tagged('security-group', 'web') }, c));
    ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, TagSpecifications: tagged('instance', 'box') }, c));
    ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }, c));
    const vpcs = ok(acct.call('ec2:DescribeVpcs', {}, c))['Vpcs'] as JsonObject[];
    const subnets = ok(acct.call('ec2:DescribeSubnets', {}, c))['Subnets'] as JsonObject[];
    const groups = ok(acct.call('ec2:DescribeSecurityGroups', {}, c))['SecurityGroups'] as JsonObject[];
    const reservations = ok(acct.call('ec2:DescribeInstances', {}, c))['Reservations'] as JsonObject[];
    const instances = reservations.flatMap((r) => r['Instances'] as JsonObject[]);
    for (const list of [vpcs, subnets, groups, instances]) {
      expect(list.some((o) => o['Tags'] !== undefined)).toBe(true);
      expect(list.some((o) => !('Tags' in o))).toBe(true);
      for (const o of list) {
        if ('Tags' in o) {
          expect(Object.keys(o).at(-1)).toBe('Tags');
          expect((o['Tags'] as JsonObject[]).length).toBeGreaterThan(0);
        }
      }
    }
    expect(Object.keys(groups.find((g) => g['GroupName'] === 'web')!)).toEqual([
      'Description', 'GroupName', 'IpPermissions', 'OwnerId', 'GroupId', 'IpPermissionsEgress', 'VpcId', 'SecurityGroupArn', 'Tags',
    ]);
  });

  it('a rule with ports lists FromPort and ToPort after IpProtocol; an all-traffic rule lists neither', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const g = ok(acct.call('ec2:CreateSecurityGroup', { GroupName: 'ssh', Description: 'ssh' }, c));
    ok(acct.call('ec2:AuthorizeSecurityGroupIngress', { GroupId: g['GroupId'] as string, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }, c));
    const group = (ok(acct.call('ec2:DescribeSecurityGroups', { GroupIds: [g['GroupId'] as string] }, c))['SecurityGroups'] as JsonObject[])[0]!;
    const ingress = (group['IpPermissions'] as JsonObject[])[0]!;
    // ToPort defaults to FromPort when the request leaves it out.
    expect(ingress).toEqual({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] });
    expect(Object.keys(ingress)).toEqual(['IpProtocol', 'FromPort', 'ToPort', 'IpRanges', 'Ipv6Ranges', 'PrefixListIds', 'UserIdGroupPairs']);
    const egress = (group['IpPermissionsEgress'] as JsonObject[])[0]!;
    expect(Object.keys(egress)).toEqual(['IpProtocol', 'IpRanges', 'Ipv6Ranges', 'PrefixListIds', 'UserIdGroupPairs']);
    expect(egress['IpProtocol']).toBe('-1');
    // Each answer has lists of its own: changing one leaves the next answer as it was.
    (ingress['Ipv6Ranges'] as unknown[]).push('x');
    const again = (ok(acct.call('ec2:DescribeSecurityGroups', { GroupIds: [g['GroupId'] as string] }, c))['SecurityGroups'] as JsonObject[])[0]!;
    expect((again['IpPermissions'] as JsonObject[])[0]!['Ipv6Ranges']).toEqual([]);
  });

  it('DescribeInstances groups instances by reservation in launch order, and answers an empty list where there are none', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    expect(ok(acct.call('ec2:DescribeInstances', {}, c))).toEqual({ Reservations: [] });
    const launch = (n: number) => (ok(acct.call('ec2:RunInstances', { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: n, MaxCount: n }, c))['Instances'] as JsonObject[]).map((i) => i['InstanceId']);
    const first = launch(2);
    const second = launch(1);
    const reservations = ok(acct.call('ec2:DescribeInstances', {}, c))['Reservations'] as JsonObject[];
    expect(reservations.map((r) => (r['Instances'] as JsonObject[]).map((i) => i['InstanceId']))).toEqual([first, second]);
    expect(ok(acct.call('ec2:DescribeInstances', {}, rootConsole(acct, 'eu-west-1')))).toEqual({ Reservations: [] });
  });
});
