// The API rows of issue 14's table, as ratios measured in one run against a real Azurite and the
// local host (a child process, as in production), people from the seeded generator:
// 1. POST /api/evaluate of 10,000 people over HTTP in the compact form (what the CLI, the task pane
//    and browser mode send), versus the same evaluation in-process: goal ≤ 2×. The documented form is
//    measured the same way in a loop of its own, for comparison.
// 2. The request body for 50,000 people (the spec's maximum) in the compact form, versus the API's
//    10 MiB body limit: goal ≤ 0.5 of it, room to spare. The documented body beside it.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants } from 'node:zlib';
import { generatePeople } from './evaluate.bench';
import { load, median, ms, type GoalRow } from './goals';
import { withBenchApi } from './api-server';
import { MAX_BODY_BYTES } from '../shared/api/common';
import { encodeEvaluateRequest } from '../shared/api/compact';
import type { EvaluateResponse } from '../shared/api/evaluate';
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
const ratio = (x: number) => `${x.toFixed(2)}×`;

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
    /** CPU ms of this process, the host and Azurite together. */
    const allCpuMs = () => {
      const host_ = cpuMsOf(host.pid);
      const storage = cpuMsOf(azurite.pid);
      return host_ === null || storage === null ? NaN : ownCpuMs() + host_ + storage;
    };
    /** The host's own time for the last request (its log line), once the line has arrived. */
    const serverMs = async () => {
      await new Promise((r) => setTimeout(r, 20));
      const line = JSON.parse(host.logs[host.logs.length - 1] ?? '{}') as { route?: string; ms?: number };
      return line.route === '/api/evaluate' && line.ms !== undefined ? line.ms : NaN;
    };
    /**
     * In-process against one form over HTTP, interleaved, so a change of load on this shared machine
     * falls on both sides alike. Each form has its own loop: the garbage one side leaves is collected
     * while the other side runs, so the two sides of a ratio only ever inherit each other's (a third
     * call in between, the documented form's 4 MB answer, made the in-process side pay for it).
     */
    const measure = async (overHttp: () => Promise<EvaluateResponse>) => {
      const local: number[] = [];
      const http: number[] = [];
      const server: number[] = [];
      const cpu = { local: 0, http: 0 };
      for (let i = 0; i < RUNS + WARMUP; i++) {
        let c0 = ownCpuMs();
        let t = performance.now();
        inProcess();
        const a = performance.now() - t;
        const ca = ownCpuMs() - c0;
        c0 = allCpuMs();
        t = performance.now();
        const answer = await overHttp();
        const b = performance.now() - t;
        const cb = allCpuMs() - c0;
        const sb = await serverMs();
        if (answer.people.length !== PEOPLE) throw new Error('evaluate answered the wrong number of people');
        if (i >= WARMUP) {
          local.push(a);
          http.push(b);
          server.push(sb);
          cpu.local += ca / RUNS;
          cpu.http += cb / RUNS;
        }
      }
      const wall = { local: median(local), http: median(http), server: median(server) };
      return { ...wall, ratio: wall.http / wall.local, cpu, cpuRatio: cpu.http / cpu.local };
    };
    const compact = await measure(() => client.evaluateCompact(request));
    const documented = await measure(() => client.evaluate(request));

    const answerDocumented = await client.evaluate(request);
    const compactBytes = Buffer.byteLength(JSON.stringify(encodeEvaluateRequest(request)));
    const documentedBytes = Buffer.byteLength(JSON.stringify(request));
    const answerBytes = Buffer.byteLength(JSON.stringify(answerDocumented));
    const answerBr = brotliCompressSync(JSON.stringify(answerDocumented), { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } }).byteLength;
    const wallOf = (r: typeof compact) =>
      `${ratio(r.ratio)} (over HTTP ${ms(r.http)}, of which ${ms(r.server)} in the host's pipeline; in-process ${ms(r.local)})`;
    const cpuOf = (r: typeof compact) =>
      Number.isNaN(r.cpuRatio) ? 'CPU not measurable here' : `CPU ${ratio(r.cpuRatio)} (client + host + Azurite ${ms(r.cpu.http)}; in-process ${ms(r.cpu.local)}, means)`;
    log(`evaluate ${PEOPLE.toLocaleString('en')} people over HTTP / in-process, goal ≤ 2×: medians of ${RUNS} interleaved runs after ${WARMUP} warm-up runs`);
    log(`(load average ${loadBefore} → ${load()} on ${availableParallelism()} cores)`);
    log(`  compact form (request ${mb(compactBytes)}; answer br, as the client asks): ${wallOf(compact)}`);
    log(`    ${cpuOf(compact)}`);
    log(`  documented form (request ${mb(documentedBytes)}, answer ${mb(answerBytes)}, ${mb(answerBr)} br): ${wallOf(documented)}`);
    log(`    ${cpuOf(documented)}`);

    out.push({
      what: `POST /api/evaluate, ${PEOPLE.toLocaleString('en')} people, over HTTP / in-process`,
      figure:
        `${ratio(compact.ratio)} wall (compact; documented form ${ratio(documented.ratio)}); ` +
        (Number.isNaN(compact.cpuRatio) ? 'CPU not measurable here' : `${ratio(compact.cpuRatio)} CPU (documented ${ratio(documented.cpuRatio)})`),
      goal: '≤ 2×',
      met: compact.ratio <= 2,
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
