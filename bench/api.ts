// The API rows of issue 14's table, as ratios measured in one run against a real Azurite and the
// local host (a child process, as in production), people from the seeded generator:
// 1. POST /api/evaluate of 10,000 people over HTTP in the compact form (what the CLI, the task pane
//    and browser mode send), versus the same evaluation in-process: goal ≤ 2×. The documented form is
//    measured beside it, interleaved, for comparison.
// 2. The request body for 50,000 people (the spec's maximum) in the compact form, versus the API's
//    10 MiB body limit: goal ≤ 0.5 of it, room to spare. The documented body beside it.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { generatePeople } from './evaluate.bench';
import { load, median, ms, type GoalRow } from './goals';
import { withBenchApi } from './api-server';
import { MAX_BODY_BYTES } from '../shared/api/common';
import { encodeEvaluateRequest } from '../shared/api/compact';
import { MAX_PEOPLE, RULE_FIELDS } from '../shared/model/person';
import { bossPoPlan } from '../shared/plan/bosspo';
import { evaluateSheet } from '../shared/rules/evaluate';
import { summarize } from '../shared/summary/summarize';

const PEOPLE = 10_000;
const RUNS = 9;
/** Runs before measuring, so every side measures JIT-compiled code (the host is a long-lived process). */
const WARMUP = 3;
const DATE = { referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/**
 * CPU milliseconds a process has used so far (Linux /proc, user + system, at 100 ticks a second), or
 * null elsewhere. On a machine shared with other work, CPU time is the figure that load does not bend:
 * wall time over HTTP also waits for three processes (client, host, Azurite) to be scheduled in turn.
 */
function cpuMsOf(pid: number): number | null {
  const path = `/proc/${pid}/stat`;
  if (!existsSync(path)) return null;
  const stat = readFileSync(path, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function rows(log: (line: string) => void = () => undefined): Promise<GoalRow[]> {
  const out: GoalRow[] = [];

  // Row 2 first: no server needed.
  const big = { ...DATE, fields: [...RULE_FIELDS], people: generatePeople(MAX_PEOPLE, 7) };
  const compactBig = Buffer.byteLength(JSON.stringify(encodeEvaluateRequest(big)));
  const documentedBig = Buffer.byteLength(JSON.stringify(big));
  log(`request body, ${MAX_PEOPLE.toLocaleString('en')} people: documented ${mb(documentedBig)}, compact ${mb(compactBig)}; limit ${mb(MAX_BODY_BYTES)}`);

  await withBenchApi(async ({ host, azurite, client }) => {
    const people = generatePeople(PEOPLE, 42);
    const request = { ...DATE, fields: [...RULE_FIELDS], people };
    const loadBefore = load();

    // In-process: the evaluation and summary the handler computes, on people already parsed.
    const inProcess = () => {
      const evaluation = evaluateSheet(bossPoPlan, { fields: request.fields, people }, DATE);
      summarize(bossPoPlan, [{ people, evaluation }], { planningYear: DATE.planningYear });
    };
    const local: number[] = [];
    const compact: number[] = [];
    const documented: number[] = [];
    const serverCompact: number[] = [];
    const serverDocumented: number[] = [];
    /** CPU ms of this process, the host and Azurite together. */
    const allCpuMs = () => {
      const host_ = cpuMsOf(host.pid);
      const storage = cpuMsOf(azurite.pid);
      return host_ === null || storage === null ? NaN : ownCpuMs() + host_ + storage;
    };
    const cpu = { local: 0, compact: 0, documented: 0 };
    /** The host's own time for the last request (its log line), once the line has arrived. */
    const serverMs = async () => {
      await new Promise((r) => setTimeout(r, 20));
      const line = JSON.parse(host.logs[host.logs.length - 1] ?? '{}') as { route?: string; ms?: number };
      return line.route === '/api/evaluate' && line.ms !== undefined ? line.ms : NaN;
    };
    // Interleaved, so a change of load on this shared machine falls on every side alike.
    for (let i = 0; i < RUNS + WARMUP; i++) {
      let c0 = ownCpuMs();
      let t = performance.now();
      inProcess();
      const a = performance.now() - t;
      const ca = ownCpuMs() - c0;
      c0 = allCpuMs();
      t = performance.now();
      const c = await client.evaluateCompact(request);
      const b = performance.now() - t;
      const cb = allCpuMs() - c0;
      const sc = await serverMs();
      c0 = allCpuMs();
      t = performance.now();
      const d = await client.evaluate(request);
      const e = performance.now() - t;
      const cd = allCpuMs() - c0;
      const sd = await serverMs();
      if (c.people.length !== PEOPLE || d.people.length !== PEOPLE) throw new Error('evaluate answered the wrong number of people');
      if (i >= WARMUP) {
        local.push(a);
        compact.push(b);
        documented.push(e);
        serverCompact.push(sc);
        serverDocumented.push(sd);
        cpu.local += ca / RUNS;
        cpu.compact += cb / RUNS;
        cpu.documented += cd / RUNS;
      }
    }
    const answerDocumented = await client.evaluate(request);
    const compactBytes = Buffer.byteLength(JSON.stringify(encodeEvaluateRequest(request)));
    const documentedBytes = Buffer.byteLength(JSON.stringify(request));
    const answerBytes = Buffer.byteLength(JSON.stringify(answerDocumented));
    log(`evaluate ${PEOPLE.toLocaleString('en')} people, median of ${RUNS} interleaved runs (load average ${loadBefore} → ${load()} on ${availableParallelism()} cores):`);
    log(`  in-process (evaluateSheet + summarize): ${ms(median(local))}`);
    log(`  over HTTP, compact form (request ${mb(compactBytes)}, answer gzip): ${ms(median(compact))}, of which ${ms(median(serverCompact))} in the host's pipeline`);
    log(`  over HTTP, documented form (request ${mb(documentedBytes)}, answer ${mb(answerBytes)}, ${mb(gzipSync(JSON.stringify(answerDocumented), { level: 1 }).byteLength)} gzip): ${ms(median(documented))}, of which ${ms(median(serverDocumented))} in the host's pipeline`);

    log(`  CPU per request, client + host + Azurite (mean): in-process ${ms(cpu.local)}, compact ${ms(cpu.compact)}, documented ${ms(cpu.documented)}`);

    const ratio = median(compact) / median(local);
    const cpuRatio = cpu.compact / cpu.local;
    out.push({
      what: `POST /api/evaluate, ${PEOPLE.toLocaleString('en')} people, over HTTP / in-process`,
      figure:
        `${ratio.toFixed(2)}× wall (compact; documented form ${(median(documented) / median(local)).toFixed(2)}×); ` +
        `${Number.isNaN(cpuRatio) ? 'CPU not measurable here' : `${cpuRatio.toFixed(2)}× CPU (documented ${(cpu.documented / cpu.local).toFixed(2)}×)`}`,
      goal: '≤ 2×',
      met: ratio <= 2,
    });
  });

  const share = compactBig / MAX_BODY_BYTES;
  out.push({
    what: `request body for ${MAX_PEOPLE.toLocaleString('en')} people / the 10 MiB limit`,
    figure: `${share.toFixed(2)} (${mb(compactBig)} compact; documented ${(documentedBig / MAX_BODY_BYTES).toFixed(2)}, ${mb(documentedBig)})`,
    goal: '≤ 0.5, room to spare',
    met: share <= 0.5,
  });
  return out;
}
