import * as assert from 'node:assert/strict';
import { Disposable, DisposableLike, disposeAll } from '../../src/extension/util/dispose';

/** A disposable that writes its name to `log` each time it is disposed. */
function recorder(log: string[], name: string): DisposableLike {
  return { dispose: () => log.push(name) };
}

class Owner extends Disposable {
  register<T extends DisposableLike>(value: T): T {
    return this._register(value);
  }

  get disposedYet(): boolean {
    return this.isDisposed;
  }
}

describe('Disposable', () => {
  it('disposes what it registered once, in registration order, however often it is disposed', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register(recorder(log, 'listener'));
    owner.register(recorder(log, 'panel'));
    assert.equal(owner.disposedYet, false);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['listener', 'panel']);
    assert.equal(owner.disposedYet, true);
  });

  it('does nothing when disposed again from inside its own disposal', () => {
    // A webview panel's onDidDispose calls its owner's dispose, which is what disposed the panel.
    const log: string[] = [];
    const owner = new Owner();
    let reentries = 0;
    owner.register({
      dispose: () => {
        log.push('panel');
        if (reentries++ < 3) owner.dispose();
      },
    });
    owner.register(recorder(log, 'listener'));
    owner.dispose();
    assert.equal(reentries, 1);
    assert.deepEqual(log, ['panel', 'listener']);
  });

  it('disposes at once what is registered after it was disposed, and hands it back', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    const late = recorder(log, 'late');
    assert.equal(owner.register(late), late);
    assert.deepEqual(log, ['late']);
    owner.dispose();
    assert.deepEqual(log, ['late']);
  });

  it('disposes the rest when one throws, then throws what it caught', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register({
      dispose: () => {
        throw new Error('first');
      },
    });
    owner.register(recorder(log, 'second'));
    assert.throws(() => owner.dispose(), /^Error: first$/);
    assert.deepEqual(log, ['second']);
  });
});

describe('disposeAll', () => {
  it('tries every item and reports several failures together', () => {
    const log: string[] = [];
    const failing = (message: string): DisposableLike => ({
      dispose: () => {
        throw new Error(message);
      },
    });
    assert.throws(
      () => disposeAll([failing('a'), recorder(log, 'b'), failing('c')]),
      (error: unknown) => error instanceof AggregateError && error.errors.map((inner: Error) => inner.message).join() === 'a,c',
    );
    assert.deepEqual(log, ['b']);
  });
});
