// `npm run check` (interfaces.md §2): exit codes, outputs beside the input, --json, --out, --sheet, --map,
// several inputs with one unreadable, hostile files, and --api against a small local server.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, outputPathFor } from '../../cli/check';
import { ReportSchema } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { evaluateRequest } from '../../functions/src/handlers/evaluate';
import { acceptsCompact, COMPACT_MEDIA_TYPE, encodeEvaluateResponse, parseAnyEvaluateRequest } from '../../shared/api/compact';
import type { SchoolYear } from '../../shared/calendar/dates';
import { fixtureBytes } from '../fixtures/other-writers';
import { bytesOf, generatedWorkbook, richStaffWorkbook, save, tempDir, workedExamplesWorkbook } from '../fixtures/workbooks';

const run = promisify(execFile);

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

const sha = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
const DATE = ['--date', '2026-11-28'];

let dir: { dir: string; cleanup: () => Promise<void> };
let staff: string;
let worked: string;
beforeAll(async () => {
  dir = await tempDir();
  staff = await save(richStaffWorkbook(), join(dir.dir, 'personeel.xlsx'));
  worked = await save(workedExamplesWorkbook(), join(dir.dir, 'voorbeelden.xlsx'));
});
afterAll(() => dir.cleanup());

describe('wrong usage exits 2 with the usage text', () => {
  it.each([
    ['no input', []],
    ['an unknown option', ['x.xlsx', '--colour']],
    ['--out with two inputs', ['a.xlsx', 'b.xlsx', '--out', 'c.xlsx']],
    ['a date that does not exist', ['a.xlsx', '--date', '2026-02-30']],
    ['a school year that is not one', ['a.xlsx', '--year', '2026-2028']],
    ['--map without a field', ['a.xlsx', '--map', 'Functie']],
    ['--map with an unknown field', ['a.xlsx', '--map', 'Functie=rollen']],
    ['--submit without --api', ['a.xlsx', '--submit', '--board', 'BOOR']],
    ['--out that is not .xlsx', ['a.xlsx', '--out', 'a.csv']],
    ['--out .xlsx for a macro-enabled .xlsm', ['a.xlsm', '--out', 'b.xlsx']],
    ['--out .xlsm for a plain .xlsx', ['a.xlsx', '--out', 'b.xlsm']],
  ])('%s', async (_, argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fout: /);
    expect(r.stderr).toMatch(/Gebruik/);
    expect(r.stdout).toBe('');
  });

  it('--out naming the input itself', async () => {
    const r = await cli([staff, '--out', staff]);
    expect(r.code).toBe(2);
  });
});

