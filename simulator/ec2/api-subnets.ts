import { AwsError, type JsonObject } from '../core/contract';
import { ec2Id } from '../core/ids';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { contains, overlaps, parseCidr } from './cidr';
import { need } from './api-vpcs';
import { applyFilters, describeParams, idList } from './filters';
import { zonesOf, type Ec2Model, type Subnet } from './model';
import { subnetRecord, subnetWire, tagSpecRecord, tagsFor } from './shapes';

export function subnetActions(m: Ec2Model, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const used = (region: string, id: string) => m.region(region).instances.filter((i) => i.subnetId === id && i.state !== 'terminated').length;
  // Built once, not per DescribeSubnets call (calls are many, filters rare).
  const subnetFilters: Record<string, (x: Subnet) => string[]> = {
    'vpc-id': (x) => [x.vpcId], 'subnet-id': (x) => [x.subnetId], 'availability-zone': (x) => [x.availabilityZone],
    'cidr-block': (x) => [x.cidrBlock], 'default-for-az': (x) => [String(x.defaultForAz)], 'state': () => ['available'],
    'tag:Name': (x) => x.tags.filter((t) => t.Key === 'Name').map((t) => t.Value),
  };
  return [
    {
      def: apiDef('ec2:CreateSubnet', { readOnly: false, resourceTypes: ['AWS::EC2::Subnet'], summaryKo: 'VPC 안에 서브넷을 만듭니다.' }),
      authz: (_p, ctx) => ({ resource: `arn:aws:ec2:${ctx.region}:${acct}:subnet/*` }),
      requestParameters: (p) => {
        const out: JsonObject = { vpcId: str(p, 'VpcId') ?? '', cidrBlock: str(p, 'CidrBlock') ?? '' };
        if (str(p, 'AvailabilityZone')) out['availabilityZone'] = str(p, 'AvailabilityZone') ?? '';
        const tags = tagSpecRecord(p['TagSpecifications']);
        if (tags) out['tagSpecificationSet'] = tags;
        return out;
      },
      handler: (p, ctx) => {
        const vpc = m.vpc(ctx.region, need(p, 'VpcId'));
        const cidr = parseCidr(need(p, 'CidrBlock'), 'cidrBlock');
        if (cidr.prefix < 16 || cidr.prefix > 28 || !contains(parseCidr(vpc.cidrBlock, 'cidrBlock'), cidr)) {
          throw new AwsError('InvalidSubnet.Range', `The CIDR '${cidr.text}' is invalid.`);
        }
        const s = m.region(ctx.region);
        if (s.subnets.some((x) => x.vpcId === vpc.vpcId && overlaps(parseCidr(x.cidrBlock, 'cidrBlock'), cidr))) {
          throw new AwsError('InvalidSubnet.Conflict', `The CIDR '${cidr.text}' conflicts with another subnet`);
        }
        const zones = zonesOf(ctx.region);
        const az = str(p, 'AvailabilityZone') ?? zones[d.random.int(0, zones.length)]?.name ?? '';
        if (!zones.some((z) => z.name === az)) {
          throw new AwsError('InvalidParameterValue', `Value (${az}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${zones.map((z) => z.name).join(', ')}.`);
        }
        const sub: Subnet = { subnetId: ec2Id(d.random, 'subnet'), vpcId: vpc.vpcId, cidrBlock: cidr.text, availabilityZone: az, defaultForAz: false, mapPublicIpOnLaunch: false, tags: tagsFor(p['TagSpecifications'], 'subnet') };
        s.subnets.push(sub);
        return { response: { Subnet: subnetWire(sub, acct, 0, 'pending') }, responseElements: { requestId: ctx.requestId, subnet: subnetRecord(sub, acct) } };
      },
    },
    {
      def: apiDef('ec2:DescribeSubnets', { readOnly: true, summaryKo: '서브넷 목록을 조회합니다.' }),
      requestParameters: (p) => describeParams(p, 'SubnetIds', 'subnetSet', 'subnetId'),
      handler: (p, ctx) => {
        const ids = idList(p, 'SubnetIds');
        for (const id of ids) m.subnet(ctx.region, id);
        const all = m.region(ctx.region).subnets;
        const list = applyFilters(ids.length ? all.filter((x) => ids.includes(x.subnetId)) : all, p['Filters'], subnetFilters);
        return { response: { Subnets: list.map((x) => subnetWire(x, acct, used(ctx.region, x.subnetId), 'available')) } };
      },
    },
    {
      def: apiDef('ec2:DeleteSubnet', { readOnly: false, resourceTypes: ['AWS::EC2::Subnet'], summaryKo: '서브넷을 삭제합니다.' }),
      authz: (p, ctx) => ({ resource: `arn:aws:ec2:${ctx.region}:${acct}:subnet/${str(p, 'SubnetId') ?? ''}` }),
      requestParameters: (p) => ({ subnetId: str(p, 'SubnetId') ?? '' }),
      handler: (p, ctx) => {
        const sub = m.subnet(ctx.region, need(p, 'SubnetId'));
        m.settle(ctx.region, d.clock.now());
        if (used(ctx.region, sub.subnetId) > 0) throw new AwsError('DependencyViolation', `The subnet '${sub.subnetId}' has dependencies and cannot be deleted.`);
        const s = m.region(ctx.region);
        s.subnets = s.subnets.filter((x) => x !== sub);
        return { response: {}, responseElements: { requestId: ctx.requestId, _return: true } };
      },
    },
  ];
}
