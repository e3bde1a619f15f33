import type { CloudTrailRecord } from '../../../simulator/core/contract';

// A root console sign-in as CloudTrail records it (shape per the CloudTrail user guide's sign-in event
// examples: requestParameters null, responseElements {"ConsoleLogin": "Success"}, MFAUsed in
// additionalEventData, no readOnly, no requestID, recorded in us-east-1).
export function rootConsoleLogin(overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.08',
    userIdentity: {
      type: 'Root',
      principalId: '111122223333',
      arn: 'arn:aws:iam::111122223333:root',
      accountId: '111122223333',
      accessKeyId: '',
    },
    eventTime: '2024-06-10T08:15:32Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.12',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_1b2c3d4e5f6a7b8c',
      MobileVersion: 'No',
      MFAUsed: 'No',
    },
    eventID: '3fcfb586-3e9c-4d24-b2a0-5f3bfe4e1b2a',
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: 'signin.aws.amazon.com',
    },
    ...overrides,
  };
}
