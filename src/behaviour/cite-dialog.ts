/**
 * The citation dialog of the reading page (see src/behaviour/cite.ts, which loads this file the first
 * time a reader asks for a citation, together with the document's `cite.json`): one shared modal
 * `<dialog>` where the reader picks the language version and the format (Chicago, the interface
 * language's own convention, CSL-JSON, BibTeX, RIS), reads the citation, with today as its date of
 * access, and copies it or saves it as a file; the status says whether the copy worked. Escape or the close
 * button closes it and focus returns to the button that opened it.
 */
import { atOrigin, type CiteData, type CiteFormat } from '../contract/cite-data';
import { fillAccessed, fillCitation } from '../contract/cite-fill';
import { writeClipboard } from './clipboard';

const messageTime = 4000;

/** What the dialog cites: the whole document, or one block (its ID, and the dialog's title for it: "Cite 1.1 ¶2"). */
export type Scope = { id: string; title: string } | undefined;

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

/** The citation of `scope` in `lang` and `format`, with this page's origin, accessed on `day`. */
export function citation(data: CiteData, lang: string, format: CiteFormat, scope: Scope, origin: string, day = new Date()): string {
  const version = data.versions.find((candidate) => candidate.lang === lang) ?? data.versions[0];
  const text = (scope ? fillCitation(version?.paragraph[format] ?? '', format, scope.id, data.places[scope.id] ?? scope.id) : version?.document[format]) ?? '';
  return fillAccessed(atOrigin(text, data.address, origin), day);
}

/**
 * Adds the dialog for `data` to the page; returns how to open it: from `trigger` (which gets the
 * focus back on closing), on `what`, with the language version `shown` chosen first when there is one.
 */
export function citeDialog(root: Document, data: CiteData): (trigger: HTMLElement, what: Scope, shown: string | undefined) => void {
  let opener: HTMLElement | undefined;
  let scope: Scope;
  let format: CiteFormat = 'chicago';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const build = (): HTMLDialogElement => {
    const box = element('dialog', { class: 'cite-dialog', 'aria-labelledby': 'cite-title' });
    const close = element('button', { type: 'button', class: 'button', 'data-cite-close': '' }, data.strings.close);
    const save = element('a', { class: 'button' }, data.strings.save);
    const copy = element('button', { type: 'button', class: 'button', 'data-cite-copy': '' }, data.strings.copy);
    const output = element('textarea', { id: 'cite-output', readonly: '', rows: '7', spellcheck: 'false' });
    const actions = element('div', { class: 'cite-actions' });
    actions.append(copy, save, element('span', { role: 'status', class: 'cite-status' }), close);
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
      const option = data.formats.find((candidate) => candidate.id === format);
      // A style's text is in its language; the formats for reference managers are in none ("").
      output.lang = option?.lang ?? '';
      // Every format can be saved as a file (`.txt`, `.json`, `.bib`, `.ris`).
      if (option) Object.assign(save, { href: option.file.data + encodeURIComponent(output.value), download: option.file.name });
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

  const dialog = build();
  return (trigger, what, shown) => {
    opener = trigger;
    scope = what;
    const title = dialog.querySelector('h2');
    if (title) title.textContent = what ? what.title : data.strings.document;
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
}
