// Vite config of the task pane. office.js comes from Microsoft's CDN in production (taskpane.html); the
// dev server, and builds made with BOSSPO_OFFICE_JS=local (tests), serve the copy in @microsoft/office-js.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const OFFICE_JS_LOCAL = '/office-js/office.js';
const officeDist = resolve(here, '..', 'node_modules', '@microsoft', 'office-js', 'dist');

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json', '.png': 'image/png', '.gif': 'image/gif' };

/** Serves node_modules/@microsoft/office-js/dist under /office-js/ (office.js loads its host files beside itself). */
function officeJsMiddleware(): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith('/office-js/')) return next();
    const file = normalize(join(officeDist, decodeURIComponent(url.slice('/office-js/'.length))));
    if (!file.startsWith(officeDist) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
}

export function officeJs(local: boolean): Plugin {
  return {
    name: 'bosspo-office-js',
    transformIndexHtml: (html) => (local ? html.replace(OFFICE_JS_CDN, OFFICE_JS_LOCAL) : html),
    configureServer: (server) => void server.middlewares.use(officeJsMiddleware()),
    configurePreviewServer: (server) => void server.middlewares.use(officeJsMiddleware()),
  };
}

// The help page (manifest SupportUrl) names whom to contact; an IT officer sets it with azd
// (`azd env set BOSSPO_SUPPORT_CONTACT …`), otherwise it says the board's own administrator.
process.env.VITE_BOSSPO_SUPPORT_CONTACT ||= process.env.BOSSPO_SUPPORT_CONTACT || 'de functioneel beheerder van uw bestuur';

export default defineConfig(({ command }) => ({
  root: here,
  // Relative asset addresses: the built pane works from any host and any sub-path
  // (https://host/addin/taskpane.html), without knowing the path at build time.
  base: './',
  publicDir: resolve(here, 'assets'),
  plugins: [react(), officeJs(command === 'serve' || process.env.BOSSPO_OFFICE_JS === 'local')],
  resolve: { alias: { '@shared': resolve(here, '..', 'shared') } },
  build: {
    outDir: process.env.BOSSPO_ADDIN_OUT ?? resolve(here, '..', 'dist', 'addin'),
    emptyOutDir: true,
    // Browser mode's reader and writer (xlsx/, fflate) are one lazy chunk; the first load stays far below this.
    chunkSizeWarningLimit: 1100,
    target: 'es2022',
    rollupOptions: {
      input: { taskpane: resolve(here, 'taskpane.html'), hulp: resolve(here, 'hulp.html'), 'auth-dialog': resolve(here, 'auth-dialog.html') },
    },
  },
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
}));
