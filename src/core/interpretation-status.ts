/**
 * Whether a policy has its 解读 and whether each policy ↔ interpretation pair was published in step —
 * decided once, here: the rules `interpretation-missing` and `interpretation-out-of-sync` report from it,
 * and the 台账 (ledger) lists it, so the ledger never says something the rules do not.
 */
import type { ZwgkDocument } from './document';
import type { Calendar } from './calendar';
import { CLAUSES } from './clauses';
import { profileOf, clauseInForce } from './profile';
import { parseDate, formatDate, dayDiff, type SimpleDate } from './dates';
import type { DocLinks } from './links';
import type { LinkProblem, LinkedDraft } from './workspace';

const POLICY_TYPES = new Set(['规范性文件', '政策文件']);

/** The link problems worth reporting: without a workspace, “not found” says nothing. */
export function reportableLinkProblems(links: DocLinks): LinkProblem[] {
  return links.problems.filter((p) => !(links.noWorkspace && p.kind === 'not-found'));
}

export type InterpretationStatus =
  /** Not a policy that needs a 解读 (an interpretation, a notice, a report …). */
  | 'not-policy'
  /** At least one interpretation in the workspace. */
  | 'linked'
  /** The 解读 is elsewhere (a web address, a PDF): not checked. */
  | 'external'
  /** A link value does not resolve or leaves the workspace. */
  | 'broken-link'
  /** A policy, but not one the requirement is checked on (kind unsure, formed before 2016, a saved page). */
  | 'not-required'
  /** Checked alone and its link is declared: cannot be followed. */
  | 'unchecked'
  /** Checked alone, no link declared: the rule says it cannot look (info). */
  | 'no-workspace'
  /** A policy with no interpretation anywhere in the workspace. */
  | 'missing';

/** What `interpretation-missing` decides about `doc`, given its resolved links. */
export function interpretationStatus(doc: ZwgkDocument, links: DocLinks): InterpretationStatus {
  const broken = reportableLinkProblems(links).length > 0;
  if (links.role !== 'policy' || !POLICY_TYPES.has(doc.type.value)) return broken ? 'broken-link' : 'not-policy';
  if (broken) return 'broken-link';
  if (links.linked.length > 0) return 'linked';
  if (links.external.length > 0) return 'external';
  // Only for a policy zwgk is sure of, formed after 同步解读 was required (国办发〔2016〕80号), and not on a
  // saved portal page: its 解读 may well be published elsewhere on the portal.
  const profile = profileOf(doc);
  if (!profile.kindSure || !clauseInForce(doc, CLAUSES.guoban_2016_80_jiedu) || profile.origin === 'page') return 'not-required';
  if (links.noWorkspace) return links.declared ? 'unchecked' : 'no-workspace';
  return 'missing';
}

function validDate(value: string | undefined): SimpleDate | undefined {
  const d = value ? parseDate(value) : undefined;
  return d && d.valid ? { year: d.year, month: d.month, day: d.day } : undefined;
}

export interface PairSync {
  /** The other draft of the pair. */
  linked: LinkedDraft;
  policyDate: SimpleDate;
  interpretationDate: SimpleDate;
  /** Calendar days from the policy's 发布日期 to the interpretation's (> 0: the interpretation is later). */
  days: number;
  /** Working days between the two dates (always ≥ 0); undefined when the calendar does not cover them. */
  workdays?: number;
  graceDays: number;
  /** in-sync: same day or within the grace; out-of-sync: reported as a warning; unknown: cannot count (info). */
  state: 'in-sync' | 'out-of-sync' | 'unknown';
}

/** The graceDays option of `interpretation-out-of-sync`, made a whole number ≥ 0. */
export function graceOf(options: { graceDays?: unknown } | undefined): number {
  return Math.max(0, Math.floor(Number(options?.graceDays ?? 0)) || 0);
}

/**
 * Each linked draft of `doc` with a 发布日期, compared with `doc`'s own 发布日期 (what
 * `interpretation-out-of-sync` reports). Empty when `doc` has no valid 发布日期, no links, or was formed
 * before 同步解读 was required.
 */
export function pairSyncs(doc: ZwgkDocument, links: DocLinks, ownValue: string | undefined, calendar: Calendar, graceDays: number): PairSync[] {
  const ownDate = validDate(ownValue);
  if (!ownDate || links.linked.length === 0) return [];
  // 同步解读 has been required since 国办发〔2016〕80号 (2016-11-10).
  if (!clauseInForce(doc, CLAUSES.guoban_2016_80_jiedu)) return [];
  const isPolicy = links.role === 'policy';
  const out: PairSync[] = [];
  for (const l of links.linked) {
    const otherDate = validDate(l.draft.metadata['发布日期']);
    if (!otherDate) continue;
    const policyDate = isPolicy ? ownDate : otherDate;
    const interpretationDate = isPolicy ? otherDate : ownDate;
    const days = dayDiff(policyDate, interpretationDate);
    const workdays = days === 0 ? 0 : days > 0 ? calendar.workdaysBetween(policyDate, interpretationDate) : calendar.workdaysBetween(interpretationDate, policyDate);
    let state: PairSync['state'];
    if (days === 0) state = 'in-sync';
    else if (workdays === undefined) state = graceDays === 0 ? 'out-of-sync' : 'unknown';
    else state = graceDays > 0 && workdays <= graceDays ? 'in-sync' : 'out-of-sync';
    out.push({ linked: l, policyDate, interpretationDate, days, workdays, graceDays, state });
  }
  return out;
}

export { formatDate };
