// The CIS AWS Foundations monitoring set as Security Hub checks it (controls CloudWatch.1–14), as
// data: each preset is a metric filter on the trail's log group, a metric, and an alarm.
// Patterns are copied character for character from the Security Hub controls page (archived
// awsdocs/aws-security-hub-user-guide, doc_source/cloudwatch-controls.md, 2023-03): Security Hub
// fails the control when the pattern differs ("Additional fields or terms cannot be added").

export interface CisAlarmSettings {
  alarmName: string;
  statistic: 'Sum';
  period: 300;
  evaluationPeriods: 1;
  threshold: 1;
  comparisonOperator: 'GreaterThanOrEqualToThreshold';
}

export interface CisPreset {
  /** Security Hub control id. */
  id: string;
  /** CIS AWS Foundations Benchmark recommendations the control maps to. */
  cis: string[];
  titleKo: string;
  explanationKo: string;
  filterPattern: string;
  filterName: string;
  /** The remediation's namespace, shared by every CIS metric so they group together. */
  metricNamespace: 'LogMetrics';
  metricName: string;
  metricValue: '1';
  alarm: CisAlarmSettings;
  sourceUrl: string;
}

const SOURCE = 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html';

// The remediation steps: metric value 1, alarm "Greater/Equal" threshold 1 on the one metric.
// Statistic Sum over 5 minutes, one period: every match adds 1, so a single event reaches the
// threshold. (The page's CloudWatch.2 steps pick Average; with only 1s published, Average and Sum
// cross the threshold in the same minutes.) Alarm names follow the page's own examples
// "CIS-1.7-RootAccountUsage" and "CIS-3.1-UnauthorizedAPICalls"; the others are ours, same style.
function preset(
  n: number,
  cis: string[],
  alarmName: string,
  metricName: string,
  titleKo: string,
  explanationKo: string,
  filterPattern: string,
): CisPreset {
  return {
    id: `CloudWatch.${n}`,
    cis,
    titleKo,
    explanationKo,
    filterPattern,
    filterName: `${metricName}Filter`,
    metricNamespace: 'LogMetrics',
    metricName,
    metricValue: '1',
    alarm: {
      alarmName,
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    },
    sourceUrl: `${SOURCE}#cloudwatch-${n}`,
  };
}

