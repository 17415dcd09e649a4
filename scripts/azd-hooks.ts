// The azd hooks of azure.yaml, one command each (`tsx scripts/azd-hooks.ts <hook>`). azd hands every
// value of the environment (the Bicep outputs among them) to hooks as environment variables.
//   preprovision   infra/boards.json from the board table (Bicep loads it for app roles and BOSSPO_BOARDS)
//   postprovision  the app registration's Application ID URI api://<appId> (Bicep cannot name the app's
//                  own ID); checked first, so running it again changes nothing
//   prepackage     the function app package (dist/api), the task pane built for the deployed addresses
//                  under dist/site/public/addin, and the production manifest (dist/manifest.xml, Version
//                  one above the last, kept in the azd environment as BOSSPO_MANIFEST_VERSION)
//   postdeploy     says where the manifest is and how an admin deploys it centrally
// BOSSPO_HOOK_DRY_RUN=1 prints the az/azd commands instead of running them (tests, and a look before
// a real run); BOSSPO_DIST_DIR puts the output elsewhere than dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFunctionApp } from './api-build';
import { PROJECT_ROOT } from './api-host';
import { writeBoardsJson } from './infra-boards';
import { writeProductionManifest } from './manifest-prod';

/** The Bicep outputs the hooks read (infra/main.bicep declares each; a test checks it). */
export const HOOK_OUTPUTS = ['SERVICE_API_URI', 'SERVICE_WEB_URI', 'BOSSPO_PANE_URL', 'BOSSPO_AUTH_CLIENT_ID', 'BOSSPO_AUTH_AUTHORITY', 'BOSSPO_API_SCOPE'] as const;
type Outputs = Record<(typeof HOOK_OUTPUTS)[number], string>;

export const HOOKS = ['preprovision', 'postprovision', 'prepackage', 'postdeploy'] as const;
export type Hook = (typeof HOOKS)[number];

interface HookContext {
  env: Record<string, string | undefined>;
  dryRun: boolean;
  dist: string;
  log: (line: string) => void;
  /** Runs a command (az, azd) and answers its stdout; in a dry run prints it and answers `dryAnswer`. */
  run: (command: string, args: string[], dryAnswer?: string) => string;
}

function context(env: Record<string, string | undefined>, log: (line: string) => void): HookContext {
  const dryRun = env.BOSSPO_HOOK_DRY_RUN === '1';
  return {
    env,
    dryRun,
    dist: resolve(env.BOSSPO_DIST_DIR || join(PROJECT_ROOT, 'dist')),
    log,
    run(command, args, dryAnswer = '') {
      if (dryRun) {
        log(`[dry run] ${command} ${args.join(' ')}`);
        return dryAnswer;
      }
      return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], shell: process.platform === 'win32' });
    },
  };
}

function outputs(env: Record<string, string | undefined>): Outputs {
  const missing = HOOK_OUTPUTS.filter((name) => !env[name]?.trim());
  if (missing.length)
    throw new Error(`de azd-omgeving mist ${missing.join(', ')}: voer eerst "azd provision" uit (of "azd up")`);
  return Object.fromEntries(HOOK_OUTPUTS.map((name) => [name, env[name]!.trim().replace(/\/+$/, '')])) as Outputs;
}

/** postprovision: api://<appId> as Application ID URI, added only when missing (other URIs kept). */
function ensureIdentifierUri(ctx: HookContext): void {
  const appId = outputs(ctx.env).BOSSPO_AUTH_CLIENT_ID;
  if (!/^[0-9a-f-]{36}$/i.test(appId)) throw new Error(`BOSSPO_AUTH_CLIENT_ID "${appId}" is geen client-ID`);
  const wanted = `api://${appId}`;
  const current = JSON.parse(ctx.run('az', ['ad', 'app', 'show', '--id', appId, '--query', 'identifierUris', '--output', 'json'], '[]') || '[]') as string[];
  if (current.includes(wanted)) {
    ctx.log(`Application ID URI ${wanted} staat al ingesteld.`);
    return;
  }
  ctx.run('az', ['ad', 'app', 'update', '--id', appId, '--identifier-uris', ...current, wanted]);
  ctx.log(`Application ID URI ${wanted} ingesteld.`);
}

