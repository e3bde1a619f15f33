import { AwsError, type Json } from '../core/contract';

export type Tag = { Key: string; Value: string };
export interface Vpc { vpcId: string; cidrBlock: string; isDefault: boolean; dhcpOptionsId: string; cidrAssociationId: string; tags: Tag[] }
export interface Subnet { subnetId: string; vpcId: string; cidrBlock: string; availabilityZone: string; defaultForAz: boolean; mapPublicIpOnLaunch: boolean; tags: Tag[] }
export interface Permission { IpProtocol: string; FromPort?: number; ToPort?: number; IpRanges: { CidrIp: string }[] }
export interface SecurityGroup { groupId: string; groupName: string; description: string; vpcId: string; ingress: Permission[]; egress: Permission[]; tags: Tag[] }
/** EC2's instance state codes. */
export const STATE_CODES = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 } as const;
export type InstanceStateName = keyof typeof STATE_CODES;
export interface Instance {
  instanceId: string; imageId: string; instanceType: string; subnetId: string; vpcId: string; availabilityZone: string;
  privateIpAddress: string; groupIds: string[]; launchTime: number; amiLaunchIndex: number; reservationId: string;
  state: InstanceStateName; /** When the current transitional state settles (ms), or null. */ settlesAt: number | null;
  /** When a terminated instance stops being listed. */ forgetAt: number | null; tags: Tag[];
}
export interface RegionState { vpcs: Vpc[]; subnets: Subnet[]; groups: SecurityGroup[]; instances: Instance[]; dhcpOptionsId: string }

/** Seconds EC2 takes for each transition in the simulation (AWS gives no fixed figure; these are typical). */
export const TRANSITION_MS: Partial<Record<InstanceStateName, { next: InstanceStateName; ms: number }>> = {
  pending: { next: 'running', ms: 30_000 },
  stopping: { next: 'stopped', ms: 60_000 },
  'shutting-down': { next: 'terminated', ms: 60_000 },
};
/** Terminated instances stay visible for about an hour (EC2 user guide, "Terminated instances"). */
export const TERMINATED_VISIBLE_MS = 3_600_000;

export class Ec2Model {
  regions: Record<string, RegionState> = {};

  region(r: string): RegionState {
    const s = this.regions[r];
    if (!s) throw new Error(`ec2: unknown region ${r}`);
    return s;
  }

  /** Lets instance transitions that are due by `now` happen. */
  settle(region: string, now: number): void {
    const s = this.region(region);
    for (const i of s.instances) {
      while (i.settlesAt !== null && i.settlesAt <= now) {
        const t = TRANSITION_MS[i.state];
        const at = i.settlesAt;
        i.state = t ? t.next : i.state;
        const next = TRANSITION_MS[i.state];
        i.settlesAt = next ? at + next.ms : null;
        if (i.state === 'terminated') i.forgetAt = at + TERMINATED_VISIBLE_MS;
      }
    }
    s.instances = s.instances.filter((i) => i.forgetAt === null || i.forgetAt > now);
  }

  vpc(region: string, id: string): Vpc {
    const v = this.region(region).vpcs.find((x) => x.vpcId === id);
    if (!v) throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
    return v;
  }
  subnet(region: string, id: string): Subnet {
    const v = this.region(region).subnets.find((x) => x.subnetId === id);
    if (!v) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
    return v;
  }
  group(region: string, id: string): SecurityGroup {
    const g = this.region(region).groups.find((x) => x.groupId === id);
    if (!g) throw new AwsError('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
    return g;
  }
  instance(region: string, id: string): Instance {
    if (!/^i-[0-9a-f]{8}([0-9a-f]{9})?$/.test(id)) throw new AwsError('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
    const i = this.region(region).instances.find((x) => x.instanceId === id);
    if (!i) throw new AwsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    return i;
  }
  defaultVpc(region: string): Vpc | undefined {
    return this.region(region).vpcs.find((v) => v.isDefault);
  }

  snapshot(): Json {
    return JSON.parse(JSON.stringify(this.regions)) as Json;
  }
  restore(s: Json): void {
    this.regions = JSON.parse(JSON.stringify(s)) as Record<string, RegionState>;
  }
}

/** Availability Zones per Region (names and zone ids as AWS lists them). */
export function zonesOf(region: string): { name: string; id: string }[] {
  const short: Record<string, string> = { 'us-east-1': 'use1', 'us-east-2': 'use2', 'us-west-2': 'usw2', 'ap-northeast-2': 'apne2', 'eu-west-1': 'euw1' };
  const letters: Record<string, string> = { 'us-east-1': 'abcdef', 'us-east-2': 'abc', 'us-west-2': 'abcd', 'ap-northeast-2': 'abcd', 'eu-west-1': 'abc' };
  const code = short[region] ?? region.replace(/-/g, '');
  return [...(letters[region] ?? 'abc')].map((l, i) => ({ name: `${region}${l}`, id: `${code}-az${i + 1}` }));
}
