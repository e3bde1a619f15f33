import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { addWidget, expandMetricRows, metricWidget, parseDashboard, relativeStartMs, textWidget } from '../../../renderer/src/areas/simulator/dashboard-widgets';
import { mergeSeries } from '../../../renderer/src/areas/simulator/chart-lines';

const ROOT = { as: 'root', region: 'us-east-1', via: 'console' as const };
const START = Date.parse('2026-11-23T00:00:00Z');

describe('dashboard bodies', () => {
  it('reads the documented example: a metric widget and a text widget on the 24-column grid', () => {
    const body = JSON.stringify({
      start: '-PT6H',
      periodOverride: 'inherit',
      widgets: [
        { type: 'text', x: 0, y: 7, width: 3, height: 3, properties: { markdown: 'Hello world' } },
        { type: 'metric', x: 0, y: 0, width: 12, height: 6, properties: { metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-012345']], period: 300, stat: 'Average', region: 'us-east-1', title: 'EC2 Instance CPU' } },
      ],
    });
    const { widgets, startIso } = parseDashboard(body);
    expect(startIso).toBe('-PT6H');
    expect(relativeStartMs(startIso)).toBe(6 * 3600_000);
    expect(widgets.map((w) => w.type)).toEqual(['metric', 'text']);
    expect(widgets[0]).toMatchObject({ title: 'EC2 Instance CPU', region: 'us-east-1', lines: [{ metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: 'i-012345' }] }, stat: 'Average', period: 300 }] });
    expect(widgets[1]).toMatchObject({ x: 0, y: 7, width: 3, height: 3, markdown: 'Hello world' });
  });

  it('resolves "." from the row above and keeps per-metric options', () => {
    const rows = expandMetricRows([
      ['AWS/Lambda', 'Errors', 'FunctionName', 'a'],
      ['.', '.', '.', 'b', { stat: 'Sum', label: 'b errors' }],
      ['...', 'c'],
    ]);
    expect(rows.map((r) => r.parts)).toEqual([
      ['AWS/Lambda', 'Errors', 'FunctionName', 'a'],
      ['AWS/Lambda', 'Errors', 'FunctionName', 'b'],
      ['AWS/Lambda', 'Errors', 'FunctionName', 'c'],
    ]);
    expect(rows[1]!.options).toEqual({ stat: 'Sum', label: 'b errors' });
    expect(relativeStartMs('-P7D')).toBe(7 * 86_400_000);
    expect(relativeStartMs('-PT30M')).toBe(1_800_000);
    expect(relativeStartMs('2026-11-01T00:00:00Z')).toBeUndefined();
  });

  it('builds a body the simulator\'s PutDashboard accepts, and its widget draws GetMetricData results', () => {
    const a = new Account({ seed: 1, startMs: START });
    const ok = (r: ReturnType<Account['call']>) => {
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.response;
    };
    ok(a.call('cloudwatch:PutMetricData', { Namespace: 'Study/App', MetricData: [{ MetricName: 'Errors', Value: 2 }] }, ROOT));
    a.advance(120_000);
    const metric = { Namespace: 'Study/App', MetricName: 'Errors', Dimensions: [] };
    let body = addWidget({ widgets: [] }, textWidget('# 학습'));
    body = addWidget(body, metricWidget(metric, 'Sum', 60, 'us-east-1', 'Errors Sum'));
    expect((body['widgets'] as { y: number }[]).map((w) => w.y)).toEqual([0, 2]);
    ok(a.call('cloudwatch:PutDashboard', { DashboardName: 'study', DashboardBody: JSON.stringify(body) }, ROOT));
    const got = ok(a.call('cloudwatch:GetDashboard', { DashboardName: 'study' }, ROOT));
    const [, w] = parseDashboard(String(got['DashboardBody'])).widgets;
    expect(w).toMatchObject({ type: 'metric', y: 2, title: 'Errors Sum' });
    // An invalid body is refused with the service's message.
    const bad = a.call('cloudwatch:PutDashboard', { DashboardName: 'study', DashboardBody: JSON.stringify({ widgets: [{ type: 'metric', properties: { metrics: [['Study/App']] } }] }) }, ROOT);
    expect(bad.ok).toBe(false);
    expect(mergeSeries([{ label: 'a', points: [{ t: 2, v: 1 }, { t: 1, v: 3 }] }, { label: 'b', points: [{ t: 2, v: 5 }] }])).toEqual([{ t: 1, s0: 3 }, { t: 2, s0: 1, s1: 5 }]);
  });
});
