// Existing resources for "pick from existing" fields and the identity switcher, read through sim:Inspect.
import type { SimClient } from './sim-client';
import type { PickSource } from './param-specs';

export type Choice = { value: string; label: string };
export type PickLists = Record<PickSource, Choice[]>;

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** One read per source; a source that fails (a service still being built) is just empty. */
export async function loadPickLists(client: SimClient, region: string): Promise<PickLists> {
  const read = async (action: string, params: Obj = {}): Promise<Obj> => {
    try {
      const r = await client.request({ kind: 'inspect', action, params: params as Record<string, unknown>, region });
      return r.ok && r.response ? (r.response as Obj) : {};
    } catch {
      return {};
    }
  };
  const [users, roles, policies, buckets, vpcs, subnets, trails, functions, topics, logGroups, rules, instances, groups] = await Promise.all([
    read('iam:ListUsers'), read('iam:ListRoles'), read('iam:ListPolicies'), read('s3:ListBuckets'), read('ec2:DescribeVpcs'), read('ec2:DescribeSubnets'),
    read('cloudtrail:DescribeTrails'), read('lambda:ListFunctions'), read('sns:ListTopics'), read('logs:DescribeLogGroups'), read('events:ListRules'),
    read('ec2:DescribeInstances'), read('ec2:DescribeSecurityGroups'),
  ]);
  const s = (o: Obj, k: string) => String(o[k] ?? '');
  return {
    users: arr(users['Users']).map((u) => ({ value: s(u, 'UserName'), label: s(u, 'UserName') })),
    roles: arr(roles['Roles']).map((r) => ({ value: s(r, 'RoleName'), label: s(r, 'RoleName') })),
    roleArns: arr(roles['Roles']).map((r) => ({ value: s(r, 'Arn'), label: s(r, 'RoleName') })),
    policies: arr(policies['Policies']).map((p) => ({ value: s(p, 'Arn'), label: s(p, 'PolicyName') })),
    buckets: arr(buckets['Buckets']).map((b) => ({ value: s(b, 'Name'), label: s(b, 'Name') })),
    vpcs: arr(vpcs['Vpcs']).map((v) => ({ value: s(v, 'VpcId'), label: `${s(v, 'VpcId')} (${s(v, 'CidrBlock')}${v['IsDefault'] ? ', 기본' : ''})` })),
    subnets: arr(subnets['Subnets']).map((n) => ({ value: s(n, 'SubnetId'), label: `${s(n, 'SubnetId')} (${s(n, 'CidrBlock')}, ${s(n, 'AvailabilityZone')})` })),
    trails: arr(trails['trailList']).map((t) => ({ value: s(t, 'Name'), label: `${s(t, 'Name')} (${s(t, 'HomeRegion')})` })),
    functions: arr(functions['Functions']).map((f) => ({ value: s(f, 'FunctionName'), label: s(f, 'FunctionName') })),
    topics: arr(topics['Topics']).map((t) => ({ value: s(t, 'TopicArn'), label: s(t, 'TopicArn').split(':').pop() ?? '' })),
    logGroups: arr(logGroups['logGroups']).map((g) => ({ value: s(g, 'logGroupName'), label: s(g, 'logGroupName') })),
    rules: arr(rules['Rules']).map((r) => ({ value: s(r, 'Name'), label: s(r, 'Name') })),
    instances: arr(instances['Reservations']).flatMap((r) => arr(r['Instances'])).map((i) => ({ value: s(i, 'InstanceId'), label: `${s(i, 'InstanceId')} (${s(arr([i['State']])[0] ?? {}, 'Name')})` })),
    securityGroups: arr(groups['SecurityGroups']).map((g) => ({ value: s(g, 'GroupId'), label: `${s(g, 'GroupId')} (${s(g, 'GroupName')})` })),
  };
}

export const EMPTY_PICKS: PickLists = {
  users: [], roles: [], roleArns: [], policies: [], buckets: [], vpcs: [], subnets: [], trails: [], functions: [], topics: [], logGroups: [], rules: [], instances: [], securityGroups: [],
};
