import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

const body = {
  widgets: [
    { type: 'metric', x: 0, y: 0, width: 12, height: 6, properties: { metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-0123456789abcdef0'], ['.', 'NetworkIn', '.', '.', { yAxis: 'right' }]], region: 'us-east-1', period: 300, stat: 'Average', title: 'Web' } },
    { type: 'text', x: 12, y: 0, width: 12, height: 6, properties: { markdown: '# 장애 대응\n알람이 울리면 런북을 보세요.' } },
  ],
};

describe('CloudWatch dashboards', () => {
  it('PutDashboard keeps the body; Get, List and Delete answer as CloudWatch does', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const put = acct.call('cloudwatch:PutDashboard', { DashboardName: 'web-ops', DashboardBody: JSON.stringify(body) }, c);
    expect(ok(put)).toEqual({ DashboardValidationMessages: [] });
    const rec = onlyRecord(put);
    expect([rec.eventName, rec.managementEvent, rec.readOnly]).toEqual(['PutDashboard', true, false]);
    expect(rec.resources).toEqual([{ accountId: '123456789012', type: 'AWS::CloudWatch::Dashboard', ARN: 'arn:aws:cloudwatch::123456789012:dashboard/web-ops' }]);
    const got = ok(acct.call('cloudwatch:GetDashboard', { DashboardName: 'web-ops' }, { ...c, region: 'ap-northeast-2' }));
    // Dashboards are global: the ARN names no Region and any Region's endpoint finds them.
    expect(got).toEqual({ DashboardArn: 'arn:aws:cloudwatch::123456789012:dashboard/web-ops', DashboardBody: JSON.stringify(body), DashboardName: 'web-ops' });
    acct.advance('PT1M');
    ok(acct.call('cloudwatch:PutDashboard', { DashboardName: 'db', DashboardBody: JSON.stringify({ widgets: [] }) }, c));
    const list = ok(acct.call('cloudwatch:ListDashboards', { DashboardNamePrefix: 'w' }, c));
    expect(list['DashboardEntries']).toEqual([{ DashboardName: 'web-ops', DashboardArn: 'arn:aws:cloudwatch::123456789012:dashboard/web-ops', LastModified: '2026-11-01T00:00:00.000Z', Size: new TextEncoder().encode(JSON.stringify(body)).length }]);
    const missing = acct.call('cloudwatch:DeleteDashboards', { DashboardNames: ['db', 'nope'] }, c);
    expect(missing.ok ? '' : missing.error.code).toBe('ResourceNotFound');
    ok(acct.call('cloudwatch:DeleteDashboards', { DashboardNames: ['db'] }, c));
    expect((ok(acct.call('cloudwatch:ListDashboards', {}, c))['DashboardEntries'] as unknown[]).length).toBe(1);
    const snap = acct.snapshot();
    expect(JSON.stringify(snap)).toContain('web-ops');
  });

  it('an invalid body is refused with what is wrong in it', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const put = (b: unknown, name = 'd') => {
      const r = acct.call('cloudwatch:PutDashboard', { DashboardName: name, DashboardBody: typeof b === 'string' ? b : JSON.stringify(b) }, c);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(put('{not json')).toBe('InvalidParameterInput: The field DashboardBody is invalid: /: The field DashboardBody must be a valid JSON object');
    expect(put({ widget: [] })).toBe("InvalidParameterInput: The field DashboardBody is invalid: /: Should have required property 'widgets'");
    expect(put({ widgets: [{ type: 'text', properties: {} }] })).toBe("InvalidParameterInput: The field DashboardBody is invalid: /widgets/0/properties: Should have required property 'markdown'");
    expect(put({ widgets: [{ type: 'metric', width: 30, properties: { metrics: [['AWS/EC2']], region: 'us-east-1' } }] })).toBe(
      'InvalidParameterInput: The field DashboardBody is invalid: /widgets/0/width: Should be <= 24; /widgets/0/properties/metrics/0: Should NOT have fewer than 2 items',
    );
    expect(put({ widgets: [] }, 'bad name')).toMatch(/^InvalidParameterValue/);
  });
});
