/** The `zwgk` command line (commander). `run` returns the exit code; it never calls process.exit. */
import { Command, CommanderError, Option } from 'commander';
import { CliError } from './errors';
import { lintCommand, FORMATS, type LintFlags } from './commands/lint';
import { rulesCommand } from './commands/rules';
import { explainCommand } from './commands/explain';
import { packsListCommand, packsTestCommand, type PacksFlags } from './commands/packs';
import { VERSION } from './version';
import { redactingStream, type Io } from './io';

const collect = (value: string, previous: string[]) => [...previous, value];

export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('zwgk');
  program
    .description('政务公开文稿检查：同步解读、法定期限、必备要素、公文格式与个人信息。\nChecks Chinese government-transparency drafts.')
    .version(VERSION, '-v, --version', '显示版本号 / print the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令的帮助 / help for a command')
    .exitOverride()
    .showHelpAfterError('（用 zwgk --help 查看用法）')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  program
    .command('lint')
    .description('检查文稿（.md、.txt）/ lint drafts')
    .argument('[paths...]', '文件、目录或 glob（默认 .）；“-”从标准输入读取 / files, folders or globs; - reads stdin')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(FORMATS).default('stylish'))
    .option('--fix', '自动修复可安全修复的问题并写回文件 / apply safe fixes')
    .option('--max-warnings <n>', '警告超过 n 个时退出码为 1 / exit 1 when warnings exceed n')
    .option('--rule <id:severity>', '设置规则严重程度（可重复），如 personal-phone:error / set a rule severity (repeatable)', collect, [])
    .option('-c, --config <file>', '额外的配置文件（.json/.yaml），优先于自动发现的配置 / extra config file')
    .option('--no-config-lookup', '不自动查找 .zwgkrc.* 配置 / do not look for .zwgkrc.* files')
    .option('--stdin-filename <path>', '标准输入对应的文件名（决定格式、配置和所在目录）/ file name for stdin')
    .option('--concurrency <n>', '检查线程数：auto（默认，文件多于 50 个时每个 CPU 核一个）、off 或数字 / worker threads: auto, off or a number', 'auto')
    .option('--all', '检查找到的全部 .md/.txt 文件，而不只是文稿（有 .zwgkrc 配置或目录元数据的文件）/ lint every .md/.txt found, not only drafts')
    .option('--no-error-on-unmatched-pattern', '路径或 glob 没有匹配时不报错 / no error when a pattern matches nothing')
    .option('--cache', '复用上次的检查结果（按文件内容、配置和关联文稿判断是否仍然有效）/ reuse results of unchanged files')
    .option('--cache-location <path>', '缓存文件或目录（默认 node_modules/.cache/zwgk/）/ cache file or folder')
    .action(async (paths: string[], flags: LintFlags) => setCode(await lintCommand(paths, flags, io)));

  program
    .command('export')
    .description('导出：Markdown/文本文稿 → Word 公文（--to docx）；.docx/.html → zwgk 读出的文字（--to text）/ export a draft')
    .argument('<file>', '要导出的文件 / the file')
    .requiredOption('--to <format>', 'docx 或 text / docx or text')
    .option('-o, --output <file>', '输出文件（docx 默认与原稿同名；text 默认标准输出）/ output file')
    .option('--force', '覆盖已存在的输出文件 / overwrite the output file')
    .action(async (file: string, flags: import('./commands/export').ExportFlags) => setCode(await (await import('./commands/export')).exportCommand(file, flags, io)));

  program
    .command('inspect')
    .description('查看 zwgk 对文稿的理解：类型及判断依据、标题各部分、读到的目录字段及所在行、日期、适用的条例版本和期限 / show what zwgk understood')
    .argument('<files...>', '文件 / files')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['stylish', 'json']).default('stylish'))
    .option('-c, --config <file>', '额外的配置文件 / extra config file')
    .option('--no-config-lookup', '不自动查找 .zwgkrc.* 配置 / do not look for .zwgkrc.* files')
    .action(async (files: string[], flags: import('./commands/inspect').InspectFlags) => setCode((await import('./commands/inspect')).inspectCommand(files, flags, io)));

  program
    .command('report')
    .description('公开台账：文稿的类型、日期、解读及同步情况、法定期限和剩余工作日，输出离线 HTML 或 JSON / the ledger of drafts and deadlines')
    .argument('[paths...]', '文件、目录或 glob（默认 .）/ files, folders or globs')
    .option('-o, --out <file>', '输出文件，如 台账.html（不写时输出到标准输出）/ output file')
    .option('--today <date>', '统计日期 YYYY-MM-DD（默认今天），剩余工作日从这一天算起 / the day days left are counted from')
    .option('-f, --format <format>', 'html（默认）或 json / html or json', 'html')
    .option('--due-soon <n>', '剩余不超过 n 个工作日视为“即将到期”（默认 5）/ working days left that count as due soon')
    .option('-c, --config <file>', '额外的配置文件 / extra config file')
    .option('--no-config-lookup', '不自动查找 .zwgkrc.* 配置 / do not look for .zwgkrc.* files')
    .option('--all', '列入找到的全部 .md/.txt 文件，而不只是文稿 / every .md/.txt found, not only drafts')
    .action(async (paths: string[], flags: import('./commands/report').ReportFlags) => setCode((await import('./commands/report')).reportCommand(paths, flags, io)));

  program
    .command('rules')
    .description('列出所有规则及其依据 / list every rule')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['stylish', 'json']).default('stylish'))
    .action((flags: { format: string }) => setCode(rulesCommand(flags, io)));

  program
    .command('explain')
    .description('说明一条规则：依据的条文、原因、修改方法和示例 / explain a rule')
    .argument('<rule-id>', '规则 id / rule id')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['stylish', 'json']).default('stylish'))
    .action((id: string, flags: { format: string }) => setCode(explainCommand(id, flags, io)));

  const packs = program.command('packs').description('用语规范词库：列出词库、运行词库的示例 / wording packs');
  const packOptions = (cmd: Command) => cmd
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['stylish', 'json']).default('stylish'))
    .option('-c, --config <file>', '额外的配置文件（.json/.yaml）/ extra config file')
    .option('--no-config-lookup', '不自动查找 .zwgkrc.* 配置 / do not look for .zwgkrc.* files');
  packOptions(packs.command('list').description('列出内置词库和配置中的词库及其词条 / list the packs that apply'))
    .action((flags: PacksFlags) => setCode(packsListCommand(flags, io)));
  packOptions(packs.command('test').description('运行词库的示例（fire 必须报告，quiet 不能报告）/ run a pack\'s examples as tests')
    .argument('[files...]', '词库文件（.yaml）；不写时测试内置词库和配置中的词库 / pack files (default: every pack that applies)'))
    .action((files: string[], flags: PacksFlags) => setCode(packsTestCommand(files, flags, io)));

  program
    .command('lsp')
    .description('启动语言服务器（供 Neovim、Emacs 等编辑器使用，默认 --stdio）/ start the language server')
    .option('--stdio', '经标准输入输出通信（默认）/ talk over stdin/stdout (default)')
    .option('--node-ipc', '经 Node IPC 通信 / talk over Node IPC')
    .option('--socket <port>', '经 TCP 端口通信 / talk over a TCP port')
    .option('--pipe <name>', '经命名管道通信 / talk over a named pipe')
    .allowUnknownOption()
    .action(async (flags: import('./commands/lsp').LspFlags) => setCode(await (await import('./commands/lsp')).lspCommand(flags)));

  return program;
}

/** Runs the command line; returns the exit code (0, 1 or 2). */
export async function run(argv: readonly string[], rawIo: Io): Promise<number> {
  // Nothing written to stderr (notices, errors naming a file, progress) carries a full personal number.
  const io: Io = { ...rawIo, stderr: redactingStream(rawIo.stderr) };
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      io.stderr.write(`zwgk: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr.write(`zwgk: 内部错误：${err?.message ?? String(e)}\n`);
    if (io.env.ZWGK_DEBUG && err?.stack) io.stderr.write(err.stack + '\n');
    return 2;
  }
}
