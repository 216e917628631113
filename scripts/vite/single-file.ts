// Vite plugins for the single-file build (`npm run build:single`): one HTML file that opens from a USB stick or
// a closed network share, with the same strict CSP as the served app.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

// Whitespace or comments between the parts of `new Worker(new URL('…', import.meta.url), { … })`.
const GAP = String.raw`(?:\s|//[^\n]*\n|/\*[\s\S]*?\*/)*`;
const WORKER_RE = new RegExp(
  String.raw`new\s+Worker${GAP}\(${GAP}new\s+URL${GAP}\(${GAP}('[^']+'|"[^"]+")${GAP},${GAP}import\.meta\.url${GAP}\)${GAP}(?:,${GAP}(\{[^}]*\}))?${GAP},?${GAP}\)`,
  'g',
);

/**
 * A page opened from file:// may not start a worker from a file, so each `new Worker(new URL(…))` becomes Vite's
 * inline worker (`?worker&inline`: the bundled code is carried as a string and started from a blob: URL).
 */
export function inlineWorkers(): Plugin {
  return {
    name: 'vps:inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !code.includes('new Worker')) return null;
      const imports: string[] = [];
      const rewritten = code.replace(WORKER_RE, (_match, url: string, options?: string) => {
        const name = `__InlineWorker${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${url.slice(1, -1)}?worker&inline`)};`);
        return `new ${name}(${options ?? ''})`;
      });
      if (imports.length === 0) return null;
      // The imports go after the first line so a leading `<script lang="ts">` (a Svelte file) stays first.
      const scriptOpen = rewritten.match(/^<script[^>]*>/);
      if (scriptOpen)
        return rewritten.replace(scriptOpen[0], `${scriptOpen[0]}\n${imports.join('\n')}`);
      return `${imports.join('\n')}\n${rewritten}`;
    },
  };
}

const PENDING = "'sha256-pending-single-file-build'";

/** The served app's service-worker registration has nothing to register from a file: a no-op stands in. */
export function noServiceWorker(): Plugin {
  const id = '\0vps-no-service-worker';
  return {
    name: 'vps:no-service-worker',
    resolveId: (source) => (source === 'virtual:pwa-register' ? id : null),
    load: (loaded) =>
      loaded === id ? 'export function registerSW() { return async () => {}; }' : null,
  };
}

/**
 * After vite-plugin-singlefile has inlined the scripts: the manifest link goes (no install from a file), the
 * favicon becomes a data: URL, and `script-src 'self'` names each inline script by its SHA-256 hash, so the
 * policy stays as strict as the served one (no 'unsafe-inline').
 */
export function singleFileHtml(options: { fileName: string; icon: string }): Plugin {
  return {
    name: 'vps:single-file-html',
    enforce: 'post',
    // A stand-in hash until the scripts are inlined (vite-plugin-singlefile then sees a hash and does not warn).
    transformIndexHtml: (html) => html.replace("script-src 'self'", `script-src ${PENDING}`),
    // 'post', and listed after viteSingleFile(): runs once the scripts are inlined.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = Object.values(bundle).find(
          (file) => file.type === 'asset' && file.fileName.endsWith('.html'),
        );
        if (!html || html.type !== 'asset') this.error('single-file build: no HTML in the bundle');
        let text = String(html.source);
        const hashes = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
          .filter((m) => m[1].trim() !== '')
          .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
        if (hashes.length === 0) this.error('single-file build: no inline script to allow');
        if (!text.includes(PENDING))
          this.error("single-file build: the CSP has no script-src 'self' to replace");
        text = text.replace(PENDING, hashes.join(' '));
        text = text.replace(/\s*<link rel="manifest"[^>]*>/, '');
        text = text.replace(/<link rel="apple-touch-icon"[^>]*>\s*/, '');
        const icon = `data:image/svg+xml;base64,${readFileSync(options.icon).toString('base64')}`;
        text = text.replace(
          /<link rel="icon"[^>]*>/,
          `<link rel="icon" type="image/svg+xml" href="${icon}" />`,
        );
        // Rolldown cannot rename a bundle entry: the file is emitted anew under its name.
        delete bundle[html.fileName];
        this.emitFile({ type: 'asset', fileName: options.fileName, source: text });
      },
    },
  };
}
