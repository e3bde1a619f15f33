// A record kept in CloudTrail's archive is recognised by its template instead of by its text
// (template-shapes.ts). That must be invisible: the message gets the very shape its text gives (the same
// verdicts object from the same filter verdicts), the same verdict from every pattern as matching the text, and
// the same UTF-8 length, for real records and for odd ones built to break the argument.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RecordArchive } from '../../../simulator/cloudtrail/delivery/record-archive';
import { TemplatedTexts } from '../../../simulator/core/templated-texts';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { recordText } from '../../../simulator/core/record-text';
import { CIS_PRESETS } from '../../../simulator/logs/cis-presets';
import { matchLogEvent, parseFilterPattern } from '../../../simulator/logs/filter-pattern';
import { FilterVerdicts } from '../../../simulator/logs/filter-verdicts';
import { LogMessage } from '../../../simulator/logs/log-message';
import { shapeCuts } from '../../../simulator/logs/message-shape';
import { isTemplatedSource, templateCutAtHoles, TemplateShapes } from '../../../simulator/logs/template-shapes';
import { utf8Length } from '../../../simulator/core/utf8-length';
import { newAccount, ok, rootConsole } from '../support';

const PATTERNS = [
  ...CIS_PRESETS.map((p) => p.filterPattern),
  '{ $.eventName = "CreateUser" }',
  '{ $.userAgent = "*eventID*" }',
  '{ $.requestParameters.bucketName = * }',
  '{ $.eventID = * }',
  '{ $.requestID = "req*" }',
  '{ $.eventTime = "2026*" }',
  '{ $.nested.eventID = "eventTime" }',
  '{ $.n > 3 }',
  'eventID',
  '"CreateUser"',
].map(parseFilterPattern);

/** The values CloudTrail packs, in its order (cloudtrail/index.ts varyingValuesOf). */
function valuesOf(record: Record<string, unknown>): (string | undefined)[] {
  const extra = record['additionalEventData'] as Record<string, unknown> | undefined;
  const amz = extra?.['x-amz-id-2'];
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return [s(record['eventTime']), s(amz), s(record['requestID']), s(record['eventID']), s(record['sharedEventID'])];
}

/**
 * Adds every text to an archive, then checks each archived message against its plain twin in one FilterVerdicts
 * (the twin first or second, as `twinFirst` says): same shape object, same verdicts, same UTF-8 length; and, for
 * every text of a template the verdicts recognise by it, that the text's own cuts are its template's holes.
 * Returns how many messages were recognised by their template.
 */
