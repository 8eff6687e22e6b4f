import 'server-only';
import { Attribute, dataAttribute } from '../contract/page';
import type { EarlyScriptName } from './asset-names';
import { earlyScript } from './assets';

/**
 * An early script, inline where the page needs it to run while it is parsed (src/behaviour/early/),
 * marked as the site's own. `data`: attributes of the element that the script reads from it
 * (`document.currentScript`), so that its code is the same on every page and the security headers
 * hash it once.
 */
export function EarlyScript({ name, data = {} }: { name: EarlyScriptName; data?: Record<string, string> }) {
  return <script {...dataAttribute(Attribute.Site)} {...data} dangerouslySetInnerHTML={{ __html: earlyScript(name) }} />;
}