export const CIS_PRESETS: readonly CisPreset[] = [
  preset(1, ['CIS 1.2.0 1.1', 'CIS 1.2.0 3.3', 'CIS 1.4.0 1.7', 'CIS 1.4.0 4.3'], 'CIS-1.7-RootAccountUsage', 'RootAccountUsage',
    '루트 사용자 사용 감지',
    '루트 사용자는 계정의 모든 권한을 가집니다. AWS 서비스가 대신 호출한 것(invokedBy)과 서비스 이벤트를 빼고, 사람이 루트로 한 모든 일을 셉니다.',
    '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}'),
  preset(2, ['CIS 1.2.0 3.1'], 'CIS-3.1-UnauthorizedAPICalls', 'UnauthorizedAPICalls',
    '권한 없는 API 호출 감지',
    'errorCode가 …UnauthorizedOperation 이거나 AccessDenied… 인 호출을 셉니다. 잘못 설정된 애플리케이션이나 권한을 더듬어 보는 공격자를 빨리 찾게 해 줍니다.',
    '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}'),
  preset(3, ['CIS 1.2.0 3.2'], 'CIS-3.2-ConsoleSigninWithoutMFA', 'ConsoleSigninWithoutMFA',
    'MFA 없는 콘솔 로그인 감지',
    'IAM 사용자가 MFA 없이 콘솔 로그인에 성공한 경우를 셉니다. 비밀번호 하나로만 보호되는 계정을 드러냅니다.',
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }'),
  preset(4, ['CIS 1.2.0 3.4', 'CIS 1.4.0 4.4'], 'CIS-4.4-IAMPolicyChanges', 'IAMPolicyChanges',
    'IAM 정책 변경 감지',
    '인라인 정책 추가·삭제, 관리형 정책과 버전 생성·삭제, 사용자·그룹·역할에 정책 연결·분리를 셉니다. 권한이 바뀌는 순간을 놓치지 않게 합니다.',
    '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}'),
  preset(5, ['CIS 1.2.0 3.5', 'CIS 1.4.0 4.5'], 'CIS-4.5-CloudTrailConfigChanges', 'CloudTrailConfigChanges',
    'CloudTrail 설정 변경 감지',
    '추적 생성·수정·삭제와 로깅 시작·중지를 셉니다. 공격자가 흔적을 지우려고 StopLogging을 부르는 순간이 여기에 잡힙니다.',
    '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}'),
  preset(6, ['CIS 1.2.0 3.6', 'CIS 1.4.0 4.6'], 'CIS-4.6-ConsoleAuthenticationFailures', 'ConsoleAuthenticationFailures',
    '콘솔 인증 실패 감지',
    '콘솔 로그인이 "Failed authentication"으로 실패한 횟수를 셉니다. 비밀번호 대입 시도를 드러냅니다.',
    '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}'),
  preset(7, ['CIS 1.2.0 3.7', 'CIS 1.4.0 4.7'], 'CIS-4.7-DisableOrDeleteCMK', 'DisableOrDeleteCMK',
    'KMS 고객 관리형 키 비활성화·삭제 예약 감지',
    'KMS 키를 비활성화하거나 삭제를 예약하는 호출을 셉니다. 키가 사라지면 그 키로 암호화한 데이터도 읽을 수 없게 됩니다.',
    '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}'),
  preset(8, ['CIS 1.2.0 3.8', 'CIS 1.4.0 4.8'], 'CIS-4.8-S3BucketPolicyChanges', 'S3BucketPolicyChanges',
    'S3 버킷 정책 변경 감지',
    '버킷 ACL·정책·CORS·수명 주기·복제 설정을 바꾸거나 지우는 호출을 셉니다. 버킷이 뜻하지 않게 공개되는 일을 빨리 알아챕니다.',
    '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}'),
  preset(9, ['CIS 1.2.0 3.9', 'CIS 1.4.0 4.9'], 'CIS-4.9-AWSConfigChanges', 'AWSConfigChanges',
    'AWS Config 설정 변경 감지',
    '구성 레코더 중지·변경과 전송 채널 변경·삭제를 셉니다. 리소스 변경 기록이 끊기는 순간을 잡습니다.',
    '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}'),
  preset(10, ['CIS 1.2.0 3.10', 'CIS 1.4.0 4.10'], 'CIS-4.10-SecurityGroupChanges', 'SecurityGroupChanges',
    '보안 그룹 변경 감지',
    '보안 그룹 생성·삭제와 인바운드·아웃바운드 규칙 추가·제거를 셉니다. 포트가 세상에 열리는 순간을 잡습니다.',
    '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}'),
  preset(11, ['CIS 1.2.0 3.11', 'CIS 1.4.0 4.11'], 'CIS-4.11-NACLChanges', 'NACLChanges',
    '네트워크 ACL 변경 감지',
    '네트워크 ACL과 그 항목의 생성·삭제·교체, 서브넷 연결 교체를 셉니다.',
    '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}'),
  preset(12, ['CIS 1.2.0 3.12', 'CIS 1.4.0 4.12'], 'CIS-4.12-NetworkGatewayChanges', 'NetworkGatewayChanges',
    '네트워크 게이트웨이 변경 감지',
    '고객 게이트웨이와 인터넷 게이트웨이의 생성·삭제·연결·분리를 셉니다. VPC 밖으로 나가는 길이 바뀌는 순간입니다.',
    '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}'),
  preset(13, ['CIS 1.2.0 3.13', 'CIS 1.4.0 4.13'], 'CIS-4.13-RouteTableChanges', 'RouteTableChanges',
    '라우팅 테이블 변경 감지',
    '라우팅 테이블과 경로의 생성·교체·삭제, 연결 교체·해제를 셉니다. 트래픽이 엉뚱한 곳으로 가게 되는 변경입니다.',
    '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}'),
  preset(14, ['CIS 1.2.0 3.14', 'CIS 1.4.0 4.14'], 'CIS-4.14-VPCChanges', 'VPCChanges',
    'VPC 변경 감지',
    'VPC 생성·삭제·속성 변경, VPC 피어링 요청·수락·거절·삭제, ClassicLink 설정을 셉니다.',
    '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}'),
];

export function findCisPreset(id: string): CisPreset | undefined {
  return CIS_PRESETS.find((p) => p.id === id);
}
