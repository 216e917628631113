// E2E global setup: build the app once and serve dist/ with `vite preview` on a free localhost port, and build
// the single-file copy once (dist-single/, opened from file://). Every e2e test file reads the addresses with
// `inject('baseUrl')` and `inject('singleFileUrl')`.
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    singleFileUrl: string;
  }
}

export const SINGLE_FILE = resolve('dist-single/victim-pathway-simulator.html');

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await build({ logLevel: 'warn', mode: 'production' });
  // The second build reuses the compiled messages (paraglide skips unchanged inputs): a few seconds.
  await build({ logLevel: 'warn', mode: 'single' });
  server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('singleFileUrl', pathToFileURL(SINGLE_FILE).href);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
