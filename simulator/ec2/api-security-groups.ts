import { AwsError, type Json, type JsonObject } from '../core/contract';
import { ec2Id } from '../core/ids';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { need } from './api-vpcs';
import { applyFilters, describeParams, idList } from './filters';
import type { Ec2Model, Permission, SecurityGroup } from './model';
import { groupWire, tagSpecRecord, tagsFor } from './shapes';

function permissions(v: Json | undefined): Permission[] {
  if (!Array.isArray(v)) return [];
  return v.map((x) => {
    const o = x as JsonObject;
    const ranges = Array.isArray(o['IpRanges']) ? (o['IpRanges'] as JsonObject[]).map((r) => ({ CidrIp: String(r['CidrIp'] ?? '') })) : [];
    const p: Permission = { IpProtocol: String(o['IpProtocol'] ?? '-1'), IpRanges: ranges };
    if (typeof o['FromPort'] === 'number') p.FromPort = o['FromPort'];
    if (typeof o['ToPort'] === 'number') p.ToPort = o['ToPort'];
    return p;
  });
}
function permissionRecord(ps: Permission[]): JsonObject {
  return {
    items: ps.map((p): JsonObject => ({
      ipProtocol: p.IpProtocol, ...(p.FromPort !== undefined ? { fromPort: p.FromPort, toPort: p.ToPort ?? p.FromPort } : {}),
      groups: {}, ipRanges: (p.IpRanges.length ? { items: p.IpRanges.map((r) => ({ cidrIp: r.CidrIp })) } : {}) as JsonObject, ipv6Ranges: {}, prefixListIds: {},
    })),
  };
}
const proto = (p: string) => (p === '-1' ? '-1' : p.toUpperCase());

