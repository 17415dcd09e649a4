// A sheet of the fake Excel host as an HTML page (cells with their number formats, fonts and fills, charts as
// simple SVG bar charts from their source ranges), so Chromium can take a picture of what was written.
import { parseA1, type FakeSheet, type FakeValue } from '../support/fake-office/workbook';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function serialToDmy(serial: number, date1904: boolean): string {
  const ms = (serial - (date1904 ? -1462 : 0) - 25569) * 86_400_000;
  const d = new Date(Math.round(ms));
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

/** A value as Excel shows it for the few formats the product writes. */
export function shown(v: FakeValue | undefined, format: string | undefined, date1904: boolean): string {
  if (v === undefined || v === '') return '';
  if (typeof v !== 'number') return String(v);
  if (format === 'dd-mm-yyyy') return serialToDmy(v, date1904);
  if (format === '0%') return `${Math.round(v * 100)}%`;
  if (format === '#,##0') return Math.round(v).toLocaleString('nl-NL');
  if (format === '#,##0.00') return v.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(Math.round(v * 100) / 100).replace('.', ',');
}

function barChart(sheet: FakeSheet, chart: FakeSheet['charts'][number]): string {
  const b = parseA1(chart.source);
  const cell = (r: number, c: number) => sheet.values[r]?.[c];
  const series = Array.from({ length: b.c1 - b.c0 }, (_, i) => String(cell(b.r0, b.c0 + 1 + i) ?? ''));
  const categories = Array.from({ length: b.r1 - b.r0 }, (_, i) => String(cell(b.r0 + 1 + i, b.c0) ?? ''));
  const data = categories.map((_, ri) => series.map((__, si) => Number(cell(b.r0 + 1 + ri, b.c0 + 1 + si)) || 0));
  const label = (ri: number, si: number) => shown(cell(b.r0 + 1 + ri, b.c0 + 1 + si) ?? 0, sheet.numberFormats[`${b.r0 + 1 + ri},${b.c0 + 1 + si}`], false) || '0';
  const max = Math.max(1, ...data.flat());
  const colours = ['#0F6CBD', '#C50F1F', '#107C10', '#8764B8', '#CA5010', '#038387'];
  const width = 440;
  const rowH = 18 * series.length + 10;
  const height = 40 + categories.length * rowH + 20 * Math.ceil(series.length / 3);
  const bars = data
    .map((row, ri) =>
      row
        .map((n, si) => {
          const y = 36 + ri * rowH + si * 18;
          const w = (n / max) * 170;
          return `<rect x="230" y="${y}" width="${w.toFixed(1)}" height="14" fill="${colours[si % colours.length]}"/><text x="${236 + w}" y="${y + 11}" font-size="11">${esc(label(ri, si))}</text>`;
        })
        .join('') + `<text x="224" y="${36 + ri * rowH + 12}" font-size="11" text-anchor="end">${esc(categories[ri]!.slice(0, 36))}</text>`,
    )
    .join('');
  const legend = series
    .map((s, si) => `<rect x="${10 + (si % 3) * 140}" y="${height - 18 - 20 * Math.floor((series.length - 1 - si) / 3)}" width="10" height="10" fill="${colours[si % colours.length]}"/><text x="${24 + (si % 3) * 140}" y="${height - 9 - 20 * Math.floor((series.length - 1 - si) / 3)}" font-size="11">${esc(s.slice(0, 21))}</text>`)
    .join('');
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff" stroke="#ccc"/><text x="10" y="20" font-size="13" font-weight="bold">${esc(chart.title)}</text>${bars}${legend}</svg><figcaption>${esc(chart.type)} · ${esc(chart.source)}</figcaption></figure>`;
}

export function sheetHtml(sheet: FakeSheet, date1904: boolean): string {
  const rows = sheet.values.length;
  const cols = Math.max(0, ...sheet.values.map((r) => r.length));
  const head = `<tr><th></th>${Array.from({ length: cols }, (_, c) => `<th style="min-width:${Math.min(c === 0 ? 400 : 110, Math.round((sheet.columnWidths[c] ?? 64) * 1.333))}px">${String.fromCharCode(65 + c)}</th>`).join('')}</tr>`;
  const body = Array.from({ length: rows }, (_, r) => {
    const tds = Array.from({ length: cols }, (_, c) => {
      const v = sheet.values[r]?.[c];
      const font = sheet.fonts[`${r},${c}`] ?? {};
      const style = [
        font.bold ? 'font-weight:bold' : '',
        font.italic ? 'font-style:italic' : '',
        font.size ? `font-size:${font.size}px` : '',
        font.color ? `color:${font.color}` : '',
        sheet.fills[`${r},${c}`] ? `background:${sheet.fills[`${r},${c}`]}` : '',
        sheet.alignments[`${r},${c}`] === 'Left' ? 'text-align:left' : typeof v === 'number' ? 'text-align:right' : '',
      ].filter(Boolean).join(';');
      return `<td style="${style}">${esc(shown(v, sheet.numberFormats[`${r},${c}`], date1904))}</td>`;
    }).join('');
    return `<tr><th>${r + 1}</th>${tds}</tr>`;
  }).join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(sheet.name)}</title><style>
body{font-family:Calibri,Carlito,'Liberation Sans',Arial,sans-serif;font-size:12px;margin:0;background:#fff}
.tab{background:#f3f2f1;border-bottom:1px solid #c8c6c4;padding:4px 10px;font-weight:bold;color:#107C41}
table{border-collapse:collapse;table-layout:auto}td,th{border:1px solid #e1dfdd;padding:1px 4px;max-width:150px;overflow:hidden;vertical-align:top}
td:nth-child(2){white-space:nowrap;max-width:400px;text-overflow:ellipsis}
th{background:#f3f2f1;color:#605e5c;font-weight:normal;font-size:11px}.charts{display:flex;flex-wrap:wrap;gap:12px;padding:12px}
figure{margin:0}figcaption{font-size:10px;color:#605e5c}
</style></head><body><div class="tab">${esc(sheet.name)}</div><table>${head}${body}</table><div class="charts">${sheet.charts.map((c) => barChart(sheet, c)).join('')}</div></body></html>`;
}
