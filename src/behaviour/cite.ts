/**
 * Citing: the "Cite" disclosure of the reading page (`details[data-cite]`, a Chicago citation of the
 * document rendered at build time) gets, once opened, a button for every language version and format,
 * and each row a "Cite" button beside its copy-link button. Both open one shared modal `<dialog>`: the reader picks
 * the language version (first: the first column shown) and the format (Chicago, CSL-JSON, BibTeX),
 * reads the citation and copies it; the status says whether the copy worked. Escape or the close button
 * closes it and focus returns to the button that opened it. The citations come from the document's
 * `cite.json` (fetched when first needed): whole-document ones as they are, a paragraph's from a
 * template with its ID and place, and the page's address as built given this page's origin.
 */
import { atOrigin, fillCitation, type CiteData, type CiteFormat } from '../site/cite-format';
import { writeClipboard } from './clipboard';

const icon =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M3 9.5h3.5V13H3zM3 9.5C3 6 4 4.5 6.5 3.5M9.5 9.5H13V13H9.5zM9.5 9.5c0-3.5 1-5 3.5-6" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>';
const messageTime = 4000;

/** What the dialog cites: the whole document, or one block (its ID, and its place as the interface names it). */
type Scope = { id: string; label: string } | undefined;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A fieldset of radio buttons, one per choice. */
function choices(name: string, legend: string, options: Array<{ value: string; label: string; lang?: string }>): HTMLFieldSetElement {
  const set = element('fieldset', { class: 'cite-choice' });
  set.append(element('legend', {}, legend));
  for (const option of options) {
    const label = element('label');
    const input = element('input', { type: 'radio', name, value: option.value });
    const text = element('span', option.lang ? { lang: option.lang } : {}, option.label);
    label.append(input, text);
    set.append(label);
  }
  return set;
}

/** The citation of `scope` in `lang` and `format`, with this page's origin. */
export function citation(data: CiteData, lang: string, format: CiteFormat, scope: Scope, origin: string): string {
  const version = data.versions.find((candidate) => candidate.lang === lang) ?? data.versions[0];
  if (!version) return '';
  const text = scope ? fillCitation(version.paragraph[format], format, scope.id, data.places[scope.id] ?? scope.id) : version.document[format];
  return atOrigin(text, data.address, origin);
}

