import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { siteIcons } from '../../site/metadata';
import { siteUrl } from '../../site/site-url';
import '../globals.css';
import '../root-pages.css';

export const metadata: Metadata = {
  metadataBase: siteUrl() ?? null,
  icons: siteIcons,
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

/** Root layout of `/`, the one page that belongs to no interface language. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
