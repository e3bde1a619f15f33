import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

describe('CloudWatch metrics API', () => {
  it('PutMetricData keeps each datum; ListMetrics lists each dimension set once; AWS/ namespaces are refused', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const r = acct.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Orders', Value: 3, Unit: 'Count', Dimensions: [{ Name: 'Page', Value: 'cart' }] }, { MetricName: 'Orders', Value: 1, Unit: 'Count' }] }, c);
    ok(r);
    expect(onlyRecord(r).eventSource).toBe('monitoring.amazonaws.com');
    ok(acct.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Orders', Value: 2, Dimensions: [{ Name: 'Page', Value: 'cart' }] }] }, c));
    const metrics = ok(acct.call('cloudwatch:ListMetrics', { Namespace: 'Shop' }, c))['Metrics'];
    expect(metrics).toEqual([
      { Namespace: 'Shop', MetricName: 'Orders', Dimensions: [] },
      { Namespace: 'Shop', MetricName: 'Orders', Dimensions: [{ Name: 'Page', Value: 'cart' }] },
    ]);
    const aws = acct.call('cloudwatch:PutMetricData', { Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'CPUUtilization', Value: 1 }] }, c);
    expect(aws.ok ? '' : aws.error).toEqual({ code: 'InvalidParameterValue', message: 'The value AWS/EC2 for parameter Namespace is invalid.' });
    acct.advance('P15D');
    expect(ok(acct.call('cloudwatch:ListMetrics', {}, c))['Metrics']).toEqual([]);
    expect(ok(acct.call('cloudwatch:DescribeAlarms', {}, c))).toEqual({ MetricAlarms: [], CompositeAlarms: [] });
  });
});
