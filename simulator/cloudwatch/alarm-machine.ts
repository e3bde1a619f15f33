// One alarm (metric or composite) as an xstate machine. New alarms start in INSUFFICIENT_DATA; evaluations and
// SetAlarmState move the state; actions fire on transitions only, and only while actions are enabled. Each event
// leaves in `outbox` the actions it asks the account to run, so callers learn what changed without diffing.
import { assign, setup } from 'xstate';
import { actionItem, createdItem, stateUpdateItem, updatedItem, type AlarmHistoryItem, type AlarmRecord, type AlarmType } from './alarm-history';
import { appendKept } from './alarm-history-query';
import type { JavaJson } from './alarm-format';
import type { CompositeAlarmConfig, MetricAlarmConfig, StateValue } from './alarm-types';

export type AlarmConfig = MetricAlarmConfig | CompositeAlarmConfig;

/** One action the alarm asks to run: an SNS topic, EC2 action, Lambda function, ... ARN. */
export interface AlarmActionRequest {
  arn: string;
  alarmName: string;
  alarmArn: string;
  newState: StateValue;
  oldState: StateValue;
  reason: string;
  reasonData?: string;
  timestamp: number;
}

export interface AlarmContext {
  alarmType: AlarmType;
  config: AlarmConfig;
  stateValue: StateValue;
  stateReason: string;
  stateReasonData?: string;
  stateUpdatedTimestamp: number;
  stateTransitionedTimestamp: number;
  configUpdatedTimestamp: number;
  /** Appended in place (appendKept): each alarm owns its array, and a later snapshot's items extend an earlier's. */
  history: AlarmHistoryItem[];
  outbox: AlarmActionRequest[];
}

export type AlarmEvent =
  /** The result of evaluateMetricAlarm / evaluateCompositeAlarm; state undefined keeps the current state. */
  | { type: 'alarm.evaluate'; now: number; state: StateValue | undefined; reason?: string; reasonData?: string }
  | { type: 'alarm.setState'; now: number; state: StateValue; reason: string; reasonData?: string }
  | { type: 'alarm.enableActions'; now: number }
  | { type: 'alarm.disableActions'; now: number }
  | { type: 'alarm.update'; now: number; config: AlarmConfig }
  | { type: 'alarm.actionExecuted'; now: number; arn: string; succeeded: boolean; detail?: Record<string, JavaJson> };

export interface AlarmInput {
  alarmType: AlarmType;
  config: AlarmConfig;
  now: number;
}

const INITIAL_REASON = 'Unchecked: Initial alarm creation';

const record = (c: AlarmContext): AlarmRecord => ({
  alarmType: c.alarmType, config: c.config, stateValue: c.stateValue,
  stateUpdatedTimestamp: c.stateUpdatedTimestamp, configUpdatedTimestamp: c.configUpdatedTimestamp,
});

function actionsFor(config: AlarmConfig, state: StateValue): string[] {
  if (config.ActionsEnabled === false) return [];
  if (state === 'ALARM') return config.AlarmActions ?? [];
  if (state === 'OK') return config.OKActions ?? [];
  return config.InsufficientDataActions ?? [];
}

type StateChange = Extract<AlarmEvent, { type: 'alarm.evaluate' | 'alarm.setState' }>;

