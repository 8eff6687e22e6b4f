/**
 * Says so when the address names a paragraph or glossary entry that the page does not have
 * (`#s99-p9`, `#nope`), instead of failing silently: the page's notice for a broken link
 * (src/site/broken-link-notice.tsx, `Attribute.BrokenLinkNotice`, its value the selector of the page's
 * targets) is filled and shown by src/behaviour/suggest-target.ts, loaded only when an address needs
 * it; a later address that names a target hides it.
 */
import { Attribute } from '../contract/page';

/** The fragment of the address when no element of the page has it as its id; undefined otherwise. */
export function missingTarget(root: Pick<Document, 'getElementById'>, hash: string): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    id = hash.replace(/^#/, '');
  }
  // Text fragments (`#:~:text=…`) and an empty fragment name no element.
  if (!id || id.startsWith(':~:')) return undefined;
  return root.getElementById(id) ? undefined : id;
}

export function startMissingTarget(root: Document): void {
  const notice = root.querySelector<HTMLElement>(`[${Attribute.BrokenLinkNotice}]`);
  if (!notice) return;
  const check = () => {
    const missing = missingTarget(root, location.hash);
    if (missing === undefined) {
      if (!notice.hidden) notice.hidden = true;
      return;
    }
    import('./suggest-target').then(
      ({ showBrokenLinkNotice }) => {
        // The address may have changed while the notice's code was on its way.
        if (missingTarget(root, location.hash) === missing) showBrokenLinkNotice(root, notice, missing);
      },
      (error: unknown) => console.error(error),
    );
  };
  addEventListener('hashchange', check);
  check();
}
