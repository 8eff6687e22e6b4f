/**
 * The reading page's early script, inline before the rows: when the address names a column choice
 * (`?cols=en-ru`) other than the page's default view (`defaults`: the interface language first, see
 * `readingDefault`), or names none and the reader's last choice is remembered, it marks `<html>` so that
 * the rows wait, invisible, for the page script to arrange them (no flash of the default view), and
 * it writes a remembered choice into the address so that it can be shared and reloaded. The default
 * view (most visits, and every visit without JavaScript) is never held back. Plain ES5, like
 * locale-choice.ts: it runs before any bundle. The CSS shows the
 * rows after two seconds in any case, should the page script never run.
 */
import { languages } from '../model/languages';
import { columnsParam, columnsSegment, pendingAttribute, type Columns } from '../contract/columns';

/** Shared with src/behaviour/columns.ts. */
const storageKey = 'reader.columns';

/**
 * The early script of a page whose default view is `defaults`; with `pageScript` (its address), a
 * view it holds the rows back for loads the page script at once, rather than after the first paint
 * as the page's loader does (src/site/asset-loader.ts): the rows are hidden until it runs.
 */
export function columnsEarlyScript(defaults: Columns, pageScript?: string): string {
  const standard = JSON.stringify(columnsSegment(defaults));
  // A script element, not import(): it delays the load event until the rows are arranged, so that the
  // browser seeks a text fragment of the address (#…:~:text=) in the rows as the reader will see them.
  const load = pageScript ? `;var m=document.createElement('script');m.type='module';m.src=${JSON.stringify(pageScript)};m.setAttribute('data-site','');document.head.appendChild(m)` : '';
  return `(function(){try{var L=${JSON.stringify(languages)},u=new URL(location.href),v=u.searchParams.get(${JSON.stringify(columnsParam)}),s=null;function ok(x){if(!x||x.length>32)return false;var a=x.split('-');if(a.length>L.length)return false;for(var i=0;i<a.length;i++)if(L.indexOf(a[i])<0||a.indexOf(a[i])!==i)return false;return true}if(v===null){try{s=localStorage.getItem(${JSON.stringify(storageKey)})}catch(e){}if(ok(s)&&s!==${standard}){u.searchParams.set(${JSON.stringify(columnsParam)},s);history.replaceState(history.state,'',u.href);v=s}}if(ok(v)&&v!==${standard}){document.documentElement.setAttribute(${JSON.stringify(pendingAttribute)},'')${load}}}catch(e){}})()`;
}
