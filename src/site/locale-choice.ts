/**
 * The tiny inline scripts of the pages that exist once for all locales (the root page and the 404
 * page): they pick the interface language from the address, the remembered choice or the browser's
 * languages. Kept as plain ES5 strings: they run before and without any bundle.
 */
import { defaultLocale, locales } from '../i18n/config';

/** Storage key shared with src/behaviour/locale-memory.ts, which remembers the locale of every visited page. */
const storageKey = 'reader.locale';

const chooseLocale = `function(){var l=${JSON.stringify(locales)},s=null;try{s=localStorage.getItem(${JSON.stringify(storageKey)})}catch(e){}if(l.indexOf(s)>=0)return s;var n=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||''];for(var i=0;i<n.length;i++){var c=String(n[i]).slice(0,2).toLowerCase();if(l.indexOf(c)>=0)return c}return ${JSON.stringify(defaultLocale)}}`;

/** Root page: go to the library in the chosen language. Without JavaScript the page shows plain links. */
export const rootRedirectScript = `location.replace('/'+(${chooseLocale})()+'/'+location.hash)`;

/**
 * 404 page: show the message in the language of the address (`/ja/…` → Japanese), else the chosen
 * one, with the title in that language (kept when the page hydrates). Without JavaScript all three are shown, each marked with its
 * language.
 */
export function notFoundLocaleScript(titles: Record<string, string>): string {
  return `(function(){var t=${JSON.stringify(titles)},m=/^\\/(${locales.join('|')})(\\/|$)/.exec(location.pathname),c=m?m[1]:(${chooseLocale})(),d=document.documentElement;d.lang=c;d.setAttribute('data-locale',c);var f=function(){if(document.title!==t[c])document.title=t[c]};f();new MutationObserver(f).observe(d,{childList:true,subtree:true,characterData:true})})()`;
}
