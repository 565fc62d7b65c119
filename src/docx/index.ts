/** The .docx door: read a package (or Word's Flat OPC) into a snapshot, build one, write plans back. */
export { readPackage, readFlatOpc, type ReadOptions } from './read';
export { readDocx, streamInflate, type DocxReadOptions } from './portable';
export { buildDocx, type BuildOptions } from './build';
export { applyPlan, type ApplyOptions } from './write';
export type { DocxDocument, DocxReading, DocxSource, ParagraphLayout, RunLayout } from './types';
export { MAX_PACKAGE_BYTES, type Inflater } from './zip';
