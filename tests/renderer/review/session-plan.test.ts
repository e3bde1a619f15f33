import { describe, expect, it } from 'vitest';
import type { CardJson } from '../../../renderer/src/review/card-state';
import { buildSessionPlan, itemCapacity, rankCategories, type PlanInput, type StudyItem } from '../../../renderer/src/review/session-plan';

const NOW = new Date('2026-11-28T01:00:00Z');
const HOUR = 3_600_000;

function card(dueOffsetMs: number, state: number): CardJson {
  return {
    due: new Date(NOW.getTime() + dueOffsetMs).toISOString(),
    stability: state === 0 ? 0 : 5,
    difficulty: state === 0 ? 0 : 5,
    elapsed_days: 0,
    scheduled_days: state === 0 ? 0 : 5,
    learning_steps: 0,
    reps: state === 0 ? 0 : 3,
    lapses: 0,
    state,
    last_review: state === 0 ? null : new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString(),
  };
}

const ITEMS: StudyItem[] = ['alarms', 'trails', 'insights', 'eventbridge'].flatMap((category) =>
  [1, 2, 3, 4, 5, 6].map((n) => ({ id: `cq-${category}-${n}`, category })),
);

const INPUT: PlanInput = {
  lengthMinutes: 15,
  items: ITEMS,
  cards: {
    'cq-trails-1': card(-10 * 24 * HOUR, 2),
    'cq-alarms-1': card(-2 * 24 * HOUR, 2),
    'cq-eventbridge-1': card(-HOUR, 3),
    'cq-insights-1': card(24 * HOUR, 2),
    'cq-trails-2': card(0, 0),
  },
  quizStats: {
    alarms: { answered: 10, correct: 8 },
    trails: { answered: 10, correct: 9 },
    insights: { answered: 2, correct: 1 },
  },
  scenarioIds: ['scenario-root-login', 'scenario-cis-alarm'],
  now: NOW,
  seed: 'weekend-2026-11-28',
};

describe('session plan', () => {
  it('fits about 30 s per question, keeping five minutes for the scenario', () => {
    expect(itemCapacity(15, true)).toBe(20);
    expect(itemCapacity(15, false)).toBe(30);
    expect(itemCapacity(30, true)).toBe(50);
    expect(itemCapacity(60, false)).toBe(120);
  });

  it('ranks categories by accuracy, then fewest answers; never-answered counts as weakest', () => {
    expect(rankCategories(['trails', 'alarms', 'insights', 'eventbridge'], INPUT.quizStats)).toEqual(['eventbridge', 'insights', 'alarms', 'trails']);
    expect(rankCategories(['b', 'a'], { a: { answered: 4, correct: 2 }, b: { answered: 2, correct: 1 } })).toEqual(['b', 'a']);
  });

  it('orders due cards (most overdue first), then the weakest categories in turn, then new items', () => {
    const plan = buildSessionPlan(INPUT);
    expect(plan.items).toHaveLength(20);
    expect(plan.scenarioId).not.toBeNull();
    expect(INPUT.scenarioIds).toContain(plan.scenarioId);
    expect(plan.items.map((i) => i.reason)).toEqual([...Array(3).fill('due'), ...Array(9).fill('weak'), ...Array(8).fill('new')]);
    expect(plan.items.slice(0, 3).map((i) => i.itemId)).toEqual(['cq-trails-1', 'cq-alarms-1', 'cq-eventbridge-1']);
    // trails is mastered (90 % over 10 answers), so weak practice takes the other three, weakest first, in turn.
    expect(plan.items.slice(3, 12).map((i) => i.category)).toEqual(Array(3).fill(['eventbridge', 'insights', 'alarms']).flat());
    // New items: never studied (no card, or a card still New), every category in turn, weakest first.
    const fresh = plan.items.slice(12);
    expect(fresh.map((i) => i.category)).toEqual(Array(2).fill(['eventbridge', 'insights', 'alarms', 'trails']).flat());
    for (const item of fresh) expect(INPUT.cards[item.itemId]?.state ?? 0).toBe(0);
    expect(new Set(plan.items.map((i) => i.itemId)).size).toBe(20);
  });

  it('is deterministic: same inputs and seed give the same plan, whatever the input order', () => {
    const plan = buildSessionPlan(INPUT);
    expect(buildSessionPlan(INPUT)).toEqual(plan);
    expect(buildSessionPlan({ ...INPUT, items: [...ITEMS].reverse(), scenarioIds: [...INPUT.scenarioIds].reverse() })).toEqual(plan);
    const plans = new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => JSON.stringify(buildSessionPlan({ ...INPUT, seed }).items)));
    expect(plans.size).toBeGreaterThan(1);
  });

  it('uses the whole time without a scenario and stops when items run out', () => {
    const plan = buildSessionPlan({ ...INPUT, scenarioIds: [], lengthMinutes: 60 });
    expect(plan.scenarioId).toBeNull();
    // Room for 120: all 24 items fit. Weak practice may fill half of the 117 left, so it takes every unstudied
    // or not-yet-due item of the three weak categories (16); the new phase then takes trails' five.
    expect(plan.items).toHaveLength(24);
    const count = (reason: string) => plan.items.filter((i) => i.reason === reason).length;
    expect([count('due'), count('weak'), count('new')]).toEqual([3, 16, 5]);
    expect(buildSessionPlan({ ...INPUT, items: [], scenarioIds: [] })).toEqual({ items: [], scenarioId: null });
  });

  it('lets due cards take the whole session when there are more than fit', () => {
    const many: StudyItem[] = Array.from({ length: 40 }, (_, n) => ({ id: `cq-due-${n}`, category: 'alarms' }));
    const cards = Object.fromEntries(many.map((item, n) => [item.id, card(-(n + 1) * HOUR, 2)]));
    const plan = buildSessionPlan({ ...INPUT, items: many, cards, scenarioIds: [] });
    expect(plan.items).toHaveLength(30);
    expect(plan.items.every((i) => i.reason === 'due')).toBe(true);
    expect(plan.items[0]?.itemId).toBe('cq-due-39');
  });
});