export const alarmMachine = setup({
  types: {
    context: {} as AlarmContext,
    events: {} as AlarmEvent,
    input: {} as AlarmInput,
  },
  guards: {
    movesTo: ({ context, event }, params: { state: StateValue }) =>
      (event.type === 'alarm.evaluate' || event.type === 'alarm.setState') && event.state === params.state && context.stateValue !== params.state,
  },
  actions: {
    transition: assign(({ context, event }) => {
      const e = event as StateChange;
      const newState = e.state!;
      const stateReason = e.reason ?? '';
      const item = stateUpdateItem(context, e.now,
        { stateValue: context.stateValue, stateReason: context.stateReason, stateReasonData: context.stateReasonData },
        { stateValue: newState, stateReason, stateReasonData: e.reasonData });
      const outbox: AlarmActionRequest[] = [];
      for (const arn of actionsFor(context.config, newState)) {
        outbox.push({
          arn, alarmName: context.config.AlarmName, alarmArn: context.config.AlarmArn, newState, oldState: context.stateValue,
          reason: stateReason, reasonData: e.reasonData, timestamp: e.now,
        });
      }
      // Written out, not spread from a partial object: in the heavy run the spread's line held 80% of this action's
      // profile samples, and written out the action's samples fell 4-5×. Same keys in the same order.
      return {
        stateValue: newState, stateReason, stateReasonData: e.reasonData, stateUpdatedTimestamp: e.now, stateTransitionedTimestamp: e.now,
        history: appendKept(context.history, item, e.now), outbox,
      };
    }),
    // Every action below empties the outbox itself: one assign per event, as each assign costs xstate a
    // snapshot copy (the outbox is read after every event, and snapshots never keep it).
    // SetAlarmState to the state the alarm is already in only rewords it; nothing transitions, nothing fires.
    reword: assign(({ event }) =>
      event.type === 'alarm.setState'
        ? { outbox: [], stateReason: event.reason, stateReasonData: event.reasonData, stateUpdatedTimestamp: event.now }
        : { outbox: [] }),
    setActionsEnabled: assign(({ context, event }) => ({
      outbox: [], config: { ...context.config, ActionsEnabled: event.type === 'alarm.enableActions' },
    })),
    // "Updating an alarm leaves its state unchanged" and fully replaces its configuration.
    replaceConfig: assign(({ context, event }) => {
      if (event.type !== 'alarm.update') return { outbox: [] };
      const after = { ...context, config: event.config, configUpdatedTimestamp: event.now };
      return { outbox: [], config: event.config, configUpdatedTimestamp: event.now, history: appendKept(context.history, updatedItem(record(context), record(after), event.now), event.now) };
    }),
    // Every action run is recorded through here.
    recordAction: assign(({ context, event }) => ({
      outbox: [],
      history: event.type === 'alarm.actionExecuted'
        ? appendKept(context.history, actionItem(context, event.now, event.arn, event.succeeded, event.detail), event.now)
        : context.history,
    })),
  },
}).createMachine({
  id: 'alarm',
  context: ({ input }) => {
    const base = {
      alarmType: input.alarmType, config: input.config, stateValue: 'INSUFFICIENT_DATA' as StateValue, stateReason: INITIAL_REASON,
      stateUpdatedTimestamp: input.now, stateTransitionedTimestamp: input.now, configUpdatedTimestamp: input.now, outbox: [],
    };
    return { ...base, history: [createdItem(record({ ...base, history: [] }), input.now)] };
  },
  initial: 'INSUFFICIENT_DATA',
  on: {
    'alarm.enableActions': { actions: 'setActionsEnabled' },
    'alarm.disableActions': { actions: 'setActionsEnabled' },
    'alarm.update': { actions: 'replaceConfig' },
    'alarm.actionExecuted': { actions: 'recordAction' },
  },
  states: {
    OK: { on: { 'alarm.evaluate': changes('OK'), 'alarm.setState': changes('OK') } },
    ALARM: { on: { 'alarm.evaluate': changes('ALARM'), 'alarm.setState': changes('ALARM') } },
    INSUFFICIENT_DATA: { on: { 'alarm.evaluate': changes('INSUFFICIENT_DATA'), 'alarm.setState': changes('INSUFFICIENT_DATA') } },
  },
});

/** From `current`: a guarded transition to each other state, else stay without firing anything. `transition`
 *  writes the whole outbox itself, so it runs alone: each assign costs xstate a snapshot copy. */
function changes(current: StateValue) {
  const others = (['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const).filter((s) => s !== current);
  return [
    ...others.map((state) => ({ guard: { type: 'movesTo' as const, params: { state } }, target: state, actions: ['transition' as const] })),
    { actions: 'reword' as const },
  ];
}
