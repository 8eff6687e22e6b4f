/**
 * Says so when the address names a paragraph that the page does not have (`#s99-p9`), instead of
 * failing silently: fills and shows the page's notice (`[data-hash-notice]`), which its button hides.
 */

/** The fragment of the address when no element of the page has it as its id; undefined otherwise. */
export function missingTarget(root: Document, hash: string): string | undefined {
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

export function startHashNotice(root: Document): void {
  const notice = root.querySelector<HTMLElement>('[data-hash-notice]');
  if (!notice) return;
  const check = () => {
    const missing = missingTarget(root, location.hash);
    const code = notice.querySelector('code');
    if (code) code.textContent = missing ?? '';
    notice.hidden = missing === undefined;
  };
  notice.querySelector('button')?.addEventListener('click', () => {
    notice.hidden = true;
  });
  addEventListener('hashchange', check);
  check();
}