export function securityGroupActions(m: Ec2Model, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const sgArn = (region: string, id: string) => `arn:aws:ec2:${region}:${acct}:security-group/${id}`;
  // Built once, not per DescribeSecurityGroups call (calls are many, filters rare).
  const groupFilters: Record<string, (g: SecurityGroup) => string[]> = {
    'group-id': (g) => [g.groupId], 'group-name': (g) => [g.groupName], 'vpc-id': (g) => [g.vpcId], 'description': (g) => [g.description],
  };
  return [
    {
      def: apiDef('ec2:CreateSecurityGroup', { readOnly: false, resourceTypes: ['AWS::EC2::SecurityGroup'], summaryKo: '보안 그룹을 만듭니다.' }),
      authz: (_p, ctx) => ({ resource: sgArn(ctx.region, '*') }),
      requestParameters: (p) => {
        const out: JsonObject = { groupName: str(p, 'GroupName') ?? '', groupDescription: str(p, 'Description') ?? '' };
        if (str(p, 'VpcId')) out['vpcId'] = str(p, 'VpcId') ?? '';
        const tags = tagSpecRecord(p['TagSpecifications']);
        if (tags) out['tagSpecificationSet'] = tags;
        return out;
      },
      handler: (p, ctx) => {
        const name = need(p, 'GroupName');
        const description = need(p, 'Description');
        const vpc = str(p, 'VpcId') ? m.vpc(ctx.region, str(p, 'VpcId') ?? '') : m.defaultVpc(ctx.region);
        if (!vpc) throw new AwsError('VPCIdNotSpecified', 'No default VPC for this user');
        if (name.toLowerCase().startsWith('sg-')) throw new AwsError('InvalidParameterValue', "Value (sg-...) for parameter GroupName is invalid. Group names may not be in the format sg-*.");
        const s = m.region(ctx.region);
        if (s.groups.some((g) => g.vpcId === vpc.vpcId && g.groupName === name)) {
          throw new AwsError('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpc.vpcId}'`);
        }
        const g: SecurityGroup = {
          groupId: ec2Id(d.random, 'sg'), groupName: name, description, vpcId: vpc.vpcId, ingress: [],
          egress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], tags: tagsFor(p['TagSpecifications'], 'security-group'),
        };
        s.groups.push(g);
        return {
          response: { GroupId: g.groupId, SecurityGroupArn: sgArn(ctx.region, g.groupId) },
          responseElements: { requestId: ctx.requestId, _return: true, groupId: g.groupId, securityGroupArn: sgArn(ctx.region, g.groupId) },
        };
      },
    },
    {
      def: apiDef('ec2:DescribeSecurityGroups', { readOnly: true, summaryKo: '보안 그룹 목록을 조회합니다.' }),
      requestParameters: (p) => describeParams(p, 'GroupIds', 'securityGroupIdSet', 'groupId'),
      handler: (p, ctx) => {
        const ids = idList(p, 'GroupIds');
        for (const id of ids) m.group(ctx.region, id);
        const all = m.region(ctx.region).groups;
        const list = applyFilters(ids.length ? all.filter((g) => ids.includes(g.groupId)) : all, p['Filters'], groupFilters);
        return { response: { SecurityGroups: list.map((g) => groupWire(g, acct, ctx.region)) } };
      },
    },
    {
      def: apiDef('ec2:AuthorizeSecurityGroupIngress', { readOnly: false, resourceTypes: ['AWS::EC2::SecurityGroup'], summaryKo: '보안 그룹에 인바운드 규칙을 추가합니다.' }),
      authz: (p, ctx) => ({ resource: sgArn(ctx.region, str(p, 'GroupId') ?? '*') }),
      requestParameters: (p) => ({ groupId: str(p, 'GroupId') ?? '', ipPermissions: permissionRecord(permissions(p['IpPermissions'])) }),
      handler: (p, ctx) => {
        const g = m.group(ctx.region, need(p, 'GroupId'));
        const add = permissions(p['IpPermissions']);
        if (!add.length) throw new AwsError('MissingParameter', 'The request must contain the parameter ipPermissions');
        const rules: JsonObject[] = [];
        for (const perm of add) {
          for (const r of perm.IpRanges) {
            const dup = g.ingress.some((x) => x.IpProtocol === perm.IpProtocol && x.FromPort === perm.FromPort && x.ToPort === perm.ToPort && x.IpRanges.some((y) => y.CidrIp === r.CidrIp));
            if (dup) {
              throw new AwsError('InvalidPermission.Duplicate', `the specified rule "peer: ${r.CidrIp}, ${proto(perm.IpProtocol)}, from port: ${perm.FromPort ?? -1}, to port: ${perm.ToPort ?? -1}, ALLOW" already exists`);
            }
          }
          g.ingress.push(perm);
          for (const r of perm.IpRanges) {
            rules.push({ SecurityGroupRuleId: ec2Id(d.random, 'sgr'), GroupId: g.groupId, GroupOwnerId: acct, IsEgress: false, IpProtocol: perm.IpProtocol, FromPort: perm.FromPort ?? -1, ToPort: perm.ToPort ?? -1, CidrIpv4: r.CidrIp });
          }
        }
        return {
          response: { Return: true, SecurityGroupRules: rules },
          responseElements: {
            requestId: ctx.requestId, _return: true,
            securityGroupRuleSet: { items: rules.map((r) => ({ groupOwnerId: acct, groupId: g.groupId, securityGroupRuleId: r['SecurityGroupRuleId'] ?? '', isEgress: false, ipProtocol: r['IpProtocol'] ?? '', fromPort: r['FromPort'] ?? -1, toPort: r['ToPort'] ?? -1, cidrIpv4: r['CidrIpv4'] ?? '' })) },
          },
        };
      },
    },
    {
      def: apiDef('ec2:DeleteSecurityGroup', { readOnly: false, resourceTypes: ['AWS::EC2::SecurityGroup'], summaryKo: '보안 그룹을 삭제합니다.' }),
      authz: (p, ctx) => ({ resource: sgArn(ctx.region, str(p, 'GroupId') ?? '*') }),
      requestParameters: (p) => ({ groupId: str(p, 'GroupId') ?? '' }),
      handler: (p, ctx) => {
        const g = m.group(ctx.region, need(p, 'GroupId'));
        if (g.groupName === 'default') throw new AwsError('CannotDelete', `the specified group: "${g.groupId}" name: "default" cannot be deleted by a user`);
        m.settle(ctx.region, d.clock.now());
        const s = m.region(ctx.region);
        if (s.instances.some((i) => i.state !== 'terminated' && i.groupIds.includes(g.groupId))) {
          throw new AwsError('DependencyViolation', `resource ${g.groupId} has a dependent object`);
        }
        s.groups = s.groups.filter((x) => x !== g);
        return { response: {}, responseElements: { requestId: ctx.requestId, _return: true, groupId: g.groupId } };
      },
    },
  ];
}
