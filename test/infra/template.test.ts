// The azd template checked offline, as far as that goes without a Bicep compiler: azure.yaml names the
// services and hooks that exist; module calls match the modules' parameters; every app setting the code
// reads is set by the template (or is local-only, with the reason) and every setting the template sets is
// read by the code or the Functions host; board roles, table names and the API scope agree between the
// board table, the infra, the code and the README; and the template keeps keys out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callerFromRoleValues } from '../../functions/src/auth/roles';
import { API_SCOPE } from '../../functions/src/auth/token';
import { NODE_ARGUMENTS } from '../../functions/src/node-arguments';
import { TABLES } from '../../functions/src/storage/tables';
import { HOOK_OUTPUTS, HOOKS } from '../../scripts/azd-hooks';
import { boardsJson } from '../../scripts/infra-boards';
import { BOARDS, boardRole } from '../../shared/plan/boards';
import { bicepOutputs, bicepParams, blockAt, moduleCalls, readYaml, topLevelKeys, usesIdentifier } from './template-text';

const root = join(import.meta.dirname, '..', '..');
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');
const infraFiles = ['main.bicep', ...readdirSync(join(root, 'infra', 'app')).map((f) => `app/${f}`)];
const bicep = Object.fromEntries(infraFiles.map((f) => [f, read('infra', f)]));
const main = bicep['main.bicep']!;
const api = bicep['app/api.bicep']!;
const entra = bicep['app/entra.bicep']!;
const storage = bicep['app/storage.bicep']!;
const yaml = readYaml(read('azure.yaml')) as Record<string, Record<string, Record<string, unknown>>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
/** App settings the function app's code reads: env.NAME, env['NAME'], process.env.NAME. */
const settingsReadByCode = new Set(
  sourceFiles(join(root, 'functions', 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\benv(?:\?)?(?:\.|\[')(\w+)/g)].map((m) => m[1]!)),
);
// The first block after the config's name is its `properties`.
const settingsSetByBicep = new Set(topLevelKeys(blockAt(api, api.indexOf("name: 'appsettings'"))));

/** Read by the Functions host or the platform, not by our code. */
const HOST_SETTINGS = new Set([
  'AzureWebJobsStorage__credential',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'languageWorkers__node__arguments',
]);
/** Read by our code but deliberately not set by the template, and why. */
const NOT_SET_IN_AZURE: Record<string, string> = {
  BOSSPO_API_KEYS: 'keys are for local use and scripts; the pane signs in with Entra ID',
  BOSSPO_STORAGE: 'a connection string: Azure uses the managed identity instead',
  AzureWebJobsStorage: 'a connection string: Azure uses AzureWebJobsStorage__accountName instead',
  AzureWebJobsStorage__tableServiceUri: 'only to override the table endpoint (sovereign clouds, private DNS)',
  BOSSPO_CORS_ORIGINS: 'the local host only; in Azure the platform applies siteConfig.cors',
  PORT: 'the local host only',
  BOSSPO_AUTH_AUTHORITY: 'tests point it at a local tenant; the default is login.microsoftonline.com',
  WEBSITE_AUTH_ENABLED: 'set by the platform when authsettingsV2 is enabled',
};

describe('azure.yaml', () => {
  it('names the api (function, dist/api) and web (staticwebapp, dist/site/public) services with an azd-service-name tag each', () => {
    expect(yaml.services!.api).toMatchObject({ project: './dist/api', language: 'js', host: 'function' });
    expect(yaml.services!.web).toMatchObject({ project: './dist/site', dist: 'public', host: 'staticwebapp' });
    const tagged = [...main.matchAll(/'azd-service-name': '(\w+)'/g)].map((m) => m[1]);
    expect(tagged.sort()).toEqual(Object.keys(yaml.services!).sort());
  });

  it('runs only hooks that scripts/azd-hooks.ts has, each for posix and windows, and provisions before packaging', () => {
    const hooks = yaml.hooks as Record<string, Record<string, Record<string, string>>>;
    expect(Object.keys(hooks).sort()).toEqual([...HOOKS].sort());
    for (const [name, shells] of Object.entries(hooks)) {
      expect(Object.keys(shells).sort()).toEqual(['posix', 'windows']);
      for (const shell of Object.values(shells)) expect(shell.run).toBe(`npx --no-install tsx scripts/azd-hooks.ts ${name}`);
    }
    expect((yaml.workflows as unknown as { up: { steps: Record<string, string>[] } }).up.steps).toEqual([{ azd: 'provision' }, { azd: 'package --all' }, { azd: 'deploy --all' }]);
    expect(yaml.infra).toMatchObject({ provider: 'bicep', path: 'infra', module: 'main' });
  });
});

describe('Bicep structure', () => {
  it('every module call passes exactly parameters the module declares, and every one it requires', () => {
    for (const call of moduleCalls(main)) {
      const declared = bicepParams(bicep[call.path.replace(/^\.\//, '')]!);
      expect(call.params.filter((p) => !declared.some((d) => d.name === p)), `${call.name}: unknown params`).toEqual([]);
      const required = declared.filter((d) => !d.hasDefault).map((d) => d.name);
      expect(required.filter((r) => !call.params.includes(r)), `${call.name}: missing params`).toEqual([]);
    }
  });

  it('every parameter is used, and main.parameters.json feeds only main.bicep\'s parameters', () => {
    for (const [file, text] of Object.entries(bicep))
      for (const p of bicepParams(text)) expect(usesIdentifier(text, p.name), `${file}: param ${p.name} unused`).toBe(true);
    const fed = Object.keys((JSON.parse(read('infra', 'main.parameters.json')) as { parameters: object }).parameters);
    const declared = bicepParams(main);
    expect(fed.filter((f) => !declared.some((d) => d.name === f))).toEqual([]);
    expect(declared.filter((d) => !d.hasDefault && !fed.includes(d.name)).map((d) => d.name)).toEqual([]);
  });

  it('declares every output the hooks read', () => {
    expect(HOOK_OUTPUTS.filter((o) => !bicepOutputs(main).includes(o))).toEqual([]);
  });

  it('uses API versions from 2022 on (Application Insights components: 2020-02-02 is its latest stable), and the Graph extension', () => {
    for (const [file, text] of Object.entries(bicep))
      for (const m of text.matchAll(/'(Microsoft\.(?!Graph)[\w./]+)@(\d{4})-\d\d-\d\d(-preview)?'/g)) {
        expect(m[3], `${file}: ${m[0]} is a preview`).toBeUndefined();
        if (m[1] !== 'Microsoft.Insights/components') expect(Number(m[2]), `${file}: ${m[0]}`).toBeGreaterThanOrEqual(2022);
      }
    expect(entra).toMatch(/^extension microsoftGraphV1$/m);
    expect(JSON.parse(read('infra', 'bicepconfig.json'))).toHaveProperty('extensions.microsoftGraphV1');
  });
});

describe('app settings: what the code reads and what the template sets', () => {
  it('every setting the code reads is set by the template, or is local-only for a stated reason', () => {
    const unset = [...settingsReadByCode].filter((s) => !settingsSetByBicep.has(s) && !(s in NOT_SET_IN_AZURE));
    expect(unset).toEqual([]);
  });

  it('every setting the template sets is read by the code or by the Functions host', () => {
    expect([...settingsSetByBicep].filter((s) => !settingsReadByCode.has(s) && !HOST_SETTINGS.has(s))).toEqual([]);
  });

  it("the worker's Node.js arguments are the ones the local host runs with (functions/src/node-arguments.ts)", () => {
    const set = /^\s*languageWorkers__node__arguments: '([^']*)'$/m.exec(api);
    expect(set?.[1]).toBe(NODE_ARGUMENTS.join(' '));
  });

  it('no setting holds a key or connection string, and storage refuses shared keys', () => {
    for (const [file, text] of Object.entries(bicep)) expect(text, file).not.toMatch(/listKeys\(|AccountKey=|SharedAccessSignature|primaryKey/);
    expect(storage).toMatch(/allowSharedKeyAccess: false/);
    expect(settingsSetByBicep.has('AzureWebJobsStorage__accountName')).toBe(true);
    for (const out of bicepOutputs(main)) expect(out).not.toMatch(/KEY|SECRET|PASSWORD|CONNECTION/i);
  });

  it('App Service Authentication passes unauthenticated requests to the app, which answers 401/403 itself', () => {
    const auth = blockAt(api, api.indexOf("name: 'authsettingsV2'"));
    expect(auth).toMatch(/platform: \{ enabled: true \}/);
    expect(auth).toMatch(/requireAuthentication: false/);
    expect(auth).toMatch(/unauthenticatedClientAction: 'AllowAnonymous'/);
    expect(api).toMatch(/allowedOrigins: \[paneOrigin\]/);
  });
});

describe('one board table for the API, the infra and the README', () => {
  it('infra/boards.json is generated from shared/plan/boards.ts and up to date (npm run infra:boards; azd preprovision)', () => {
    expect(read('infra', 'boards.json')).toBe(boardsJson());
    expect(main).toMatch(/var boards = loadJsonContent\('boards.json'\)\.boards/);
    expect(api).toMatch(/BOSSPO_BOARDS: string\(boardNames\)/);
    expect(main).toMatch(/boardNames: map\(boards, b => b\.name\)/);
  });

  it('each board\'s app role (board:<CODE>, no spaces) is turned by the API into that board, as the table spells it', () => {
    expect(entra).toMatch(/var boardRoles = \[for b in boards: \{[\s\S]*?value: b\.role/);
    for (const board of BOARDS) {
      expect(boardRole(board)).toMatch(/^board:[A-Z]+$/);
      expect(callerFromRoleValues([boardRole(board)])).toEqual({ roles: ['board'], boards: [board.name] });
    }
    for (const role of ['pabo', 'stuurgroep']) {
      expect(entra).toContain(`value: '${role}'`);
      expect(callerFromRoleValues([role]).roles).toEqual([role]);
    }
  });

  it('the README lists every role an admin can assign', () => {
    const readme = read('README.md');
    for (const board of BOARDS) expect(readme).toContain(`\`${boardRole(board)}\``);
    expect(readme).toContain('`pabo`');
    expect(readme).toContain('`stuurgroep`');
  });
});

describe('names that must agree between infra and code', () => {
  it('the tables the template declares are the tables the code uses, with the same prefix', () => {
    const declared = /var tableNames = \[([^\]]*)\]/.exec(storage)?.[1]?.match(/'(\w+)'/g)?.map((t) => t.slice(1, -1));
    expect(declared).toEqual([...TABLES]);
    expect(storage).toMatch(/param tablePrefix string = 'bosspo'/);
    expect(read('functions', 'src', 'deps.ts')).toMatch(/BOSSPO_TABLE_PREFIX \|\| 'bosspo'/);
  });

  it('the API scope the template declares is the one the app requires, and the pane asks for it', () => {
    expect(entra).toContain(`var scope = '${API_SCOPE}'`);
    expect(main).toMatch(/BOSSPO_API_SCOPE string = 'api:\/\/\$\{entra\.outputs\.appId\}\/\$\{entra\.outputs\.scope\}'/);
  });

  it('the pane\'s redirect pages named in the app registration are pages the build writes', () => {
    const vite = read('addin', 'vite.config.ts');
    for (const page of [...entra.matchAll(/\$\{panePath\}\/([\w-]+)\.html/g)].map((m) => m[1]!)) {
      expect(vite, page).toContain(`resolve(here, '${page}.html')`);
      expect(read('addin', `${page}.html`)).toContain('<html');
    }
    expect(entra).toContain("'brk-multihub://${paneHost}'");
  });

  it('the pane reads exactly the build variables the hook sets', () => {
    const read_ = new Set([...read('addin', 'src', 'config.ts').matchAll(/\b(VITE_BOSSPO_\w+)/g)].map((m) => m[1]!));
    const hook = read('scripts', 'azd-hooks.ts');
    const set = new Set([...blockAt(hook, hook.indexOf('const vars = {')).matchAll(/\b(VITE_BOSSPO_\w+)/g)].map((m) => m[1]!));
    expect([...read_].sort()).toEqual([...set].sort());
  });
});
