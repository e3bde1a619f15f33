// Note titles without loading the notes themselves (they live in the notes chunk).
const titles = import.meta.glob('../../../../content/notes/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const byId = new Map(
  Object.values(titles).map((text) => {
    const id = /\nid:\s*(\S+)/.exec(text)?.[1] ?? '';
    const title = /\ntitle:\s*(.+)/.exec(text)?.[1]?.trim() ?? id;
    return [id, title] as const;
  }),
);

export function noteTitle(id: string): string {
  return byId.get(id) ?? id;
}
