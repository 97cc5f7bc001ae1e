// "Copy for Forum" and "Paste Thread" in the real VS Code: what lands on the clipboard, what lands in the
// draft, and what the user is told. (The quick pick itself is driven by a user in test/integration/ui/forum.test.mjs.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ForumCopyOutcome, PasteThreadOutcome } from '../../../src/extension/commands/forum';
import { MAIL_REPLY } from '../../forumDrafts';
import { closeAllEditors, openDraft, riposte } from './helpers';

const DRAFT = MAIL_REPLY;

// A Discourse topic as its raw view copies it: "user | date | #n" headers, [quote] tags, separators.
const DISCOURSE_THREAD = [
  'okwu | 2024-03-02 09:12:44 UTC | #9',
  '',
  'Rate limiting per IP punishes everyone behind a university NAT.',
  '',
  '-------------------------',
  '',
  'lena_v | 2024-03-02 10:40:02 UTC | #12',
  '',
  '[quote="okwu, post:9, topic:903"]',
  'Rate limiting per IP punishes everyone behind a university NAT.',
  '[/quote]',
  'So rate limit per account.',
  '',
].join('\n');

describe('forum commands', () => {
  before(riposte);
  afterEach(closeAllEditors);

  it('Copy for Forum puts the draft on the clipboard in Discourse style and says what it copied', async () => {
    await openDraft('forum-copy.reply.md', DRAFT);
    const outcome = await vscode.commands.executeCommand<ForumCopyOutcome>('riposte.copyForForum', { style: 'discourse' });
    const expected = ['Hi Jane,', '', '[quote="Jane Doe"]', '[quote="Raj Patel"]', 'Cut the branch on Thursday.', '[/quote]', '', 'Thursday is too late.', '[/quote]', '', 'I agree with Raj.', ''].join('\n');
    assert.equal(await vscode.env.clipboard.readText(), expected);
    assert.equal(outcome?.message, 'Riposte: copied the draft for Discourse: 2 quotes.');
  });

  it('Copy for Forum copies only the selected lines, here in GitHub style, the quote they start in named', async () => {
    const editor = await openDraft('forum-selection.reply.md', DRAFT);
    editor.selection = new vscode.Selection(6, 2, 8, 17);
    const outcome = await vscode.commands.executeCommand<ForumCopyOutcome>('riposte.copyForForum', { style: 'github' });
    assert.equal(await vscode.env.clipboard.readText(), 'Jane Doe wrote:\n> Thursday is too late.\n\nI agree with Raj.');
    assert.equal(outcome?.message, 'Riposte: copied the selection for GitHub: 1 quote.');
    assert.equal(editor.document.getText(), DRAFT, 'the draft itself is unchanged');
  });

  it('Copy for Forum on an empty draft copies nothing and says the draft is empty', async () => {
    await vscode.env.clipboard.writeText('what was on the clipboard');
    await openDraft('forum-empty.reply.md', '\n\n');
    const outcome = await vscode.commands.executeCommand<ForumCopyOutcome>('riposte.copyForForum', { style: 'mail' });
    assert.equal(outcome?.message, 'Riposte: the draft is empty: there is nothing to copy for a forum.');
    assert.equal(await vscode.env.clipboard.readText(), 'what was on the clipboard');
  });

  it('Paste Thread inserts the copied thread at the cursor as attributed quotes, in one undoable edit', async () => {
    await vscode.env.clipboard.writeText(DISCOURSE_THREAD);
    const editor = await openDraft('forum-paste.reply.md', '# My answer\n\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const outcome = await vscode.commands.executeCommand<PasteThreadOutcome>('riposte.pasteThread');
    const expected = [
      '# My answer',
      '',
      '@okwu wrote:',
      '> Rate limiting per IP punishes everyone behind a university NAT.',
      '',
      '@lena_v wrote:',
      '> @okwu wrote:',
      '> > Rate limiting per IP punishes everyone behind a university NAT.',
      '>',
      '> So rate limit per account.',
      '',
      '',
    ].join('\n');
    assert.equal(editor.document.getText(), expected);
    assert.equal(outcome?.message, 'Riposte: pasted 2 posts as quotes (okwu, lena_v).');
    assert.deepEqual(editor.selection.active, new vscode.Position(11, 0), 'the cursor waits under the thread, ready for the answer');
    // Riposte reads the pasted quotes as the thread's: each has its speaker.
    const { drafts } = await riposte();
    assert.deepEqual(
      drafts.draftOf(editor.document).quotes.map((quote) => quote.speaker),
      ['@okwu', '@lena_v', '@okwu'],
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '# My answer\n\n', 'one undo takes the whole paste back');
  });

  it('Paste Thread says so when the clipboard holds nothing thread-like, and pastes it as one quote with no name', async () => {
    await vscode.env.clipboard.writeText('Just some notes.\nNothing quoted here.\n');
    const editor = await openDraft('forum-paste-plain.reply.md', '');
    const outcome = await vscode.commands.executeCommand<PasteThreadOutcome>('riposte.pasteThread');
    assert.equal(editor.document.getText(), '> Just some notes.\n> Nothing quoted here.\n\n');
    assert.equal(outcome?.recognised, false);
    assert.equal(outcome?.message, 'Riposte: nothing in the clipboard looks like a thread (no post header, mail header or named quote): it was pasted as one quote with no name.');
  });
});
