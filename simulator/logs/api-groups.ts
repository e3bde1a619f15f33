import { AwsError, type JsonObject } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { LogGroup, LogsModel } from './model';

export const need = (p: JsonObject, n: string) => {
  const v = p[n];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new AwsError('InvalidParameterException', `1 validation error detected: Value null at '${n}' failed to satisfy constraint: Member must not be null`);
};
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export function groupActions(m: LogsModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const groupArn = (region: string, name: string) => `arn:aws:logs:${region}:${acct}:log-group:${name}`;
  const wire = (region: string, g: LogGroup): JsonObject => ({
    logGroupName: g.logGroupName, creationTime: g.creationTime, ...(g.retentionInDays !== null ? { retentionInDays: g.retentionInDays } : {}),
    metricFilterCount: Object.keys(g.metricFilters).length, arn: `${groupArn(region, g.logGroupName)}:*`, storedBytes: m.storedBytes(g), logGroupClass: 'STANDARD', logGroupArn: groupArn(region, g.logGroupName),
  });
  return [
    {
      def: apiDef('logs:CreateLogGroup', { readOnly: false, resourceTypes: ['AWS::Logs::LogGroup'], summaryKo: 'CloudWatch Logs 로그 그룹을 만듭니다.' }),
      authz: (p, ctx) => ({ resource: `${groupArn(ctx.region, str(p, 'logGroupName') ?? '')}:*` }),
      handler: (p, ctx) => {
        const name = need(p, 'logGroupName');
        if (!GROUP_NAME.test(name)) {
          throw new AwsError('InvalidParameterException', `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
        }
        const groups = m.groups(ctx.region);
        if (groups[name]) throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
        groups[name] = m.newGroup(name, d.clock.now());
        return { response: {} };
      },
    },
    {
      def: apiDef('logs:DescribeLogGroups', { readOnly: true, summaryKo: '로그 그룹 목록을 조회합니다.' }),
      handler: (p, ctx) => {
        const prefix = str(p, 'logGroupNamePrefix') ?? '';
        const limit = typeof p['limit'] === 'number' ? p['limit'] : 50;
        const list = Object.values(m.groups(ctx.region)).filter((g) => g.logGroupName.startsWith(prefix)).sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1));
        const after = str(p, 'nextToken');
        const start = after ? list.findIndex((g) => g.logGroupName > after) : 0;
        const page = start < 0 ? [] : list.slice(start, start + limit);
        const more = start >= 0 && start + limit < list.length;
        return { response: { logGroups: page.map((g) => wire(ctx.region, g)), ...(more ? { nextToken: page.at(-1)?.logGroupName ?? '' } : {}) } };
      },
    },
    {
      def: apiDef('logs:DeleteLogGroup', { readOnly: false, resourceTypes: ['AWS::Logs::LogGroup'], summaryKo: '로그 그룹을 삭제합니다.' }),
      authz: (p, ctx) => ({ resource: `${groupArn(ctx.region, str(p, 'logGroupName') ?? '')}:*` }),
      handler: (p, ctx) => {
        const g = m.group(ctx.region, need(p, 'logGroupName'));
        delete m.groups(ctx.region)[g.logGroupName];
        return { response: {} };
      },
    },
    {
      def: apiDef('logs:PutRetentionPolicy', { readOnly: false, resourceTypes: ['AWS::Logs::LogGroup'], summaryKo: '로그 보존 기간을 설정합니다.' }),
      authz: (p, ctx) => ({ resource: `${groupArn(ctx.region, str(p, 'logGroupName') ?? '')}:*` }),
      handler: (p, ctx) => {
        const g = m.group(ctx.region, need(p, 'logGroupName'));
        const days = p['retentionInDays'];
        if (typeof days !== 'number' || !RETENTION.includes(days)) {
          throw new AwsError('InvalidParameterException', `1 validation error detected: Value '${String(days)}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION.join(', ')}]`);
        }
        g.retentionInDays = days;
        return { response: {} };
      },
    },
  ];
}
