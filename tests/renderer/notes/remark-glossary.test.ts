import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkGlossary } from '../../../renderer/src/areas/notes/remark-glossary';

const terms = [
  { term: 'IAM', ko: '권한 관리 서비스', en: 'AWS Identity and Access Management' },
  { term: '추적', aliases: ['trail'], ko: '이벤트를 S3로 전달하는 설정', en: 'Trail' },
];
const render = (md: string) =>
  String(unified().use(remarkParse).use(remarkGlossary(terms)).use(remarkRehype).use(rehypeStringify).processSync(md));

describe('glossary terms in notes', () => {
  it('marks the first use of a term, with its definition, even with a particle attached', () => {
    const html = render('추적에서 추적을 만듭니다.');
    expect(html.match(/<dfn/g)).toHaveLength(1);
    expect(html).toContain('<dfn class="term" tabindex="0" data-def="추적 (Trail): 이벤트를 S3로 전달하는 설정">추적</dfn>에서');
  });

  it('does not match a Latin term inside a longer word, nor inside code, links or headings', () => {
    expect(render('IAMUser 유형')).not.toContain('<dfn');
    expect(render('`IAM` and [IAM](https://docs.aws.amazon.com/iam/)')).not.toContain('<dfn');
    expect(render('# IAM')).not.toContain('<dfn');
    expect(render('the IAM service')).toContain('>IAM</dfn>');
  });
});
