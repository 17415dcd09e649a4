// `npm run demand` against the real local host and Azurite (test/support/api-server).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/demand';
import { demandSheet } from '../../shared/report/trainer-demand-sheet';
import { freePort } from '../support/azurite';
import { captureIo } from '../support/cli-io';
import { startTestApi, TEST_KEYS, type TestApi } from '../support/api-server';
import { plain } from '../report/sheet-helpers';

const WPB = 'Scholing werkplekbegeleiders (Coaching voor werkplekbegeleiders)';

/** The workbook's only sheet as rows of plain values (dates as YYYY-MM-DD). */
async function sheetRows(path: string): Promise<{ name: string; rows: Map<number, unknown[]> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)).buffer as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  const ws = wb.worksheets[0]!;
  const rows = new Map<number, unknown[]>();
  ws.eachRow((row, r) => {
    const values: unknown[] = [];
    row.eachCell((cell, c) => {
      const v = cell.value;
      values[c - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    });
    rows.set(r, values);
  });
  return { name: ws.name, rows };
}

describe('npm run demand', () => {
  let api: TestApi;
  let dir: string;

  beforeAll(async () => {
    api = await startTestApi({ env: { BOSSPO_BOARDS: 'SIKO' } });
    dir = await mkdtemp(join(tmpdir(), 'bosspo-demand-'));
    await api.client('boor').putNeeds('2026-2027', 'BOOR', { needs: { WPB: { initial: 9 } } });
    await api.client('wijzer').putNeeds('2026-2027', 'Wijzer', { needs: { WPB: { initial: 7 }, OB: { initial: 3 } } });
  });

  afterAll(async () => {
    await api?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes Trainersvraag: 9 and 7 WPB make 16 people in 1 group, and SIKO has not submitted', async () => {
    const out = join(dir, 'vraag.xlsx');
    const io = captureIo({ BOSSPO_API_KEY: TEST_KEYS.pabo });
    const code = await main(['--api', api.url, '--year', '2026-2027', '--out', out], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toContain('Trainersvraag 2026-2027 →');
    expect(io.out).toContain('WPB: 16 deelnemers, 1 groep, 18 trainersuren (najaar 1, voorjaar 0)');
    expect(io.out).toContain('Nog niet ingediend: SIKO');

    const { name, rows } = await sheetRows(out);
    expect(name).toBe('Trainersvraag 2026-2027');
    const all = [...rows.values()];
    expect(all).toContainEqual(['Scholing', 'BOOR', 'Wijzer', 'Samen']);
    expect(all).toContainEqual([WPB, 9, 7, 16]);
    expect(all).toContainEqual([WPB, 16, 16, 1, 6, 18, 'trainers']);
    expect(all).toContainEqual(['SIKO', 'nog niet ingediend']);
  });

  it('writes exactly the numbers the task pane gets from the same API answer', async () => {
    const out = join(dir, 'zelfde.xlsx');
    const code = await main(['--api', api.url, '--year', '2026-2027', '--out', out], captureIo({ BOSSPO_API_KEY: TEST_KEYS.stuurgroep }));
    expect(code).toBe(0);
    const pane = demandSheet(await api.client('pabo').getPlan(), await api.client('pabo').getNeeds('2026-2027'));
    const { rows } = await sheetRows(out);
    for (const cell of pane.cells) expect(rows.get(cell.row)?.[cell.column - 1], `row ${cell.row} col ${cell.column}`).toEqual(plain(cell.value));
    const written = [...rows.values()].reduce((n, r) => n + r.filter((v) => v !== undefined).length, 0);
    expect(written).toBe(pane.cells.length);
  });

  it('exits 1 with one clear line when a board key asks for every board’s need', async () => {
    const io = captureIo({ BOSSPO_API_KEY: TEST_KEYS.boor });
    const code = await main(['--api', api.url, '--year', '2026-2027', '--out', join(dir, 'nee.xlsx')], io);
    expect(code).toBe(1);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err).toContain('403');
    expect(io.out).toBe('');
  });

  it('exits 1 with one clear line when the API cannot be reached', async () => {
    const port = await freePort();
    const io = captureIo({ BOSSPO_API_KEY: TEST_KEYS.pabo });
    const code = await main(['--api', `http://127.0.0.1:${port}`, '--year', '2026-2027', '--out', join(dir, 'weg.xlsx')], io);
    expect(code).toBe(1);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err).toContain('niet bereikbaar');
  });

  it('exits 2 on wrong usage', async () => {
    for (const argv of [
      ['--api', api.url],
      ['--year', '2026-2027'],
      ['--api', api.url, '--year', '2026-2028'],
      ['--api', 'ftp://x', '--year', '2026-2027'],
      ['--api', api.url, '--year', '2026-2027', '--out', 'x.csv'],
      ['--api', api.url, '--year', '2026-2027', 'extra.xlsx'],
    ]) {
      const io = captureIo({});
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err).toContain('Gebruik');
    }
  });
});
