// `npm run register` against the real local host and Azurite: an attendance workbook goes to the
// central register, and the report says per row what happened.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/register';
import { captureIo } from '../support/cli-io';
import { startTestApi, TEST_KEYS, type TestApi } from '../support/api-server';

async function workbook(path: string, rows: unknown[][], name = 'Deelname'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  await writeFile(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

describe('npm run register', () => {
  let api: TestApi;
  let dir: string;
  let attendance: string;

  beforeAll(async () => {
    api = await startTestApi();
    dir = await mkdtemp(join(tmpdir(), 'bosspo-register-'));
    attendance = await workbook(join(dir, 'deelname.xlsx'), [
      ['Deelname scholingen'],
      ['Bestuur', 'Personeelsnummer', 'Naam', 'Scholing', 'Datum', 'Certificaat'],
      ['BOOR', '10234', 'Anna de Vries', 'Scholing werkplekbegeleiders', new Date(Date.UTC(2025, 2, 12)), 'ja'],
      ['BOOR', '10235', 'Bert', 'SOIO', '15-05-2024', 'nee'],
      ['Wijzer', '77', 'Carla', 'OB', '2025-01-20', ''],
      ['BOOR', '10236', 'Dirk', 'Yoga', '2025-01-20', ''],
    ]);
  });

  afterAll(async () => {
    await api?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores the records and reports each row: new, and the row it could not read', async () => {
    const io = captureIo({ BOSSPO_API_KEY: TEST_KEYS.pabo });
    const code = await main(['--api', api.url, attendance], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out.trim().split('\n')).toEqual([
      'Deelname, rij 3: WPB 2025-03-12 nieuw',
      'Deelname, rij 4: SOIO 2024-05-15 nieuw',
      'Deelname, rij 5: OB 2025-01-20 nieuw',
      'Deelname, rij 6 (D6): Onbekende scholing "Yoga". Niet verstuurd.',
      'Nieuw: 3 · Bijgewerkt: 0 · Afgewezen: 0 · Niet verstuurd (rijen): 1',
    ]);
    expect(io.out).not.toContain('Anna');
    const boor = await api.client('boor').listAllRegister('BOOR');
    expect(boor.map((r) => [r.personId, r.training, r.date, r.certificate ?? null]).sort()).toEqual([
      ['10234', 'WPB', '2025-03-12', true],
      ['10235', 'SOIO', '2024-05-15', false],
    ]);
    expect((await api.client('wijzer').listAllRegister('Wijzer')).map((r) => r.personId)).toEqual(['77']);
  });

  it('reports a second upload of the same rows as updated', async () => {
    const io = captureIo({ BOSSPO_API_KEY: TEST_KEYS.pabo });
    expect(await main(['--api', api.url, attendance], io)).toBe(0);
    expect(io.out).toContain('Deelname, rij 3: WPB 2025-03-12 bijgewerkt');
    expect(io.out).toContain('Nieuw: 0 · Bijgewerkt: 3 · Afgewezen: 0');
  });

  it('uses --board for a sheet without a board column', async () => {
    const file = await workbook(join(dir, 'primo.xlsx'), [
      ['Pers.nr.', 'Training', 'Datum deelname'],
      [501, 'Coaching voor werkplekbegeleiders', '3 maart 2025'],
    ]);
    const io = captureIo({ BOSSPO_API_KEY: TEST_KEYS.pabo });
    expect(await main(['--api', api.url, '--board', 'Primo Schiedam', file], io)).toBe(0);
    expect(io.out).toContain('rij 2: WPB 2025-03-03 nieuw');
    const records = await api.client('pabo').listAllRegister('Primo Schiedam');
    expect(records.map((r) => [r.personId, r.date])).toEqual([['501', '2025-03-03']]);
  });

  it('exits 1 with one line when a board key tries to write the register', async () => {
    const io = captureIo({ BOSSPO_API_KEY: TEST_KEYS.boor });
    expect(await main(['--api', api.url, attendance], io)).toBe(1);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err).toContain('403');
  });

  it('exits 1 for a file that is missing, not a workbook, or holds no attendance', async () => {
    const notXlsx = join(dir, 'tekst.xlsx');
    await writeFile(notXlsx, 'geen werkmap');
    const staff = await workbook(join(dir, 'personeel.xlsx'), [['Naam', 'Rol'], ['Anna', 'WPB']]);
    for (const file of [join(dir, 'weg.xlsx'), notXlsx, staff]) {
      const io = captureIo({ BOSSPO_API_KEY: TEST_KEYS.pabo });
      expect(await main(['--api', api.url, file], io), file).toBe(1);
      expect(io.err.trim().split('\n')).toHaveLength(1);
      expect(io.err.startsWith(file.split('/').at(-1)!)).toBe(true);
    }
  });

  it('exits 2 on wrong usage', async () => {
    for (const argv of [[attendance], ['--api', api.url], ['--api', api.url, attendance, attendance], ['--api', api.url, '--nope', attendance]]) {
      const io = captureIo({});
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err).toContain('Gebruik');
    }
  });
});
