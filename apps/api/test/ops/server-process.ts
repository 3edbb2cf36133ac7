import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real server (src/server.ts) in a child process on `dbPath`, and the CLI scripts with the same settings. */
const apiDir = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export interface ServerProcess {
  pid: number;
  /** tsx runs the script in a node process of its own: the process and its children. */
  processes: () => number[];
  stop: () => Promise<void>;
  runCli: (name: string, ...args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function envFor(dbPath: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env, DATABASE_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'false',
    BACKUP_INTERVAL_HOURS: '0', LOG_LEVEL: 'silent', WEB_DIST: `${dbPath}.no-web`, NODE_ENV: 'test',
  };
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, [script, ...args], { cwd: apiDir, env });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; });
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the server and resolves once it listens; rejects with its output if it exits first. */
export function startServer(dbPath: string): Promise<ServerProcess> {
  const port = 20000 + Math.floor(Math.random() * 30000);
  const env = envFor(dbPath, port);
  const child = spawn(tsx, ['src/server.ts'], { cwd: apiDir, env });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start: ${output}`)); }, 30_000);
    child.stderr.on('data', (d: Buffer) => { output += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${output}`)); });
    child.stdout.on('data', (d: Buffer) => {
      output += d;
      if (!output.includes('running at')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        pid: child.pid!,
        processes: () => [child.pid!, ...childrenOf(child.pid!)],
        stop: () => new Promise<void>((done) => { child.on('exit', () => done()); child.kill('SIGTERM'); }),
        runCli: (name, ...args) => run(`src/cli/${name}.ts`, args, env),
      });
    });
  });
}
