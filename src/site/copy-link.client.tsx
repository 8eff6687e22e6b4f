'use client';
import { useRef, useState } from 'react';
import { useHydrated } from './use-hydrated';

export interface CopyLinkProps {
  /** Path and fragment of the paragraph in the current column choice: `/en/documents/x/ru-en/#s1-p1`. */
  path: string;
  /** Accessible name of the button: "Copy link to 1.1 ¶1". */
  label: string;
  /** Announced after copying: "Link to 1.1 ¶1 copied". */
  copied: string;
  /** Announced when the clipboard refuses; `{url}` is replaced by the address. */
  failed: string;
}

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

/** The copy-link button of a row. Without JavaScript it is not rendered: the ¶ link beside it remains. */
export function CopyLink({ path, label, copied, failed }: CopyLinkProps) {
  const hydrated = useHydrated();
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  if (!hydrated) return null;

  const copy = async () => {
    const url = new URL(path, location.href).toString();
    let next: string;
    try {
      await writeClipboard(url);
      next = copied;
    } catch {
      next = failed.replace('{url}', url);
    }
    setMessage(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), 4000);
  };

  return (
    <span className="copy-link">
      <button type="button" className="gutter-button" aria-label={label} title={label} onClick={copy}>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
          <path
            d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
      </button>
      <span role="status" className="copy-status" data-visible={message ? '' : undefined}>
        {message}
      </span>
    </span>
  );
}