describe('a readable workbook', () => {
  it('writes <name>.gecontroleerd.xlsx beside the input, never the input, and prints counts per status', async () => {
    const before = await sha(staff);
    const r = await cli([staff, ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = join(dir.dir, 'personeel.gecontroleerd.xlsx');
    expect(existsSync(out)).toBe(true);
    expect(await sha(staff)).toBe(before);
    expect(r.stdout).toContain(out);
    expect(r.stdout).toMatch(/Geen OS-rol: 1 · Niet in orde: 1 · Actie nodig: 1 · Gegevens controleren: 1 · In orde: 1/);
  });

  it('--json prints exactly the report of interfaces.md §2 on stdout and nothing else', async () => {
    const r = await cli([worked, ...DATE, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['referenceDate', 'planningYear', 'plan', 'sheets', 'summary']);
    expect(report.referenceDate).toBe('2026-11-28');
    expect(report.planningYear).toBe('2026-2027');
    expect(report.plan).toEqual({ id: bossPoPlan.id, version: bossPoPlan.version });
    const sheet = report.sheets[0];
    expect(Object.keys(sheet)).toEqual(['file', 'name', 'skipped', 'headerRow', 'columns', 'people', 'findings']);
    expect(sheet).toMatchObject({ file: 'voorbeelden.xlsx', name: 'Voorbeelden', skipped: null, headerRow: 1 });
    expect(sheet.columns).toMatchObject({ A: 'personId', B: 'name', D: 'roles', E: 'training.WPB' });
    expect(Object.keys(sheet.people[0])).toEqual(['row', 'personId', 'roles', 'status', 'refresherDue', 'dueSoon', 'normHours', 'findings']);
    expect(sheet.people[0]).toMatchObject({ row: 2, personId: '5001', roles: ['WPB'], status: 'In orde', refresherDue: '2028-03-12', normHours: 40 });
    const missing = sheet.people[1].findings.find((f: { code: string }) => f.code === 'TRAINING_MISSING');
    expect(missing).toMatchObject({ severity: 'action', training: 'WPB', planRef: '§4' });
    expect(Object.keys(report.summary)).toEqual(expect.arrayContaining(['needs', 'pools', 'keyFigures', 'roles', 'facilitation']));
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(r.stdout).not.toMatch(/Voorbeeld \d/); // names are not in the report
  });

  it('a macro-enabled .xlsm is written to <name>.gecontroleerd.xlsm, keeping its type, so Excel opens it', async () => {
    const input = join(dir.dir, 'macro.xlsm');
    await writeFile(input, await fixtureBytes('libreoffice-macro.xlsm'));
    const r = await cli([input, ...DATE]);
    expect(r.code).toBe(0);
    const out = join(dir.dir, 'macro.gecontroleerd.xlsm');
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(dir.dir, 'macro.xlsm.gecontroleerd.xlsx'))).toBe(false);
    const types = await (await JSZip.loadAsync(await readFile(out))).file('[Content_Types].xml')!.async('string');
    expect(types).toContain('ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
    expect(outputPathFor('/tmp/Lijst.XLSM')).toBe('/tmp/Lijst.gecontroleerd.xlsm');
    const wrong = await cli([input, ...DATE, '--out', join(dir.dir, 'macro.xlsx')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--out moet op \.xlsm eindigen/);
  });

  it('--out writes there instead', async () => {
    const out = join(dir.dir, 'elders.xlsx');
    const r = await cli([staff, ...DATE, '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('--sheet checks only that sheet; a sheet that does not exist is an input problem', async () => {
    const only = await cli([staff, ...DATE, '--json', '--sheet', 'Personeel']);
    expect(JSON.parse(only.stdout).sheets.map((s: { name: string }) => s.name)).toEqual(['Personeel']);
    const all = await cli([staff, ...DATE, '--json']);
    expect(JSON.parse(all.stdout).sheets.map((s: { name: string }) => s.name)).toEqual(['Personeel', 'Notities']);
    const none = await cli([staff, ...DATE, '--sheet', 'Bestaat niet']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/Bestaat niet/);
  });

  it('--sheet names a sheet as Excel does, ignoring case', async () => {
    const r = await cli([staff, ...DATE, '--json', '--sheet', 'PERSONEEL']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sheets.map((s: { name: string }) => s.name)).toEqual(['Personeel']);
  });

  it('--map overrides the column mapping by header text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['Functie in OS', 'Rol', 'Scholing WPB']);
    ws.addRow(['WPB', 'geen', null]);
    const path = await save(wb, join(dir.dir, 'map.xlsx'));
    const plain = JSON.parse((await cli([path, ...DATE, '--json'])).stdout);
    expect(plain.sheets[0].people[0].status).toBe('Geen OS-rol');
    const mapped = JSON.parse((await cli([path, ...DATE, '--json', '--map', 'Functie in OS=roles', '--map', 'Rol='])).stdout);
    expect(mapped.sheets[0].columns).toMatchObject({ A: 'roles' });
    expect(mapped.sheets[0].people[0].status).toBe('Actie nodig');
  });

  it('a 10,000-row sheet is checked and written', { timeout: 120_000 }, async () => {
    const path = await save(generatedWorkbook(10_000), join(dir.dir, 'groot.xlsx'));
    const r = await cli([path, ...DATE, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sheets[0].people).toHaveLength(10_000);
    expect(existsSync(join(dir.dir, 'groot.gecontroleerd.xlsx'))).toBe(true);
  });
});

describe('unreadable inputs exit 1 with one clear line each; the others are still checked', () => {
  it('several inputs, some unreadable', async () => {
    const text = join(dir.dir, 'tekst.xlsx');
    await writeFile(text, 'Naam;Rol\n');
    const empty = join(dir.dir, 'leeg.xlsx');
    await writeFile(empty, new Uint8Array());
    const truncated = join(dir.dir, 'kapot.xlsx');
    const full = await bytesOf(richStaffWorkbook());
    await writeFile(truncated, full.slice(0, 2000));
    const encrypted = join(dir.dir, 'geheim.xlsx');
    await writeFile(encrypted, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0])]));
    const missing = join(dir.dir, 'weg.xlsx');
    const hashes = await Promise.all([text, empty, truncated, encrypted].map(sha));

    const r = await cli([text, staff, empty, truncated, encrypted, missing, ...DATE, '--json']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`${text}: dit is geen Excel-werkmap (.xlsx) (not an xlsx workbook)`);
    expect(lines[1]).toMatch(/leeg\.xlsx: het bestand is leeg/);
    expect(lines[2]).toMatch(/kapot\.xlsx: .*onvolledig/);
    expect(lines[3]).toMatch(/geheim\.xlsx: .*versleuteld of beveiligd met wachtwoord/);
    expect(lines[4]).toMatch(/weg\.xlsx: bestand niet gevonden/);
    expect(r.stderr).not.toMatch(/ at |Error:/);
    const report = JSON.parse(r.stdout);
    expect(report.sheets.map((s: { file: string }) => s.file)).toEqual(['personeel.xlsx', 'personeel.xlsx']);
    expect(await Promise.all([text, empty, truncated, encrypted].map(sha))).toEqual(hashes);
    for (const p of [text, empty, truncated, encrypted]) expect(existsSync(outputPathFor(p))).toBe(false);
  });

  it('a workbook with no usable sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notities').addRow(['Alleen tekst', 'meer tekst']);
    const path = await save(wb, join(dir.dir, 'notities.xlsx'));
    const r = await cli([path, ...DATE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notities\.xlsx: geen werkblad met een kopregel/);
    expect(existsSync(outputPathFor(path))).toBe(false);
  });
});

