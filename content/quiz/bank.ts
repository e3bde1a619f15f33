// The generated part of the quiz bank: questions from the simulator's own catalog and records.
import { Account } from '../../simulator';
import type { ActionDef } from '../../simulator/core/contract';
import { generateQuestions } from './generate';
import { alarmQuestions } from './generate-alarms';
import { patternQuestions } from './generate-patterns';
import { recordSamples } from './samples';
import type { QuizItem } from './types';

/** The AWS actions a learner can call; the simulator's own `sim:` controls are not AWS and not quiz material. */
export function quizCatalog(): ActionDef[] {
  return new Account({ seed: 1, startMs: Date.parse('2026-11-01T00:00:00Z') })
    .catalog()
    .filter((d) => !d.api.startsWith('sim:'));
}

export function generatedQuizItems(): QuizItem[] {
  const samples = recordSamples();
  return [...generateQuestions(quizCatalog(), samples), ...patternQuestions(samples), ...alarmQuestions()];
}
