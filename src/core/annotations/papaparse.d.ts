// The part of papaparse this project uses. Its DefinitelyTyped package pulls the Node typings
// into every program that imports it, which would blind the pure core's check against Node APIs.
declare module 'papaparse' {
  export interface UnparseConfig {
    quotes?: boolean | boolean[];
    delimiter?: string;
    newline?: string;
    header?: boolean;
    escapeFormulae?: boolean | RegExp;
  }
  export interface ParseResult {
    data: string[][];
    errors: { message: string; row?: number }[];
  }
  export function parse(input: string, config?: { newline?: string; skipEmptyLines?: boolean }): ParseResult;
  export function unparse(data: { fields: string[]; data: unknown[][] }, config?: UnparseConfig): string;
}