export function startCite(root: Document): void {
  const rows = root.querySelector<HTMLElement>('[data-rows]');
  const disclosure = root.querySelector<HTMLElement>('details[data-cite]');
  const source = disclosure?.dataset.cite;
  if (!rows || !disclosure || !source) return;
  // The citation rendered at build time names the page's address as built: give it this page's origin.
  const rendered = disclosure.querySelector('.cite-text');
  const address = disclosure.dataset.citeAddress;
  if (rendered?.textContent && address) rendered.textContent = atOrigin(rendered.textContent, address, location.origin);

  let loading: Promise<CiteData | undefined> | undefined;
  const load = () =>
    (loading ??= fetch(source)
      .then((response) => (response.ok ? (response.json() as Promise<CiteData>) : undefined))
      .catch(() => undefined)
      .then((data) => {
        if (!data) loading = undefined;
        return data;
      }));

  // One "Cite" button per row, beside the copy-link button (before the phone's reveal control).
  const label = rows.dataset.citeLabel ?? '{place}';
  for (const permalink of rows.querySelectorAll<HTMLElement>('[data-pid] .pilcrow')) {
    const place = permalink.getAttribute('aria-label') ?? permalink.closest('[data-pid]')?.id ?? '';
    const button = element('button', { type: 'button', class: 'gutter-button', 'data-cite-row': '' });
    button.innerHTML = icon;
    button.setAttribute('aria-label', label.replace('{place}', place));
    button.title = button.getAttribute('aria-label') ?? '';
    permalink.parentElement?.insertBefore(button, permalink.parentElement.querySelector('.reveal'));
  }
  const more = element('button', { type: 'button', class: 'button' });

  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLElement | undefined;
  let scope: Scope;
  let format: CiteFormat = 'chicago';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const build = (data: CiteData): HTMLDialogElement => {
    const box = element('dialog', { class: 'cite-dialog', 'aria-labelledby': 'cite-title' });
    const close = element('button', { type: 'button', class: 'button', 'data-cite-close': '' }, data.strings.close);
    const copy = element('button', { type: 'button', class: 'button', 'data-cite-copy': '' }, data.strings.copy);
    const output = element('textarea', { id: 'cite-output', readonly: '', rows: '7', spellcheck: 'false' });
    const actions = element('div', { class: 'cite-actions' });
    actions.append(copy, element('span', { role: 'status', class: 'cite-status' }), close);
    box.append(
      element('h2', { id: 'cite-title' }),
      choices('cite-version', data.strings.version, data.versions.map((version) => ({ value: version.lang, label: version.label }))),
      choices('cite-format', data.strings.format, data.formats.map((option) => ({ value: option.id, label: option.label }))),
      element('label', { for: 'cite-output' }, data.strings.citation),
      output,
      actions,
    );
    const show = () => {
      const lang = box.querySelector<HTMLInputElement>('[name="cite-version"]:checked')?.value ?? '';
      output.value = citation(data, lang, format, scope, location.origin);
      if (format === 'chicago') output.lang = 'en';
      else output.removeAttribute('lang');
    };
    box.addEventListener('change', (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement)) return;
      if (input.name === 'cite-format') format = input.value as CiteFormat;
      show();
    });
    close.addEventListener('click', () => box.close());
    copy.addEventListener('click', async () => {
      const status = box.querySelector<HTMLElement>('.cite-status');
      let message = data.strings.copied;
      try {
        await writeClipboard(output.value);
      } catch {
        message = data.strings.copyFailed;
        output.select();
      }
      if (!status) return;
      status.textContent = message;
      clearTimeout(timer);
      timer = setTimeout(() => (status.textContent = ''), messageTime);
    });
    box.addEventListener('close', () => opener?.focus());
    box.addEventListener('cite:show', show);
    root.body.append(box);
    return box;
  };

  const open = async (trigger: HTMLElement, what: Scope) => {
    const data = await load();
    if (!data) return;
    dialog ??= build(data);
    opener = trigger;
    scope = what;
    const title = dialog.querySelector('h2');
    if (title) title.textContent = what ? data.strings.paragraph.replace('{place}', what.label) : data.strings.document;
    // The language version first shown: that of the first column the reader sees (in this row).
    const row = trigger.closest('[data-pid]') ?? rows.querySelector('[data-pid]');
    const shown = row?.querySelector<HTMLElement>(':scope > [lang]:not([hidden])')?.lang;
    const lang = data.versions.some((version) => version.lang === shown) ? shown : data.versions[0]?.lang;
    for (const input of dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      input.checked = input.name === 'cite-version' ? input.value === lang : input.value === format;
    }
    const status = dialog.querySelector('.cite-status');
    if (status) status.textContent = '';
    dialog.dispatchEvent(new Event('cite:show'));
    dialog.showModal();
    dialog.querySelector<HTMLInputElement>('[name="cite-version"]:checked')?.focus();
  };

  more.addEventListener('click', () => void open(more, undefined));
  // Opening the disclosure fetches the citations; the button to the dialog comes with them.
  disclosure.addEventListener('toggle', async () => {
    const data = await load();
    if (!data || more.isConnected) return;
    more.textContent = data.strings.more;
    disclosure.append(more);
  });
  rows.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-cite-row]') : null;
    const row = button?.closest<HTMLElement>('[data-pid]');
    if (!button || !row) return;
    void open(button, { id: row.id, label: row.querySelector('.pilcrow')?.getAttribute('aria-label') ?? row.id });
  });
}
