/**
 * Readings of /proc for the scale part: the resident memory and CPU time of a process tree (a build
 * and every process it starts), and the busy time of the whole machine. Linux only.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface TreeSample {
  /** Resident memory of every process of the tree, summed (shared pages are counted once per process). */
  rssBytes: number;
  processes: number;
}

/** What /proc/<pid>/stat says of a process: its parent, its process group, its resident pages, its CPU time. */
export interface ProcStat {
  ppid: number;
  pgrp: number;
  rssPages: number;
  /** User and system time of the process itself (not of its children), in clock ticks. */
  cpuTicks: number;
}

/** The fields the bench reads from the text of a /proc/<pid>/stat. */
export function parseStat(stat: string): ProcStat {
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  // fields[0] is field 3 (state); ppid is field 4, pgrp 5, utime 14, stime 15, rss (pages) 24.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), pgrp: Number(fields[2]), rssPages: Number(fields[21]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

function readStat(pid: number | string): ProcStat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

/** A system constant from `getconf` (`fallback` when it cannot say). */
function getconf(name: string, fallback: number): number {
  const answer = spawnSync('getconf', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const value = Number(answer.stdout?.trim());
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const pageSize = () => getconf('PAGESIZE', 4096);
/** Clock ticks a second: the unit of the CPU times of /proc. */
export const clockTicks = () => getconf('CLK_TCK', 100);

/**
 * Busy clock ticks from the text of /proc/stat, all cores together: user, nice, system, irq, softirq
 * and steal of its first line (idle and iowait are not busy).
 */
export function parseBusyTicks(procStat: string): number {
  const [user, nice, system, , , irq, softirq, steal] = procStat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return user + nice + system + irq + softirq + (steal || 0);
}

/** CPU time the whole machine has spent busy since boot, all cores together, in clock ticks. */
export function machineBusyTicks(): number {
  try {
    return parseBusyTicks(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return 0;
  }
}

/**
 * The pids of the process `rootPid`, all its descendants, and any process of its process group (a
 * worker whose parent ended is re-parented but stays in the group). Reads every /proc/<pid>/stat.
 */
function treeMembers(rootPid: number): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (!stat) continue;
    const pid = Number(name);
    all.set(pid, stat);
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  const members = new Map<number, ProcStat>();
  for (const [pid, stat] of all) if (stat.pgrp === rootPid) members.set(pid, stat);
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const stat = all.get(pid);
    if (stat) members.set(pid, stat);
    queue.push(...(children.get(pid) ?? []));
  }
  return members;
}

const summed = (stats: Iterable<ProcStat>, page: number): TreeSample => {
  let rssBytes = 0;
  let processes = 0;
  for (const stat of stats) {
    // A zombie (ended, not yet reaped) has no memory and is not counted.
    if (stat.rssPages > 0) {
      rssBytes += stat.rssPages * page;
      processes++;
    }
  }
  return { rssBytes, processes };
};

/** One full reading of the tree of `rootPid` (see `createTreeSampler` for repeated readings). */
export function sampleProcessTree(rootPid: number): TreeSample {
  return summed(treeMembers(rootPid).values(), pageSize());
}

export interface TreeSampler {
  /** Reads the tree now. */
  read(): TreeSample;
  /** CPU time of every process seen in the tree so far (its last reading), seconds. */
  cpuSeconds(): number;
}

/**
 * A reader of the tree of `rootPid` for polling: reading every /proc/<pid>/stat costs tens of
 * milliseconds on a VM, too much every 100 ms on two cores, so the whole of /proc is listed only every
 * `rescanMs` (default 1 s) to find new processes, and in between only the known members are read.
 */
export function createTreeSampler(rootPid: number, rescanMs = 1_000): TreeSampler {
  const page = pageSize();
  const ticks = clockTicks();
  let members = new Map<number, ProcStat>();
  const cpuByPid = new Map<number, number>();
  let lastScan = -Infinity;
  return {
    read() {
      const now = performance.now();
      if (now - lastScan >= rescanMs) {
        lastScan = now;
        members = treeMembers(rootPid);
      } else {
        for (const pid of members.keys()) {
          const stat = readStat(pid);
          if (stat) members.set(pid, stat);
          else members.delete(pid);
        }
      }
      for (const [pid, stat] of members) cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, stat.cpuTicks));
      return summed(members.values(), page);
    },
    cpuSeconds() {
      let total = 0;
      for (const value of cpuByPid.values()) total += value;
      return total / ticks;
    },
  };
}
