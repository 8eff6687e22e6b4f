/**
 * Tooltips of the reading page. Hovering, focusing or tapping a glossary mention (`Attribute.Term`) or
 * a note marker (`Attribute.NoteRef`) shows one shared tooltip (`role="tooltip"`) next to it and makes
 * it the trigger's description. A mention's tooltip comes from the glossary of the interface language
 * (`tips.json`, its address on the rows, fetched once, when a reader first points at or focuses the
 * text); a note's from the note of the notes list its marker links to. The code that writes a tooltip
 * (tip-content.ts) is loaded when the first one is wanted. Its close button (labelled by
 * the template `RowTemplate.CloseLabel`), Escape, leaving or blurring hides it; an Escape that closes
 * it is taken (`preventDefault`), before the keys of the text see it. Tab from its term reaches the
 * close button, and Tab from there goes on after the term. On touch screens a tap opens it and a
 * second tap on the same term closes it: the link to the glossary entry is in the tooltip. Without JavaScript, or when the glossary cannot be fetched, the
 * links lead to the glossary entry's page and to the note.
 */
import type { GlossaryTips } from '../contract/glossary-tips';
import { glossaryEntryOf } from '../contract/paths';
import { Attribute, RowTemplate } from '../contract/page';

/** What a tooltip says: loaded when a reader first reaches for the text (tip-content.ts). */
type TipContent = typeof import('./tip-content');

const triggerSelector = `a[${Attribute.Term}], a[${Attribute.NoteRef}]`;
/** Where a reader is about to reach for a term: the glossary is fetched then. */
const textSelector = `[${Attribute.Rows}], .notes`;
/** The id of the one tooltip of the page. */
const tooltipId = 'reader-tip';
/** Set on the tooltip while it is shown (the CSS shows it then). */
const openAttribute = 'data-open';
/** Space between a term and its tooltip, and between a tooltip and the edges of the window (px). */
const gap = 6;
const edge = 8;

/** Puts `tip` below `trigger`, or above it when there is no room below; never over it, never off-screen sideways. */
function place(trigger: HTMLElement, tip: HTMLElement): void {
  const term = trigger.getBoundingClientRect();
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const viewportWidth = document.documentElement.clientWidth;
  const below = term.bottom + gap;
  const above = term.top - gap - height;
  const top = below + height > innerHeight && above >= 0 ? above : below;
  const left = Math.max(edge, Math.min(term.left, viewportWidth - width - edge));
  tip.style.top = `${top + scrollY}px`;
  tip.style.left = `${left + scrollX}px`;
}

const closest = (target: EventTarget | null, selector: string): HTMLElement | undefined => {
  const found = target instanceof Element ? target.closest(selector) : null;
  return found instanceof HTMLElement ? found : undefined;
};
const contains = (container: Element | undefined, node: EventTarget | null) => Boolean(container && node instanceof Node && container.contains(node));

