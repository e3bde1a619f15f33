// PutDashboard, GetDashboard, ListDashboards, DeleteDashboards. Dashboards are global to the account (their ARN
// has no Region); each call is a management event recorded where it was made.
import { AwsError, type JsonObject } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { requiredString, stringList } from './api-params';
import { validateDashboardBody } from './dashboard-body';
import type { CloudWatchModel } from './model';

/** "Up to 255 characters. Valid characters are A-Z, a-z, 0-9, '-', and '_'." */
const NAME = /^[A-Za-z0-9_-]{1,255}$/;

export function dashboardActions(m: CloudWatchModel, d: ServiceDeps): ActionSpec[] {
  const arn = (name: string) => `arn:aws:cloudwatch::${d.accountId}:dashboard/${name}`;
  const resources = (names: string[]) => names.map((n) => ({ accountId: d.accountId, type: 'AWS::CloudWatch::Dashboard', ARN: arn(n) }));
  const def = (api: string, readOnly: boolean, summaryKo: string) => apiDef(api, { readOnly, resourceTypes: ['AWS::CloudWatch::Dashboard'], summaryKo });
  const find = (name: string) => {
    const dash = m.dashboards.get(name);
    if (!dash) throw new AwsError('ResourceNotFound', `Dashboard ${name} does not exist`, 404);
    return dash;
  };
  return [
    {
      def: def('cloudwatch:PutDashboard', false, 'CloudWatch 대시보드를 만들거나 덮어씁니다.'),
      authz: (p) => ({ resource: arn(str(p, 'DashboardName') ?? '') }),
      resources: (p) => resources([str(p, 'DashboardName') ?? '']),
      handler: (p) => {
        const name = requiredString(p, 'DashboardName');
        if (!NAME.test(name)) throw new AwsError('InvalidParameterValue', 'The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).');
        const body = requiredString(p, 'DashboardBody');
        const v = validateDashboardBody(body);
        if (!v.ok) {
          const detail = v.messages.map((x) => `${x.DataPath || '/'}: ${x.Message}`).join('; ');
          throw new AwsError('InvalidParameterInput', `The field DashboardBody is invalid: ${detail}`);
        }
        m.dashboards.set(name, { name, body, lastModified: d.clock.now() });
        return { response: { DashboardValidationMessages: [] } };
      },
    },
    {
      def: def('cloudwatch:GetDashboard', true, 'CloudWatch 대시보드 본문(JSON)을 조회합니다.'),
      authz: (p) => ({ resource: arn(str(p, 'DashboardName') ?? '') }),
      handler: (p) => {
        const dash = find(requiredString(p, 'DashboardName'));
        return { response: { DashboardArn: arn(dash.name), DashboardBody: dash.body, DashboardName: dash.name } };
      },
    },
    {
      def: def('cloudwatch:ListDashboards', true, 'CloudWatch 대시보드 목록을 조회합니다.'),
      handler: (p) => {
        const prefix = str(p, 'DashboardNamePrefix') ?? '';
        const entries = [...m.dashboards.values()]
          .filter((x) => x.name.startsWith(prefix))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map((x) => ({ DashboardName: x.name, DashboardArn: arn(x.name), LastModified: new Date(x.lastModified).toISOString(), Size: new TextEncoder().encode(x.body).length }));
        // ListDashboards returns up to 1000 results a page.
        const offset = Number(str(p, 'NextToken') ?? '0') || 0;
        const out: JsonObject = { DashboardEntries: entries.slice(offset, offset + 1000) };
        if (offset + 1000 < entries.length) out['NextToken'] = String(offset + 1000);
        return { response: out };
      },
    },
    {
      def: def('cloudwatch:DeleteDashboards', false, 'CloudWatch 대시보드를 삭제합니다.'),
      resources: (p) => resources(stringList(p, 'DashboardNames') ?? []),
      handler: (p) => {
        const names = stringList(p, 'DashboardNames') ?? [];
        if (names.length === 0) throw new AwsError('MissingParameter', 'The parameter DashboardNames is required.');
        // All or nothing: a name that does not exist deletes none.
        for (const n of names) find(n);
        for (const n of names) m.dashboards.delete(n);
        return { response: {} };
      },
    },
  ];
}
