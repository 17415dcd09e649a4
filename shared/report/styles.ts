// The look of the report sheets, as plain data: per style name the number format, font and fill. Both
// writers apply this one table — xlsx/summary-xml.ts (the .xlsx package: CLI and browser mode) and
// addin/src/excel/write.ts (Office.js: the task pane) — so a report looks the same whichever wrote it.
import type { ReportStyle } from './write-plan';

export interface ReportCellStyle {
  /**
   * Excel number format code, as Excel stores it (`.` decimal, `,` thousands); Excel shows it in the user's
   * locale, so `#,##0` reads `1.234` in Dutch Excel. `@`: text, kept as written; `General`: Excel's default.
   */
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  /** Font size in points; null: the workbook's default. */
  size: number | null;
  /** Font colour `#RRGGBB`; null: automatic. */
  fontColor: string | null;
  /** Solid fill `#RRGGBB`; null: none. */
  fill: string | null;
  /** Horizontal alignment; null: Excel's own (text left, numbers right). */
  horizontal: 'left' | null;
}

/** The font settings a style changes (what both Office.js and the styles part name bold, italic, size, color); null: none. */
export function fontOf(style: ReportCellStyle): { bold?: true; italic?: true; size?: number; color?: string } | null {
  const font = {
    ...(style.bold ? { bold: true as const } : {}),
    ...(style.italic ? { italic: true as const } : {}),
    ...(style.size !== null ? { size: style.size } : {}),
    ...(style.fontColor !== null ? { color: style.fontColor } : {}),
  };
  return Object.keys(font).length > 0 ? font : null;
}

const PLAIN: ReportCellStyle = { numberFormat: 'General', bold: false, italic: false, size: null, fontColor: null, fill: null, horizontal: null };

/** Excel's own "Text 1, lighter 35%": the grey of its palette, for subtitles and notes. */
const GREY = '#595959';
/** A light blue band behind each section heading, so the sections stand out while scrolling. */
const HEADING_FILL = '#DDEBF7';

/**
 * Counts get thousands separators (`1.234`); hours always two decimals (`18,00`, `7,20`, `1.080,50`): a
 * format that shows "up to two" (`0.##`) leaves a bare comma on whole hours (`18,`). Dates as the staff
 * sheets write them (`dd-mm-yyyy`), shares as whole percentages. `value`: a plan number as the plan gives
 * it (`2,5` hours per session stays `2,5`).
 */
export const REPORT_STYLES: Readonly<Record<ReportStyle, Readonly<ReportCellStyle>>> = {
  title: { ...PLAIN, bold: true, size: 16 },
  subtitle: { ...PLAIN, italic: true, fontColor: GREY },
  heading: { ...PLAIN, bold: true, size: 12, fill: HEADING_FILL },
  label: { ...PLAIN, bold: true },
  text: { ...PLAIN, numberFormat: '@' },
  number: { ...PLAIN, numberFormat: '#,##0' },
  hours: { ...PLAIN, numberFormat: '#,##0.00' },
  percent: { ...PLAIN, numberFormat: '0%' },
  date: { ...PLAIN, numberFormat: 'dd-mm-yyyy', horizontal: 'left' },
  value: { ...PLAIN },
  note: { ...PLAIN, numberFormat: '@', italic: true, fontColor: GREY },
};
