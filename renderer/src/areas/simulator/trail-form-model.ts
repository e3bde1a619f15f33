// The trail form as data, and the real requests it becomes: CreateTrail/UpdateTrail, then PutEventSelectors.

export type ReadWrite = 'All' | 'ReadOnly' | 'WriteOnly';

export interface TrailForm {
  name: string;
  bucket: string;
  prefix: string;
  multiRegion: boolean;
  globalEvents: boolean;
  validation: boolean;
  management: boolean;
  readWrite: ReadWrite;
  /** S3 data events: "bucket" or "bucket/prefix", one per entry. */
  s3Data: string[];
  /** Lambda data events: function names or ARNs. */
  lambdaData: string[];
  logGroupArn: string;
  logsRoleArn: string;
}

export function emptyTrailForm(bucket = ''): TrailForm {
  return { name: 'management-trail', bucket, prefix: '', multiRegion: true, globalEvents: true, validation: true, management: true, readWrite: 'All', s3Data: [], lambdaData: [], logGroupArn: '', logsRoleArn: '' };
}

type Obj = Record<string, unknown>;

/** CreateTrail (create) or UpdateTrail (edit) parameters; an edit sends every member so the form is the truth. */
export function trailParams(f: TrailForm, edit: boolean): Obj {
  const p: Obj = { Name: f.name.trim(), S3BucketName: f.bucket.trim(), IsMultiRegionTrail: f.multiRegion, IncludeGlobalServiceEvents: f.globalEvents, EnableLogFileValidation: f.validation };
  if (f.prefix.trim() || edit) p['S3KeyPrefix'] = f.prefix.trim();
  if (f.logGroupArn.trim() || f.logsRoleArn.trim() || edit) {
    p['CloudWatchLogsLogGroupArn'] = f.logGroupArn.trim();
    p['CloudWatchLogsRoleArn'] = f.logsRoleArn.trim();
  }
  return p;
}

/** Basic event selectors: management events by read/write type, data events by S3 prefix and Lambda function. */
export function eventSelectors(f: TrailForm, region: string, accountId: string): Obj[] {
  const dataResources: Obj[] = [];
  const s3 = f.s3Data.map((s) => s.trim()).filter(Boolean).map((s) => (s === '*' ? 'arn:aws:s3' : `arn:aws:s3:::${s.includes('/') ? s : `${s}/`}`));
  if (s3.length) dataResources.push({ Type: 'AWS::S3::Object', Values: s3 });
  const fns = f.lambdaData.map((s) => s.trim()).filter(Boolean).map((s) => (s === '*' ? 'arn:aws:lambda' : s.startsWith('arn:') ? s : `arn:aws:lambda:${region}:${accountId}:function:${s}`));
  if (fns.length) dataResources.push({ Type: 'AWS::Lambda::Function', Values: fns });
  return [{ ReadWriteType: f.readWrite, IncludeManagementEvents: f.management, DataResources: dataResources }];
}

/** Korean messages for what AWS would refuse, caught before the calls. */
export function trailFormErrors(f: TrailForm): string[] {
  const errors: string[] = [];
  const name = f.name.trim();
  if (name.length < 3 || name.length > 128) errors.push('트레일 이름은 3~128자여야 합니다.');
  else if (!/^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$/.test(name)) errors.push('트레일 이름은 영문·숫자로 시작하고 끝나며, 영문·숫자·마침표(.)·밑줄(_)·하이픈(-)만 쓸 수 있습니다.');
  if (!f.bucket.trim()) errors.push('로그 파일을 받을 S3 버킷을 고르세요.');
  if ((f.logGroupArn.trim() === '') !== (f.logsRoleArn.trim() === '')) errors.push('CloudWatch Logs에 보내려면 로그 그룹 ARN과 역할 ARN을 함께 넣어야 합니다.');
  return errors;
}

/** The form for an existing trail, from DescribeTrails and GetEventSelectors answers. */
export function formFromTrail(t: Obj, selectors: Obj): TrailForm {
  const f = emptyTrailForm(String(t['S3BucketName'] ?? ''));
  f.name = String(t['Name'] ?? '');
  f.prefix = String(t['S3KeyPrefix'] ?? '');
  f.multiRegion = t['IsMultiRegionTrail'] === true;
  f.globalEvents = t['IncludeGlobalServiceEvents'] !== false;
  f.validation = t['LogFileValidationEnabled'] === true;
  f.logGroupArn = String(t['CloudWatchLogsLogGroupArn'] ?? '');
  f.logsRoleArn = String(t['CloudWatchLogsRoleArn'] ?? '');
  const first = (Array.isArray(selectors['EventSelectors']) ? (selectors['EventSelectors'] as Obj[]) : [])[0];
  if (first) {
    f.management = first['IncludeManagementEvents'] !== false;
    f.readWrite = (first['ReadWriteType'] as ReadWrite | undefined) ?? 'All';
    for (const dr of (first['DataResources'] as Obj[] | undefined) ?? []) {
      const values = (dr['Values'] as string[] | undefined) ?? [];
      if (dr['Type'] === 'AWS::S3::Object') f.s3Data.push(...values.map((v) => (v === 'arn:aws:s3' ? '*' : v.replace(/^arn:aws:s3:::/, ''))));
      if (dr['Type'] === 'AWS::Lambda::Function') f.lambdaData.push(...values.map((v) => (v === 'arn:aws:lambda' ? '*' : v)));
    }
  }
  return f;
}
