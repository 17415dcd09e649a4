// The HTTP API against a real Azurite and the local host (a child process, as in production). POST
// /api/evaluate over HTTP against in-process is measured in bench/api.ts (issue 14's table rows).
// Register upsert of 10,000 records: batched (PUTs of 5,000, transactions of 100) versus one record
// per request (goal ≥ 10× faster batched), under two of the known boards. One by one is timed on 1,000 records and extrapolated.
import { performance } from 'node:perf_hooks';
import { withBenchApi } from './api-server';

const RECORDS = 10_000;
const ONE_BY_ONE = 1_000;

const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function run(): Promise<void> {
  await withBenchApi(async ({ client }) => {
    // Register: batched versus one by one.
    const records = Array.from({ length: RECORDS }, (_, i) => ({ personId: `R-${i}`, training: 'WPB' as const, date: '2025-03-12', certificate: i % 2 === 0 }));
    let t = performance.now();
    for (let i = 0; i < RECORDS; i += 5_000) await client.putRegister('BOOR', records.slice(i, i + 5_000));
    const batched = performance.now() - t;
    t = performance.now();
    for (const r of records.slice(0, ONE_BY_ONE)) await client.putRegister('Wijzer', [r]);
    const single = ((performance.now() - t) / ONE_BY_ONE) * RECORDS;
    const stored = (await client.listAllRegister('BOOR', { pageSize: 1000 })).length;
    console.log(`register upsert of ${RECORDS.toLocaleString('en')} records (${stored.toLocaleString('en')} stored):`);
    console.log(`  batched (PUTs of 5,000; transactions of 100): ${ms(batched)} (${Math.round(RECORDS / (batched / 1000)).toLocaleString('en')} records/s)`);
    console.log(`  one record per request: ${ms(single)} — timed on ${ONE_BY_ONE.toLocaleString('en')} records and extrapolated ×${RECORDS / ONE_BY_ONE}`);
    console.log(`  batched is ${(single / batched).toFixed(1)}× faster (goal ≥ 10×)`);
  });
}
