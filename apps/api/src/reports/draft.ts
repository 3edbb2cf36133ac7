import type { ReportSection } from '@wj/domain/schemas';
import { nestQuotes } from './format.js';
import { h2, para, type Paragraph } from './docx/kit.js';

/** One paragraph as the report generates it, before the office's edits. */
export interface GeneratedParagraph {
  section: ReportSection;
  key: string;
  /** The sub-heading it stands under, null at a part's start. */
  heading: string | null;
  /** As printed: the run-in head (bold) and the body, quotes nested. */
  text: string;
}

/** The office's saved words for one report: replacements by key, added paragraphs by part in order. */
export interface DraftEdits {
  replaced: Map<string, string>;
  added: Map<ReportSection, string[]>;
}

export const NO_EDITS: DraftEdits = { replaced: new Map(), added: new Map() };

/**
 * Writes the report's body paragraphs with a stable key each, recording what
 * was generated (the 报告 page's draft) and printing the office's text instead
 * where one is saved. A saved text that still starts with the generated run-in
 * head keeps it bold.
 */
export class DraftWriter {
  readonly generated: GeneratedParagraph[] = [];
  private heading: string | null = null;

  constructor(private readonly edits: DraftEdits = NO_EDITS) {}

  /** A part begins (一、基本情况 …): no sub-heading yet. */
  part(): void {
    this.heading = null;
  }

  h2(text: string): Paragraph {
    this.heading = text;
    return h2(text);
  }

  para(section: ReportSection, key: string, text: string, opts: { lead?: string } = {}): Paragraph[] {
    const lead = opts.lead ? nestQuotes(opts.lead) : '';
    this.generated.push({ section, key, heading: this.heading, text: lead + nestQuotes(text) });
    const saved = this.edits.replaced.get(key);
    if (saved === undefined) return [para(text, opts)];
    return lead && saved.startsWith(lead) && saved.length > lead.length ? paragraphs(saved.slice(lead.length), lead) : paragraphs(saved);
  }

  /** The office's own paragraphs of a part, to follow its generated ones. */
  added(section: ReportSection): Paragraph[] {
    return (this.edits.added.get(section) ?? []).flatMap((text) => paragraphs(text));
  }
}

/** The office's text: each line a paragraph of its own (a TextRun does not break on \n); `lead` bold at the first. */
function paragraphs(text: string, lead?: string): Paragraph[] {
  return text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean).map((s, i) => para(s, i === 0 && lead ? { lead } : {}));
}
