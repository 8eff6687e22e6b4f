'use client';
import { useEffect } from 'react';

/** Where the interface language is remembered; the root page reads it before navigator.languages. */
export const localeStorageKey = 'reader.locale';

/** Glossary mentions and note markers: links described by a shared tooltip (`.tips`, ids `tip-…`). */
const triggerSelector = 'a[aria-describedby^="tip-"]';
/** Space between a term and its tooltip, and between a tooltip and the edges of the window (px). */
const gap = 6;
const edge = 8;

function closest(target: EventTarget | null, selector: string): HTMLElement | undefined {
  const element = target instanceof Element ? target.closest(selector) : null;
  return element instanceof HTMLElement ? element : undefined;
}

const contains = (element: Element | undefined, node: EventTarget | null) => Boolean(element && node instanceof Node && element.contains(node));

/** Copy-link buttons of the reader rows (see `copy-link.tsx`). */
const copySelector = 'button[data-copy]';
/** How long the copy announcement stays visible (ms). */
const copyMessageTime = 4000;

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Insecure contexts have no Clipboard API: copy from a selected, off-screen text field.
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  const ok = document.execCommand('copy');
  field.remove();
  if (!ok) throw new Error('copy refused');
}

/** Copies the address a copy-link button names and announces the result in the status beside it. */
async function copyLink(button: HTMLElement, timers: WeakMap<HTMLElement, ReturnType<typeof setTimeout>>) {
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  const url = new URL(button.dataset.copy ?? '', location.href).toString();
  let message: string;
  try {
    await writeClipboard(url);
    message = button.dataset.copied ?? '';
  } catch {
    message = (button.closest<HTMLElement>('[data-copy-failed]')?.dataset.copyFailed ?? '{url}').replace('{url}', url);
  }
  if (!status) return;
  status.textContent = message;
  status.toggleAttribute('data-visible', message !== '');
  clearTimeout(timers.get(status));
  timers.set(
    status,
    setTimeout(() => {
      status.textContent = '';
      status.removeAttribute('data-visible');
    }, copyMessageTime),
  );
}

/** Puts `tip` below `trigger`, or above it when there is no room below; never over it, never off-screen sideways. */
function place(trigger: HTMLElement, tip: HTMLElement) {
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

/**
 * Small behaviours added to server-rendered markup by event delegation. Tooltips: hovering,
 * focusing or tapping a glossary mention or note marker shows the tooltip it is described by next to
 * it; Escape, leaving it or blurring it hides it; on touch screens the first tap on a term opens the
 * tooltip and the second follows the link. Copy-link buttons copy their paragraph's address and
 * say so. The language switch keeps the paragraph anchor; the interface language is remembered for
 * the root page. Renders nothing.
 */
export function PageBehaviour({ locale }: { locale: string }) {
  useEffect(() => {
    try {
      localStorage.setItem(localeStorageKey, locale);
    } catch {
      // Storage may be disabled; the root page then falls back to the browser's languages.
    }
  }, [locale]);

  useEffect(() => {
    let pointerType = '';
    let open: { trigger: HTMLElement; tip: HTMLElement } | undefined;
    /** The term whose tooltip Escape closed: hover and focus do not reopen it until they leave it. */
    let dismissed: HTMLElement | undefined;
    /** The term a touch opened: a second tap on it follows its link. */
    let tapped: HTMLElement | undefined;
    let closing: ReturnType<typeof setTimeout> | undefined;
    const copyTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

    const hide = () => {
      clearTimeout(closing);
      open?.tip.removeAttribute('data-open');
      open = undefined;
      tapped = undefined;
    };
    const show = (trigger: HTMLElement) => {
      clearTimeout(closing);
      const tip = document.getElementById(trigger.getAttribute('aria-describedby') ?? '');
      if (!tip) return;
      if (open && open.tip !== tip) hide();
      open = { trigger, tip };
      tip.setAttribute('data-open', '');
      place(trigger, tip);
    };
    const hideSoon = () => {
      clearTimeout(closing);
      closing = setTimeout(hide, 150);
    };
    const within = (node: EventTarget | null) => contains(open?.trigger, node) || contains(open?.tip, node);

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open) return;
      dismissed = open.trigger;
      hide();
    };
    const onPointerDown = (event: PointerEvent) => {
      pointerType = event.pointerType;
    };
    const onOver = (event: MouseEvent) => {
      const trigger = closest(event.target, triggerSelector);
      if (trigger && trigger !== dismissed) show(trigger);
      else if (within(event.target)) clearTimeout(closing);
    };
    const onOut = (event: MouseEvent) => {
      const trigger = closest(event.target, triggerSelector);
      if (trigger === dismissed && !contains(trigger, event.relatedTarget) && document.activeElement !== trigger) dismissed = undefined;
      if (open && within(event.target) && !within(event.relatedTarget) && document.activeElement !== open.trigger) hideSoon();
    };
    const onFocusIn = (event: FocusEvent) => {
      const trigger = closest(event.target, triggerSelector);
      if (trigger && trigger !== dismissed) show(trigger);
    };
    const onFocusOut = (event: FocusEvent) => {
      const trigger = closest(event.target, triggerSelector);
      if (!trigger) return;
      if (trigger === dismissed) dismissed = undefined;
      if (open?.trigger === trigger && !within(event.relatedTarget) && !trigger.matches(':hover')) hide();
    };
    const onClick = (event: MouseEvent) => {
      const copyButton = closest(event.target, copySelector);
      if (copyButton) {
        void copyLink(copyButton, copyTimers);
        return;
      }
      const switchLink = closest(event.target, 'a[data-keep-hash]');
      if (switchLink instanceof HTMLAnchorElement && location.hash) {
        switchLink.hash = location.hash;
        return;
      }
      const trigger = closest(event.target, triggerSelector);
      if (trigger && pointerType === 'touch') {
        if (tapped !== trigger) {
          event.preventDefault();
          dismissed = undefined;
          show(trigger);
          tapped = trigger;
        }
        return;
      }
      if (!trigger && !within(event.target)) hide();
    };
    const onResize = () => {
      if (open) place(open.trigger, open.tip);
    };

    // One signal removes every listener when the component unmounts.
    const listeners = new AbortController();
    const options = { signal: listeners.signal };
    document.addEventListener('keydown', onKeyDown, options);
    document.addEventListener('pointerdown', onPointerDown, { ...options, capture: true });
    document.addEventListener('mouseover', onOver, options);
    document.addEventListener('mouseout', onOut, options);
    document.addEventListener('focusin', onFocusIn, options);
    document.addEventListener('focusout', onFocusOut, options);
    document.addEventListener('click', onClick, options);
    window.addEventListener('resize', onResize, options);
    return () => {
      hide();
      listeners.abort();
    };
  }, []);

  return null;
}
