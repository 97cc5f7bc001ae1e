import * as assert from 'node:assert/strict';
import { ruleErrorReporter } from '../../src/extension/ruleErrors';

describe('rule failures in the output channel', () => {
  it('logs a failing rule with its stack once per rule, file and message, not on every keystroke', () => {
    const logged: string[] = [];
    const report = ruleErrorReporter({ error: (message) => logged.push(message) });
    const error = new TypeError('boom');
    for (let keystroke = 0; keystroke < 5; keystroke++) report('/w/a.reply.md')('misquote', error);
    report('/w/b.reply.md')('misquote', error);
    report('/w/a.reply.md')('misquote', new Error('another failure'));
    report('/w/a.reply.md')('repeated-words', 'not an Error');
    assert.equal(logged.length, 4);
    assert.match(logged[0], /^Rule misquote failed on \/w\/a\.reply\.md; the other rules' findings are shown\. TypeError: boom\n\s+at /);
    assert.match(logged[1], /b\.reply\.md/);
    assert.match(logged[2], /another failure/);
    assert.match(logged[3], /repeated-words .* not an Error$/);
  });
});
