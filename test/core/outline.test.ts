import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutline, OutlineNode, parseDraft } from '../../src/core';
import { REPO_ROOT } from '../paths';

/** The outline as indented lines: "kind name [detail] start-end" (1-based lines, as the editor shows them). */
function show(nodes: OutlineNode[], indent = ''): string[] {
  return nodes.flatMap((node) => [`${indent}${node.kind} ${node.name} [${node.detail}] ${node.startLine + 1}-${node.endLine + 1}`, ...show(node.children, `${indent}  `)]);
}

const outlineOf = (text: string, options?: { headings?: boolean; passages?: boolean; replies?: boolean; speakersInDetail?: boolean }) => buildOutline(parseDraft(text), options);

describe('outline of a thread', () => {
  it('the mail thread: Tom Becker → his three passages → Priya’s quoted words inside, and the replies to each', () => {
    const file = join(REPO_ROOT, 'examples', 'mailing-list.reply.md');
    assert.deepEqual(show(outlineOf(readFileSync(file, 'utf8'))), [
      'speaker Tom Becker [3 passages] 6-20',
      '  quote Thursday is too late. The packagers need two clear days befo… [lines 6–11] 6-11',
      '    quote The release branch should be cut on Thursday, after the last [Priya Raman · lines 7–8] 7-8',
      '      reply Thursday is too late. The packagers need two clear days befo… [reply by Tom Becker · lines 10–11] 10-11',
      '    reply They said so about the last release, when the build took six… [reply by Priya Raman · lines 13–14] 13-14',
      '  quote Also, nobody has tested the new installer on the old LTS. [line 16] 16-16',
      '    reply I tested it on the old LTS this morning: it installs and upg… [reply by Priya Raman · line 18] 18-18',
      '  quote And what about the documentation freeze? [line 20] 20-20',
    ]);
  });

  it('for a long thread, the speakers alone (with their passage counts) or the passages without replies', () => {
    const text = readFileSync(join(REPO_ROOT, 'examples', 'mailing-list.reply.md'), 'utf8');
    assert.deepEqual(show(outlineOf(text, { passages: false, replies: false })), ['speaker Tom Becker [3 passages] 6-20']);
    assert.deepEqual(show(outlineOf(text, { replies: false })), [
      'speaker Tom Becker [3 passages] 6-20',
      '  quote Thursday is too late. The packagers need two clear days befo… [lines 6–11] 6-11',
      '    quote The release branch should be cut on Thursday, after the last [Priya Raman · lines 7–8] 7-8',
      '  quote Also, nobody has tested the new installer on the old LTS. [line 16] 16-16',
      '  quote And what about the documentation freeze? [line 20] 20-20',
    ]);
  });

  it('headings nest by level; each section lists the people quoted in it before its subheadings, and keeps its replies', () => {
    const text = '# Response\n\nIntro.\n\n## Reviewer 2\n\n> **Ana:** Why not baseline B?\n\nWe added it.\n\n> **Ana:** And C?\n\nAlso added.\n\n### Minor\n\n> **Bo:** Typo on p. 3.\n\nFixed.\n\n## Closing\n\nThanks.\n';
    assert.deepEqual(show(outlineOf(text)), [
      'heading Response [] 1-24',
      '  heading Reviewer 2 [] 5-20',
      '    speaker Ana [2 passages] 7-11',
      '      quote Why not baseline B? [line 7] 7-7',
      '        reply We added it. [reply · line 9] 9-9',
      '      quote And C? [line 11] 11-11',
      '        reply Also added. [reply · line 13] 13-13',
      '    heading Minor [] 15-20',
      '      speaker Bo [1 passage] 17-17',
      '        quote Typo on p. 3. [line 17] 17-17',
      '          reply Fixed. [reply · line 19] 19-19',
      '  heading Closing [] 21-24',
    ]);
  });

  it('for a long thread with headings, each heading names the people quoted in its section instead of listing them', () => {
    const text = '> **Zoe:** Before any heading.\n\n# Response\n\n## Reviewer 2\n\n> **Ana:** Why not baseline B?\n\nWe added it.\n\n> **Ana:** And C?\n\n> **Bo:** And D?\n\n> **Cy:** E?\n\n> **Di:** F?\n\n> **Ed:** G?\n\n### Minor\n\n> **Bo:** Typo on p. 3.\n\nFixed.\n';
    assert.deepEqual(show(outlineOf(text, { passages: false, replies: false, speakersInDetail: true })), [
      'speaker Zoe [1 passage] 1-1',
      'heading Response [] 3-26',
      '  heading Reviewer 2 [Ana (2), Bo (1), Cy (1), Di (1), +1 more] 5-26',
      '    heading Minor [Bo (1)] 21-26',
    ]);
  });

  it('leaves out alerts and callouts, which quote nobody, and a quote that names nobody is Unattributed', () => {
    const text = '> [!NOTE]\n> Drafts are public.\n\n> Nobody measured this.\n\nI did.\n';
    assert.deepEqual(show(outlineOf(text)), [
      'speaker Unattributed [1 passage] 4-4',
      '  quote Nobody measured this. [line 4] 4-4',
      '    reply I did. [reply · line 6] 6-6',
    ]);
  });

  it('without headings (plain markdown, whose Outline has them already), speakers stand at the top', () => {
    const text = '# Notes\n\n> **Ana:** Claim.\n\nAnswer.\n';
    assert.deepEqual(show(outlineOf(text, { headings: false })), ['speaker Ana [1 passage] 3-3', '  quote Claim. [line 3] 3-3', '    reply Answer. [reply · line 5] 5-5']);
  });

  it('a draft with no quote and no heading has an empty outline; long first lines are cut without splitting a character', () => {
    assert.deepEqual(outlineOf('Just my own paragraph.\n\nAnother one.\n'), []);
    const long = `> **Ana:** ${'x'.repeat(59)}😀 and more\n\nYes.\n`;
    const [speaker] = outlineOf(long);
    assert.equal(speaker.children[0].name, `${'x'.repeat(59)}…`);
  });
});
