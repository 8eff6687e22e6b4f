/**
 * The glossary as the reading page's tooltips get it: one JSON file per interface language
 * (`/<lang>/glossary/tips.json`), fetched by the page script when a reader first points at or focuses
 * a mention. Shared by the route that writes it and the script that reads it; pure types.
 */
import type { Language } from '../model/languages';

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
  /** The label of the link to the entry's page in the glossary ("Open “…” in the glossary"). */
  more: string;
  /** The address of the entry's page (`/en/glossary/japan/`). */
  href: string;
}

export interface GlossaryTips {
  /** The interface language of the strings. */
  lang: Language;
  entries: Record<string, GlossaryTip>;
}
