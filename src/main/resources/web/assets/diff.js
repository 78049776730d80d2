// A word-level difference of two texts: the longest common subsequence of their words (each word
// with the spaces after it, compared without them), so a reader sees which runs of words were removed
// and added.

/** Parts of the new text: {type: 'same' | 'del' | 'ins', text}. */
export function wordDiff(before, after) {
  const a = tokens(before);
  const b = tokens(after);
  // Texts of a report row are a few hundred words; past this, a whole replacement says enough.
  if (a.length * b.length > 2_000_000) {
    return [{ type: 'del', text: before }, { type: 'ins', text: after }].filter((p) => p.text);
  }
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i][j] = a[i].trim() === b[j].trim() ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const parts = [];
  const push = (type, text) => {
    const last = parts[parts.length - 1];
    if (last && last.type === type) {
      last.text += text;
    } else {
      parts.push({ type, text });
    }
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i].trim() === b[j].trim()) {
      push('same', b[j]);
      i += 1;
      j += 1;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      push('del', a[i]);
      i += 1;
    } else {
      push('ins', b[j]);
      j += 1;
    }
  }
  a.slice(i).forEach((w) => push('del', w));
  b.slice(j).forEach((w) => push('ins', w));
  return parts;
}

function tokens(text) {
  return (text || '').match(/\S+\s*/g) || [];
}
