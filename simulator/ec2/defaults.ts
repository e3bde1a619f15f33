import { ec2Id } from '../core/ids';
import type { SeededRandom } from '../core/random';
import type { Ec2Model, SecurityGroup, Vpc } from './model';
import { zonesOf } from './model';

/** Every VPC gets a security group named "default" that allows all traffic from itself and all egress. */
export function defaultGroupFor(r: SeededRandom, vpcId: string): SecurityGroup {
  return {
    groupId: ec2Id(r, 'sg'), groupName: 'default', description: 'default VPC security group', vpcId,
    ingress: [{ IpProtocol: '-1', IpRanges: [] }], egress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], tags: [],
  };
}

/** The default VPC AWS builds: 172.31.0.0/16 with one /20 default subnet per Availability Zone. */
export function buildDefaultVpc(model: Ec2Model, region: string, r: SeededRandom): Vpc {
  const s = model.region(region);
  const vpc: Vpc = { vpcId: ec2Id(r, 'vpc'), cidrBlock: '172.31.0.0/16', isDefault: true, dhcpOptionsId: s.dhcpOptionsId, cidrAssociationId: ec2Id(r, 'vpc-cidr-assoc'), tags: [] };
  s.vpcs.push(vpc);
  s.groups.push(defaultGroupFor(r, vpc.vpcId));
  zonesOf(region).forEach((z, i) => {
    s.subnets.push({ subnetId: ec2Id(r, 'subnet'), vpcId: vpc.vpcId, cidrBlock: `172.31.${i * 16}.0/20`, availabilityZone: z.name, defaultForAz: true, mapPublicIpOnLaunch: true, tags: [] });
  });
  return vpc;
}

/** A new account: in every Region a DHCP option set and a default VPC, as AWS creates them. */
export function initialEc2(model: Ec2Model, regions: readonly string[], r: SeededRandom): void {
  for (const region of regions) {
    model.regions[region] = { vpcs: [], subnets: [], groups: [], instances: [], dhcpOptionsId: ec2Id(r, 'dopt') };
    buildDefaultVpc(model, region, r);
  }
}