const SWA_CONFIG = {
  // The pane is framed by Office: no X-Frame-Options. Its HTML is never cached, so a new build shows at once.
  globalHeaders: { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' },
  routes: [{ route: '/addin/*.html', headers: { 'Cache-Control': 'no-cache' } }],
};

/** The task pane for the deployed addresses, in <dist>/site/public/addin, plus the site's frame. */
export async function buildSite(ctx: HookContext, out: Outputs): Promise<string> {
  const site = join(ctx.dist, 'site');
  const addinOut = join(site, 'public', 'addin');
  const panePath = new URL(out.BOSSPO_PANE_URL).pathname.replace(/\/+$/, '');
  if (panePath !== '/addin') throw new Error(`BOSSPO_PANE_URL moet op /addin eindigen (de map die de site publiceert), niet op "${panePath}"`);
  const vars = {
    VITE_BOSSPO_API_URL: out.SERVICE_API_URI,
    VITE_BOSSPO_AAD_CLIENT_ID: out.BOSSPO_AUTH_CLIENT_ID,
    VITE_BOSSPO_AAD_AUTHORITY: out.BOSSPO_AUTH_AUTHORITY,
    VITE_BOSSPO_API_SCOPE: out.BOSSPO_API_SCOPE,
    VITE_BOSSPO_API_KEY: '',
    BOSSPO_ADDIN_OUT: addinOut,
    ...(ctx.env.BOSSPO_SUPPORT_CONTACT ? { BOSSPO_SUPPORT_CONTACT: ctx.env.BOSSPO_SUPPORT_CONTACT } : {}),
  };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    const { build } = await import('vite');
    await build({ configFile: join(PROJECT_ROOT, 'addin', 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  mkdirSync(join(site, 'public'), { recursive: true });
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'bosspo-site', private: true, description: 'The task pane as deployed (built by the azd prepackage hook).' }, null, 2) + '\n');
  writeFileSync(join(site, 'public', 'staticwebapp.config.json'), JSON.stringify(SWA_CONFIG, null, 2) + '\n');
  writeFileSync(
    join(site, 'public', 'index.html'),
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=addin/hulp.html"><title>Boss po controle</title></head><body><a href="addin/hulp.html">Boss po controle</a></body></html>\n',
  );
  return addinOut;
}

function adminSteps(ctx: HookContext, manifest: string, out: Outputs): string[] {
  return [
    '',
    `Productiemanifest: ${manifest}`,
    `Taakvenster: ${out.BOSSPO_PANE_URL}/taskpane.html  ·  API: ${out.SERVICE_API_URI}/api/health`,
    'Centraal uitrollen (Microsoft 365-beheerder):',
    '  1. Microsoft 365-beheercentrum › Instellingen › Geïntegreerde apps › Aangepaste apps uploaden.',
    '  2. Kies "Office-invoegtoepassing", upload het manifestbestand hierboven, kies wie de app krijgt, Implementeren.',
    '  3. Rollen: Entra-beheercentrum › Bedrijfstoepassingen › de app (zie BOSSPO_AUTH_CLIENT_ID) › Gebruikers en groepen ›',
    '     Toewijzing toevoegen: per gebruiker of groep één rol (board:<CODE>, pabo of stuurgroep).',
    'Na een nieuwe versie: "azd deploy" en het nieuwe manifest opnieuw uploaden (de versie is verhoogd).',
    ...(ctx.dryRun ? ['(proefdraai: niets in Azure gewijzigd)'] : []),
  ];
}

export async function runHook(hook: Hook, env: Record<string, string | undefined>, log: (line: string) => void = console.log): Promise<void> {
  const ctx = context(env, log);
  switch (hook) {
    case 'preprovision': {
      log(writeBoardsJson() ? 'infra/boards.json bijgewerkt uit shared/plan/boards.ts.' : 'infra/boards.json is actueel.');
      return;
    }
    case 'postprovision': {
      ensureIdentifierUri(ctx);
      return;
    }
    case 'prepackage': {
      const out = outputs(env);
      const api = await buildFunctionApp({ outDir: join(ctx.dist, 'api'), hostOutDir: join(ctx.dist, 'api-local') });
      log(`Functie-app-pakket: ${api.dir}`);
      const pane = await buildSite(ctx, out);
      log(`Taakvenster gebouwd voor ${out.BOSSPO_PANE_URL}: ${pane}`);
      const manifest = writeProductionManifest({ baseUrl: out.BOSSPO_PANE_URL, out: join(ctx.dist, 'manifest.xml'), previous: env.BOSSPO_MANIFEST_VERSION?.trim() || null });
      ctx.run('azd', ['env', 'set', 'BOSSPO_MANIFEST_VERSION', manifest.version]);
      log(`Manifest versie ${manifest.version}${manifest.validated ? ', gecontroleerd tegen de XSD\'s' : ' (xmllint ontbreekt: niet tegen de XSD\'s gecontroleerd)'}.`);
      return;
    }
    case 'postdeploy': {
      for (const line of adminSteps(ctx, join(ctx.dist, 'manifest.xml'), outputs(env))) log(line);
      return;
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const hook = process.argv[2] as Hook;
  if (!HOOKS.includes(hook)) {
    console.error(`gebruik: tsx scripts/azd-hooks.ts ${HOOKS.join('|')}`);
    process.exit(2);
  }
  try {
    await runHook(hook, process.env);
  } catch (e) {
    console.error(`azd-hook ${hook}: ${(e as Error).message}`);
    process.exit(1);
  }
}
