/**
 * The notice for an address that names no paragraph or entry of the page (see
 * src/behaviour/missing-target.ts, which loads this file only then): names the missing ID, suggests
 * the nearest existing target when it is a plausible typo of it, and can open the table of contents.
 * Its buttons hide it.
 */
import { Attribute, ElementId } from '../contract/page';

/** The notices whose buttons work. */
const wired = new WeakSet<Element>();

/**
 * Edit distance for IDs of a few dozen characters: insertions, deletions, substitutions, and two
 * neighbouring characters swapped (`lavorv` for `lavrov`), each one edit (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * How many edits still make a plausible typo of an ID of `length` characters: one in a short ID
 * (`nope` is not a typo of `ndpg`, two letters of four apart), else a third of it, at least two.
 */
export function typoTolerance(length: number): number {
  return length <= 4 ? 1 : Math.max(2, Math.floor(length / 3));
}

/** The candidate nearest to `wanted`, when it is near enough to be a plausible typo. */
export function nearest(wanted: string, candidates: readonly string[]): string | undefined {
  const lower = wanted.toLowerCase();
  let best: { id: string; distance: number } | undefined;
  for (const id of candidates) {
    const distance = editDistance(lower, id.toLowerCase());
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= typoTolerance(Math.min(wanted.length, best.id.length)) ? best.id : undefined;
}

/** How a target is named to the reader: a row by its permalink (its number, `1.1 ¶2`), an entry by its heading. */
function nameOf(target: HTMLElement): string {
  return target.querySelector(`a[href="#${CSS.escape(target.id)}"][aria-label]`)?.getAttribute('aria-label') ?? target.querySelector('h2, h3')?.textContent ?? target.id;
}

/** Fills and shows `notice` for the ID `missing`; its buttons are wired the first time. */
export function showBrokenLinkNotice(root: Document, notice: HTMLElement, missing: string): void {
  // The reading page's notice gets its words from the page script's strings (reader-strings.ts): none came, nothing to say.
  if (!notice.firstElementChild) return;
  const selector = notice.getAttribute(Attribute.BrokenLinkNotice) || '[id]';
  const suggestion = notice.querySelector<HTMLElement>('.hash-suggestion');
  const code = notice.querySelector('code');
  if (code) code.textContent = missing;
  notice.hidden = false;
  if (suggestion) {
    const targets = [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => element.id);
    const id = nearest(missing, targets.map((element) => element.id));
    const target = targets.find((element) => element.id === id);
    const link = suggestion.querySelector('a');
    suggestion.hidden = !target || !link;
    if (target && link) {
      link.href = `#${target.id}`;
      link.textContent = nameOf(target);
    }
  }
  if (wired.has(notice)) return;
  wired.add(notice);
  // The reading page's notice comes with a button to the contents (reader-strings.ts), of no use without them.
  if (!root.querySelector(`details#${ElementId.Contents}`)) notice.querySelector(`[${Attribute.OpenContents}]`)?.remove();
  notice.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    notice.hidden = true;
    if (button.hasAttribute(Attribute.OpenContents)) {
      const contents = root.querySelector<HTMLDetailsElement>(`details#${ElementId.Contents}`);
      if (!contents) return;
      contents.open = true;
      contents.querySelector('summary')?.focus();
      contents.scrollIntoView({ block: 'start' });
    }
  });
}
