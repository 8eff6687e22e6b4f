import 'server-only';
import { Attribute, dataAttribute, placeholder } from '../contract/page';

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
 * The notice for a link to a paragraph or an entry that the page does not have: shown by the page
 * script (src/behaviour/missing-target.ts, src/behaviour/suggest-target.ts), which puts in the missing
 * ID, suggests the nearest existing one, and can open the contents. Hidden without JavaScript, like
 * the script that would fill it.
 */
export function BrokenLinkNotice({ message, suggestion, targets, dismiss, contents }: BrokenLinkNoticeProps) {
  const [before, after = ''] = message.split(placeholder('id'));
  const [ask, askAfter = ''] = suggestion.split(placeholder('place'));
  return (
    <div role="alert" className="hash-notice" {...dataAttribute(Attribute.BrokenLinkNotice, targets)} hidden>
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
          <button type="button" {...dataAttribute(Attribute.OpenContents)}>
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
