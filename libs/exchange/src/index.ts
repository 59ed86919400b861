// The precedent exchange format, version 1: its enumerations (used system-wide), the outcome scale,
// the forces, and the reading of a record with problems named by field.
export * from './values';
export * from './forces';
export * from './precedent-record.rules';
