// The HTTP API against a real Azurite and the local host (a child process, as in production):
// 1. POST /api/evaluate with 10,000 people: median latency over several runs, and its ratio to the
//    same evaluation in-process (goal ≤ 2×).
// 2. Register upsert of 10,000 records: batched (PUTs of 5,000, transactions of 100) versus one record
//    per request (goal ≥ 10× faster batched). One by one is timed on 1,000 records and extrapolated.
import { performance } from 'node:perf_hooks';
import { prng } from './prng';
import { startLocalHostProcess } from '../scripts/api-host';
import { startAzurite } from '../scripts/azurite';
import { createApiClient } from '../shared/api/client';
import { EvaluateRequestSchema } from '../shared/api/evaluate';
import type { PersonInput, RuleField } from '../shared/model/person';
import { PersonSchema } from '../shared/model/person';
import { bossPoPlan } from '../shared/plan/bosspo';
import type { RoleCode } from '../shared/plan/schema';
import { evaluateSheet } from '../shared/rules/evaluate';
import { summarize } from '../shared/summary/summarize';

const PEOPLE = 10_000;
const RUNS = 7;
/** Runs before measuring, so both sides measure JIT-compiled code (the host is a long-lived process). */
const WARMUP = 3;
const RECORDS = 10_000;
const ONE_BY_ONE = 1_000;

const FIELDS: RuleField[] = ['training.WPB', 'training.SOIO', 'training.OB', 'certificate.WPB', 'certificate.SOIO', 'lastRefresher', 'students', 'graduates', 'hoursGranted', 'school'];

function people(): PersonInput[] {
  const rnd = prng(42);
  const roleMix: RoleCode[][] = [['WPB'], ['WPB'], ['WPB'], ['SO'], ['IO'], ['OBP'], ['WPB', 'OBP'], ['STARTER'], []];
  const date = () => `20${18 + Math.floor(rnd() * 9)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
  return Array.from({ length: PEOPLE }, (_, i) => ({
    ref: String(i + 2),
    personId: `B-${i}`,
    board: 'BOOR',
    school: `School ${i % 40}`,
    roles: roleMix[Math.floor(rnd() * roleMix.length)]!,
    trainings: { WPB: rnd() < 0.7 ? date() : null, SOIO: rnd() < 0.5 ? date() : null, OB: rnd() < 0.4 ? 'done' : null },
    certificates: { WPB: rnd() < 0.6, SOIO: rnd() < 0.5 },
    students: Math.floor(rnd() * 3),
    graduates: rnd() < 0.3 ? Math.floor(rnd() * 4) : null,
    hoursGranted: rnd() < 0.5 ? Math.floor(rnd() * 100) : null,
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function run(): Promise<void> {
  const azurite = await startAzurite();
  const key = 'bench-key-pabo';
  const host = await startLocalHostProcess({
    env: { BOSSPO_STORAGE: azurite.connectionString, BOSSPO_API_KEYS: JSON.stringify({ [key]: { name: 'bench', role: 'pabo' } }) },
  });
  try {
    const client = createApiClient({ baseUrl: host.url, apiKey: key });
    const input = people();
    const request = { referenceDate: '2026-11-28', planningYear: '2026-2027', fields: FIELDS, people: input };

    // In-process: the same evaluation and summary the handler computes (people already parsed).
    const parsed = input.map((p) => PersonSchema.parse(p));
    const local: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const t = performance.now();
      const evaluation = evaluateSheet(bossPoPlan, { fields: FIELDS, people: parsed }, { referenceDate: '2026-11-28', planningYear: '2026-2027' });
      summarize(bossPoPlan, [{ people: parsed, evaluation }], { planningYear: '2026-2027' });
      if (i >= WARMUP) local.push(performance.now() - t);
    }
    const remote: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const t = performance.now();
      const answer = await client.evaluate(request);
      if (answer.people.length !== PEOPLE) throw new Error('evaluate answered the wrong number of people');
      if (i >= WARMUP) remote.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50)); // let the host's log line arrive
      const line = JSON.parse(host.logs[host.logs.length - 1] ?? '{}') as { route?: string; ms?: number };
      if (i >= WARMUP && line.route === '/api/evaluate' && line.ms !== undefined) server.push(line.ms);
    }
    const bytes = Buffer.byteLength(JSON.stringify(request));
    console.log(`evaluate ${PEOPLE.toLocaleString('en')} people (${(bytes / 1024 / 1024).toFixed(2)} MB request), median of ${RUNS} runs:`);
    console.log(`  in-process (evaluateSheet + summarize): ${ms(median(local))}`);
    console.log(`  over HTTP (client → local host → Azurite register lookup → client, both sides validate with zod): ${ms(median(remote))}`);
    console.log(`    of which in the server (read body, JSON.parse, zod, register lookup, evaluate, JSON.stringify): ${ms(median(server))}`);
    console.log(`    the rest (client JSON + zod of the ${PEOPLE.toLocaleString('en')}-person answer, transfer): ${ms(median(remote) - median(server))}`);
    console.log(`  ratio HTTP / in-process: ${(median(remote) / median(local)).toFixed(2)}× (goal ≤ 2×)`);
    // Where the rest goes: zod validation of the people on each side, which in-process evaluation skips.
    const t0 = performance.now();
    EvaluateRequestSchema.parse(JSON.parse(JSON.stringify(request)));
    const requestCheck = performance.now() - t0;
    console.log(`    for scale: JSON round trip + zod check of the request in this process: ${ms(requestCheck)}`);

    // Register: batched versus one by one.
    const records = Array.from({ length: RECORDS }, (_, i) => ({ personId: `R-${i}`, training: 'WPB' as const, date: '2025-03-12', certificate: i % 2 === 0 }));
    let t = performance.now();
    for (let i = 0; i < RECORDS; i += 5_000) await client.putRegister('Batched', records.slice(i, i + 5_000));
    const batched = performance.now() - t;
    t = performance.now();
    for (const r of records.slice(0, ONE_BY_ONE)) await client.putRegister('OneByOne', [r]);
    const single = ((performance.now() - t) / ONE_BY_ONE) * RECORDS;
    const stored = (await client.listAllRegister('Batched', { pageSize: 1000 })).length;
    console.log(`register upsert of ${RECORDS.toLocaleString('en')} records (${stored.toLocaleString('en')} stored):`);
    console.log(`  batched (PUTs of 5,000; transactions of 100): ${ms(batched)} (${Math.round(RECORDS / (batched / 1000)).toLocaleString('en')} records/s)`);
    console.log(`  one record per request: ${ms(single)} — timed on ${ONE_BY_ONE.toLocaleString('en')} records and extrapolated ×${RECORDS / ONE_BY_ONE}`);
    console.log(`  batched is ${(single / batched).toFixed(1)}× faster (goal ≥ 10×)`);
  } finally {
    await host.stop();
    await azurite.stop();
  }
}
