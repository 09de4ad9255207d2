import { describe, expect, it } from '@jest/globals';
import { hasUnstorableEscape } from './append-batch.js';

// What the store cannot keep, judged on the decoded text: NUL or a surrogate outside a pair.
const unstorable = (text: string) => /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

// Every sequence of up to `length` pieces.
function* sequences(pieces: readonly string[], length: number): Generator<string> {
  yield '';
  if (length === 0) return;
  for (const rest of sequences(pieces, length - 1)) for (const piece of pieces) yield rest + piece;
}

describe('hasUnstorableEscape', () => {
  it('agrees with the decoded text on every JSON string a client could write from these pieces', () => {
    // As JSON text: escaped backslashes, escapes of NUL, of either surrogate half (any case),
    // of an ordinary letter, and the letters an escape is made of.
    const pieces = ['a', '\\\\', '\\u0000', '\\ud800', '\\uDBFF', '\\udc00', '\\uDFFF', '\\u0041', 'u', 'd800', 'dc00'];
    let checked = 0;
    for (const body of sequences(pieces, 4)) {
      const json = `{"k${body}":"${body}"}`;
      const decoded = Object.entries(JSON.parse(json) as Record<string, string>).flat().join('');
      expect([json, hasUnstorableEscape(json)]).toEqual([json, unstorable(decoded)]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('agrees with the decoded text on what JSON.stringify writes for these strings', () => {
    const characters = ['a', '\\', 'u', 'd', '8', '0', 'c', '\u0000', '\uD800', '\uDC00', '\uD83D', '\uDE00'];
    for (const text of sequences(characters, 5)) {
      expect([text, hasUnstorableEscape(JSON.stringify({ text }))]).toEqual([text, unstorable(text)]);
    }
  });
});
