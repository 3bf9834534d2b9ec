// Customer import and export: what other modules and the CLI may use.
export { importsRoutes } from './imports.routes';
export { importCustomers, checkMapping, type ImportOptions } from './imports.service';
export { readTable, UnreadableFileError, type Table } from './read-table';
export { proposeMapping, mappingProblems, recognizeHeader } from './headers';
export { detectEncoding, encodingHintFor } from './encoding';
