// Chooses what a weekend session contains. Pure and deterministic: the same inputs and seed give the same plan.
import { isDue, type CardJson } from './card-state';
import { seededCompare, seededPick } from './seeded-order';

export interface StudyItem {
  /** Quiz item id, or `note:<noteId>:<n>` for a note flashcard. */
  id: string;
  category: string;
}

export type PlanReason = 'due' | 'weak' | 'new';

export interface PlannedItem {
  itemId: string;
  category: string;
  reason: PlanReason;
}

export interface SessionPlan {
  items: PlannedItem[];
  scenarioId: string | null;
}

export interface CategoryStats {
  answered: number;
  correct: number;
}

export interface PlanInput {
  lengthMinutes: number;
  items: readonly StudyItem[];
  cards: Readonly<Record<string, CardJson>>;
  /** progress.quizStats */
  quizStats: Readonly<Record<string, CategoryStats>>;
  scenarioIds: readonly string[];
  now: Date;
  seed: string;
}

/** A quiz question takes about half a minute including reading the explanation. */
export const SECONDS_PER_ITEM = 30;
/** Time kept aside for the one scenario when there is one to play. */
export const SCENARIO_SECONDS = 5 * 60;
/** Weak-category practice looks at this many of the weakest categories at most. */
export const WEAK_CATEGORY_COUNT = 3;
/** A category at or above this accuracy, over at least MASTERED_MIN_ANSWERS answers, is not weak. */
export const MASTERED_ACCURACY = 0.85;
export const MASTERED_MIN_ANSWERS = 10;

/** How many questions fit: the session length minus the scenario's share, at SECONDS_PER_ITEM each. */
export function itemCapacity(lengthMinutes: number, withScenario: boolean): number {
  const seconds = lengthMinutes * 60 - (withScenario ? SCENARIO_SECONDS : 0);
  return Math.max(0, Math.floor(seconds / SECONDS_PER_ITEM));
}

/**
 * Categories from weakest to strongest: lowest accuracy first, then fewest answers, then name. A category never
 * answered counts as accuracy 0, since nothing shows the learner knows it.
 */
export function rankCategories(categories: Iterable<string>, quizStats: Readonly<Record<string, CategoryStats>>): string[] {
  const accuracy = (c: string) => {
    const s = quizStats[c];
    return s && s.answered > 0 ? s.correct / s.answered : 0;
  };
  const answered = (c: string) => quizStats[c]?.answered ?? 0;
  return [...new Set(categories)].sort(
    (a, b) => accuracy(a) - accuracy(b) || answered(a) - answered(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

function isMastered(category: string, quizStats: Readonly<Record<string, CategoryStats>>): boolean {
  const s = quizStats[category];
  return !!s && s.answered >= MASTERED_MIN_ANSWERS && s.correct / s.answered >= MASTERED_ACCURACY;
}

/** Takes one item per category in turn (categories in the given order), so no single category fills a phase. */
function roundRobin(byCategory: Map<string, StudyItem[]>, order: readonly string[], limit: number): StudyItem[] {
  const queues = order.map((c) => [...(byCategory.get(c) ?? [])]);
  const out: StudyItem[] = [];
  while (out.length < limit && queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const next = q.shift();
      if (next && out.length < limit) out.push(next);
    }
  }
  return out;
}

function groupByCategory(items: readonly StudyItem[], seed: string): Map<string, StudyItem[]> {
  const compare = seededCompare(seed);
  const groups = new Map<string, StudyItem[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  for (const list of groups.values()) list.sort((a, b) => compare(a.id, b.id));
  return groups;
}

/**
 * The plan, in this order:
 * 1. due — every studied card due by `now`, most overdue first (FSRS's schedule comes first);
 * 2. weak — from the WEAK_CATEGORY_COUNT weakest categories (rankCategories, skipping mastered ones), taken in
 *    turn, filling at most half of the room the due cards left;
 * 3. new — never-studied items from every category, taken in turn from the weakest category on;
 * until itemCapacity is reached. Ties within a phase follow the seed. One scenario is drawn by seed.
 */
export function buildSessionPlan(input: PlanInput): SessionPlan {
  const scenarioId = seededPick(input.seed, input.scenarioIds);
  const capacity = itemCapacity(input.lengthMinutes, scenarioId !== null);
  const compare = seededCompare(input.seed);
  const picked = new Set<string>();
  const plan: PlannedItem[] = [];
  const take = (items: readonly StudyItem[], reason: PlanReason) => {
    for (const item of items) {
      if (plan.length >= capacity || picked.has(item.id)) continue;
      picked.add(item.id);
      plan.push({ itemId: item.id, category: item.category, reason });
    }
  };

  const uniqueItems = [...new Map(input.items.map((i) => [i.id, i])).values()];
  const due = uniqueItems
    .filter((i) => {
      const card = input.cards[i.id];
      return card !== undefined && isDue(card, input.now);
    })
    .sort((a, b) => Date.parse(input.cards[a.id]!.due) - Date.parse(input.cards[b.id]!.due) || compare(a.id, b.id));
  take(due, 'due');

  const ranked = rankCategories(
    uniqueItems.map((i) => i.category),
    input.quizStats,
  );
  const weakCategories = ranked.filter((c) => !isMastered(c, input.quizStats)).slice(0, WEAK_CATEGORY_COUNT);
  const weakRoom = Math.ceil((capacity - plan.length) / 2);
  const weakPool = groupByCategory(
    uniqueItems.filter((i) => !picked.has(i.id)),
    input.seed,
  );
  take(roundRobin(weakPool, weakCategories, weakRoom), 'weak');

  const isNew = (i: StudyItem) => {
    const card = input.cards[i.id];
    return card === undefined || card.state === 0;
  };
  const newPool = groupByCategory(
    uniqueItems.filter((i) => !picked.has(i.id) && isNew(i)),
    input.seed,
  );
  take(roundRobin(newPool, ranked, capacity - plan.length), 'new');

  return { items: plan, scenarioId };
}