function check(texts: readonly string[], values: readonly (readonly (string | undefined)[])[], twinFirst: readonly boolean[]): number {
  const archive = new RecordArchive();
  const ids = texts.map((t, i) => archive.add(t, values[i]!));
  expect(isTemplatedSource(archive)).toBe(true);
  const verdicts = new FilterVerdicts();
  const learned = new TemplateShapes<true>(1000);
  let recognised = 0;
  texts.forEach((text, i) => {
    const id = ids[i]!;
    expect(archive.get(id)).toBe(text);
    const plain = new LogMessage(text);
    const kept = new LogMessage(text, archive, id);
    const parts = archive.templateParts(id);
    const before = learned.get(parts);
    if (before === undefined) learned.learn(parts, text, shapeCuts(text), true);
    else if (before !== null && archive.packedOnly(id)) {
      // The claim itself: a text of a proven template is cut exactly at its holes, whatever its values.
      expect(templateCutAtHoles(parts, text, shapeCuts(text))).toBe(true);
      recognised++;
    }
    const [a, b] = twinFirst[i] ? [plain, kept] : [kept, plain];
    expect(verdicts.shapeOf(a)).toBe(verdicts.shapeOf(b));
    for (const p of PATTERNS) {
      const want = matchLogEvent(p, text).matched;
      expect(verdicts.matches(p, kept)).toBe(want);
      expect(verdicts.matches(p, plain)).toBe(want);
    }
    expect(kept.utf8Length()).toBe(utf8Length(text));
    expect(plain.utf8Length()).toBe(utf8Length(text));
  });
  return recognised;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const uuid = (n: number) => `${hex(n, 8)}-${hex(n & 0xffff, 4)}-4${hex(n & 0xfff, 3)}-8${hex(n & 0xfff, 3)}-${hex(n, 12)}`;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A varying value: packed kinds of several lengths, and strings that look like keys, JSON, escapes or non-ASCII. */
const packed = fc.oneof(
  fc.nat().map(uuid),
  fc.nat().map((n) => hex(n, 16).toUpperCase()),
  fc.integer({ min: 0, max: 86_399 }).map((s) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString().slice(0, 19) + 'Z'),
  fc.array(fc.nat(63), { minLength: 24, maxLength: 80 }).map((xs) => xs.map((x) => B64[x]).join('') + ['', '=', '=='][xs.length % 3]),
);
const odd = fc.constantFrom('eventID', 'eventTime', 'requestID', 'x-amz-id-2', 'sharedEventID', ':', '":"', 'a"b', 'a\\b', '{"eventID":"x"}', '시간', 'ok', '\u2028', '\t');
/** A varying value: mostly packed kinds of several lengths, else strings that look like keys, JSON, escapes or non-ASCII. */
const value = fc.oneof({ arbitrary: packed, weight: 6 }, { arbitrary: odd, weight: 1 });

/** What stays the same among a caller's records: the template, give or take the values the archive finds. */
const skeleton = fc.record({
  userAgent: fc.constantFrom('aws-cli', 'a "quoted" \\ agent', '"eventID":"x"', 'eventTime', '콘솔', '":"'),
  nested: fc.constantFrom('none', 'before', 'after', 'keyed', 'keyedString'),
  eventIdFirst: fc.boolean(),
  amz: fc.boolean(),
  shared: fc.boolean(),
  n: fc.nat(2),
});

const varying = fc.record({ eventTime: value, requestID: value, eventID: value, amz: value, shared: value });

type Skeleton = typeof skeleton extends fc.Arbitrary<infer T> ? T : never;
type Varying = typeof varying extends fc.Arbitrary<infer T> ? T : never;

function oddText(k: Skeleton, v: Varying): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  // A member named like a later value: the archive may cut that value at the member's name.
  if (k.nested === 'keyed') o[v.requestID] = { eventID: v.eventID };
  if (k.nested === 'keyedString') o[v.requestID] = v.eventID;
  if (k.nested === 'before') o['nested'] = { eventID: 'eventTime', eventTime: v.eventTime };
  if (k.eventIdFirst) o['eventID'] = v.eventID;
  o['eventVersion'] = '1.11';
  o['eventTime'] = v.eventTime;
  o['userAgent'] = k.userAgent;
  o['eventName'] = k.n % 2 ? 'CreateUser' : 'GetObject';
  if (k.amz) o['additionalEventData'] = { 'x-amz-id-2': v.amz, bytes: k.n };
  o['requestID'] = v.requestID;
  if (!k.eventIdFirst) o['eventID'] = v.eventID;
  if (k.nested === 'after') o['nested'] = { eventID: 'eventTime', requestID: v.requestID };
  if (k.shared) o['sharedEventID'] = v.shared;
  o['n'] = k.n;
  return o;
}

