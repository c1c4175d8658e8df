// Minimal typings for picomatch 4 (the package ships none).
declare module 'picomatch' {
  interface PicomatchOptions {
    dot?: boolean;
    basename?: boolean;
    nocase?: boolean;
    windows?: boolean;
  }
  interface ScanResult {
    prefix: string;
    input: string;
    base: string;
    glob: string;
    isGlob: boolean;
    negated: boolean;
  }
  type Matcher = (test: string) => boolean;
  interface Picomatch {
    (glob: string | string[], options?: PicomatchOptions): Matcher;
    scan(input: string, options?: PicomatchOptions): ScanResult;
    isMatch(str: string, patterns: string | string[], options?: PicomatchOptions): boolean;
  }
  const picomatch: Picomatch;
  export = picomatch;
}
