// `npm run examples`: (re)builds the example staff workbooks in examples/, each in the style of one
// board's sheets. Every name is invented; no real people. Deterministic: fixed dates, no timestamps, so
// the committed files only change when this script does.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const FIXED = new Date(Date.UTC(2026, 8, 1, 8, 0, 0));
const here = dirname(fileURLToPath(import.meta.url));

const FIRST = ['Anouk', 'Bram', 'Chaima', 'Daan', 'Eva', 'Fenna', 'Gijs', 'Hanna', 'Ilias', 'Joyce', 'Kees', 'Lotte', 'Milan', 'Noor', 'Oscar', 'Priya', 'Rik', 'Sanne', 'Tim', 'Yasmina'];
const TUSSEN = ['', '', 'van', 'de', '', 'van der', '', 'el', '', 'ten'];
const LAST = ['Aalbers', 'Bosman', 'Dekker', 'Esajas', 'Fokkema', 'Groen', 'Haddou', 'IJzerman', 'Kuipers', 'Lindhout', 'Meijer', 'Nauta', 'Overdijk', 'Pranoto', 'Ruiter', 'Stam', 'Terpstra', 'Veltman', 'Wolters', 'Zijlstra'];

/** An invented person for row i: the same i always gives the same name. */
function person(i: number): { first: string; tussen: string; last: string; full: string } {
  const first = FIRST[(i * 7) % FIRST.length]!;
  const tussen = TUSSEN[(i * 3) % TUSSEN.length]!;
  const last = LAST[(i * 11 + 5) % LAST.length]!;
  return { first, tussen, last, full: [first, tussen, last].filter(Boolean).join(' ') };
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Boss po staff check (voorbeeld)';
  wb.lastModifiedBy = 'Boss po staff check (voorbeeld)';
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

/** exceljs stamps each zip entry with the time of writing; rewrite them with one fixed date. */
export async function deterministicBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const f = src.files[name]!;
    if (f.dir) continue;
    out.file(name, await f.async('uint8array'), { date: FIXED, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  row.height = 30;
}

/** BOOR: title rows, one roles column "Rol(len) opleidingsschool", real date cells, a Totaal row. */
export function boorWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Personeel OS', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.getCell('A1').value = 'Stichting BOOR — personeel opleidingsschool';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = 'Peildatum personeelsadministratie: 1 september 2026';
  ws.getCell('A2').font = { italic: true };
  ws.addRow([]);
  const header = ws.addRow([
    'Personeelsnummer', 'Naam', 'School', 'Rol(len) opleidingsschool', 'Scholing werkplekbegeleiders',
    'Certificaat WPB', 'Scholing SO/IO', 'Certificaat SO/IO', 'Scholing OB', 'Laatste opfrisbijeenkomst',
    'Aantal studenten', 'Afstudeerders', 'Toegekende uren', 'In rol sinds', 'Gekoppeld aan', 'Coach',
  ]);
  styleHeader(header);
  const schools = ['OBS De Kameleon', 'Het Palet', 'De Regenboog', 'Nelson Mandela'];
  const rows: (string | number | Date | null)[][] = [
    ['WPB', d(2025, 3, 12), 'ja', null, null, null, null, 2, null, 40, null, null, null],
    ['werkplekbegeleider', null, null, null, null, null, null, 1, null, 20, null, null, null],
    ['WPB', d(2025, 10, 1), 'nee', null, null, null, null, 0, null, 0, null, null, null],
    ['WPB', d(2023, 9, 1), 'ja', null, null, null, null, null, null, null, null, null, null],
    ['schoolopleider, instituutsopleider', null, null, d(2024, 5, 15), 'ja', null, null, null, null, 100, null, null, null],
    ['schoolopleider', null, null, d(2026, 1, 1), 'ja', null, null, null, null, 160, d(2026, 2, 1), null, null],
    ['onderzoeksbegeleider', null, null, null, null, 'ja', null, null, 2, 6, null, null, null],
    ['WPB + vertrouwenspersoon', 'gepland', null, null, null, null, null, 1, null, 20, null, null, null],
    ['startende leerkracht', null, null, null, null, null, null, null, null, null, null, null, null],
    ['startende leerkracht', null, null, null, null, null, null, null, null, null, null, null, 'R. Stam'],
    ['WPB; OB', d(2019, 10, 12), 'ja', null, null, d(2022, 12, 6), d(2022, 4, 22), 1, 2, 26, null, null, null],
    ['Mentor', d(2027, 2, 1), 'ja', null, null, null, null, 1, null, 20, null, null, null],
    ['geen', null, null, null, null, null, null, null, null, null, null, null, null],
    ['Schoolopleider / WPB', d(2024, 1, 23), 'ja', d(2022, 5, 3), 'ja', null, null, 0, null, 160, d(2018, 12, 15), 'K. Meijer', null],
    ['directeur', null, null, null, null, null, null, null, null, null, null, null, null],
    ['ICT-coördinator', 'volgt', null, null, null, null, null, null, null, null, null, null, null],
  ];
  rows.forEach((r, i) => {
    const p = person(i);
    const row = ws.addRow([210700 + i * 37, `${p.last}${p.tussen ? `, ${p.tussen}` : ''}, ${p.first}`, schools[i % schools.length], ...r]);
    for (const col of [5, 7, 9, 10, 14]) row.getCell(col).numFmt = 'dd-mm-yyyy';
  });
  const last = ws.rowCount;
  const total = ws.addRow(['Totaal', null, null, null, null, null, null, null, null, null, { formula: `SUM(K5:K${last})`, result: 7 }, null, { formula: `SUM(M5:M${last})`, result: 552 }]);
  total.font = { bold: true };
  [18, 28, 18, 30, 16, 12, 16, 12, 14, 16, 10, 12, 12, 14, 16, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: 'A4', to: `P${last}` };
  ws.getCell('M5').note = 'Uren volgens het taakbeleid 2026-2027';
  return wb;
}

/** Wijzer: one column per role with x, dates as text in Dutch formats and as years, decimal commas. */
export function wijzerWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Medewerkers');
  const header = ws.addRow([
    'Naam medewerker', 'Locatie', 'WPB', 'SO', 'IO', 'OB', 'Starter', 'Training WPB', 'Certificaat',
    'Training SO/IO', 'Training OB', 'Opfrissing', 'Stagiairs', 'Uren facilitering', 'Coach starter',
  ]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  const rows: (string | number | null)[][] = [
    ['Wijzer De Vuurvogel', 'x', '', '', '', '', '12-3-2024', 'ja', '', '', '', '2', '40'],
    ['Wijzer De Vuurvogel', 'x', '', '', 'x', '', 'maart 2023', 'ja', '', '2022', '', '1', '22,5'],
    ['Wijzer Het Talent', 'x', '', '', '', '', '2019', 'ja', '', '', '2021-2022', '', ''],
    ['Wijzer Het Talent', '', 'x', '', '', '', '', '', '3 februari 2025', '', '', '', '160'],
    ['Wijzer De Pijler', '', '', '', '', 'x', '', '', '', '', '', '', '', 'A. Groen'],
    ['Wijzer De Pijler', '', '', '', '', 'x', '', '', '', '', '', '', ''],
    ['Wijzer De Vuurvogel', 'x', '', '', '', '', '1.9.2025', 'nee', '', '', '', '0', '0'],
    ['Wijzer Het Talent', 'x', '', '', '', '', '31-02-2025', '', '', '', '', '1', ''],
    ['Wijzer De Pijler', 'x', 'x', '', '', '', '15 jan 2024', 'ja', 'sept 2023', '', '', 'twee', '120,5'],
    ['Wijzer De Pijler', '', '', 'x', '', '', '', '', '2023-09-14', '', '', '', ''],
    [null, null, null, null, null, null, null, null, null, null, null, null, null],
    ['Wijzer De Vuurvogel', '', '', '', '', '', '', '', '', '', '', '', ''],
  ];
  rows.forEach((r, i) => {
    const p = person(i + 40);
    ws.addRow(r.every((v) => v === null) ? [] : [p.full, ...r]);
  });
  [26, 22, 6, 6, 6, 6, 8, 16, 12, 16, 14, 12, 10, 16, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).getCell(14).alignment = { horizontal: 'right' };
  return wb;
}

/** OZHW: one sheet per school, a notes sheet, dates as serial numbers, in a 1904 workbook. */
export function ozhwWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.properties.date1904 = true;
  const notes = wb.addWorksheet('Toelichting');
  notes.getCell('A1').value = 'Toelichting bij dit overzicht';
  notes.getCell('A1').font = { bold: true };
  notes.getCell('A3').value = 'Elke school heeft een eigen tabblad. Data zijn Excel-datumnummers (1904-systeem, oud Mac-bestand).';
  notes.getCell('A4').value = 'Vragen: afdeling HR, OZHW.';
  notes.getColumn(1).width = 90;
  // 1904 serial numbers: days since 1 January 1904.
  const serial1904 = (y: number, m: number, day: number) => Math.round((Date.UTC(y, m - 1, day) - Date.UTC(1904, 0, 1)) / 86_400_000);
  const schools: [string, (string | number | null)[][]][] = [
    ['De Horizon', [
      ['WPB', serial1904(2024, 9, 16), 'ja', null, null, 3, 60],
      ['Schoolopleider', null, null, serial1904(2023, 11, 2), null, null, 160],
      ['WPB', null, null, null, null, 1, 0],
      ['Onderzoeksbegeleider', null, null, null, serial1904(2025, 2, 10), null, null],
    ]],
    ['Het Kompas', [
      ['WPB', serial1904(2022, 6, 1), 'ja', null, null, 2, 40],
      ['WPB', 2021, 'nee', null, null, 2, 40],
      ['Trainer', null, null, null, null, null, null],
    ]],
    ['De Wilgen', [
      ['Schoolopleider; WPB', serial1904(2025, 1, 20), 'ja', serial1904(2024, 3, 8), null, 1, 180],
      ['WPB', '#N/A', null, null, null, 2, null],
    ]],
  ];
  let n = 0;
  for (const [school, rows] of schools) {
    const ws = wb.addWorksheet(school);
    const header = ws.addRow(['Medewerker ID', 'Naam', 'Vestiging', 'Rol', 'Scholing WPB', 'Gecertificeerd', 'Scholing SO/IO', 'Scholing OB', 'Aantal studenten', 'Faciliteringsuren']);
    header.font = { bold: true };
    for (const r of rows) {
      const p = person(n++ + 80);
      const row = ws.addRow([`OZ-${String(1000 + n * 13)}`, p.full, school, ...r]);
      if (r[1] === '#N/A') row.getCell(5).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    }
    [14, 24, 14, 20, 14, 14, 14, 14, 16, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return wb;
}

/** Primo Schiedam / SIKO: an Excel table, first/tussenvoegsel/last name, hidden rows, a merged title, formulas. */
export function primoWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('OS-personeel');
  ws.getCell('A1').value = 'Opleiden in de school — Primo Schiedam en SIKO';
  ws.getCell('A1').font = { bold: true, size: 13, color: { argb: 'FF7030A0' } };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A1:H1');
  const rows: (string | number | Date | null | ExcelJS.CellFormulaValue)[][] = [
    ['Primo Schiedam', 'Wereldwijs', 'Werkplekbegeleider', d(2024, 2, 8), 'ja', null, 2, null],
    ['Primo Schiedam', 'Wereldwijs', 'Schoolopleider', null, null, d(2020, 4, 1), null, 160],
    ['Primo Schiedam', 'De Singel', 'Werkplekbegeleider', null, null, null, 1, null],
    ['SIKO', 'Sint Jozef', 'Mentor', d(2021, 11, 30), 'Ja', null, 2, null],
    ['SIKO', 'Sint Jozef', 'Coach', null, null, null, null, null],
    ['SIKO', 'Sint Jozef', 'Startende leerkracht', null, null, null, null, null],
    ['Pabo HR', 'Hogeschool Rotterdam', 'OB', null, null, null, null, null],
    ['SIKO', 'De Fontein', 'Instituutsopleider', null, null, d(2025, 9, 1), null, 80],
  ];
  ws.addTable({
    name: 'OSPersoneel',
    ref: 'A3',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [
      { name: 'Voornaam', filterButton: true },
      { name: 'Tussenvoegsel', filterButton: true },
      { name: 'Achternaam', filterButton: true },
      { name: 'Bestuur', filterButton: true },
      { name: 'School', filterButton: true },
      { name: 'Rol', filterButton: true },
      { name: 'Scholing WPB', filterButton: true },
      { name: 'Certificaat WPB', filterButton: true },
      { name: 'Scholing SO/IO', filterButton: true },
      { name: 'Aantal studenten', filterButton: true },
      { name: 'Toegekende uren', filterButton: true },
    ],
    rows: rows.map((r, i) => {
      const p = person(i + 120);
      const students = r[6];
      const hours = r[7] ?? (typeof students === 'number' ? { formula: `J${4 + i}*20`, result: students * 20 } : null);
      return [p.first, p.tussen || null, p.last, ...r.slice(0, 6), r[6], hours];
    }),
  });
  for (let r = 4; r < 4 + rows.length; r++) for (const c of [7, 9]) ws.getRow(r).getCell(c).numFmt = 'd mmmm yyyy';
  ws.getRow(8).hidden = true;
  ws.getRow(9).hidden = true;
  [12, 14, 14, 16, 20, 22, 16, 14, 16, 14, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return wb;
}

export const EXAMPLES: Record<string, () => ExcelJS.Workbook> = {
  'boor-personeel.xlsx': boorWorkbook,
  'wijzer-medewerkers.xlsx': wijzerWorkbook,
  'ozhw-scholen.xlsx': ozhwWorkbook,
  'primo-siko-tabel.xlsx': primoWorkbook,
};

export async function buildExamples(dir = here): Promise<string[]> {
  const written: string[] = [];
  for (const [file, build] of Object.entries(EXAMPLES)) {
    const path = join(dir, file);
    await writeFile(path, await deterministicBytes(build()));
    written.push(path);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const path of await buildExamples()) console.log(`geschreven: ${path}`);
}
