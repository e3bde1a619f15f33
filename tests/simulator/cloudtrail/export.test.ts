import { describe, expect, it } from 'vitest';
import { eventsToCsv, eventsToJson } from '../../../simulator/cloudtrail/index';
import type { JsonObject } from '../../../simulator/core/contract';
import { call, MGMT_DEF, record, world } from './helpers';

describe('event history download', () => {
  it('writes the console columns as CSV, quoting where needed, and JSON records', () => {
    const w = world();
    const r = record({
      eventName: 'RunInstances',
      errorCode: 'Client.UnauthorizedOperation',
      resources: [
        { type: 'AWS::EC2::Instance', ARN: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' },
        { type: 'AWS::EC2::Subnet', ARN: 'arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1' },
      ],
    });
    w.ct.ingest(r, MGMT_DEF);
    const events = call(w, 'LookupEvents', {})['Events'] as JsonObject[];
    const csv = eventsToCsv(events).trimEnd().split('\n');
    expect(csv[0]).toBe('Event ID,Event time,User name,Event name,Resource type,Resource name,AWS access key,AWS region,Error code,Source IP address,Read only,Event source');
    expect(csv[1]).toBe(
      `${r.eventID},2026-11-01T00:00:00Z,alice,RunInstances,"AWS::EC2::Instance, AWS::EC2::Subnet","i-1, subnet-1",AKIAEXAMPLE1,us-east-1,Client.UnauthorizedOperation,203.0.113.10,false,ec2.amazonaws.com`,
    );
    expect(JSON.parse(eventsToJson(events))).toEqual({ Records: [r] });
  });
});
