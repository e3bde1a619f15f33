import type { JsonObject } from '../core/contract';
import { isoMillis } from '../core/clock';
import { parseCidr, size } from './cidr';
import { STATE_CODES, zonesOf, type Instance, type SecurityGroup, type Subnet, type Tag, type Vpc } from './model';

// Two shapes of every EC2 object: the SDK's (PascalCase, what `call` answers) and the one CloudTrail writes
// (EC2's XML answer turned to JSON: camelCase members, lists as {"items": [...]}, empty lists as {}).

const tagSet = (tags: Tag[]): JsonObject => (tags.length ? { items: tags.map((t) => ({ key: t.Key, value: t.Value })) } : {});
const items = (xs: JsonObject[]): JsonObject => (xs.length ? { items: xs } : {});

// The SDK shapes below are literals without spread members: a spread builds its object on V8's slow path, and
// Describe calls write one of these for every resource (and every security group rule) they list.

/** `o` with the resource's Tags as its last member when it has any (the SDK leaves an empty list out). */
function withTags(o: JsonObject, tags: Tag[]): JsonObject {
  if (tags.length) o['Tags'] = tags;
  return o;
}

export function vpcWire(v: Vpc, owner: string, state: 'pending' | 'available'): JsonObject {
  return withTags({
    CidrBlock: v.cidrBlock, DhcpOptionsId: v.dhcpOptionsId, State: state, VpcId: v.vpcId, OwnerId: owner, InstanceTenancy: 'default',
    CidrBlockAssociationSet: [{ AssociationId: v.cidrAssociationId, CidrBlock: v.cidrBlock, CidrBlockState: { State: 'associated' } }],
    IsDefault: v.isDefault,
  }, v.tags);
}
export function vpcRecord(v: Vpc, owner: string): JsonObject {
  return {
    vpcId: v.vpcId, state: 'pending', ownerId: owner, cidrBlock: v.cidrBlock,
    cidrBlockAssociationSet: { items: [{ cidrBlock: v.cidrBlock, associationId: v.cidrAssociationId, cidrBlockState: { state: 'associated' } }] },
    ipv6CidrBlockAssociationSet: {}, dhcpOptionsId: v.dhcpOptionsId, instanceTenancy: 'default', tagSet: tagSet(v.tags), isDefault: v.isDefault,
  };
}

function zoneId(s: Subnet): string {
  const region = s.availabilityZone.slice(0, -1);
  return zonesOf(region).find((z) => z.name === s.availabilityZone)?.id ?? '';
}
function freeIps(s: Subnet, used: number): number {
  return size(parseCidr(s.cidrBlock, 'cidrBlock')) - 5 - used;
}
export function subnetArn(s: Subnet, owner: string): string {
  return `arn:aws:ec2:${s.availabilityZone.slice(0, -1)}:${owner}:subnet/${s.subnetId}`;
}
export function subnetWire(s: Subnet, owner: string, used: number, state: 'pending' | 'available'): JsonObject {
  return withTags({
    AvailabilityZone: s.availabilityZone, AvailabilityZoneId: zoneId(s), AvailableIpAddressCount: freeIps(s, used), CidrBlock: s.cidrBlock,
    DefaultForAz: s.defaultForAz, MapPublicIpOnLaunch: s.mapPublicIpOnLaunch, State: state, SubnetId: s.subnetId, VpcId: s.vpcId, OwnerId: owner,
    AssignIpv6AddressOnCreation: false, Ipv6CidrBlockAssociationSet: [], SubnetArn: subnetArn(s, owner),
  }, s.tags);
}
export function subnetRecord(s: Subnet, owner: string): JsonObject {
  return {
    subnetId: s.subnetId, subnetArn: subnetArn(s, owner), state: 'pending', vpcId: s.vpcId, ownerId: owner, cidrBlock: s.cidrBlock,
    ipv6CidrBlockAssociationSet: {}, availableIpAddressCount: freeIps(s, 0), availabilityZone: s.availabilityZone, availabilityZoneId: zoneId(s),
    defaultForAz: s.defaultForAz, mapPublicIpOnLaunch: s.mapPublicIpOnLaunch, assignIpv6AddressOnCreation: false, tagSet: tagSet(s.tags),
  };
}

