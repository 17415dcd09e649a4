// Hash flooding over HTTP (issue 12): an evaluate request whose 40,000 personIds were chosen to collide
// in the unseeded hash the duplicate check once used costs about what random IDs cost (that request
// took 8× as long at 30,000 and blocked every other request meanwhile). A ratio within one run, no clock bounds.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_KEYS, type TestApi } from '../support/api-server';
import { collidingIds, sameShapeRandom } from '../support/fnv-collisions';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const N = 40_000;
const request = (ids: string[]) => ({
  referenceDate: '2026-11-28',
  fields: ['training.WPB'],
  people: ids.map((personId, i) => ({ ref: String(i), personId, roles: ['WPB'] })),
  register: false,
});

/**
 * POST a body on a connection of its own (node:http, no agent): between two 40,000-person requests a
 * busy machine can leave a kept-alive socket idle past the server's keep-alive timeout, and a body
 * written to a socket the server just closed fails with EPIPE, which says nothing about the API.
 */
function post(body: unknown): Promise<{ status: number; text: string }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${api.url}/api/evaluate`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': data.byteLength, 'x-api-key': TEST_KEYS.pabo } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function timed(body: unknown): Promise<number> {
  const started = performance.now();
  const answer = await post(body);
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  return performance.now() - started;
}

describe('hash flooding', () => {
  it(`evaluating ${N.toLocaleString('en')} colliding personIds takes about as long as random ones`, async () => {
    const ids = collidingIds(N, true);
    const adversarial = request(ids);
    const random = request(sameShapeRandom(ids));
    await timed(random); // warm up
    let tRandom = Infinity;
    let tAdversarial = Infinity;
    for (let round = 0; round < 3; round++) {
      tRandom = Math.min(tRandom, await timed(random));
      tAdversarial = Math.min(tAdversarial, await timed(adversarial));
    }
    const ratio = tAdversarial / tRandom;
    console.log(`evaluate over HTTP: ${N} colliding IDs ${tAdversarial.toFixed(0)} ms, random ${tRandom.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThan(4);
    // The answer still marks a real duplicate among colliding IDs.
    const few = collidingIds(3, true);
    const answer = await post(request([...few, few[1]!]));
    const marked = (JSON.parse(answer.text) as { people: { ref: string; findings: { code: string }[] }[] }).people
      .filter((p) => p.findings.some((f) => f.code === 'DUPLICATE_PERSON'))
      .map((p) => p.ref);
    expect(marked).toEqual(['1', '3']);
  }, 180_000);
});
