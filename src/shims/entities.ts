// What markdown-it gets for `entities` in the extension's and the CLI's bundles. markdown-it decodes an HTML
// entity (`&mdash;`, `&#39;`) only when the text has one, but the decoding table is 27 KB of the bundle that
// every activation would load and compile. It is built as its own file beside the bundle (dist/entities.js,
// see esbuild.mjs) and required on the first entity. The API's bundles, which other tools may bundle again,
// and the web build, which has no `require`, keep the table inline.
import { join } from 'node:path';

interface EntityDecoders {
  decodeHTML(text: string, mode?: number): string;
  decodeHTMLStrict(text: string): string;
}

const TABLE_FILE = 'entities.js';
let decoders: EntityDecoders | undefined;

function loadDecoders(): EntityDecoders {
  const file = join(__dirname, TABLE_FILE);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, from beside the bundle
    return require(file) as EntityDecoders;
  } catch (error) {
    throw new Error(`Riposte cannot decode HTML entities: its table ${file} did not load (${(error as Error).message}). Reinstall Riposte.`);
  }
}

export function decodeHTML(text: string, mode?: number): string {
  return (decoders ??= loadDecoders()).decodeHTML(text, mode);
}

export function decodeHTMLStrict(text: string): string {
  return (decoders ??= loadDecoders()).decodeHTMLStrict(text);
}
