// Wildcard matching (`{"wildcard": "arn:aws:events:*:*:event-bus/*"}`): `*` stands for any run of
// characters, `/` included; `\*` is a literal star and `\\` a literal backslash; any other escape and two
// stars in a row are rejected. Reasons are event-ruler's; AWS returned "Consecutive wildcard characters at
// pos 26" for a pattern whose second adjacent star sat at index 26 (localstack AWS-validated snapshot).

export function compileWildcard(pattern: string): RegExp {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') throw new Error(`Invalid escape character at pos ${i}`);
      source += next === '*' ? '\\*' : '\\\\';
      i++;
    } else if (c === '*') {
      if (pattern[i + 1] === '*') throw new Error(`Consecutive wildcard characters at pos ${i + 1}`);
      source += '.*';
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(source + '$', 'su');
}
