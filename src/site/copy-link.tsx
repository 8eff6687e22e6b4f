import 'server-only';

export interface CopyLinkProps {
  /** Path and fragment of the paragraph in the current column choice: `/en/documents/x/ru-en/#s1-p1`. */
  path: string;
  /** Accessible name of the button: "Copy link to 1.1 ¶1". */
  label: string;
  /** Announced after copying: "Link to 1.1 ¶1 copied". */
  copied: string;
}

/**
 * The copy-link button of a row, rendered on the server; `PageBehaviour` copies on click (event
 * delegation) and announces the result in the status beside it. The message for a refused copy is
 * the same for every row: it sits once on the rows (`data-copy-failed`). Without JavaScript the
 * button is hidden by CSS (`scripting: none`): the ¶ link beside it remains.
 */
export function CopyLink({ path, label, copied }: CopyLinkProps) {
  return (
    <span className="copy-link">
      <button type="button" className="gutter-button" aria-label={label} title={label} data-copy={path} data-copied={copied}>
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
      <span role="status" className="copy-status" />
    </span>
  );
}
