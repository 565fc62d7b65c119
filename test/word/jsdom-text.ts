import { TextDecoder, TextEncoder } from 'node:util';

// jsdom has no TextEncoder or TextDecoder; the .docx builder and reader need them, as every browser has
// them. Imported for its effect, ahead of modules that build documents as they load.
Object.assign(globalThis, { TextEncoder, TextDecoder });
