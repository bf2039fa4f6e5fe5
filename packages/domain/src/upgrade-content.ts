// An upgrade's words in two languages. Staff write Vietnamese (the default) and may add English;
// what changes may be written in either. A reader gets its own language and, where that is
// missing, the other one: never an empty text.
import type { Locale } from './enums.ts';

export interface UpgradeContent {
  /** Vietnamese title and summary: always present. */
  title: string;
  summary: string;
  titleEn: string | null;
  summaryEn: string | null;
  changesVi: string | null;
  changesEn: string | null;
}

export interface LocalizedContent {
  title: string;
  summary: string;
  /** Null only when neither language has it. */
  changes: string | null;
}

const present = (text: string | null | undefined): string | null => (text?.trim() ? text : null);

/** The title in `locale`, else in the other language: the only columns it reads. */
export function titleIn(locale: Locale, content: Pick<UpgradeContent, 'title' | 'titleEn'>): string {
  return locale === 'EN'
    ? (present(content.titleEn) ?? content.title)
    : (present(content.title) ?? present(content.titleEn) ?? '');
}

/** The summary in `locale`, else in the other language. */
export function summaryIn(locale: Locale, content: Pick<UpgradeContent, 'summary' | 'summaryEn'>): string {
  return locale === 'EN'
    ? (present(content.summaryEn) ?? content.summary)
    : (present(content.summary) ?? present(content.summaryEn) ?? '');
}

/** What changes, in `locale`, else in the other language; null when neither has it. */
export function changesIn(locale: Locale, content: Pick<UpgradeContent, 'changesVi' | 'changesEn'>): string | null {
  return locale === 'EN'
    ? (present(content.changesEn) ?? present(content.changesVi))
    : (present(content.changesVi) ?? present(content.changesEn));
}

/** The content in `locale`, each part falling back to the other language. */
export function contentIn(locale: Locale, content: UpgradeContent): LocalizedContent {
  return {
    title: titleIn(locale, content),
    summary: summaryIn(locale, content),
    changes: changesIn(locale, content),
  };
}
