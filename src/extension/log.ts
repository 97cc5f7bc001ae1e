import * as vscode from 'vscode';
import { Disposable } from './util/dispose';

/** The "Riposte" output channel, created on first use so activation stays cheap. */
export class Log extends Disposable {
  private channel?: vscode.LogOutputChannel;
  private readonly notified = new Set<string>();

  /** Every configuration problem shown to the user, in order (what the notifications said). */
  get shownProblems(): readonly string[] {
    return [...this.notified];
  }

  private get output(): vscode.LogOutputChannel {
    this.channel ??= this._register(vscode.window.createOutputChannel('Riposte', { log: true }));
    return this.channel;
  }

  info(message: string): void {
    this.output.info(message);
  }

  error(message: string): void {
    this.output.error(message);
  }

  /** Logs a configuration problem and shows it once per distinct text, so editing does not spam the user. */
  configurationProblem(message: string): void {
    this.output.warn(message);
    if (this.notified.has(message)) return;
    this.notified.add(message);
    void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => {
      if (choice === 'Show Output') this.output.show(true);
    });
  }
}
