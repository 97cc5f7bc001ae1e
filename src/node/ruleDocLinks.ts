import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the rule pages are: docs/rules/ beside the running code (the repository, or a package that ships
 * docs/), found once from the bundle (dist/) or the test build (out/src/…). Undefined when there are none.
 */
export function findRuleDocs(start: string = __dirname): ((rule: string) => string | undefined) | undefined {
  let dir = resolve(start);
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) {
      // Asked for every finding of every lint: each rule's page is looked for once.
      const pages = new Map<string, string | undefined>();
      return (rule) => {
        if (!pages.has(rule)) pages.set(rule, existsSync(join(candidate, `${rule}.md`)) ? pathToFileURL(join(candidate, `${rule}.md`)).href : undefined);
        return pages.get(rule);
      };
    }
    dir = dirname(dir);
  }
  return undefined;
}
