import 'server-only';
import type { Language } from '../model/languages';
import type { FrontMatter } from '../model/schema';
import type { TFunction } from '../i18n/server';

/** A link's shown text: the host it leads to (`www.example.org`), which says where the reader will land. */
function host(address: string): string {
  return new URL(address).host;
}

/**
 * Where one language version comes from, in its column's head: the issuer, the translator, and links to
 * the official publication and to an archived copy of it when the front matter gives them
 * (`provenance.url`, `provenance.archive`). The names are in the version's language (`language`);
 * labels and links inherit the interface language. Nothing is shown for an address that is not given.
 */
export function ProvenanceList({ t, provenance, language }: { t: TFunction; provenance: FrontMatter['provenance']; language: Language }) {
  const links = [
    { key: 'url', label: t('reader.publishedAt'), href: provenance.url },
    { key: 'archive', label: t('reader.archivedAt'), href: provenance.archive },
  ].flatMap((link) => (link.href ? [{ ...link, href: link.href }] : []));
  return (
    <dl className="provenance">
      <div>
        <dt>{t('reader.issuer')}</dt>
        <dd lang={language}>{provenance.issuer}</dd>
      </div>
      {provenance.translator ? (
        <div>
          <dt>{t('reader.translator')}</dt>
          <dd lang={language}>{provenance.translator}</dd>
        </div>
      ) : null}
      {links.map((link) => (
        <div key={link.key} data-provenance={link.key}>
          <dt>{link.label}</dt>
          <dd>
            <a href={link.href} rel="external">
              {host(link.href)}
            </a>
          </dd>
        </div>
      ))}
    </dl>
  );
}
