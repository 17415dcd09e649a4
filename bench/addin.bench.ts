// Task pane figures: context.sync() calls and the largest request/response per sync for reading and
// writing 1k/10k/50k-row sheets with the fake Excel host, and the task pane's JavaScript on first load
// (gzip, without exceljs and office.js; goal ≤ 250 KB).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { WriteValue } from '../shared/report/write-plan';
import { readHostSheet } from '../addin/src/excel/read';
import { sheetSnapshot } from '../addin/src/excel/snapshot';
import { applyWritePlan } from '../addin/src/excel/write';
import { createFakeExcel } from '../test/support/fake-office/excel';
import { emptySheet, workbookState, type FakeValue } from '../test/support/fake-office/workbook';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STATUSES = ['Niet in orde', 'Actie nodig', 'Gegevens controleren', 'In orde'];

function sheetValues(n: number): FakeValue[][] {
  const rows: FakeValue[][] = [['Personeelsnummer', 'Naam', 'School', 'Rol', 'Scholing WPB', 'Certificaat WPB', 'Scholing SO/IO', 'Aantal studenten', 'Toegekende uren', 'Coach']];
  for (let i = 0; i < n; i++) rows.push([100000 + i, `Achternaam ${i}, Voornaam`, `School ${i % 40}`, i % 3 ? 'WPB' : 'SO, IO', 45000 + (i % 900), i % 2 ? 'ja' : 'nee', '', i % 4, 40, '']);
  return rows;
}

function planFor(n: number) {
  const col = (header: string, index: number, numberFormat: string, value: (i: number) => WriteValue) => ({
    header: header as 'OS-status', column: index, letter: String.fromCharCode(64 + index), existing: false, numberFormat, width: 20,
    values: Array.from({ length: n }, (_, i) => value(i)),
  });
  return {
    sheets: [{
      sheet: 'Personeel', headerRow: 1, firstRow: 2, lastRow: n + 1,
      columns: [
        col('OS-status', 11, '@', (i) => ({ kind: 'text', text: STATUSES[i % 4]! })),
        col('Acties', 12, '@', (i) => (i % 4 === 3 ? { kind: 'empty' } : { kind: 'text', text: 'Scholing werkplekbegeleiders volgen; Certificaat WPB regelen' })),
        col('Opfrissen vóór', 13, 'dd-mm-yyyy', (i) => ({ kind: 'date', iso: `2028-0${(i % 9) + 1}-12` })),
        col('Normuren', 14, 'General', (i) => ({ kind: 'number', number: (i % 4) * 20 })),
        col('Toelichting', 15, '@', (i) => ({ kind: 'text', text: `Scholing werkplekbegeleiders ontbreekt (§4). Certificaat WPB ontbreekt (§4). Opfrissen vóór 12-03-2028 (§4). Rij ${i + 2}.` })),
      ],
      statusFormat: { range: `K2:K${n + 1}`, colours: STATUSES.map((s) => ({ status: s, fill: '#FFFFFF', font: '#000000' })) },
    }],
    reportSheets: [],
  };
}

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

async function syncFigures(): Promise<void> {
  console.log('| rows | read syncs | largest read response | write syncs | largest write request |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const n of [1_000, 10_000, 50_000]) {
    const fake = createFakeExcel(workbookState([emptySheet('Personeel', sheetValues(n))]));
    const read = await readHostSheet(fake.run, 'Personeel');
    const reads = fake.syncs.splice(0);
    // The write first checks the header and each row's personnel number (column A) against the read.
    const snapshot = sheetSnapshot({ headerRow: 1, lastRow: n + 1, lastColumn: 10, columns: { A: 'personId' } }, read.grid);
    await applyWritePlan(fake.run, planFor(n), { date1904: false, snapshots: { Personeel: snapshot } });
    const writes = fake.syncs.splice(0);
    console.log(`| ${n.toLocaleString('en')} | ${reads.length} | ${kb(Math.max(...reads.map((s) => s.responseBytes)))} | ${writes.length} | ${kb(Math.max(...writes.map((s) => s.requestBytes)))} |`);
  }
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

async function bundleFigures(): Promise<void> {
  const { build } = await import('vite');
  const out = mkdtempSync(join(tmpdir(), 'addin-bench-'));
  try {
    await build({ configFile: join(root, 'addin', 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, manifest: true } });
    const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const gz = (file: string) => gzipSync(readFileSync(join(out, file))).length;
    const closure = (keys: string[]) => {
      const seen = new Set<string>();
      const walk = (k: string) => {
        if (seen.has(k) || !manifest[k]) return;
        seen.add(k);
        for (const i of manifest[k]!.imports ?? []) walk(i);
      };
      keys.forEach(walk);
      return [...seen].map((k) => manifest[k]!.file);
    };
    // The pane's page (the build also has the help page and the sign-in dialog as entries).
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith('taskpane.html'))!;
    const key = (suffix: string) => Object.keys(manifest).find((k) => k.endsWith(suffix))!;
    const sum = (files: string[]) => files.reduce((s, f) => s + gz(f), 0);
    // The Controle view (OfficePane) is what the role pane opens with, so it belongs to the first load.
    const office = sum(closure([entry, key('ui/RolePane.tsx'), key('ui/OfficePane.tsx')]));
    const browser = sum(closure([entry, key('ui/BrowserPane.tsx')]));
    const all = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
    const exceljs = all.filter((f) => !closure([entry, key('ui/RolePane.tsx'), key('ui/OfficePane.tsx'), key('ui/BrowserPane.tsx')]).includes(f)).sort((a, b) => gz(b) - gz(a))[0]!;
    console.log(`\nTask pane JavaScript on first load (gzip; office.js from the CDN not counted):`);
    console.log(`- in Excel (entry + Office pane): ${kb(office)}  (goal ≤ 250 KB)`);
    const withEngine = sum(closure([entry, key('ui/RolePane.tsx'), key('ui/OfficePane.tsx'), key('src/pipeline.ts')]));
    console.log(`- in Excel once a sheet is opened (plus reader, rules and plan, loaded then): ${kb(withEngine)}`);
    console.log(`- in a browser (entry + browser pane, before a file is chosen): ${kb(browser)}`);
    console.log(`- largest lazy chunk (${exceljs}, exceljs for browser mode): ${kb(gz(exceljs))}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await syncFigures();
  await bundleFigures();
}
