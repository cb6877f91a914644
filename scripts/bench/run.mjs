/**
 * Runs a build as a child process and measures it: wall time, every output
 * line with the moment it arrived, and peak memory.
 *
 * Peak memory: the build runs under GNU time (`/usr/bin/time -v`) when it is
 * installed, whose "Maximum resident set size" is the largest single
 * process of the tree; in any case /proc is polled for the RSS of the whole
 * process tree added up (Astro, and anything it spawns, e.g. Pagefind). The
 * larger of the two is reported.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';

const TIME = '/usr/bin/time';
const PAGE = 4096;

function hasGnuTime() {
  if (!existsSync(TIME)) return false;
  try {
    // GNU time understands -v; BSD/busybox variants may not, so check its help.
    return readFileSync(TIME).includes('Maximum resident set size');
  } catch {
    return false;
  }
}

/** The summed RSS (bytes) of `root` and all its descendants, from /proc. */
export function treeRss(root) {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  const children = new Map();
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command may hold spaces and parentheses: fields follow the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      total += Number(statm[1]) * PAGE;
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Spawns `command args`, streaming its output line by line to `onLine(text,
 * ms)` (ms since the start) and to `logFile`, each line there prefixed with
 * the seconds since the start.
 * Resolves { status, ms, lines, peakRss, gnuMaxRss, treePeakRss, rssSamples, cpuSeconds }
 * (rssSamples: { ms, bytes } of the process tree at each poll; cpuSeconds:
 * user + system time, with GNU time only).
 */
export function measure(command, args, { cwd, env, logFile, onLine = () => {}, pollMs = 250 } = {}) {
  const useTime = hasGnuTime();
  const timeOut = logFile ? `${logFile}.time` : undefined;
  const argv = useTime && timeOut ? [TIME, '-v', '-o', timeOut, command, ...args] : [command, ...args];
  const log = logFile ? createWriteStream(logFile) : undefined;
  const lines = [];
  const started = performance.now();
  const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let treePeakRss = 0;
  const rssSamples = [];
  const poll = setInterval(() => {
    const bytes = treeRss(child.pid);
    rssSamples.push({ ms: performance.now() - started, bytes });
    treePeakRss = Math.max(treePeakRss, bytes);
  }, pollMs);
  const take = (stream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const ms = performance.now() - started;
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      for (const text of parts) {
        lines.push({ ms, text });
        log?.write(`${(ms / 1000).toFixed(3).padStart(9)}  ${text}\n`);
        onLine(text, ms);
      }
    });
    stream.on('end', () => {
      if (rest) {
        const ms = performance.now() - started;
        lines.push({ ms, text: rest });
        log?.write(`${(ms / 1000).toFixed(3).padStart(9)}  ${rest}\n`);
        onLine(rest, ms);
      }
    });
  };
  take(child.stdout);
  take(child.stderr);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      clearInterval(poll);
      log?.end();
      let gnuMaxRss;
      let cpuSeconds;
      if (useTime && timeOut && existsSync(timeOut)) {
        const report = readFileSync(timeOut, 'utf8');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (m) gnuMaxRss = Number(m[1]) * 1024;
        // CPU time of the whole tree (children that were waited for included):
        // much less disturbed than wall time by other work on the machine.
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
        if (user && sys) cpuSeconds = Number(user[1]) + Number(sys[1]);
      }
      resolvePromise({ status, ms, lines, treePeakRss, rssSamples, gnuMaxRss, cpuSeconds, peakRss: Math.max(treePeakRss, gnuMaxRss ?? 0) });
    });
  });
}
