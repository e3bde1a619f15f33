// The palette's service groups, in the order a learner meets them.
export const PALETTE_GROUPS: { label: string; prefixes: string[] }[] = [
  { label: '콘솔 로그인', prefixes: ['signin'] },
  { label: 'IAM', prefixes: ['iam', 'sts'] },
  { label: 'EC2/VPC', prefixes: ['ec2'] },
  { label: 'S3', prefixes: ['s3'] },
  { label: 'Lambda', prefixes: ['lambda'] },
  { label: 'CloudTrail', prefixes: ['cloudtrail'] },
  { label: 'CloudWatch', prefixes: ['cloudwatch'] },
  { label: 'Logs', prefixes: ['logs'] },
  { label: 'EventBridge', prefixes: ['events'] },
  { label: 'SNS', prefixes: ['sns'] },
];

export function groupOf(api: string): string {
  const prefix = api.split(':')[0] ?? '';
  return PALETTE_GROUPS.find((g) => g.prefixes.includes(prefix))?.label ?? '기타';
}
