'use client';
import { useEffect } from 'react';

/** Where the interface language is remembered; the root page reads it before navigator.languages. */
export const localeStorageKey = 'reader.locale';

const tipped = '.tipped';

function closest(target: EventTarget | null, selector: string): Element | null {
  return target instanceof Element ? target.closest(selector) : null;
}

/**
 * Small behaviours that CSS cannot do alone, added to server-rendered markup by event delegation:
 * Escape closes a tooltip (until the pointer or focus leaves it); on touch screens the first tap on a
 * term or note marker opens its tooltip and the second follows the link; the language switch keeps the
 * paragraph anchor; the interface language is remembered for the root page. Renders nothing.
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
    const closeAll = (except?: Element | null) => {
      for (const element of document.querySelectorAll(`${tipped}[data-open]`)) {
        if (element !== except) element.removeAttribute('data-open');
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      for (const element of document.querySelectorAll(`${tipped}:hover, ${tipped}:focus-within, ${tipped}[data-open]`)) {
        element.setAttribute('data-dismissed', '');
        element.removeAttribute('data-open');
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      pointerType = event.pointerType;
    };
    const onClick = (event: MouseEvent) => {
      const switchLink = closest(event.target, 'a[data-keep-hash]');
      if (switchLink instanceof HTMLAnchorElement && location.hash) {
        switchLink.hash = location.hash;
        return;
      }
      const container = closest(event.target, tipped);
      if (pointerType === 'touch' && container && !closest(event.target, '.tip')) {
        if (!container.hasAttribute('data-open')) {
          event.preventDefault();
          closeAll(container);
          container.removeAttribute('data-dismissed');
          container.setAttribute('data-open', '');
        }
        return;
      }
      if (!container) closeAll();
    };
    const onLeave = (event: MouseEvent | FocusEvent) => {
      const container = closest(event.target, tipped);
      if (container && !container.contains(event.relatedTarget instanceof Node ? event.relatedTarget : null)) {
        container.removeAttribute('data-dismissed');
      }
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('click', onClick);
    document.addEventListener('mouseout', onLeave);
    document.addEventListener('focusout', onLeave);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('click', onClick);
      document.removeEventListener('mouseout', onLeave);
      document.removeEventListener('focusout', onLeave);
    };
  }, []);

  return null;
}
