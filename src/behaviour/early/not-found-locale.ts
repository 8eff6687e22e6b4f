/**
 * The 404 page's early script, inline in its head (src/app/global-not-found.tsx): shows the message in
 * the language of the address (`/ja/…` → Japanese), else in the reader's language (locale-choice.ts),
 * by marking `<html>` with it (the CSS shows that language's blocks), and gives the page its title in
 * that language (the titles are written on this script's element, `Attribute.Titles`; the page's own
 * `<title>`, before this script in the head, names every language). Without JavaScript all three are
 * shown, each marked with its language.
 */
import { isLocale } from '../../i18n/config';
import { Attribute } from '../../contract/page';
import { chooseLocale } from './locale-choice';

const titles: Partial<Record<string, string>> = JSON.parse(document.currentScript?.getAttribute(Attribute.Titles) ?? '{}');
const named = location.pathname.split('/')[1];
const locale = isLocale(named) ? named : chooseLocale();
const root = document.documentElement;
root.lang = locale;
root.setAttribute(Attribute.Locale, locale);
const title = titles[locale];
if (title !== undefined) document.title = title;
