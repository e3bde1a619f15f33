import { AwsError, type JsonObject } from '../core/contract';
import { ec2Id } from '../core/ids';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { parseCidr } from './cidr';
import { buildDefaultVpc, defaultGroupFor } from './defaults';
import { applyFilters, describeParams, idList } from './filters';
import type { Ec2Model, Vpc } from './model';
import { tagSpecRecord, tagsFor, vpcRecord, vpcWire } from './shapes';

export const need = (p: JsonObject, n: string) => {
  const v = p[n];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new AwsError('MissingParameter', `The request must contain the parameter ${n}`);
};

export function vpcActions(m: Ec2Model, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const vpcArn = (region: string, id: string) => `arn:aws:ec2:${region}:${acct}:vpc/${id}`;
  // Built once, not per DescribeVpcs call (calls are many, filters rare).
  const vpcFilters: Record<string, (v: Vpc) => string[]> = {
    'vpc-id': (v) => [v.vpcId], 'cidr': (v) => [v.cidrBlock], 'cidr-block-association.cidr-block': (v) => [v.cidrBlock],
    'is-default': (v) => [String(v.isDefault)], 'state': () => ['available'], 'owner-id': () => [acct], 'dhcp-options-id': (v) => [v.dhcpOptionsId],
    'tag:Name': (v) => v.tags.filter((t) => t.Key === 'Name').map((t) => t.Value),
  };
  return [
    {
      def: apiDef('ec2:CreateVpc', { readOnly: false, resourceTypes: ['AWS::EC2::VPC'], summaryKo: 'VPC를 만듭니다.' }),
      authz: (_p, ctx) => ({ resource: vpcArn(ctx.region, '*') }),
      requestParameters: (p) => {
        const out: JsonObject = { cidrBlock: str(p, 'CidrBlock') ?? '', instanceTenancy: str(p, 'InstanceTenancy') ?? 'default', amazonProvidedIpv6CidrBlock: p['AmazonProvidedIpv6CidrBlock'] === true };
        const tags = tagSpecRecord(p['TagSpecifications']);
        if (tags) out['tagSpecificationSet'] = tags;
        return out;
      },
      handler: (p, ctx) => {
        const cidr = parseCidr(need(p, 'CidrBlock'), 'cidrBlock');
        if (cidr.prefix < 16 || cidr.prefix > 28) throw new AwsError('InvalidVpc.Range', `The CIDR '${cidr.text}' is invalid.`);
        const s = m.region(ctx.region);
        const vpc: Vpc = { vpcId: ec2Id(d.random, 'vpc'), cidrBlock: cidr.text, isDefault: false, dhcpOptionsId: s.dhcpOptionsId, cidrAssociationId: ec2Id(d.random, 'vpc-cidr-assoc'), tags: tagsFor(p['TagSpecifications'], 'vpc') };
        s.vpcs.push(vpc);
        s.groups.push(defaultGroupFor(d.random, vpc.vpcId));
        return { response: { Vpc: vpcWire(vpc, acct, 'pending') }, responseElements: { requestId: ctx.requestId, vpc: vpcRecord(vpc, acct) } };
      },
    },
    {
      def: apiDef('ec2:CreateDefaultVpc', { readOnly: false, resourceTypes: ['AWS::EC2::VPC'], summaryKo: '기본 VPC를 (다시) 만듭니다.' }),
      authz: (_p, ctx) => ({ resource: vpcArn(ctx.region, '*') }),
      // EC2 APIs newer than 2016 are recorded wrapped in "<Action>Request"/"<Action>Response" objects
      // (seen in ModifyInstanceMetadataOptions records); that this one follows the pattern is not verified.
      requestParameters: () => ({ CreateDefaultVpcRequest: '' }),
      handler: (_p, ctx) => {
        if (m.defaultVpc(ctx.region)) throw new AwsError('DefaultVpcAlreadyExists', 'A Default VPC already exists for this account in this region.');
        const vpc = buildDefaultVpc(m, ctx.region, d.random);
        return { response: { Vpc: vpcWire(vpc, acct, 'pending') }, responseElements: { CreateDefaultVpcResponse: { xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/', requestId: ctx.requestId, vpc: vpcRecord(vpc, acct) } } };
      },
    },
    {
      def: apiDef('ec2:DescribeVpcs', { readOnly: true, summaryKo: 'VPC 목록을 조회합니다.' }),
      requestParameters: (p) => describeParams(p, 'VpcIds', 'vpcSet', 'vpcId'),
      handler: (p, ctx) => {
        const all = m.region(ctx.region).vpcs;
        const ids = idList(p, 'VpcIds');
        for (const id of ids) m.vpc(ctx.region, id);
        const chosen = ids.length ? all.filter((v) => ids.includes(v.vpcId)) : all;
        const list = applyFilters(chosen, p['Filters'], vpcFilters);
        return { response: { Vpcs: list.map((v) => vpcWire(v, acct, 'available')) } };
      },
    },
    {
      def: apiDef('ec2:DeleteVpc', { readOnly: false, resourceTypes: ['AWS::EC2::VPC'], summaryKo: 'VPC를 삭제합니다(서브넷 등 의존 리소스가 없어야 함).' }),
      authz: (p, ctx) => ({ resource: vpcArn(ctx.region, str(p, 'VpcId') ?? '') }),
      requestParameters: (p) => ({ vpcId: str(p, 'VpcId') ?? '' }),
      handler: (p, ctx) => {
        const vpc = m.vpc(ctx.region, need(p, 'VpcId'));
        const s = m.region(ctx.region);
        const busy = s.subnets.some((x) => x.vpcId === vpc.vpcId) || s.groups.some((g) => g.vpcId === vpc.vpcId && g.groupName !== 'default');
        if (busy) throw new AwsError('DependencyViolation', `The vpc '${vpc.vpcId}' has dependencies and cannot be deleted.`);
        s.vpcs = s.vpcs.filter((v) => v !== vpc);
        s.groups = s.groups.filter((g) => g.vpcId !== vpc.vpcId);
        return { response: {}, responseElements: { requestId: ctx.requestId, _return: true } };
      },
    },
  ];
}
