import * as assert from 'node:assert/strict';
import { lint, parseConfigText, RULES, validateConfig } from '../../src/core';

describe('configuration', () => {
  it('reads JSONC with comments and trailing commas', () => {
    const { config, problems } = parseConfigText('{\n // why\n "rules": { "repeated-words": "off", },\n}', '.riposte.json', RULES);
    assert.deepEqual(problems, []);
    assert.equal(config.rules['repeated-words'].severity, 'off');
  });

  it('names the file, line and column of a JSON syntax error', () => {
    const { problems } = parseConfigText('{\n  "rules": {\n    "repeated-words": off\n  }\n}', '/x/.riposte.json', RULES);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /\/x\/\.riposte\.json:3:\d+/);
  });

  it('names each bad key and keeps the good ones', () => {
    const { config, problems } = validateConfig(
      {
        rules: {
          'near-duplicate-paragraph': { severity: 'loud', threshold: 2, minWords: 5 },
          'no-such-rule': 'error',
          'repeated-words': 'information',
        },
        colour: 'blue',
      },
      RULES,
    );
    assert.deepEqual(problems.map((p) => p.key).sort(), [
      'colour',
      'rules.near-duplicate-paragraph.severity',
      'rules.near-duplicate-paragraph.threshold',
      'rules.no-such-rule',
    ]);
    assert.equal(config.rules['repeated-words'].severity, 'information');
    assert.equal(config.rules['near-duplicate-paragraph'].options.minWords, 5);
    assert.match(problems.find((p) => p.key === 'rules.near-duplicate-paragraph.threshold')!.message, /between 0.5 and 0.99/);
  });

  it('applies severities and options to lint results', () => {
    const text = 'It is the the point.\n';
    assert.equal(lint(text)[0].severity, 'warning');
    const { config } = validateConfig({ rules: { 'repeated-words': 'error' } }, RULES);
    assert.equal(lint(text, { config })[0].severity, 'error');
    const off = validateConfig({ rules: { 'repeated-words': false } }, RULES).config;
    assert.deepEqual(lint(text, { config: off }), []);
  });

  it('documents every rule option with a type, default and description', () => {
    for (const rule of RULES) {
      assert.ok(rule.description.length > 20, rule.id);
      for (const [name, spec] of Object.entries(rule.options)) {
        assert.equal(typeof spec.default, spec.type, `${rule.id}.${name}`);
        assert.ok(spec.description, `${rule.id}.${name}`);
      }
    }
  });
});