describe('template shapes', () => {
  it('give odd records the shape, verdicts and length their texts give', () => {
    let recognised = 0;
    fc.assert(
      fc.property(fc.array(skeleton, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(2), varying, fc.boolean()), { minLength: 10, maxLength: 40 }), (skeletons, rows) => {
        const objects = rows.map(([k, v]) => oddText(skeletons[k % skeletons.length]!, v));
        recognised += check(objects.map((o) => JSON.stringify(o)), objects.map(valuesOf), rows.map(([, , first]) => first));
      }),
      { numRuns: 300 },
    );
    // The runs did take the template path, not only the text path.
    expect(recognised).toBeGreaterThan(50);
    // About 7 s alone; 15–22 s on a loaded 2-core machine, where the default 20 s limit would fail it.
  }, 60_000);

  it('recognise templates shared by texts whose values differ in length', () => {
    const texts: string[] = [];
    const values: (string | undefined)[][] = [];
    for (let i = 0; i < 30; i++) {
      const o = { eventVersion: '1.11', eventTime: '2026-01-01T00:00:0' + (i % 10) + 'Z', additionalEventData: { 'x-amz-id-2': 'A'.repeat(24 + i) + '=' }, requestID: hex(i, 16).toUpperCase(), eventID: uuid(i), n: 1 };
      texts.push(JSON.stringify(o));
      values.push(valuesOf(o));
    }
    expect(check(texts, values, texts.map((_, i) => i % 2 === 0))).toBe(29);
  });

  it('give real records the shape, verdicts and length their texts give', () => {
    const { acct, ingested } = newAccount();
    const root = rootConsole(acct);
    for (let i = 0; i < 6; i++) {
      // After the first round, records are no longer made in the second the console session began (whose
      // creationDate, earlier in the text, the archive would cut instead of eventTime: such a template is refused).
      if (i > 0) acct.advance('PT1M');
      ok(acct.call('iam:CreateUser', { UserName: `u${i}` }, root));
      ok(acct.call('s3:CreateBucket', { Bucket: `b-${i}` }, root));
      ok(acct.call('s3:PutObject', { Bucket: `b-${i}`, Key: 'k', Body: 'x' }, root));
      ok(acct.call('logs:CreateLogGroup', { logGroupName: `g${i}` }, root));
      acct.call('iam:DeleteUser', { UserName: 'nobody' }, root);
      acct.call('s3:GetObject', { Bucket: 'b-0', Key: 'missing' }, root);
    }
    const records = ingested as CloudTrailRecord[];
    expect(records.length).toBeGreaterThan(30);
    const texts = records.map((r) => recordText(r));
    const recognised = check(texts, records.map((r) => valuesOf(r as unknown as Record<string, unknown>)), texts.map((_, i) => i % 3 === 0));
    // The two calls repeated alike (DeleteUser, GetObject) in rounds three to six: round two taught their templates.
    expect(recognised).toBe(8);
  });

  it('refuse templates whose holes could be read as keys or follow one', () => {
    const text = '{"eventID":"a","b":"c"}';
    const at = text.indexOf('a"');
    expect(templateCutAtHoles(['{"eventID":"', '","b":"c"}'], text, [at, at + 1])).toBe(true);
    // A hole after a part that ends with a shape key's name: the hole's first characters decide the cut.
    expect(templateCutAtHoles(['{"eventID"', '","b":"c"}'], '{"eventID":","b":"c"}', shapeCuts('{"eventID":","b":"c"}'))).toBe(false);
    // A hole followed by `":`: a value equal to a key would be read as that key.
    expect(templateCutAtHoles(['{"x":"', '":"y"}'], '{"x":"eventID":"y"}', [6, 13])).toBe(false);
    // Cuts that are not the holes.
    expect(templateCutAtHoles(['{"eventID":"', '","b":"c"}'], text, undefined)).toBe(false);
    expect(templateCutAtHoles(['{"eventID":"a","b":"', '"}'], text, [at, at + 1])).toBe(false);
  });

  it('say a text\'s template and whether its values are packed, and forget all templates when full', () => {
    const store = new TemplatedTexts();
    const a = store.add('{"eventID":"' + uuid(1) + '"}', [uuid(1)]);
    const b = store.add('{"eventID":"' + uuid(2) + '"}', [uuid(2)]);
    const c = store.add('{"eventID":"odd"}', ['odd']);
    expect(store.templateParts(a)).toBe(store.templateParts(b));
    expect(store.templateParts(c)).toBe(store.templateParts(a));
    expect(store.packedOnly(a)).toBe(true);
    expect(store.packedOnly(c)).toBe(false);
    const shapes = new TemplateShapes<number>(2);
    shapes.learn(['x'], 'x', undefined, 1);
    shapes.learn(['y'], 'y', undefined, 1);
    shapes.learn(['z'], 'z', undefined, 1);
    expect(shapes.size).toBe(1);
  });
});