describe('--api', () => {
  let server: Server;
  let url: string;
  const bodies: string[] = [];
  const answers: string[] = [];
  const puts: { url: string; body: { needs: Record<string, { initial: number }> } }[] = [];
  beforeAll(async () => {
    // A stand-in for the function app's POST /api/evaluate and GET /api/plan, with the real rules.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.headers['x-api-key'] !== 'test-key') {
          res.statusCode = 401;
          res.setHeader('content-type', 'application/problem+json');
          res.end(JSON.stringify({ type: 'about:blank', title: 'Niet aangemeld', status: 401, detail: 'Geen geldige sleutel.' }));
          return;
        }
        if (req.url === '/api/plan') return res.end(JSON.stringify(bossPoPlan));
        if (req.method === 'PUT' && req.url?.startsWith('/api/needs/')) {
          puts.push({ url: req.url, body: JSON.parse(body) });
          res.statusCode = 201;
          return res.end(JSON.stringify({ schoolYear: '2026-2027', board: 'BOOR', version: 1, submittedAt: '2026-11-28T10:00:00Z', stored: true }));
        }
        bodies.push(body);
        // The function app's own decoding and answer, in the form the client asked for.
        const q = parseAnyEvaluateRequest(JSON.parse(body));
        if (!q.success) throw q.error;
        const referenceDate = q.data.referenceDate!;
        const planningYear = q.data.planningYear as SchoolYear;
        const compact = acceptsCompact(req.headers.accept);
        const { answer, params } = evaluateRequest(bossPoPlan, q.data, { referenceDate, planningYear, register: [], registerRecords: 0, withParams: compact });
        if (compact) res.setHeader('content-type', COMPACT_MEDIA_TYPE);
        answers.push(compact ? 'compact' : 'documented');
        res.end(JSON.stringify(compact ? encodeEvaluateResponse(answer, params) : answer));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('gives the same report as in-process, and sends no names', async () => {
    const local = await cli([worked, ...DATE, '--json']);
    const remote = await cli([worked, ...DATE, '--json', '--api', url], { BOSSPO_API_KEY: 'test-key' });
    expect(remote.code).toBe(0);
    expect(JSON.parse(remote.stdout)).toEqual(JSON.parse(local.stdout));
    expect(bodies.length).toBeGreaterThan(0);
    for (const b of bodies) expect(b).not.toMatch(/Voorbeeld \d/);
    // The compact form both ways (issue 14): people as columns out, findings as codes and values back.
    for (const b of bodies) expect(Object.keys(JSON.parse(b))).toContain('columns');
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers)).toEqual(new Set(['compact']));
  });

  it('--submit stores this run\'s training need for the board and planning year', async () => {
    const r = await cli([worked, ...DATE, '--api', url, '--board', 'BOOR', '--submit'], { BOSSPO_API_KEY: 'test-key' });
    expect(r.code).toBe(0);
    expect(puts.map((p) => p.url)).toEqual(['/api/needs/2026-2027/BOOR']);
    expect(puts[0]!.body.needs.WPB!.initial).toBe(2);
    expect(r.stderr).toMatch(/opgeslagen \(versie 1\)/);
  });

  it('a wrong key is one clear line and exit 1', async () => {
    const r = await cli([worked, ...DATE, '--api', url], { BOSSPO_API_KEY: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/401/);
  });
});

describe('as a real process', () => {
  it('npx tsx cli/check.ts: exit 2 for wrong usage, exit 0 and JSON on stdout for a check', { timeout: 120_000 }, async () => {
    const bad = await run('npx', ['tsx', 'cli/check.ts'], { cwd: process.cwd() }).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toMatch(/Gebruik/);
    const ok = await run('npx', ['tsx', 'cli/check.ts', worked, ...DATE, '--json'], { cwd: process.cwd() });
    expect(JSON.parse(ok.stdout).sheets[0].people).toHaveLength(15);
  });
});
