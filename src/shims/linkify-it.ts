// What markdown-it gets for linkify-it in Riposte's bundles. markdown-it constructs a LinkifyIt on every
// instance, but consults it only with the `linkify` option and rules on, which none of Riposte's parsers
// have (parsing/blocks.ts and preview/viewModel.ts use the commonmark preset, without them): the 9 KB it
// adds to the extension's bundle buys nothing. A parser that turned linkify on would get no links; a test
// on the unbundled build, where the real linkify-it runs, shows it (test/core/markdownIt.test.ts).
export default class LinkifyIt {
  set(): this {
    return this;
  }

  pretest(): boolean {
    return false;
  }

  test(): boolean {
    return false;
  }

  match(): null {
    return null;
  }

  matchAtStart(): null {
    return null;
  }
}
