// The streams and environment a CLI command's main() is given in tests, with everything it wrote.
import type { Io } from '../../cli/io';

export function captureIo(env: Record<string, string | undefined>): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}
