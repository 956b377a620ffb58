// The few globals that both Node and browsers provide and that the core relies on. Declared here
// because tsconfig.core.json loads neither the DOM nor the Node typings, on purpose.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
