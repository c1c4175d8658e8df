/** The package version and repository, inlined from package.json at build time. */
import pkg from '../../package.json';

export const VERSION: string = pkg.version;

const meta = pkg as { repository?: string | { url?: string }; homepage?: string };
export const REPOSITORY_URL: string | undefined =
  typeof meta.repository === 'string' ? meta.repository : meta.repository?.url ?? meta.homepage;
