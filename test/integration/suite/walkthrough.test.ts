// The first-use walkthrough (contributes.walkthroughs): its steps, their media, and the commands their links
// run, which must exist in this VS Code. The links are run as the walkthrough runs them, with the walkthrough
// itself in front: opening the example draft shows Riposte's findings, and Fix All fixes that draft.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, riposte, ruleOf, waitForDiagnostics, waitForText, waitUntil } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

interface Walkthrough {
  id: string;
  title: string;
  steps: Step[];
}

interface Link {
  command: string;
  args: unknown[];
}

/** The `command:` links of a step's description, with their arguments as VS Code passes them (a JSON array is spread). */
function linksOf(step: Step): Link[] {
  return [...step.description.matchAll(/\]\(command:([\w.]+)(?:\?([^)]+))?\)/g)].map(([, command, query]) => {
    const parsed: unknown = query === undefined ? undefined : JSON.parse(decodeURIComponent(query));
    return { command, args: parsed === undefined ? [] : Array.isArray(parsed) ? parsed : [parsed] };
  });
}

/** Every command a link runs, including those it runs through `runCommands`. */
function commandsOf(link: Link): string[] {
  if (link.command !== 'runCommands') return [link.command];
  const { commands } = link.args[0] as { commands: Array<string | { command: string }> };
  return [link.command, ...commands.map((item) => (typeof item === 'string' ? item : item.command))];
}

function walkthrough(): Walkthrough {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs?: Walkthrough[] } }).contributes.walkthroughs ?? [];
  assert.equal(walkthroughs.length, 1, 'one walkthrough');
  return walkthroughs[0];
}

function step(id: string): Step {
  const found = walkthrough().steps.find((candidate) => candidate.id === id);
  assert.ok(found, `no step ${id}`);
  return found;
}

async function runLink(link: Link): Promise<void> {
  await vscode.commands.executeCommand(link.command, ...link.args);
}

async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough().id}`, false);
  await waitUntil(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor, (editor) => editor === undefined, () => 'the walkthrough did not come to the front');
}

describe('First-use walkthrough', () => {
  let example: vscode.TextDocument | undefined;
  before(riposte);
  after(async () => {
    // The example is an untitled draft: revert it so that closing asks nothing.
    if (example) {
      await vscode.window.showTextDocument(example);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed with its five steps, each with media that the extension ships', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const { steps } = walkthrough();
    assert.deepEqual(
      steps.map((s) => s.id),
      ['openExample', 'seeFindings', 'applyFix', 'openReplyTree', 'copyForForum'],
    );
    for (const s of steps) {
      assert.ok(s.media.markdown, `${s.id} has markdown media`);
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, s.media.markdown));
      assert.ok(stat.size > 0, `${s.media.markdown} is empty`);
      assert.ok((s.completionEvents ?? []).length > 0, `${s.id} is never checked off`);
    }
  });

  it('links and completion events name only commands that exist', async () => {
    const known = new Set(await vscode.commands.getCommands(false));
    const named = walkthrough().steps.flatMap((s) => [
      ...linksOf(s).flatMap(commandsOf),
      ...(s.completionEvents ?? []).filter((event) => event.startsWith('onCommand:')).map((event) => event.slice('onCommand:'.length)),
    ]);
    for (const id of ['riposte.fixAll', 'riposte.openPreviewToSide', 'riposte.copyForForum', 'editor.action.insertSnippet', 'workbench.actions.view.problems']) assert.ok(named.includes(id), `no step names ${id}`);
    assert.deepEqual(
      named.filter((id) => !known.has(id)),
      [],
    );
  });

  it('opens the example draft from the walkthrough, in Debate Markdown, with Riposte’s findings', async () => {
    await openWalkthrough();
    const [open] = linksOf(step('openExample'));
    await runLink(open);
    const editor = await waitUntil(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor, (e) => e?.document.languageId === 'debate-markdown' && e.document.getText().includes('Tom Becker wrote:'), () => 'no example draft in front');
    assert.ok(editor);
    example = editor.document;
    assert.equal(example.isUntitled, true);
    const diagnostics = await waitForDiagnostics(example.uri, (found) => found.length >= 3, 'the example’s findings');
    assert.deepEqual(diagnostics.map(ruleOf).sort(), ['duplicate-paragraph', 'repeated-words', 'reply-inside-quote']);
  });

  it('applies the safe fixes to the example draft from the walkthrough, leaving the doubled words to the writer', async () => {
    assert.ok(example, 'the example draft is open (previous test)');
    await openWalkthrough();
    const [fix] = linksOf(step('applyFix'));
    await runLink(fix);
    const text = await waitForText(example, (current) => !current.includes('means something.\nThursday'));
    assert.match(text, /means something\.\n\nThursday is too late/);
    assert.equal(text.split('one clear day is enough for everyone.').length - 1, 1, 'the pasted copy is gone');
    // Left: the doubled words (a person decides), and the last quote, whose only answer was the pasted copy.
    const left = await waitForDiagnostics(example.uri, (found) => !found.some((d) => ruleOf(d) === 'duplicate-paragraph'), 'the fixed findings gone');
    assert.deepEqual(left.map(ruleOf).sort(), ['repeated-words', 'unanswered-quote']);
  });
});
