// Where a trail's records go in CloudWatch Logs: its log group ARN read into Region and group name, and the stream
// "<account>_CloudTrail_<region>". A trail delivers every five minutes per Region with the same ARN and names: they
// are read and joined once, not at every delivery (a regular expression run, and a new name string to flatten and
// hash for the stream lookup).

const LOG_GROUP_ARN = /^arn:aws:logs:([a-z0-9-]+):\d{12}:log-group:(.+?)(:\*)?$/;

export interface LogGroupPlace {
  readonly region: string;
  readonly name: string;
}

export class TrailDestinations {
  private readonly places = new Map<string, LogGroupPlace | null>();
  private readonly streams = new Map<string, Map<string, string>>();

  /** The Region and name the ARN names, or null when it is not a log group ARN. */
  place(logGroupArn: string): LogGroupPlace | null {
    let p = this.places.get(logGroupArn);
    if (p === undefined) {
      const m = LOG_GROUP_ARN.exec(logGroupArn);
      p = m?.[1] && m[2] ? { region: m[1], name: m[2] } : null;
      // ARNs a learner typed come and go: start afresh rather than keep every one ever seen.
      if (this.places.size >= 256) this.places.clear();
      this.places.set(logGroupArn, p);
    }
    return p;
  }

  /** The stream a trail of `accountId` writes its records of `sourceRegion` to. */
  streamName(accountId: string, sourceRegion: string): string {
    let byRegion = this.streams.get(accountId);
    if (!byRegion) this.streams.set(accountId, (byRegion = new Map()));
    let name = byRegion.get(sourceRegion);
    if (name === undefined) byRegion.set(sourceRegion, (name = `${accountId}_CloudTrail_${sourceRegion}`));
    return name;
  }
}
