// Shapes of the study content (notes, seed map, glossary, conceptual quiz) and the note loader.
// Runs in the browser as well as in tests: no Node imports here.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case English');

/** Links leave the app only for AWS's own documentation. */
export const AwsDocLinkSchema = z.object({
  title: z.string().min(1),
  url: z
    .string()
    .regex(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/, 'awsDocs url must be https on docs.aws.amazon.com'),
});

/** An action the simulator can prepare for the learner, in the action catalog's 'service:Action' form. */
export const SimulatorLinkSchema = z.object({
  label: z.string().min(1),
  api: z.string().regex(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/, "api must look like 'service:Action'"),
});

export const NoteFrontMatterSchema = z.object({
  id: kebabId,
  title: z.string().min(1),
  order: z.number().int().positive(),
  summary: z.string().min(1),
  awsDocs: z.array(AwsDocLinkSchema).min(1),
  tryInSimulator: z.array(SimulatorLinkSchema).optional(),
  tags: z.array(z.string().min(1)).default([]),
});
export type NoteFrontMatter = z.infer<typeof NoteFrontMatterSchema>;

export interface ParsedNote {
  frontMatter: NoteFrontMatter;
  /** Markdown after the closing '---' of the front matter. */
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits and validates a note; throws with the zod message when the front matter is wrong. */
export function parseNote(markdownText: string): ParsedNote {
  const match = FRONT_MATTER.exec(markdownText);
  if (!match) throw new Error('note has no YAML front matter delimited by --- lines');
  const [, yamlText = '', body = ''] = match;
  const frontMatter = NoteFrontMatterSchema.parse(parseYaml(yamlText));
  return { frontMatter, body };
}

/** Heading texts of a Markdown body (ATX headings outside fenced code blocks). */
export function noteHeadings(body: string): string[] {
  const headings: string[] = [];
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m?.[1]) headings.push(m[1]);
  }
  return headings;
}

/**
 * One line of the learner's original notes and where we teach it.
 * `fact` lines state something about AWS; `heading` and `image` lines are structure; `review` is the
 * learner's reminder to review on weekends, which the 복습 feature answers rather than a note.
 */
export const SeedMapEntrySchema = z
  .object({
    /** The exact line of content/seed/learner-notes.md, indentation and trailing spaces included. */
    line: z.string().min(1),
    kind: z.enum(['fact', 'heading', 'image', 'review']),
    /** The note that teaches it (absent only for kind 'review'). */
    noteId: kebabId.optional(),
    /** Exact heading text in that note under which it is taught. */
    heading: z.string().min(1).optional(),
    /** A short Korean phrase that appears verbatim in that note (or, for 'image', the diagram file name). */
    phrase: z.string().min(1),
    /** App feature that answers a 'review' line. */
    feature: z.enum(['review']).optional(),
    corrected: z.boolean(),
    /** Korean: what was wrong or imprecise and what is true today; required when corrected. */
    explanation: z.string().min(1).optional(),
  })
  .refine((e) => !e.corrected || e.explanation !== undefined, {
    message: 'a corrected line needs an explanation',
  })
  .refine((e) => (e.kind === 'review' ? e.feature !== undefined : e.noteId !== undefined), {
    message: "a 'review' line names a feature; every other line names a note",
  });
export type SeedMapEntry = z.infer<typeof SeedMapEntrySchema>;

export const SeedMapSchema = z.object({
  source: z.string().min(1),
  entries: z.array(SeedMapEntrySchema).min(1),
});
export type SeedMap = z.infer<typeof SeedMapSchema>;

export const GlossaryEntrySchema = z.object({
  /** The term as it appears in Korean text (AWS names stay in English). */
  term: z.string().min(1),
  /** Other spellings that should also show the definition on hover. */
  aliases: z.array(z.string().min(1)).default([]),
  ko: z.string().min(1),
  en: z.string().min(1),
  noteId: kebabId,
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
export const GlossarySchema = z.array(GlossaryEntrySchema).min(40);

export const QUIZ_CATEGORIES = [
  'management-vs-data',
  'read-vs-write',
  'api-vs-nonapi',
  'event-history',
  'trails',
  'insights',
  'integrity',
  'cloudwatch-metrics',
  'alarms',
  'eventbridge',
  'metric-filters',
] as const;
export const QuizCategorySchema = z.enum(QUIZ_CATEGORIES);
export type QuizCategory = z.infer<typeof QuizCategorySchema>;

export const ConceptualQuizItemSchema = z
  .object({
    id: z.string().regex(/^cq-[a-z0-9-]+$/),
    category: QuizCategorySchema,
    format: z.enum(['multiple-choice', 'true-false']),
    prompt: z.string().min(1),
    choices: z.array(z.string().min(1)).min(2),
    answerIndex: z.number().int().nonnegative(),
    explanation: z.string().min(1),
    noteId: kebabId,
  })
  .refine((q) => q.answerIndex < q.choices.length, { message: 'answerIndex is outside choices' })
  .refine((q) => q.format !== 'true-false' || (q.choices.length === 2 && q.choices[0] === '참' && q.choices[1] === '거짓'), {
    message: "true-false items have exactly the choices ['참', '거짓']",
  })
  .refine((q) => q.format !== 'multiple-choice' || q.choices.length >= 3, {
    message: 'multiple-choice items offer at least three choices',
  })
  .refine((q) => new Set(q.choices).size === q.choices.length, { message: 'choices must be distinct' });
export type ConceptualQuizItem = z.infer<typeof ConceptualQuizItemSchema>;
export const ConceptualQuizSchema = z.array(ConceptualQuizItemSchema).min(60);
