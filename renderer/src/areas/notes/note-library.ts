import { GlossarySchema, parseNote, type GlossaryEntry, type NoteFrontMatter } from '../../../../content/schema';
import glossaryJson from '../../../../content/glossary.json';

export interface Note {
  meta: NoteFrontMatter;
  body: string;
  /** Lower-cased plain text of title, summary and body, for search. */
  searchText: string;
}

// Notes are data under content/notes; Vite bundles them into the notes chunk, loaded when the area opens.
const rawNotes = import.meta.glob('../../../../content/notes/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
// Diagrams are bundled as markup and drawn inline: an SVG shown through <img> is a document of its own, which
// Chromium lays out again (Korean text included) when the image is first drawn and again after a while unseen.
const diagramMarkup = import.meta.glob('../../../../content/notes/diagrams/*.svg', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Markdown without its markup, so search matches what the learner reads. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*/g, ''))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const NOTES: Note[] = Object.values(rawNotes)
  .map((text) => {
    const { frontMatter, body } = parseNote(text);
    return { meta: frontMatter, body, searchText: normalize(`${frontMatter.title} ${frontMatter.summary} ${plainText(body)}`) };
  })
  .sort((a, b) => a.meta.order - b.meta.order);

export const GLOSSARY: GlossaryEntry[] = GlossarySchema.parse(glossaryJson);

/** The markup of a diagram referenced from a note as `diagrams/NAME.svg`. */
export function diagramSvg(src: string): string | undefined {
  const name = src.split('/').pop();
  const hit = Object.entries(diagramMarkup).find(([path]) => path.endsWith(`/${name}`));
  return hit ? inlined(hit[1]) : undefined;
}

/** The drawing as the note shows it: the element around it is the image, named by the note's alt text, so
 *  the drawing's own role and title (kept in the file, for opening it alone) are left out. */
function inlined(svg: string): string {
  return svg.replace(/^<svg\b[^>]*>/, (open) => open.replace(/\s(?:role|aria-labelledby|aria-hidden|focusable)="[^"]*"/g, '').replace(/>$/, ' aria-hidden="true" focusable="false">'));
}

export function noteById(id: string): Note | undefined {
  return NOTES.find((n) => n.meta.id === id);
}
