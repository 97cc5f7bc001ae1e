// Generates what the editor shows about rules from their metadata, so it never drifts from the code:
// docs/rules/<id>.md (the target of each diagnostic's code link) and the JSON schema of .riposte.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEBATE_SETTINGS, Rule, RULES, SEVERITIES } from '../core';

export function ruleDoc(rule: Rule): string {
  const options = Object.entries(rule.options);
  const lines = [
    `# ${rule.id}`,
    '',
    rule.description,
    '',
    `Default severity: **${rule.defaultSeverity}**.`,
    '',
    '## Options',
    '',
    ...(options.length
      ? ['| Option | Type | Default | Meaning |', '| --- | --- | --- | --- |', ...options.map(([name, spec]) => `| \`${name}\` | ${spec.type} | \`${JSON.stringify(spec.default)}\` | ${spec.description} |`)]
      : ['Only `severity`.']),
    '',
    '## Configuration',
    '',
    'In `.riposte.json`:',
    '',
    '```jsonc',
    `{ "rules": { "${rule.id}": ${options.length ? `{ "severity": "${rule.defaultSeverity}"${options.map(([name, spec]) => `, "${name}": ${JSON.stringify(spec.default)}`).join('')} }` : `"${rule.defaultSeverity}"`} } }`,
    '```',
    '',
    '## Silencing',
    '',
    '```markdown',
    `<!-- riposte-disable-next-line ${rule.id} -->`,
    `<!-- riposte-disable ${rule.id} --> … <!-- riposte-enable ${rule.id} -->`,
    `<!-- riposte-disable-file ${rule.id} -->`,
    '```',
    '',
  ];
  return lines.join('\n');
}

export function configSchema(): object {
  const severity = { enum: SEVERITIES, description: 'How the rule reports: "error", "warning", "information", "hint", or "off".' };
  const rules: Record<string, object> = {};
  for (const rule of RULES) {
    const options: Record<string, object> = { severity };
    for (const [name, spec] of Object.entries(rule.options)) {
      options[name] = { type: spec.type, default: spec.default, description: spec.description, ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}), ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}) };
    }
    rules[rule.id] = {
      description: rule.description,
      oneOf: [severity, { type: 'boolean' }, { type: 'object', properties: options, additionalProperties: false }],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Riposte configuration',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      source: { type: 'string', description: 'Path of the document the drafts answer, relative to the draft, for misquote and unmarked-quote checks.' },
      debate: {
        enum: DEBATE_SETTINGS,
        default: 'auto',
        description:
          'Which Markdown files here are debate drafts, checked by the quote rules. "auto": *.reply.md, *.debate.md, front matter `riposte: true` or `replying-to:`, and Markdown whose text attributes a quote or answers quotes in the first person. A file overrides it with front matter `riposte: true` / `riposte: false`.',
      },
      rules: { type: 'object', properties: rules, additionalProperties: false },
    },
    additionalProperties: false,
  };
}

export function generatedFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of RULES) files.set(join(root, 'docs', 'rules', `${rule.id}.md`), ruleDoc(rule));
  files.set(join(root, 'media', 'riposte.schema.json'), `${JSON.stringify(configSchema(), null, 2)}\n`);
  return files;
}

export function writeGeneratedFiles(root: string): void {
  for (const [path, text] of generatedFiles(root)) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
}
