// `npm run start:api`: Azurite (in memory; BOSSPO_AZURITE_LOCATION=folder persists) and the function
// app on port 7071 (PORT overrides). Prints the address and, when generated, the development keys.
// `npm run start:api -- --dist` builds and serves the deployable package (dist/api) instead of the sources.
// Ctrl+C (SIGINT) or SIGTERM stops both.
import { startApi } from './api-stack';

let stack;
try {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--dist');
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')} (only --dist)`);
  stack = await startApi({ dist: args.includes('--dist') });
} catch (e) {
  console.error(`start:api: ${(e as Error).message}`);
  process.exit(1);
}
console.log(`\nBoss po API (${stack.host === 'func' ? 'Azure Functions Core Tools' : stack.dist ? 'the package in dist/api' : 'local host'}) on ${stack.url}/api`);
console.log(`Azurite (table storage) on 127.0.0.1:${stack.azurite.port}`);
if (stack.generatedKeys) {
  console.log('Development keys (send as x-api-key; set BOSSPO_API_KEYS to use your own):');
  for (const [key, entry] of Object.entries(stack.keys))
    console.log(`  ${entry.role.padEnd(10)} ${entry.board ?? ''}`.padEnd(22) + ` ${key}`);
}
console.log('Stop with Ctrl+C.\n');

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the function app and Azurite…`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
