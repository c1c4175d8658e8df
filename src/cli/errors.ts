/** Errors the CLI reports without a stack trace. Exit code 2 = usage, configuration or internal error. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

/** An invalid configuration file: names the file and the offending key. */
export class ConfigFileError extends CliError {
  constructor(readonly file: string, readonly problems: { key: string; message: string }[]) {
    super(`配置文件 ${file} 无效：\n${problems.map((p) => `  ${p.key}：${p.message}`).join('\n')}`);
    this.name = 'ConfigFileError';
  }
}
