// The shape of VS Code's own markdown-language-features `util/dispose.ts`. It names no `vscode` type, only
// the `dispose()` method every VS Code disposable has, so that the unit tests can load it without an editor.

/** Anything that releases what it holds when told to: VS Code's disposables, and plain `{ dispose }` objects. */
export interface DisposableLike {
  dispose(): void;
}

/**
 * Disposes every item, even when some throw: one failure must not leave the rest (listeners, timers,
 * panels) alive. Throws the only error, or an AggregateError of several, once all have been tried.
 */
export function disposeAll(disposables: Iterable<DisposableLike>): void {
  const errors: unknown[] = [];
  for (const disposable of disposables) {
    try {
      disposable.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed to dispose.');
}

/**
 * A class that owns disposables: it registers each one as it takes it, and `dispose()` releases them all,
 * in the order they were registered, once. Disposing twice, or again from inside a disposal (a webview
 * panel's `onDidDispose` calling back into its owner), does nothing the second time.
 */
export abstract class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.owned);
    this.owned.length = 0;
  }

  /** Takes ownership of `value` and hands it back; once this is disposed, `value` is disposed at once. */
  protected _register<T extends DisposableLike>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }
}
