import * as assert from 'node:assert/strict';
import { FOLD_REGION, foldingRanges, parseDraft } from '../../src/core';

/** The folds as "start-end" (1-based lines, as the editor shows them), "region" marking a region's kind. */
function folds(text: string): string[] {
  const flat = foldingRanges(parseDraft(text));
  const shown: string[] = [];
  for (let i = 0; i < flat.length; i += 3) shown.push(`${flat[i] + 1}-${flat[i + 1] + 1}${flat[i + 2] === FOLD_REGION ? ' region' : ''}`);
  return shown.sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
}

describe('folding (the editor and the language server fold the same)', () => {
  it('folds a quote with the attribution line over it, a nested quote, a code block, a heading’s section and #region markers', () => {
    const text = [
      '# Reply', //                                    1
      '', //                                           2
      'On Monday, Ana Ruiz wrote:', //                 3
      '> The claim holds.', //                         4
      '> > Earlier words.', //                         5
      '> > More of them.', //                          6
      '', //                                           7
      'It does not.', //                               8
      '', //                                           9
      '```', //                                        10
      'code', //                                       11
      '```', //                                        12
      '', //                                           13
      '<!-- #region notes -->', //                     14
      '', //                                           15
      'Notes.', //                                     16
      '', //                                           17
      '<!-- #endregion -->', //                        18
      '', //                                           19
    ].join('\n');
    assert.deepEqual(folds(text), ['1-18', '3-6 region', '5-6 region', '10-12', '14-18 region']);
  });

  it('gives a one-line quote and a one-line heading section nothing to fold', () => {
    assert.deepEqual(folds('# Title\n\n> One line.\n'), ['1-3']);
    assert.deepEqual(folds('> One line.\n\nMy answer.\n'), []);
  });
});