function permWire(p: SecurityGroup['ingress'][number]): JsonObject {
  if (p.FromPort === undefined) return { IpProtocol: p.IpProtocol, IpRanges: p.IpRanges, Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
  return { IpProtocol: p.IpProtocol, FromPort: p.FromPort, ToPort: p.ToPort ?? p.FromPort, IpRanges: p.IpRanges, Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
}
export function groupWire(g: SecurityGroup, owner: string, region: string): JsonObject {
  return withTags({
    Description: g.description, GroupName: g.groupName, IpPermissions: g.ingress.map(permWire), OwnerId: owner, GroupId: g.groupId,
    IpPermissionsEgress: g.egress.map(permWire), VpcId: g.vpcId, SecurityGroupArn: `arn:aws:ec2:${region}:${owner}:security-group/${g.groupId}`,
  }, g.tags);
}

function ipName(i: Instance, region: string): string {
  const dns = region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
  return `ip-${i.privateIpAddress.replace(/\./g, '-')}.${dns}`;
}
export function instanceWire(i: Instance, region: string, groupNames: Record<string, string>, monitoring: 'enabled' | 'disabled' = 'disabled'): JsonObject {
  return withTags({
    AmiLaunchIndex: i.amiLaunchIndex, ImageId: i.imageId, InstanceId: i.instanceId, InstanceType: i.instanceType, LaunchTime: isoMillis(i.launchTime),
    Monitoring: { State: monitoring }, Placement: { AvailabilityZone: i.availabilityZone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: i.state === 'terminated' ? '' : ipName(i, region), PrivateIpAddress: i.state === 'terminated' ? undefined : i.privateIpAddress,
    State: { Code: STATE_CODES[i.state], Name: i.state }, SubnetId: i.state === 'terminated' ? undefined : i.subnetId, VpcId: i.state === 'terminated' ? undefined : i.vpcId,
    Architecture: 'x86_64', RootDeviceName: '/dev/xvda', RootDeviceType: 'ebs', VirtualizationType: 'hvm', Hypervisor: 'xen',
    SecurityGroups: i.groupIds.map((g) => ({ GroupId: g, GroupName: groupNames[g] ?? '' })),
  } as JsonObject, i.tags);
}
export function instanceRecord(i: Instance, region: string, groupNames: Record<string, string>): JsonObject {
  return {
    instanceId: i.instanceId, imageId: i.imageId, currentInstanceBootMode: 'legacy-bios', instanceState: { code: 0, name: 'pending' },
    privateDnsName: ipName(i, region), amiLaunchIndex: i.amiLaunchIndex, productCodes: {}, instanceType: i.instanceType, launchTime: i.launchTime,
    placement: { availabilityZone: i.availabilityZone, tenancy: 'default' }, monitoring: { state: 'disabled' }, subnetId: i.subnetId, vpcId: i.vpcId,
    privateIpAddress: i.privateIpAddress, stateReason: { code: 'pending', message: 'pending' }, architecture: 'x86_64', rootDeviceType: 'ebs',
    rootDeviceName: '/dev/xvda', blockDeviceMapping: {}, virtualizationType: 'hvm', hypervisor: 'xen', tagSet: tagSet(i.tags),
    groupSet: items(i.groupIds.map((g) => ({ groupId: g, groupName: groupNames[g] ?? '' }))), sourceDestCheck: true,
  };
}

/** Tags from TagSpecifications for one resource type. */
export function tagsFor(spec: unknown, resourceType: string): Tag[] {
  if (!Array.isArray(spec)) return [];
  const out: Tag[] = [];
  for (const s of spec as { ResourceType?: unknown; Tags?: unknown }[]) {
    if (s?.ResourceType !== resourceType || !Array.isArray(s.Tags)) continue;
    for (const t of s.Tags as { Key?: unknown; Value?: unknown }[]) if (typeof t.Key === 'string') out.push({ Key: t.Key, Value: typeof t.Value === 'string' ? t.Value : '' });
  }
  return out;
}
/** TagSpecifications as CloudTrail writes them in requestParameters. */
export function tagSpecRecord(spec: unknown): JsonObject | undefined {
  if (!Array.isArray(spec) || spec.length === 0) return undefined;
  return {
    items: (spec as { ResourceType?: string; Tags?: { Key: string; Value: string }[] }[]).map((s) => ({
      resourceType: s.ResourceType ?? '', tags: (s.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value })),
    })),
  };
}
