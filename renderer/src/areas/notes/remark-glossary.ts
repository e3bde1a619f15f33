import type { Root, Text, PhrasingContent } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

export interface Term {
  term: string;
  aliases?: string[];
  ko: string;
  en?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Latin terms need word edges ("IAM" not inside "IAMUser"); Hangul terms must match inside words (조사 follow). */
const edged = (s: string) => `${/^[A-Za-z0-9]/.test(s) ? '(?<![A-Za-z0-9])' : ''}${escape(s)}${/[A-Za-z0-9]$/.test(s) ? '(?![A-Za-z0-9])' : ''}`;

/** Marks the first use of each glossary term in a note, so hovering or focusing it shows the definition. */
export function remarkGlossary(terms: Term[]) {
  const forms = terms
    .flatMap((t) => [t.term, ...(t.aliases ?? [])].map((form) => ({ form, entry: t })))
    .sort((a, b) => b.form.length - a.form.length);
  const byForm = new Map(forms.map((f) => [f.form, f.entry]));
  const pattern = forms.length ? new RegExp(forms.map((f) => edged(f.form)).join('|'), 'g') : null;

  return () => (tree: Root) => {
    if (!pattern) return;
    const seen = new Set<Term>();
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined) return;
      if (['link', 'heading', 'inlineCode', 'code'].includes(parent.type)) return;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(pattern)) {
        const entry = byForm.get(m[0]);
        if (!entry || seen.has(entry)) continue;
        seen.add(entry);
        if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
        parts.push({
          type: 'emphasis',
          data: { hName: 'dfn', hProperties: { className: ['term'], tabIndex: 0, dataDef: `${entry.term}${entry.en && entry.en !== entry.term ? ` (${entry.en})` : ''}: ${entry.ko}` } },
          children: [{ type: 'text', value: m[0] }],
        });
        last = m.index + m[0].length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      return [SKIP, index + parts.length];
    });
  };
}
