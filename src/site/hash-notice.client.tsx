'use client';
import { useEffect, useState } from 'react';

export interface HashNoticeProps {
  /** The notice, with `{id}` where the missing paragraph ID goes. */
  message: string;
  /** Label of the button that closes the notice. */
  dismiss: string;
}

function missingTarget(): string | undefined {
  const id = decodeURIComponent(location.hash.slice(1));
  return id && !document.getElementById(id) ? id : undefined;
}

/** Says so when the address names a paragraph that this page does not have, instead of failing silently. */
export function HashNotice({ message, dismiss }: HashNoticeProps) {
  const [missing, setMissing] = useState<string>();
  useEffect(() => {
    const check = () => setMissing(missingTarget());
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, []);
  if (!missing) return null;
  const [before, after = ''] = message.split('{id}');
  return (
    <div role="alert" className="hash-notice">
      <p>
        {before}
        <code>{missing}</code>
        {after}
      </p>
      <button type="button" onClick={() => setMissing(undefined)}>
        {dismiss}
      </button>
    </div>
  );
}
