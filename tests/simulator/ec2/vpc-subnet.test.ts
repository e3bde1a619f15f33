import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole, userWithKey } from '../support';

describe('EC2 VPCs and subnets', () => {
  it('a new account has a default VPC, so CreateDefaultVpc fails with DefaultVpcAlreadyExists (recorded)', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'ap-northeast-2');
    const vpcs = ok(acct.call('ec2:DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }, c))['Vpcs'] as Record<string, unknown>[];
    expect(vpcs).toHaveLength(1);
    expect(vpcs[0]?.['CidrBlock']).toBe('172.31.0.0/16');
    expect(vpcs[0]?.['VpcId']).toMatch(/^vpc-[0-9a-f]{17}$/);
    const r = acct.call('ec2:CreateDefaultVpc', {}, c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ code: 'DefaultVpcAlreadyExists', message: 'A Default VPC already exists for this account in this region.' });
    const rec = onlyRecord(r);
    expect(rec.errorCode).toBe('Client.DefaultVpcAlreadyExists');
    expect(rec.awsRegion).toBe('ap-northeast-2');
    expect(rec.eventSource).toBe('ec2.amazonaws.com');
  });

  it('after deleting the default VPC (subnets first), CreateDefaultVpc builds 172.31.0.0/16 with a subnet per zone', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'eu-west-1');
    const vpcId = ((ok(acct.call('ec2:DescribeVpcs', {}, c))['Vpcs'] as Record<string, string>[])[0] ?? {})['VpcId'] ?? '';
    const early = acct.call('ec2:DeleteVpc', { VpcId: vpcId }, c);
    expect(early.ok ? '' : early.error.code).toBe('DependencyViolation');
    const subnets = ok(acct.call('ec2:DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }, c))['Subnets'] as Record<string, string>[];
    expect(subnets.map((s) => s['CidrBlock'])).toEqual(['172.31.0.0/20', '172.31.16.0/20', '172.31.32.0/20']);
    for (const s of subnets) ok(acct.call('ec2:DeleteSubnet', { SubnetId: s['SubnetId'] ?? '' }, c));
    const del = acct.call('ec2:DeleteVpc', { VpcId: vpcId }, c);
    ok(del);
    expect(onlyRecord(del).responseElements).toEqual({ requestId: onlyRecord(del).requestID, _return: true });
    const r = acct.call('ec2:CreateDefaultVpc', {}, c);
    const vpc = ok(r)['Vpc'] as Record<string, unknown>;
    expect(vpc['IsDefault']).toBe(true);
    expect(vpc['CidrBlock']).toBe('172.31.0.0/16');
    expect(onlyRecord(r).readOnly).toBe(false);
  });

  it('CreateSubnet: record shape, and Range, Conflict and NotFound errors as EC2 words them', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'ap-northeast-2');
    const vpc = ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, c))['Vpc'] as Record<string, string>;
    const vpcId = vpc['VpcId'] ?? '';
    const r = acct.call('ec2:CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-2a' }, c);
    const sub = ok(r)['Subnet'] as Record<string, unknown>;
    expect(sub['SubnetId']).toMatch(/^subnet-[0-9a-f]{17}$/);
    expect(sub['AvailableIpAddressCount']).toBe(251);
    expect(sub['AvailabilityZoneId']).toBe('apne2-az1');
    const rec = onlyRecord(r);
    expect(rec.requestParameters).toEqual({ vpcId, cidrBlock: '10.0.1.0/24', availabilityZone: 'ap-northeast-2a' });
    const re = rec.responseElements as { requestId: string; subnet: Record<string, unknown> };
    expect(re.requestId).toBe(rec.requestID);
    expect(re.subnet['subnetId']).toBe(sub['SubnetId']);
    expect(re.subnet['state']).toBe('pending');
    expect(re.subnet['availableIpAddressCount']).toBe(251);

    const fail = (params: Record<string, string>) => {
      const x = acct.call('ec2:CreateSubnet', params, c);
      if (x.ok) throw new Error('expected failure');
      return [x.error.code, x.error.message, onlyRecord(x).errorCode];
    };
    expect(fail({ VpcId: vpcId, CidrBlock: '10.1.0.0/24' })).toEqual(['InvalidSubnet.Range', "The CIDR '10.1.0.0/24' is invalid.", 'Client.InvalidSubnet.Range']);
    expect(fail({ VpcId: vpcId, CidrBlock: '10.0.1.128/25' })).toEqual(['InvalidSubnet.Conflict', "The CIDR '10.0.1.128/25' conflicts with another subnet", 'Client.InvalidSubnet.Conflict']);
    expect(fail({ VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.2.0/24' })).toEqual(['InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist", 'Client.InvalidVpcID.NotFound']);
  });

  it('an IAM user without EC2 permissions gets UnauthorizedOperation; the record says Client.UnauthorizedOperation', () => {
    const { acct } = newAccount();
    userWithKey(acct, 'erin', ['arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess']);
    const cli = { as: 'erin', region: 'us-west-2', via: 'sdk' as const };
    expect(acct.call('ec2:DescribeVpcs', {}, cli).ok).toBe(true);
    const r = acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, cli);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('UnauthorizedOperation');
    expect(r.error.message).toMatch(/^You are not authorized to perform this operation\. User: arn:aws:iam::123456789012:user\/erin is not authorized to perform: ec2:CreateVpc on resource: arn:aws:ec2:us-west-2:123456789012:vpc\/\* because no identity-based policy allows the ec2:CreateVpc action\. Encoded authorization failure message: \S+$/);
    const rec = onlyRecord(r);
    expect(rec.errorCode).toBe('Client.UnauthorizedOperation');
    expect(rec.userAgent).toMatch(/^aws-sdk-js\/3\.\d+\.\d+ .*api\/ec2#/);
    expect(rec.tlsDetails?.clientProvidedHostHeader).toBe('ec2.us-west-2.amazonaws.com');
  });
});
