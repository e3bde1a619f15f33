import { AwsError, type JsonObject } from '../core/contract';
import { ec2Id } from '../core/ids';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { formatIp, parseCidr } from './cidr';
import { need } from './api-vpcs';
import { applyFilters, describeParams, idList } from './filters';
import { STATE_CODES, TRANSITION_MS, type Ec2Model, type Instance, type InstanceStateName } from './model';
import { instanceRecord, instanceWire, tagSpecRecord, tagsFor } from './shapes';

type Change = 'start' | 'stop' | 'terminate';
const TARGET: Record<Change, InstanceStateName> = { start: 'pending', stop: 'stopping', terminate: 'shutting-down' };

export function instanceActions(m: Ec2Model, d: ServiceDeps, detailed: (region: string, instanceId: string) => boolean = () => false): ActionSpec[] {
  const acct = d.accountId;
  const arn = (region: string, id: string) => `arn:aws:ec2:${region}:${acct}:instance/${id}`;
  const names = (region: string) => Object.fromEntries(m.region(region).groups.map((g) => [g.groupId, g.groupName]));
  // Describe answers with the settled state: "pending"/"disabling" appear only in the answers of
  // MonitorInstances / UnmonitorInstances themselves.
  const monitoring = (region: string) => (i: Instance) => (detailed(region, i.instanceId) ? 'enabled' : 'disabled');
  const idsParam = (p: JsonObject) => ({ instancesSet: { items: idList(p, 'InstanceIds').map((instanceId) => ({ instanceId })) } });

  const change = (kind: Change, api: string, summaryKo: string): ActionSpec => ({
    def: apiDef(api, { readOnly: false, resourceTypes: ['AWS::EC2::Instance'], summaryKo }),
    authz: (p, ctx) => ({ resource: arn(ctx.region, idList(p, 'InstanceIds')[0] ?? '*') }),
    requestParameters: (p) => (kind === 'stop' ? { ...idsParam(p), force: p['Force'] === true } : idsParam(p)),
    handler: (p, ctx) => {
      m.settle(ctx.region, d.clock.now());
      const ids = idList(p, 'InstanceIds');
      if (!ids.length) throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceId');
      const list = ids.map((id) => m.instance(ctx.region, id));
      for (const i of list) {
        const bad = kind === 'start' ? !['stopped', 'pending', 'running'].includes(i.state) : kind === 'stop' ? ['terminated', 'shutting-down'].includes(i.state) : false;
        if (bad) {
          const verb = kind === 'start' ? 'started' : 'stopped';
          throw new AwsError('IncorrectInstanceState', `The instance '${i.instanceId}' is not in a state from which it can be ${verb}.`);
        }
      }
      const changes = list.map((i) => {
        const previous = i.state;
        const settled = (kind === 'start' && previous !== 'stopped') || (kind === 'stop' && (previous === 'stopped' || previous === 'stopping')) || (kind === 'terminate' && (previous === 'terminated' || previous === 'shutting-down'));
        if (!settled) {
          i.state = TARGET[kind];
          i.settlesAt = d.clock.now() + (TRANSITION_MS[i.state]?.ms ?? 0);
        }
        return { id: i.instanceId, previous, current: i.state };
      });
      const wireKey = kind === 'terminate' ? 'TerminatingInstances' : kind === 'start' ? 'StartingInstances' : 'StoppingInstances';
      return {
        response: { [wireKey]: changes.map((c) => ({ InstanceId: c.id, CurrentState: { Code: STATE_CODES[c.current], Name: c.current }, PreviousState: { Code: STATE_CODES[c.previous], Name: c.previous } })) },
        responseElements: {
          requestId: ctx.requestId,
          instancesSet: { items: changes.map((c) => ({ instanceId: c.id, currentState: { code: STATE_CODES[c.current], name: c.current }, previousState: { code: STATE_CODES[c.previous], name: c.previous } })) },
        },
      };
    },
  });

  return [
    {
      def: apiDef('ec2:RunInstances', { readOnly: false, resourceTypes: ['AWS::EC2::Instance'], summaryKo: 'EC2 인스턴스를 시작(생성)합니다.' }),
      authz: (_p, ctx) => ({ resource: arn(ctx.region, '*') }),
      requestParameters: (p) => {
        const out: JsonObject = {
          instancesSet: { items: [{ imageId: str(p, 'ImageId') ?? '', minCount: Number(p['MinCount'] ?? 1), maxCount: Number(p['MaxCount'] ?? 1) }] },
          instanceType: str(p, 'InstanceType') ?? 'm1.small', blockDeviceMapping: {}, monitoring: { enabled: false }, disableApiTermination: false, disableApiStop: false,
        };
        if (str(p, 'SubnetId')) out['subnetId'] = str(p, 'SubnetId') ?? '';
        const groups = idList(p, 'SecurityGroupIds');
        if (groups.length) out['groupSet'] = { items: groups.map((groupId) => ({ groupId })) };
        const tags = tagSpecRecord(p['TagSpecifications']);
        if (tags) out['tagSpecificationSet'] = tags;
        return out;
      },
      handler: (p, ctx) => {
        const imageId = need(p, 'ImageId');
        if (!/^ami-[0-9a-f]{8}([0-9a-f]{9})?$/.test(imageId)) throw new AwsError('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
        const min = Number(p['MinCount'] ?? 1);
        const max = Number(p['MaxCount'] ?? 1);
        if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) throw new AwsError('InvalidParameterValue', 'Invalid value for MinCount or MaxCount');
        const subnet = str(p, 'SubnetId') ? m.subnet(ctx.region, str(p, 'SubnetId') ?? '') : undefined;
        const vpc = subnet ? m.vpc(ctx.region, subnet.vpcId) : m.defaultVpc(ctx.region);
        if (!vpc) throw new AwsError('VPCIdNotSpecified', 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.');
        const s = m.region(ctx.region);
        const sub = subnet ?? s.subnets.find((x) => x.vpcId === vpc.vpcId && x.defaultForAz);
        if (!sub) throw new AwsError('MissingInput', 'No subnets found for the default VPC. Use CreateDefaultSubnet to create a default subnet.');
        const groupIds = idList(p, 'SecurityGroupIds');
        for (const g of groupIds) if (m.group(ctx.region, g).vpcId !== vpc.vpcId) throw new AwsError('InvalidParameter', `Security group ${g} and subnet ${sub.subnetId} belong to different networks.`);
        const groups = groupIds.length ? groupIds : s.groups.filter((g) => g.vpcId === vpc.vpcId && g.groupName === 'default').map((g) => g.groupId);
        const cidr = parseCidr(sub.cidrBlock, 'cidrBlock');
        const reservationId = ec2Id(d.random, 'r');
        const type = str(p, 'InstanceType') ?? 'm1.small';
        const launched: Instance[] = [];
        for (let n = 0; n < max; n++) {
          const taken = new Set(s.instances.filter((i) => i.subnetId === sub.subnetId).map((i) => i.privateIpAddress));
          let ip = cidr.base + 4;
          while (taken.has(formatIp(ip))) ip++;
          const i: Instance = {
            instanceId: ec2Id(d.random, 'i'), imageId, instanceType: type, subnetId: sub.subnetId, vpcId: vpc.vpcId, availabilityZone: sub.availabilityZone,
            privateIpAddress: formatIp(ip), groupIds: groups, launchTime: d.clock.now(), amiLaunchIndex: n, reservationId,
            state: 'pending', settlesAt: d.clock.now() + (TRANSITION_MS.pending?.ms ?? 0), forgetAt: null, tags: tagsFor(p['TagSpecifications'], 'instance'),
          };
          s.instances.push(i);
          launched.push(i);
        }
        const gn = names(ctx.region);
        return {
          response: { ReservationId: reservationId, OwnerId: acct, Groups: [], Instances: launched.map((i) => instanceWire(i, ctx.region, gn)) },
          responseElements: { requestId: ctx.requestId, reservationId, ownerId: acct, groupSet: {}, instancesSet: { items: launched.map((i) => instanceRecord(i, ctx.region, gn)) } },
        };
      },
    },
    {
      def: apiDef('ec2:DescribeInstances', { readOnly: true, summaryKo: 'EC2 인스턴스 목록과 상태를 조회합니다.' }),
      requestParameters: (p) => describeParams(p, 'InstanceIds', 'instancesSet', 'instanceId'),
      handler: (p, ctx) => {
        m.settle(ctx.region, d.clock.now());
        const ids = idList(p, 'InstanceIds');
        for (const id of ids) m.instance(ctx.region, id);
        const all = m.region(ctx.region).instances;
        // The table reads the Region (monitoring-state): made only when the call sends Filters.
        const list = applyFilters(ids.length ? all.filter((i) => ids.includes(i.instanceId)) : all, p['Filters'], () => ({
          'instance-id': (i) => [i.instanceId], 'instance-state-name': (i) => [i.state], 'instance-type': (i) => [i.instanceType],
          'vpc-id': (i) => [i.vpcId], 'subnet-id': (i) => [i.subnetId], 'image-id': (i) => [i.imageId], 'availability-zone': (i) => [i.availabilityZone],
          'tag:Name': (i) => i.tags.filter((t) => t.Key === 'Name').map((t) => t.Value),
          'monitoring-state': (i) => [monitoring(ctx.region)(i)],
        }));
        if (list.length === 0) return { response: { Reservations: [] } };
        const gn = names(ctx.region);
        const byReservation = new Map<string, Instance[]>();
        for (const i of list) {
          const xs = byReservation.get(i.reservationId);
          if (xs) xs.push(i);
          else byReservation.set(i.reservationId, [i]);
        }
        return {
          response: {
            Reservations: [...byReservation.entries()].map(([rid, xs]) => ({ ReservationId: rid, OwnerId: acct, Groups: [], Instances: xs.map((i) => instanceWire(i, ctx.region, gn, monitoring(ctx.region)(i))) })),
          },
        };
      },
    },
    change('start', 'ec2:StartInstances', '중지된 인스턴스를 시작합니다.'),
    change('stop', 'ec2:StopInstances', '인스턴스를 중지합니다.'),
    change('terminate', 'ec2:TerminateInstances', '인스턴스를 종료(삭제)합니다.'),
    {
      def: apiDef('ec2:RebootInstances', { readOnly: false, resourceTypes: ['AWS::EC2::Instance'], summaryKo: '인스턴스를 재부팅합니다.' }),
      authz: (p, ctx) => ({ resource: arn(ctx.region, idList(p, 'InstanceIds')[0] ?? '*') }),
      requestParameters: idsParam,
      handler: (p, ctx) => {
        m.settle(ctx.region, d.clock.now());
        for (const id of idList(p, 'InstanceIds')) {
          const i = m.instance(ctx.region, id);
          if (i.state === 'terminated') throw new AwsError('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be rebooted.`);
        }
        return { response: {}, responseElements: { requestId: ctx.requestId, _return: true } };
      },
    },
  ];
}
