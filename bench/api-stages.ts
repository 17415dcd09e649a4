// Stage timings of POST /api/evaluate in the compact form, 10,000 people, all in this process (no HTTP,
// no storage): what each step of the client, the host and the client again costs, as medians (and least) of CPU
// time (this process's user + system). `npx tsx bench/api-stages.ts`; with the host's young generation
// (functions/src/node-arguments.ts): `node --max-semi-space-size=64 --import tsx bench/api-stages.ts`.
// The API row of `npm run bench` (api.ts) measures the whole.
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { generatePeople } from './evaluate.bench';
import { median } from './goals';
import { decodeEvaluateResponse, encodeEvaluateRequest, encodeEvaluateResponse, parseAnyEvaluateRequest } from '../shared/api/compact';
import { RULE_FIELDS } from '../shared/model/person';
import { bossPoPlan } from '../shared/plan/bosspo';
import { evaluateRequest } from '../functions/src/handlers/evaluate';

const PEOPLE = Number(process.argv[2] ?? 10_000);
const RUNS = 15;
const DATE = { referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;
const people = generatePeople(PEOPLE, 42);
const request = { ...DATE, fields: [...RULE_FIELDS], people };

const times = new Map<string, number[]>();
const sizes = new Map<string, number>();
function stage<T>(name: string, f: () => T): T {
  const t = process.cpuUsage();
  const v = f();
  const list = times.get(name) ?? [];
  const u = process.cpuUsage(t);
  list.push((u.user + u.system) / 1000);
  times.set(name, list);
  return v;
}

for (let i = 0; i < RUNS + 3; i++) {
  if (i === 3) times.clear();
  const encoded = stage('client: encode request', () => encodeEvaluateRequest(request));
  const body = stage('client: stringify request', () => JSON.stringify(encoded));
  sizes.set('request', Buffer.byteLength(body));
  const json = stage('host: JSON.parse request', () => JSON.parse(body) as unknown);
  const parsed = stage('host: check compact request', () => parseAnyEvaluateRequest(json));
  if (!parsed.success) throw new Error('request refused');
  stage('host: evaluate + summarize (documented answer)', () =>
    evaluateRequest(bossPoPlan, parsed.data, { ...DATE, register: [], registerRecords: 0, withParams: false }),
  );
  const { answer, params } = stage('host: evaluate + summarize (with params)', () =>
    evaluateRequest(bossPoPlan, parsed.data, { ...DATE, register: [], registerRecords: 0, withParams: true }),
  );
  const compact = stage('host: encode answer', () => encodeEvaluateResponse(answer, params));
  const text = stage('host: stringify answer', () => JSON.stringify(compact));
  sizes.set('answer', Buffer.byteLength(text));
  const bytes = Buffer.from(text);
  const gz = stage('host: gzip 1', () => gzipSync(bytes, { level: 1 }));
  sizes.set('answer gzip 1', gz.byteLength);
  const br = stage('host: br 2', () =>
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 2, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
  );
  sizes.set('answer br 2', br.byteLength);
  stage('client: br decompress', () => brotliDecompressSync(br));
  const back = stage('client: gunzip + utf8', () => gunzipSync(gz).toString('utf8'));
  const answerJson = stage('client: JSON.parse answer', () => JSON.parse(back) as unknown);
  const decoded = stage('client: decode answer', () => decodeEvaluateResponse(answerJson));
  if (!decoded.success || decoded.data.people.length !== PEOPLE) throw new Error('answer refused');
}

let total = 0;
for (const [name, list] of times) {
  const m = median(list);
  if (!name.includes('br ') && !name.includes('documented answer')) total += m;
  console.log(`${name.padEnd(48)} ${m.toFixed(1)} ms (least ${Math.min(...list).toFixed(1)})`);
}
console.log(`${'total (gzip path)'.padEnd(44)} ${total.toFixed(1)} ms`);
for (const [name, n] of sizes) console.log(`${name.padEnd(44)} ${(n / 1024).toFixed(0)} KiB`);
