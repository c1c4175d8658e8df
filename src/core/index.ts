/** Public API of the zwgk engine (no I/O, no editor). */
export * from './types';
export { CLAUSES } from './clauses';
export { ZwgkDocument, formatOf, type Block, type Segment, type Title, type DocFormat } from './document';
export * from './metadata';
export * from './dates';
export * from './doctype';
export * from './profile';
export * from './sources';
export { Calendar, calendarDataId, type CalendarOverrides, type CalendarOptions, type DayInfo } from './calendar';
export {
  DraftIndex, summarize, summarizeText, roleOf, normalizePath, normalizeTitle, titleKeys, interpretedTitles, parseLinkRefs, splitRefs, isInside,
  type DraftSummary, type DraftIndexOptions, type DraftRole, type LinkField, type LinkRef, type LinkedDraft, type LinkProblem,
  type MatchVia, type Resolution,
} from './workspace';
export { summaryOf, docLinks, describeLinks, describeLink, describeDraft, titleOf, type DocLinks, type LinkDescription } from './links';
export * from './config';
export { buildConfigSchema, SCHEMA_ID } from './schema';
export { applyFixes } from './fix';
export { draftStatus, isProjectFile, headMetadata, type DraftStatus, type DraftQuery, type DraftReason } from './draft-status';
export { redactPersonalData, redactData } from './redact';
export { lintText, lintDocument, fixText, type LintOptions, type LintResult, type FixTextResult } from './engine';
export { ALL_RULES, getRule } from './rules';
export { DEFAULT_PACKS } from './packs/defaults';
export {
  parsePack, parsePackText, formatPackError, MAX_PACK_BYTES,
  type Pack, type PackEntry, type PackCitation, type PackError, type PackExample, type PackLevel, type PackSource,
} from './packs/pack';
export { compilePacks, type PackSet, type CompiledEntry } from './packs/compile';
export { runPackExamples, type ExampleReport, type ExampleFailure } from './packs/examples';
export { buildPackSchema, PACK_SCHEMA_ID } from './packs/schema';
export { packsFor } from './engine';
export {
  readSource, readHtmlSource, readDocx, readHtml, decodeHtml, sourceFormatOf, unsupportedFormatMessage, sourceDocument, locateMessages,
  lintSource, isFormatError, FormatError, exportDocx, checkDocxExport, LAYOUT, FONTS, type RoundTrip,
  type SourceText, type SourceFormat, type SourceLintResult, type SourceLocation, type DocxLocation, type HtmlLocation, type DocxPart,
} from './formats';
export { inspectDocument, type Inspection, type InspectedField, type InspectedDate } from './inspect';
export { deadlinesOf, type Deadline, type DeadlineState, type DeadlineDate } from './deadlines';
export { PieceCache } from './parser-guard';
export { yamlProblem, nestingDepth, MAX_YAML_DEPTH, MAX_CONTAINER_DEPTH, MAX_FRONT_MATTER_CHARS, LONG_LINE } from './parser-guard';
export { buildLedger, ledgerEntry, placeDeadline, parseToday, todayFromInput, localDay, STATE_LABEL, type Ledger, type LedgerEntry, type LedgerDeadline, type LedgerPair, type LedgerItem, type LedgerState, type LedgerInput, type LedgerOptions, type ProblemCounts } from './ledger';
export { interpretationStatus, pairSyncs, type InterpretationStatus, type PairSync } from './interpretation-status';