export function startTooltips(root: Document): void {
  const rows = root.querySelector(`[${Attribute.Tips}]`);
  const source = rows?.getAttribute(Attribute.Tips);
  if (!rows || !source) return;
  let glossary: Promise<unknown> | undefined;
  let loaded: GlossaryTips | undefined;
  let code: Promise<unknown> | undefined;
  let content: TipContent | undefined;
  /** The glossary, fetched once, when a reader first reaches for the text. */
  const loadGlossary = () => {
    glossary ??= fetch(source)
      .then((response) => (response.ok ? (response.json() as Promise<GlossaryTips>) : undefined))
      .then((tips) => (loaded = tips))
      .catch(() => undefined);
    return glossary;
  };
  /** What `trigger`'s tooltip needs: the code that writes a tooltip (loaded on the first one), and for a mention the glossary. */
  const load = (trigger: HTMLElement) =>
    Promise.all([
      (code ??= import('./tip-content').then((module) => (content = module)).catch(() => (code = undefined))),
      trigger.hasAttribute(Attribute.Term) ? loadGlossary() : undefined,
    ]);
  const ready = (trigger: HTMLElement) => Boolean(content && (loaded || !trigger.hasAttribute(Attribute.Term)));

  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.id = tooltipId;
  tip.setAttribute('role', 'tooltip');
  root.body.append(tip);
  const close = document.createElement('button');
  close.className = 'gutter-button tip-close';
  close.textContent = '×';
  close.type = 'button';
  close.setAttribute('aria-label', rows.getAttribute(RowTemplate.CloseLabel) || '×');

  let pointerType = '';
  let open: HTMLElement | undefined;
  /** The term whose tooltip Escape closed: hover and focus do not reopen it until they leave it. */
  let dismissed: HTMLElement | undefined;
  /** The term a touch opened: a second tap on it closes the tooltip. */
  let tapped: HTMLElement | undefined;
  let closing: ReturnType<typeof setTimeout> | undefined;

  /** Takes the tooltip off its trigger. */
  const detach = () => {
    clearTimeout(closing);
    tip.removeAttribute(openAttribute);
    open?.removeAttribute('aria-describedby');
    open = undefined;
  };
  const hide = () => {
    detach();
    tapped = undefined;
  };
  /** Fills the tooltip for `trigger`; false when there is nothing (yet) to show. */
  const fill = (trigger: HTMLElement): boolean => {
    const term = trigger.hasAttribute(Attribute.Term) ? glossaryEntryOf(trigger.getAttribute('href')) : undefined;
    if (!content) return false;
    if (term) {
      const entry = loaded?.entries[term];
      if (!entry || !loaded) return false;
      tip.replaceChildren(close, ...content.entryContent(entry));
      tip.lang = loaded.lang;
      return true;
    }
    // A note marker links to its note in the notes list.
    const note = root.getElementById((trigger.getAttribute('href') ?? '').slice(1));
    const said = note ? content.noteContent(note) : undefined;
    if (!said) return false;
    tip.replaceChildren(close, ...said.nodes);
    tip.lang = said.lang;
    return true;
  };
  const show = (trigger: HTMLElement) => {
    clearTimeout(closing);
    if (open === trigger) return;
    if (!ready(trigger)) {
      void load(trigger).then(() => {
        // Still wanted once the glossary has arrived: the pointer or the focus is on the term.
        if (ready(trigger) && (trigger.matches(':hover') || root.activeElement === trigger || tapped === trigger)) show(trigger);
      });
      return;
    }
    detach();
    if (!fill(trigger)) return;
    open = trigger;
    trigger.setAttribute('aria-describedby', tooltipId);
    tip.setAttribute(openAttribute, '');
    place(trigger, tip);
  };
  const hideSoon = () => {
    clearTimeout(closing);
    closing = setTimeout(hide, 150);
  };
  const within = (node: EventTarget | null) => contains(open, node) || contains(tip, node);

  /** Hides the tooltip at the reader's request (Escape, the close button): hover and focus do not reopen it at once. */
  const dismiss = () => {
    const trigger = open;
    const focused = contains(tip, root.activeElement);
    dismissed = trigger;
    hide();
    if (focused) trigger?.focus();
  };
  close.addEventListener('click', dismiss);
  // On the way down (capture), so that an Escape that closes the tooltip is taken before the rows hear it.
  root.addEventListener(
    'keydown',
    (event) => {
      if (!open) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        dismiss();
      }
      if (event.key !== 'Tab') return;
      // The tooltip is at the end of the page: Tab passes through its close button as if it followed the term.
      if (root.activeElement === open && !event.shiftKey) {
        event.preventDefault();
        close.focus();
      } else if (root.activeElement === close) {
        if (event.shiftKey) event.preventDefault();
        // Without Shift, the browser moves on from the term.
        open.focus();
      }
    },
    { capture: true },
  );
  root.addEventListener('pointerdown', (event) => (pointerType = event.pointerType), { capture: true });
  root.addEventListener('mouseover', (event) => {
    const trigger = closest(event.target, triggerSelector);
    if (trigger && trigger !== dismissed) show(trigger);
    else if (within(event.target)) clearTimeout(closing);
    // The reader is about to reach for a term: fetch the glossary now.
    else if (closest(event.target, textSelector)) void loadGlossary();
  });
  root.addEventListener('mouseout', (event) => {
    const trigger = closest(event.target, triggerSelector);
    if (trigger === dismissed && !contains(trigger, event.relatedTarget) && root.activeElement !== trigger) dismissed = undefined;
    if (open && within(event.target) && !within(event.relatedTarget) && root.activeElement !== open) hideSoon();
  });
  root.addEventListener('focusin', (event) => {
    const trigger = closest(event.target, triggerSelector);
    if (trigger && trigger !== dismissed) show(trigger);
    else if (closest(event.target, textSelector)) void loadGlossary();
  });
  root.addEventListener('focusout', (event) => {
    if (contains(tip, event.target) && !within(event.relatedTarget)) hide();
    const trigger = closest(event.target, triggerSelector);
    if (!trigger) return;
    if (trigger === dismissed) dismissed = undefined;
    if (open === trigger && !within(event.relatedTarget) && !trigger.matches(':hover')) hide();
  });
  root.addEventListener('click', (event) => {
    const trigger = closest(event.target, triggerSelector);
    if (trigger && pointerType === 'touch') {
      event.preventDefault();
      if (tapped === trigger) {
        hide();
        return;
      }
      dismissed = undefined;
      show(trigger);
      tapped = trigger;
      return;
    }
    if (!trigger && !within(event.target)) hide();
  });
  addEventListener('resize', () => {
    if (open) place(open, tip);
  });
  // A term the reader reached before this script started (it loads once the text has painted) gets its tooltip now.
  const waiting = closest(root.activeElement, triggerSelector) ?? root.querySelector<HTMLElement>(`:is(${triggerSelector}):hover`) ?? undefined;
  if (waiting) show(waiting);
}
