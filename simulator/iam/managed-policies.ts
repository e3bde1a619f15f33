// AWS managed policies the simulated account starts with. Documents are the policies' published
// statements (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/), kept only for those whose
// statements are short enough to carry in full.
export interface AwsManagedPolicy {
  name: string;
  document: object;
}

export const AWS_MANAGED_POLICIES: AwsManagedPolicy[] = [
  { name: 'AdministratorAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
  {
    name: 'AmazonS3FullAccess',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }] },
  },
  {
    name: 'AmazonS3ReadOnlyAccess',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'IAMReadOnlyAccess',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy'],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'AmazonEC2ReadOnlyAccess',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
        { Effect: 'Allow', Action: 'elasticloadbalancing:Describe*', Resource: '*' },
        { Effect: 'Allow', Action: ['cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*'], Resource: '*' },
        { Effect: 'Allow', Action: 'autoscaling:Describe*', Resource: '*' },
      ],
    },
  },
  {
    name: 'AWSLambdaBasicExecutionRole',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }],
    },
  },
];
