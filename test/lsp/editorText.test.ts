import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditorText } from '../../src/lsp/editorText';
import { seededRandom } from '../random';

describe('the language server’s editor text', () => {
  // What editors send: typing, line breaks of every kind (a lone \r next to a \n among them), deletions
  // across lines, and ranges a client got wrong (past a line's end, past the last line, end before start).
  const pieces = ['a', 'bc', ' ', '\n', '\r\n', '\r', '\n\n', 'x\ny', '> quoted\n', ''];
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`reads 400 random changes as vscode-languageserver-textdocument does (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const initial = 'First line.\nSecond\r\nthird\rfourth\n\nlast';
      let reference = TextDocument.create('file:///x.md', 'markdown', 1, initial);
      const text = new EditorText(initial);
      for (let step = 0; step < 400; step++) {
        const lines = reference.lineCount;
        const position = () => ({ line: random(lines + 2) - 1, character: random(12) - 1 });
        const range = { start: position(), end: position() };
        const inserted = pieces[random(pieces.length)];
        reference = TextDocument.update(reference, [{ range, text: inserted }], step + 2);
        text.applyChange(range, inserted);
        const want = reference.getText();
        assert.equal(text.getText(), want, `text after change ${step + 1}: ${JSON.stringify({ range, inserted })}`);
        assert.equal(text.length, want.length);
        assert.equal(text.lineCount, reference.lineCount);
        for (let line = 0; line < reference.lineCount; line++) {
          const raw = reference.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
          assert.equal(text.lineAt(line), raw.replace(/\r\n$|\r$|\n$/, ''), `line ${line} after change ${step + 1}`);
        }
      }
    });
  }
});
