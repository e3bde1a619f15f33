// The event a rule is tested against: a real CloudTrail record wrapped in the EventBridge envelope the
// default bus would build, or JSON the learner pasted. And the message each target would receive.
import { cloudTrailRecordToEvent } from '../../../../simulator/events/cloudtrail-event';
import { renderTargetInput, type RenderedInput, type TargetInputConfig } from '../../../../simulator/events/input-transform';
import type { CloudTrailRecord, JsonObject } from '../../../../simulator';

/**
 * The envelope for a record. EventBridge gives each delivered event a fresh id; a preview cannot know it,
 * so the record's own eventID stands in (the id is a random UUID either way and no pattern should use it).
 */
export function envelopeOf(record: CloudTrailRecord): JsonObject {
  return cloudTrailRecordToEvent(record, { uuid: () => record.eventID }) as unknown as JsonObject;
}

/** Parses pasted event JSON; a Korean reason when it is not one JSON object. */
export function parseEventText(text: string): { ok: true; event: JsonObject } | { ok: false; reasonKo: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, reasonKo: `JSON으로 읽을 수 없습니다: ${(e as Error).message}` };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reasonKo: '이벤트는 JSON 객체여야 합니다.' };
  return { ok: true, event: v as JsonObject };
}

/** What a target of the rule would receive for this event, through the simulator's own renderer. */
export function previewTarget(target: TargetInputConfig, event: JsonObject, rule: { arn: string; name: string }): RenderedInput {
  // EventBridge's ingestion time is the moment the bus received the event; the event's time is the closest known.
  const time = typeof event['time'] === 'string' ? event['time'] : new Date(0).toISOString();
  return renderTargetInput(target, event, { ruleArn: rule.arn, ruleName: rule.name, ingestionTime: time });
}

/** A target as ListTargetsByRule returns it, narrowed to the input-shaping fields. */
export function targetConfigOf(t: Record<string, unknown>): TargetInputConfig {
  const tr = t['InputTransformer'] as { InputPathsMap?: Record<string, string>; InputTemplate?: string } | undefined;
  return {
    Id: String(t['Id'] ?? ''),
    ...(typeof t['Input'] === 'string' ? { Input: t['Input'] } : {}),
    ...(typeof t['InputPath'] === 'string' ? { InputPath: t['InputPath'] } : {}),
    ...(tr && typeof tr.InputTemplate === 'string' ? { InputTransformer: { InputTemplate: tr.InputTemplate, ...(tr.InputPathsMap ? { InputPathsMap: tr.InputPathsMap } : {}) } } : {}),
  };
}

/** Pretty JSON when the text is JSON (what the inbox shows for JSON messages), the text itself otherwise. */
export function prettyMessage(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
