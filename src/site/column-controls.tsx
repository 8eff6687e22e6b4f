import 'server-only';
import { languageNames, languages, type Language } from '../model/languages';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import type { Columns } from '../contract/columns';
import { Attribute, dataAttribute } from '../contract/page';

/**
 * The reading page's controls of the column choice, rendered in the page's default view (`order`);
 * the page script (src/behaviour/columns.ts) applies the choice from the address (`?cols=en-ru`) and
 * keeps them in step with it.
 */

interface ControlsProps {
  locale: Locale;
  t: TFunction;
  order: Columns;
}

interface PickerProps extends ControlsProps {
  /** The languages shown in the default view (the first of `order`); the others' chips start unchecked. */
  shown: Columns;
}

/**
 * The column choice: one chip per language, in the order shown, with a checkbox to show or hide it
 * and buttons to move it. Needs JavaScript: without it the CSS hides the picker and every column is
 * shown.
 */
export function ColumnPicker({ locale, t, order, shown }: PickerProps) {
  const name = (language: Language) => t(`languages.${language}`);
  return (
    <fieldset className="column-picker" {...dataAttribute(Attribute.ColumnPicker)} aria-describedby="column-picker-hint">
      <legend className="picker-label">{t('reader.columnPicker')}</legend>
      <ol className="chips">
        {order.map((language, index) => (
          <li key={language} className={shown.includes(language) ? 'chip' : 'chip chip-hidden'} {...dataAttribute(Attribute.Column, language)}>
            <button type="button" className="chip-action" {...dataAttribute(Attribute.Move, -1)} disabled={index === 0 || !shown.includes(language)} aria-label={t('reader.moveLeft', { language: name(language) })}>
              <span aria-hidden="true">←</span>
            </button>
            <label className="chip-name">
              <input type="checkbox" defaultChecked={shown.includes(language)} value={language} />
              <span>{languageNames[language][locale]}</span>
            </label>
            <button type="button" className="chip-action" {...dataAttribute(Attribute.Move, 1)} disabled={index >= shown.length - 1} aria-label={t('reader.moveRight', { language: name(language) })}>
              <span aria-hidden="true">→</span>
            </button>
          </li>
        ))}
      </ol>
      <p id="column-picker-hint" className="picker-hint">
        {t('reader.columnPickerHint')}
      </p>
    </fieldset>
  );
}

/** Phone layout: one language at a time; these buttons put another language of the default view (`order`) first. */
export function ReadingLanguageSwitch({ locale, t, order }: ControlsProps) {
  return (
    <nav className="reading-switch" aria-label={t('reader.readingLanguage')}>
      <ul>
        {languages.filter((language) => order.includes(language)).map((language) => (
          <li key={language}>
            <button type="button" {...dataAttribute(Attribute.Read, language)} aria-pressed={language === order[0] ? 'true' : 'false'}>
              {languageNames[language][locale]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
