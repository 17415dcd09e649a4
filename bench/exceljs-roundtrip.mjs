// The baseline of issue 14's end-to-end row: read a workbook with exceljs and write it again, in a fresh
// node process as the CLI runs. Plain JavaScript, so that no TypeScript compiling is counted against exceljs.
// node bench/exceljs-roundtrip.mjs in.xlsx out.xlsx
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: node bench/exceljs-roundtrip.mjs in.xlsx out.xlsx');
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(await readFile(input));
await writeFile(output, Buffer.from(await workbook.xlsx.writeBuffer()));
