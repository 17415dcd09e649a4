// Evaluate 100,000 generated people of a realistic mix and compare with JSON.parse of the same
// people as the POST /api/evaluate body (goal: evaluation ≤ parsing, ratio ≤ 1.0). Prints figures only.
import { performance } from 'node:perf_hooks';
import { prng } from './prng';
import type { Person, RuleField } from '../shared/model/person';
import { bossPoPlan } from '../shared/plan/bosspo';
import type { RoleCode } from '../shared/plan/schema';
import { evaluateSheet } from '../shared/rules/evaluate';
import { summarize } from '../shared/summary/summarize';
import { median, type GoalRow } from './goals';

const PEOPLE = 100_000;
const R = '2026-11-28';
const P = '2026-2027' as const;

const FIELDS: RuleField[] = [
  'training.WPB',
  'training.SOIO',
  'training.OB',
  'certificate.WPB',
  'certificate.SOIO',
  'lastRefresher',
  'roleStart',
  'velonRegistration',
  'students',
  'graduates',
  'hoursGranted',
  'meetings',
  'pairedWith',
  'coach',
  'school',
];

/** Role mix of a board: mostly mentors, some educators and researchers, starters, and staff without a role. */
const MIX: [number, RoleCode[]][] = [
  [0.5, ['WPB']],
  [0.05, ['WPB', 'OBP']],
  [0.04, ['SO']],
  [0.02, ['SO', 'WPB']],
  [0.02, ['IO']],
  [0.03, ['OBP']],
  [0.01, ['OBI']],
  [0.08, ['STARTER']],
  [0.04, ['COACH']],
  [0.03, ['SCHOOLLEIDER']],
  [0.18, []],
];

export function generatePeople(n: number, seed = 42): Person[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const date = (fromYear: number, toYear: number) => {
    const y = fromYear + Math.floor(rnd() * (toYear - fromYear + 1));
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const completion = () => {
    const x = rnd();
    return x < 0.65 ? date(2017, 2026) : x < 0.85 ? null : x < 0.92 ? 'done' : x < 0.97 ? date(2027, 2027) : { invalid: 'gepland' };
  };
  const schools = Array.from({ length: 400 }, (_, i) => `School ${i + 1}`);
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    let x = rnd();
    let roles: RoleCode[] = [];
    for (const [share, r] of MIX) {
      if ((x -= share) < 0) {
        roles = r;
        break;
      }
    }
    const p: Person = {
      ref: String(i + 2),
      personId: String(100000 + Math.floor(rnd() * 900000)),
      board: 'BOOR',
      school: pick(schools),
      roles: [...roles],
      trainings: { WPB: completion(), SOIO: roles.includes('SO') || roles.includes('IO') ? completion() : null, OB: roles.includes('OBP') ? completion() : null },
      certificates: { WPB: rnd() < 0.8, SOIO: rnd() < 0.8 },
      lastRefresher: rnd() < 0.3 ? date(2021, 2026) : null,
      roleStart: rnd() < 0.5 ? date(2015, 2026) : null,
      velonRegistration: roles.includes('SO') || roles.includes('IO') ? date(2020, 2026) : null,
      students: rnd() < 0.9 ? Math.floor(rnd() * 4) : rnd() < 0.5 ? null : { invalid: 'twee' },
      graduates: roles.includes('OBP') || roles.includes('OBI') ? Math.floor(rnd() * 5) : null,
      hoursGranted: rnd() < 0.7 ? Math.floor(rnd() * 200) : null,
      meetings: roles.includes('SO') || roles.includes('IO') ? Math.floor(rnd() * 6) : null,
      pairedWith: rnd() < 0.5,
      coach: rnd() < 0.85,
    };
    if (rnd() < 0.02) p.unknownRoles = ['vertrouwenspersoon'];
    people.push(p);
  }
  return people;
}


function timed(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Evaluate and JSON.parse of the same people, alternated: medians of 9 after 3 warm-ups. */
async function measure() {
  const generated = generatePeople(PEOPLE);
  const body = JSON.stringify({ fields: FIELDS, people: generated });
  // Evaluate what a host evaluates: the people as parsed from the request body (flat strings, as
  // JSON.parse and the sheet reader produce them), not the generator's objects.
  const { fields, people } = JSON.parse(body) as { fields: RuleField[]; people: Person[] };
  const options = { referenceDate: R, planningYear: P };
  const evaluate = () => evaluateSheet(bossPoPlan, { fields, people }, options);
  // Warm up, then alternate the two so both see the same machine load.
  for (let i = 0; i < 3; i++) {
    JSON.parse(body);
    evaluate();
  }
  const parseTimes: number[] = [];
  const evalTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    parseTimes.push(timed(() => JSON.parse(body)));
    evalTimes.push(timed(evaluate));
  }
  return { body, people, evaluate, parseMs: median(parseTimes), evalMs: median(evalTimes) };
}

/** Issue 14's rules row: evaluate / JSON.parse of the same 100,000 people, goal ≤ 1.0. */
export async function rows(): Promise<GoalRow[]> {
  const { parseMs, evalMs } = await measure();
  const ratio = evalMs / parseMs;
  return [
    {
      what: `rules: evaluate / JSON.parse of the same ${PEOPLE.toLocaleString('en')} people`,
      figure: `${ratio.toFixed(2)} (evaluate ${evalMs.toFixed(0)} ms, JSON.parse ${parseMs.toFixed(0)} ms)`,
      goal: '≤ 1.0',
      met: ratio <= 1,
    },
  ];
}

export async function run(): Promise<void> {
  const { body, people, evaluate, parseMs, evalMs } = await measure();
  const evaluation = evaluate();
  const summaryMs = median([0, 1, 2, 3, 4].map(() => timed(() => summarize(bossPoPlan, [{ people, evaluation }], { planningYear: P }))));
  const findings = evaluation.people.reduce((n, p) => n + p.findings.length, 0);
  console.log(`people                       ${PEOPLE.toLocaleString('en')}`);
  console.log(`request body                 ${(body.length / 1024 / 1024).toFixed(1)} MiB`);
  console.log(`findings                     ${findings.toLocaleString('en')} (+ ${evaluation.findings.length} school findings)`);
  console.log(`JSON.parse (median of 9)     ${parseMs.toFixed(1)} ms`);
  console.log(`evaluateSheet (median of 9)  ${evalMs.toFixed(1)} ms`);
  console.log(`summarize (median of 5)      ${summaryMs.toFixed(1)} ms`);
  console.log(`people per second            ${Math.round(PEOPLE / (evalMs / 1000)).toLocaleString('en')}`);
  console.log(`ratio evaluate / JSON.parse  ${(evalMs / parseMs).toFixed(2)} (goal ≤ 1.0)`);
}
