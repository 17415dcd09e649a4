// The Node.js arguments the function app runs with, in Azure (the app setting
// languageWorkers__node__arguments in infra/app/api.bicep) and locally (scripts/api-host.ts starts the
// local host with them). One definition; test/infra checks the template sets the same text.
//
// --max-semi-space-size: V8's young generation, where a request's short-lived objects live. At the
// default (16 MiB per semi-space on 64-bit Node 20) evaluating 10,000 people over the API collects it
// dozens of times per request and copies what survives; at 64 MiB most of a request's garbage dies
// uncollected. The figures are in the commit that set it (`npx tsx bench/api-stages.ts` and
// `npm run bench -- api.ts`, local host). The cost is memory: up to three times the size for the young
// generation, 192 MiB of the Flex Consumption instance's 2,048 MiB (infra/app/api.bicep).
export const NODE_ARGUMENTS = ['--max-semi-space-size=64'] as const;
