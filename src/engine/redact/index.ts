export { redact, redactDetailed, redactionCount, MASK } from './redact';
export type { IdentifierKind, RedactResult } from './redact';
