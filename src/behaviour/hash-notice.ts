/**
 * Says so when the address names a paragraph or glossary entry that the page does not have
 * (`#s99-p9`, `#nope`), instead of failing silently: fills and shows the page's notice
 * (`[data-hash-notice]`, its value the selector of the page's targets), suggests the nearest existing
 * target by edit distance, and can open the table of contents. Its buttons hide it.
 */

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

/** Levenshtein distance, for IDs of a few dozen characters. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate nearest to `wanted`, when it is near enough to be a plausible typo. */
export function nearest(wanted: string, candidates: readonly string[]): string | undefined {
  const lower = wanted.toLowerCase();
  let best: { id: string; distance: number } | undefined;
  for (const id of candidates) {
    const distance = editDistance(lower, id.toLowerCase());
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.id : undefined;
}

/** How a target is named to the reader: a row by its permalink (its number, `1.1 ¶2`), an entry by its heading. */
function nameOf(target: HTMLElement): string {
  return target.querySelector(`a[href="#${CSS.escape(target.id)}"][aria-label]`)?.getAttribute('aria-label') ?? target.querySelector('h2, h3')?.textContent ?? target.id;
}

export function startHashNotice(root: Document): void {
  const notice = root.querySelector<HTMLElement>('[data-hash-notice]');
  if (!notice) return;
  const selector = notice.dataset.hashNotice || '[id]';
  const suggestion = notice.querySelector<HTMLElement>('.hash-suggestion');
  const check = () => {
    const missing = missingTarget(root, location.hash);
    const code = notice.querySelector('code');
    if (code) code.textContent = missing ?? '';
    notice.hidden = missing === undefined;
    if (!missing || !suggestion) return;
    const targets = [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => element.id);
    const id = nearest(missing, targets.map((element) => element.id));
    const target = targets.find((element) => element.id === id);
    const link = suggestion.querySelector('a');
    suggestion.hidden = !target || !link;
    if (target && link) {
      link.href = `#${target.id}`;
      link.textContent = nameOf(target);
    }
  };
  notice.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    notice.hidden = true;
    if (button.hasAttribute('data-open-contents')) {
      const contents = root.querySelector<HTMLDetailsElement>('details#toc');
      if (!contents) return;
      contents.open = true;
      contents.querySelector('summary')?.focus();
      contents.scrollIntoView({ block: 'start' });
    }
  });
  addEventListener('hashchange', check);
  check();
}
