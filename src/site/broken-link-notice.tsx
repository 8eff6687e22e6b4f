import 'server-only';

export interface BrokenLinkNoticeProps {
  /** The notice, with `{id}` where the missing fragment goes. */
  message: string;
  /** "Did you mean {place}?", with `{place}` where the link to the nearest existing target goes. */
  suggestion: string;
  /** Elements whose ids are the page's targets (`[data-pid]` rows, `article[id]` entries): the suggestion is the nearest one. */
  targets: string;
  /** Label of the button that closes the notice. */
  dismiss: string;
  /** When the page has a table of contents: the label of the button that opens it. */
  contents?: string;
}

/**
 * Shown by the page script (src/behaviour/missing-target.ts) when the address names a paragraph or an
 * entry that the page does not have: says so, suggests the nearest existing one, and can open the
 * contents. Hidden without JavaScript, like the script that would fill it.
 */
export function BrokenLinkNotice({ message, suggestion, targets, dismiss, contents }: BrokenLinkNoticeProps) {
  const [before, after = ''] = message.split('{id}');
  const [ask, askAfter = ''] = suggestion.split('{place}');
  return (
    <div role="alert" className="hash-notice" data-hash-notice={targets} hidden>
      <p>
        {before}
        <code />
        {after}
      </p>
      <p className="hash-suggestion" hidden>
        {ask}
        <a href="#" />
        {askAfter}
      </p>
      <p className="hash-actions">
        {contents ? (
          <button type="button" data-open-contents="">
            {contents}
          </button>
        ) : null}
        <button type="button" data-dismiss="">
          {dismiss}
        </button>
      </p>
    </div>
  );
}
