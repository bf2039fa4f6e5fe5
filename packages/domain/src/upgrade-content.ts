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

/** The content in `locale`, each part falling back to the other language. */
export function contentIn(locale: Locale, content: UpgradeContent): LocalizedContent {
  if (locale === 'EN') {
    return {
      title: present(content.titleEn) ?? content.title,
      summary: present(content.summaryEn) ?? content.summary,
      changes: present(content.changesEn) ?? present(content.changesVi),
    };
  }
  return {
    title: present(content.title) ?? present(content.titleEn) ?? '',
    summary: present(content.summary) ?? present(content.summaryEn) ?? '',
    changes: present(content.changesVi) ?? present(content.changesEn),
  };
}
