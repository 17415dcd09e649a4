// Reader throughput: a 20,000-row sheet in several boards' cell styles → canonical people, and the same
// followed by the rules engine (in-memory; the goal is ≥ 100,000 rows/s for the whole pipeline).
import { bossPoPlan } from '../shared/plan/bosspo';
import { evaluateSheet } from '../shared/rules/evaluate';
import { readSheet } from '../shared/sheet/read';
import type { Cell, Grid } from '../shared/sheet/types';

const ROWS = 20_000;

function grid(rows: number): Grid {
  const header: Cell[] = [
    'Personeelsnummer', 'Naam', 'School', 'Rol OS', 'Scholing WPB (datum)', 'Certificaat WPB', 'Scholing SO/IO',
    'Certificaat SO/IO', 'Scholing OB', 'Laatste opfrisbijeenkomst', 'Aantal studenten', 'Afstudeerders',
    'Toegekende uren', 'In rol sinds', 'Gekoppeld aan', 'Bijeenkomsten SO-IO', 'VELON-registratie', 'Coach',
  ];
  const roles = ['WPB', 'werkplekbegeleider', 'Schoolopleider / WPB', 'WPB; OB', 'starter', 'geen', 'SO, IO', 'Mentor', 'WPB + vertrouwenspersoon'];
  // Mostly date cells and empty cells, some serials and texts in the Dutch formats, an occasional unreadable one.
  const dates: Cell[] = [];
  for (let i = 0; i < 100; i++) {
    const day = new Date(Date.UTC(2019 + (i % 7), i % 12, 1 + (i % 28)));
    dates.push(i === 99 ? 'gepland' : i % 5 === 1 ? null : i % 7 === 2 ? 43000 + i * 17 : i % 11 === 3 ? `${1 + (i % 28)}-${1 + (i % 12)}-2024` : i % 13 === 4 ? 'ja' : i % 17 === 5 ? '3 mrt. 2022' : day);
  }
  const out: Cell[][] = [['Personeelsoverzicht'], [], header];
  for (let i = 0; i < rows; i++) {
    out.push([
      100000 + i, 'Naam', `School ${i % 40}`, roles[i % roles.length]!, dates[i % dates.length]!, i % 3 ? 'ja' : null,
      dates[(i + 3) % dates.length]!, i % 5 ? 'x' : 'nee', dates[(i + 5) % dates.length]!, dates[(i + 1) % dates.length]!,
      i % 7 === 0 ? 'nvt' : i % 4, i % 3, i % 11 === 0 ? '12,5' : 20 * (i % 9), null, i % 2 ? 'Piet' : 'geen', i % 5,
      null, i % 6 ? null : 'Coach X',
    ]);
    if (i % 1000 === 999) out.push([]);
  }
  out.push(['Totaal', null, null, null, null, null, null, null, null, null, 1234]);
  return out;
}

function time(label: string, rows: number, fn: () => void, repeats = 5): void {
  fn(); // warm up
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  console.log(`${label}: ${rows} rows in ${best.toFixed(1)} ms = ${Math.round(rows / (best / 1000)).toLocaleString('en')} rows/s (best of ${repeats})`);
}

export async function run(): Promise<void> {
  const g = grid(ROWS);
  const options = { sheetName: 'Personeel', date1904: false, plan: bossPoPlan };
  time('read (cells → people)', ROWS, () => void readSheet(g, options));
  time('read + evaluate', ROWS, () => {
    const read = readSheet(g, options);
    evaluateSheet(bossPoPlan, { fields: read.fields, people: read.people }, { referenceDate: '2026-11-28', planningYear: '2026-2027' });
  });
}
