// Bundles the fake host into one classic script for a page (Vite library build, IIFE).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export async function fakeOfficeScript(): Promise<string> {
  const here = dirname(fileURLToPath(import.meta.url));
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(here, 'browser.ts'), formats: ['iife'], name: 'BossPoFakeOffice' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs[0]!.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('the fake Office bundle is empty');
  return chunk.code;
}
