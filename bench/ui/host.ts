/**
 * The browser host (out/main/host.js from the benchmark's copy of the build) on one database: started
 * as a child process, ready once it prints its address.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { NOW, root } from './config';

export interface Host {
  url: string;
  stop(): Promise<void>;
}

export function startHost(build: string, db: string): Promise<Host> {
  const child = spawn(
    process.execPath,
    [join(build, 'main', 'host.js'), '--db', db, '--renderer', join(build, 'renderer'), '--now', NOW],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let deadline: NodeJS.Timeout | undefined;
  return new Promise<Host>((resolveHost, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(out);
      if (m)
        resolveHost({
          url: m[1]!,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${err}`)));
    deadline = setTimeout(() => reject(new Error(`host did not start: ${out}${err}`)), 30_000);
  }).finally(() => clearTimeout(deadline));
}
