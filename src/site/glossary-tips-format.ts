/**
 * The glossary as the reading page's tooltips get it: one JSON file per interface language
 * (`/<lang>/glossary/tips.json`), fetched by the page script when a reader first points at or focuses
 * a mention. Shared by the route that writes it and the script that reads it; pure types.
 */
import type { Language } from '../content/languages';

/** One entry, with every string already in the interface language. */
export interface GlossaryTip {
  /** The entry's name in the interface language. */
  name: string;
  /** Its kind, as a label in the interface language ("Person"). */
  kind: string;
  /** Its description in the interface language. */
  description: string;
  /** Its name in every language of the edition, shown with `lang`. */
  names: Partial<Record<Language, string>>;
  /** The label of the link to the entry in the glossary ("Open “…” in the glossary"). */
  more: string;
}

export interface GlossaryTips {
  /** The interface language of the strings. */
  lang: Language;
  /** The glossary page of that language: an entry's address is this plus `#<id>`. */
  glossary: string;
  entries: Record<string, GlossaryTip>;
}
