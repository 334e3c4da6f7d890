// mvdan-sh ships JavaScript only (GopherJS output of mvdan/sh); these are
// the few entry points Paladin calls. The syntax tree is typed in parser.ts.
declare module 'mvdan-sh' {
  export const syntax: {
    NewParser(...options: unknown[]): { Parse(src: string, name: string): unknown };
    NodeType(node: unknown): string;
    Variant(lang: unknown): unknown;
    LangBash: unknown;
  };
}
