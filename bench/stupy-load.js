'use strict';
// Load client for Stupy's live rooms (API.md: dev login, rooms, live tickets, /ws/rooms/{id}).
// Same measurement method as the peer's load-client.js (shared/bench/peer-socketio), written
// against Stupy's protocol:
//
//   node stupy-load.js --urls http://127.0.0.1:8080[,http://127.0.0.1:8081] --label stupy-1n
//        --phases chat:0.5,chat:1.5,signal:15 | --mode chat|signal|idle [--rate 0.5]
//        --rooms 250 | --conns 1000      [--per-room 4] [--secs 10] [--warmup 2] [--size 200] [--drain 5]
//        [--idle-secs 60] [--ping-every 15] [--idle-pct 15 --idle-wait 0] (idle gate before each phase)
//        [--settle-max 30] [--stop-below 0.85] [--chat-gap 10.5]
//        --pids 123[,456] [--redis-pid 789] [--out results.jsonl]
//        [--concurrency 32] [--deadline 150] [--jcmd /path/to/jcmd] [--no-heap]
//
// Setup, once (bounded concurrency, default 32 requests in flight): one dev login per client
// (fresh, unique nicknames <= 20 chars), member 0 of each room creates it (maxMembers = per-room),
// members 1..3 join, each client gets a live ticket and opens its WebSocket and waits for
// `welcome`. Tickets and sockets go in chunks of --chunk clients (tickets are single use and live
// 60 s). Each phase is timed, with the server CPU it cost. Member m of a room talks to
// urls[m % n] (HTTP and WebSocket), so with 2 nodes every room spans both nodes and every
// delivery crosses Redis, as in the peer client.
//
// Then each phase in turn on the same connections (setup is too slow to repeat per rate), one
// RESULT line and one JSON line (label "<label>:<mode>:<rate>") per phase:
// chat:R   each client sends {"type":"chat","clientMsgId","text"} at R msgs/s; the text carries the
//          send time and is padded so the frame is ~--size bytes. A delivery is the `chat` frame
//          received by one of the OTHER live members; the sender's own copy is its ack (counted
//          and timed separately). System notices (joined/left) are ignored. Chat phases are spaced
//          so the server's 20-per-10-s window never sees two phases at once.
// signal:R each client sends {"type":"signal","to","kind":"candidate","payload":{t,...}} at R
//          msgs/s to a random other member of its room (connection ids learned from welcome /
//          peer-joined); each signal is one delivery.
// idle     only {"type":"ping"} every --ping-every s per client (as the web app does) for
//          --idle-secs; server CPU, connections the server closed (must be 0), and at the end
//          member 0 of every room sends one chat, which all the other members must receive.
// Before each phase the client waits (at most --settle-max s, default 30) until no frame of an
// earlier phase has arrived for 2 s, so a server that fell behind does not carry its backlog into
// the next phase unnoticed (the row then says settled=false). As in the peer's run.sh, a sweep
// stops once a step delivers less than --stop-below (0.85) x offered: the higher rates of that
// mode are written as skipped rows ("saturated at ...").
//
// Window: deliveries received in [start + warmup, end of sending] / window length = delivered/s.
// Latency: percentiles over messages SENT inside that window (drained up to --drain s afterwards).
// CPU: /proc/<pid>/stat utime+stime of each server (and redis) over the window; the client's own
// CPU; machine busy from /proc/stat. Memory: VmRSS of each server and, for a Java pid, heap used
// after a full GC (jcmd GC.run, GC.heap_info), before the sockets open and with them open, and
// RSS at the end of each phase. Hard deadline for the whole process (--deadline s).
const { performance, monitorEventLoopDelay } = require('perf_hooks');
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const WebSocket = require('ws');

function parseArgs(argv) {
  const a = {};
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    if (!k.startsWith('--')) continue;
    const v = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
    a[k.slice(2)] = v;
  }
  return a;
}
const A = parseArgs(process.argv);
const URLS = (A.urls || 'http://127.0.0.1:8080').split(',').map((u) => u.replace(/\/$/, ''));
const PER_ROOM = Number(A['per-room'] || 4);
const ROOMS = A.conns ? Math.ceil(Number(A.conns) / PER_ROOM) : Number(A.rooms || 250);
const N = ROOMS * PER_ROOM;
const PHASES = (A.phases || `${A.mode || 'chat'}:${A.rate || (A.mode === 'idle' ? 0 : 1)}`).split(',').filter(Boolean).map((s) => {
  const [mode, rate] = s.split(':');
  if (!['chat', 'signal', 'idle'].includes(mode)) throw new Error(`unknown mode in phase '${s}'`);
  const r = mode === 'idle' ? 0 : Number(rate);
  if (mode !== 'idle' && !(r > 0)) throw new Error(`phase '${s}' needs a rate > 0 (msgs/s per client)`);
  return { mode, rate: r };
});
const SECS = Number(A.secs || 10); // send phase
const WARMUP = Number(A.warmup || 2);
const SIZE = Number(A.size || 200);
const DRAIN = Number(A.drain || 5);
const TIMELINE = !!process.env.TIMELINE; // env TIMELINE=1: print the worst latency per 250 ms of each load phase
const IDLE_SECS = Number(A['idle-secs'] || 60);
const PING_EVERY = Number(A['ping-every'] || 15);
const IDLE_PCT = Number(A['idle-pct'] || 15);
const IDLE_WAIT = Number(A['idle-wait'] || 0);
const CHAT_GAP = Number(A['chat-gap'] || 10.5); // s between chat phases (server: 20 chats / 10 s sliding window)
const SETTLE_MAX = Number(A['settle-max'] || 30); // s to wait for the server to finish delivering an earlier phase
const STOP_BELOW = Number(A['stop-below'] ?? 0.85); // a sweep stops once delivered/s < this x offered (0: never)
const CONC = Number(A.concurrency || 32);
const PROGRESS = A.quiet === undefined; // setup progress on stderr
const CHUNK = Number(A.chunk || 250); // tickets then sockets, this many clients at a time
const DEADLINE = Number(A.deadline || 150);
const LABEL = A.label || `stupy-${URLS.length}n`;
const PIDS = (A.pids || '').split(',').filter(Boolean).map(Number);
const REDIS_PID = A['redis-pid'] ? Number(A['redis-pid']) : null;
const OUT = A.out || '';
const HEAP = A['no-heap'] === undefined;
const JCMD = A.jcmd || (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'jcmd') : 'jcmd');
const HTTP_TIMEOUT_MS = Number(A['http-timeout'] || 30) * 1000;
const PREFIX = A.prefix || (Date.now() % 36 ** 7).toString(36) + (process.pid % 1296).toString(36); // <= 9 chars
const MARK = 'bench|'; // chat text: bench|<send time ms>|<phase no>|<client>|<seq>|<padding>
let PHASE_NO = 0; // frames of an earlier phase that arrive late are counted as stale, not as deliveries
let markedFrames = 0; // every chat/signal frame of this client's, any phase (to see when the server has gone quiet)
let lastChatFrameAt = -Infinity;
const phaseLabel = (p) => (p.mode === 'idle' ? `${LABEL}:idle` : `${LABEL}:${p.mode}:${p.rate}`);

const now = () => performance.timeOrigin + performance.now();
const T0 = now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let phase = 'start';
let current = PHASES[0];
const hard = setTimeout(() => {
  console.error(`DEADLINE ${DEADLINE}s exceeded in phase ${phase}; aborting (label=${LABEL})`);
  const rest = PHASES.slice(Math.max(0, PHASES.indexOf(current)));
  for (const p of rest) {
    console.log(`RESULT ${phaseLabel(p)} ABORTED deadline_${DEADLINE}s_in_${phase}`);
    if (OUT) fs.appendFileSync(OUT, JSON.stringify({ label: phaseLabel(p), proto: 'stupy', mode: p.mode, aborted: `deadline ${DEADLINE}s in ${phase}` }) + '\n');
  }
  process.exit(2);
}, DEADLINE * 1000);
hard.unref();

function abort(why) {
  console.error(`stupy-load: ${why}`);
  const rest = PHASES.slice(Math.max(0, PHASES.indexOf(current)));
  for (const p of rest) {
    console.log(`RESULT ${phaseLabel(p)} ABORTED ${why.replace(/\s+/g, '_').slice(0, 200)}`);
    if (OUT) fs.appendFileSync(OUT, JSON.stringify({ label: phaseLabel(p), proto: 'stupy', mode: p.mode, aborted: why }) + '\n');
  }
  process.exit(1);
}

// ---------- /proc sampling (Linux) ----------
const CLK_TCK = 100;
function procTicks(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime
  } catch {
    return NaN;
  }
}
function rssKB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}
function machineTicks() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { busy: f[0] + f[1] + f[2] + f[5] + f[6] + f[7], steal: f[7], soft: f[6] };
  } catch {
    return { busy: NaN, steal: NaN, soft: NaN };
  }
}
function isJava(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'java';
  } catch {
    return false;
  }
}
// Heap used after a full GC, in KB (null when not a Java pid or jcmd is unavailable).
function heapAfterGcKB(pid) {
  if (!HEAP || !isJava(pid)) return null;
  try {
    execFileSync(JCMD, [String(pid), 'GC.run'], { timeout: 30000, stdio: ['ignore', 'ignore', 'ignore'] });
    const info = execFileSync(JCMD, [String(pid), 'GC.heap_info'], { timeout: 30000, encoding: 'utf8' });
    // G1/Z/Shenandoah: one "... heap ... used NK" line; Serial/Parallel: one line per generation
    const whole = info.split('\n').find((l) => /(garbage-first|shenandoah|z) heap/i.test(l) && /used \d+K/.test(l));
    if (whole) return Number(/used (\d+)K/.exec(whole)[1]);
    let sum = 0;
    for (const l of info.split('\n'))
      if (/^\s*(def new generation|tenured generation|PSYoungGen|ParOldGen)/.test(l) && /used \d+K/.test(l))
        sum += Number(/used (\d+)K/.exec(l)[1]);
    return sum || null;
  } catch (e) {
    console.error(`jcmd ${pid} failed: ${e.message.split('\n')[0]}`);
    return null;
  }
}
function memSnap() {
  const heap = PIDS.map(heapAfterGcKB);
  return { t: now(), rssKB: PIDS.map(rssKB), heapKB: heap };
}
function cpuSnap() {
  return {
    t: now(),
    pids: PIDS.map(procTicks),
    redis: REDIS_PID ? procTicks(REDIS_PID) : NaN,
    self: process.cpuUsage(),
    mach: machineTicks(),
  };
}
// CPU between two snaps: % of one core per server, redis, client, machine (of 100 * nproc)
function cpuBetween(a, b) {
  const win = (b.t - a.t) / 1000;
  const pct = (x, y) => +((((y - x) / CLK_TCK) / win) * 100).toFixed(1);
  const server = PIDS.map((_, i) => pct(a.pids[i], b.pids[i]));
  const redis = REDIS_PID ? pct(a.redis, b.redis) : null;
  const self = +(((b.self.user - a.self.user + b.self.system - a.self.system) / 1e6 / win) * 100).toFixed(1);
  const mach = pct(a.mach.busy, b.mach.busy);
  return {
    secs: +win.toFixed(2),
    server,
    redis,
    self,
    mach,
    soft: pct(a.mach.soft, b.mach.soft),
    steal: pct(a.mach.steal, b.mach.steal),
    other: Math.round(mach - server.reduce((x, y) => x + y, 0) - (redis || 0) - self),
    serverCoreSecs: +(server.reduce((x, y) => x + y, 0) / 100 * win).toFixed(2),
  };
}

// ---------- stats ----------
function quantiles(arr, n) {
  const L = arr.subarray(0, n).sort();
  const q = (p) => (n ? +L[Math.min(n - 1, Math.floor(p * n))].toFixed(2) : null);
  return { p50: q(0.5), p90: q(0.9), p99: q(0.99), p999: q(0.999), max: n ? +L[n - 1].toFixed(2) : null, n };
}
class Samples {
  constructor(cap) {
    this.a = new Float64Array(Math.max(16, cap));
    this.n = 0;
    this.dropped = 0;
  }
  add(x) {
    if (this.n < this.a.length) this.a[this.n++] = x;
    else this.dropped++;
  }
  q() {
    return quantiles(this.a, this.n);
  }
}

// Per-phase counters: the socket handlers write into S, which each phase replaces.
function newStats(latCap, ackCap) {
  return {
    measStart: Infinity,
    measEnd: Infinity,
    deliveries: 0, // marked chat received by another member, or marked signal
    deliveriesInWindow: 0,
    acks: 0, // the sender's own copy of its chat
    lat: new Samples(Math.min(30e6, latCap)),
    ackLat: new Samples(Math.min(10e6, ackCap)),
    errors: {}, // error frames by code
    framesByType: {},
    serverClosed: {}, // close code -> count, for closes the client did not ask for
    systemChats: 0,
    foreignChats: 0,
    pongs: 0,
    peerLeft: 0,
    stale: 0, // frames of an earlier phase that arrived during this one
    worst: [],
  };
}
let S = newStats(16, 16);

function onDelivered(ts) {
  const t = now();
  S.deliveries++;
  if (t >= S.measStart && t < S.measEnd) S.deliveriesInWindow++;
  if (ts >= S.measStart && ts < S.measEnd) S.lat.add(t - ts);
  if (TIMELINE && ts >= S.measStart) {
    // the worst latency of the messages sent in each 250 ms, to see whether a p99 is a steady queue or stalls
    const b = Math.floor((ts - S.measStart) / 250);
    S.worst[b] = Math.max(S.worst[b] || 0, t - ts);
  }
}
function onAck(ts) {
  S.acks++;
  if (ts >= S.measStart && ts < S.measEnd) S.ackLat.add(now() - ts);
}

// Wait (bounded) until the machine is quiet; returns the last 1 s busy reading (% of one core).
async function idleGate(maxWaitS, thresholdPct) {
  const t0 = now();
  for (;;) {
    const a = machineTicks();
    await sleep(1000);
    const b = machineTicks();
    const busy = b.busy - a.busy;
    if (busy <= thresholdPct || now() - t0 > maxWaitS * 1000) return { busy, waitedSecs: +((now() - t0) / 1000 - 1).toFixed(1) };
  }
}

// ---------- HTTP (fetch, keep-alive) ----------
class HttpError extends Error {
  constructor(status, body, what) {
    super(`${what}: HTTP ${status} ${String(body).slice(0, 200)}`);
    this.status = status;
  }
}
async function http(base, method, p, token, body, what) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(base + p, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
  });
  const text = await r.text();
  if (r.status < 200 || r.status >= 300) throw new HttpError(r.status, text, what);
  return text ? JSON.parse(text) : null;
}

// Runs fn over items with at most CONC in flight; per-call latency and failures recorded.
async function pool(items, fn, stat) {
  let next = 0;
  const lats = new Samples(items.length);
  const fails = {};
  let firstError = null;
  await Promise.all(
    Array.from({ length: Math.min(CONC, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t = now();
        try {
          await fn(item);
          lats.add(now() - t);
        } catch (e) {
          const k = e.status ? `HTTP_${e.status}` : e.code || e.name || 'error';
          fails[k] = (fails[k] || 0) + 1;
          if (!firstError) firstError = e;
        }
      }
    }),
  );
  const q = lats.q();
  stat.calls = (stat.calls || 0) + items.length;
  stat.latP50ms = q.p50;
  stat.latP99ms = q.p99;
  for (const [k, v] of Object.entries(fails)) stat.fails = { ...(stat.fails || {}), [k]: ((stat.fails || {})[k] || 0) + v };
  return firstError;
}

// ---------- WebSocket client ----------
function openSocket(c) {
  return new Promise((resolve, reject) => {
    const u = `${c.url.replace(/^http/, 'ws')}/ws/rooms/${encodeURIComponent(c.roomId)}?ticket=${encodeURIComponent(c.ticket)}`;
    const ws = new WebSocket(u, { perMessageDeflate: false, handshakeTimeout: 20000 });
    c.ws = ws;
    c.closing = false;
    let welcomed = false;
    const timer = setTimeout(() => {
      if (!welcomed) {
        ws.terminate();
        reject(Object.assign(new Error('no welcome within 20 s'), { code: 'NO_WELCOME' }));
      }
    }, 20000);
    ws.on('error', (e) => {
      if (!welcomed) {
        clearTimeout(timer);
        reject(Object.assign(e, { code: e.code || 'WS_ERROR' }));
      }
    });
    ws.on('close', (code) => {
      if (!welcomed) {
        clearTimeout(timer);
        reject(Object.assign(new Error(`closed ${code} before welcome`), { code: `CLOSE_${code}` }));
      } else if (!c.closing) {
        S.serverClosed[code] = (S.serverClosed[code] || 0) + 1;
        c.dead = true;
      }
    });
    ws.on('message', (data) => {
      let m;
      try {
        m = JSON.parse(data);
      } catch {
        S.framesByType.unparsable = (S.framesByType.unparsable || 0) + 1;
        return;
      }
      const type = m.type;
      S.framesByType[type] = (S.framesByType[type] || 0) + 1;
      switch (type) {
        case 'chat': {
          const msg = m.message || {};
          if (msg.system) {
            S.systemChats++;
            break;
          }
          const text = msg.text || '';
          if (!text.startsWith(MARK)) {
            S.foreignChats++;
            break;
          }
          markedFrames++;
          lastChatFrameAt = now();
          const i1 = text.indexOf('|', MARK.length);
          const ts = Number(text.slice(MARK.length, i1));
          if (Number(text.slice(i1 + 1, text.indexOf('|', i1 + 1))) !== PHASE_NO) {
            S.stale++;
            break;
          }
          if (msg.userId === c.userId) onAck(ts);
          else {
            onDelivered(ts);
            if (text.includes('|final|')) c.finalGot = (c.finalGot || 0) + 1;
          }
          break;
        }
        case 'signal':
          if (m.payload && typeof m.payload.t === 'number') {
            markedFrames++;
            if (m.payload.ph === PHASE_NO) onDelivered(m.payload.t);
            else S.stale++;
          }
          break;
        case 'error':
          S.errors[m.code || 'UNKNOWN'] = (S.errors[m.code || 'UNKNOWN'] || 0) + 1;
          break;
        case 'pong':
          S.pongs++;
          break;
        case 'welcome':
          welcomed = true;
          clearTimeout(timer);
          c.connId = m.connectionId;
          c.peers = new Map((m.peers || []).map((p) => [p.connectionId, p.userId]));
          c.peerList = [...c.peers.keys()];
          resolve();
          break;
        case 'peer-joined':
          if (m.peer && c.peers) {
            c.peers.set(m.peer.connectionId, m.peer.userId);
            c.peerList = [...c.peers.keys()];
          }
          break;
        case 'peer-left':
          S.peerLeft++;
          if (c.peers) {
            c.peers.delete(m.connectionId);
            c.peerList = [...c.peers.keys()];
          }
          break;
        default:
          break;
      }
    });
  });
}

// ---------- payloads ----------
function padFor(sampleLen) {
  return 'x'.repeat(Math.max(0, SIZE - sampleLen));
}
const sampleT = now().toFixed(3);
const CHAT_PAD = padFor(
  JSON.stringify({ type: 'chat', clientMsgId: crypto.randomUUID(), text: `${MARK}${sampleT}|99|9999|999|` }).length,
);
const SIGNAL_PAD = padFor(
  JSON.stringify({
    type: 'signal',
    to: '01M8W5DNVW5KWDXD14E0NPMK4G',
    kind: 'candidate',
    payload: { t: Number(sampleT), ph: 99, c: 9999, s: 999, p: '' },
  }).length,
);


// ---------- setup ----------
const sum = (xs) => xs.reduce((x, y) => x + (Number.isFinite(y) ? y : 0), 0);
const mb = (kbs) => kbs.map((x) => (x == null || !Number.isFinite(x) ? '-' : Math.round(x / 1024))).join('+');

async function setupAll(clients, rooms) {
  const setup = { login: {}, rooms: {}, joins: {}, tickets: {}, sockets: {} };
  const timed = async (name, fn) => {
    phase = `setup:${name}`;
    const c0 = cpuSnap();
    const t = now();
    const err = await fn();
    const secs = (now() - t) / 1000;
    const c1 = cpuSnap();
    const s = setup[name];
    s.secs = +((s.secs || 0) + secs).toFixed(2);
    s.serverCpuSecs = +((s.serverCpuSecs || 0) + (sum(c1.pids) - sum(c0.pids)) / CLK_TCK).toFixed(2);
    s.clientCpuSecs = +((s.clientCpuSecs || 0) + (c1.self.user - c0.self.user + c1.self.system - c0.self.system) / 1e6).toFixed(2);
    if (err) abort(`setup ${name} failed: ${err.message} (failures: ${JSON.stringify(s.fails)})`);
    if (PROGRESS && (!['tickets', 'sockets'].includes(name) || s.calls === N || s.calls % 2000 === 0))
      console.error(`   setup ${name}: ${s.calls} done, ${s.secs} s so far`);
  };
  const t0 = now();
  // 1) dev logins (fresh users)
  await timed('login', () =>
    pool(clients, async (c) => {
      const r = await http(c.url, 'POST', '/api/auth/dev-login', null, { nickname: c.nickname }, 'dev-login');
      if (!r.newUser) throw Object.assign(new Error(`nickname ${c.nickname} already existed`), { code: 'NOT_NEW_USER' });
      c.token = r.token;
      c.userId = r.user.id;
    }, setup.login),
  );
  // 2) rooms, created by member 0
  await timed('rooms', () =>
    pool(rooms, async (members) => {
      const owner = members[0];
      const room = await http(owner.url, 'POST', '/api/rooms', owner.token,
        { title: `bench ${PREFIX} ${owner.room}`, description: 'benchmark room', maxMembers: Math.max(PER_ROOM, 2) }, 'create room');
      for (const c of members) c.roomId = room.id;
    }, setup.rooms),
  );
  // 3) the other members join
  await timed('joins', () =>
    pool(clients.filter((c) => c.member > 0), (c) => http(c.url, 'POST', `/api/rooms/${c.roomId}/members`, c.token, {}, 'join'), setup.joins),
  );
  const httpSecs = (now() - t0) / 1000;
  // memory before any live connection (after a full GC for Java servers); not counted as setup time
  phase = 'mem-before';
  const memBefore = memSnap();
  // 4) + 5) tickets, then sockets, CHUNK clients at a time
  const t1 = now();
  for (let i = 0; i < N; i += CHUNK) {
    const chunk = clients.slice(i, i + CHUNK);
    await timed('tickets', () =>
      pool(chunk, async (c) => {
        c.ticket = (await http(c.url, 'POST', `/api/rooms/${c.roomId}/live-ticket`, c.token, undefined, 'live-ticket')).ticket;
      }, setup.tickets),
    );
    await timed('sockets', () => pool(chunk, openSocket, setup.sockets));
  }
  const setupSecs = httpSecs + (now() - t1) / 1000;
  // let peer-joined frames settle; every client should know the other members of its room
  phase = 'settle';
  const settleEnd = now() + 5000;
  const knowsAll = () => clients.every((c) => c.peerList.length === PER_ROOM - 1);
  await sleep(500);
  while (!knowsAll() && now() < settleEnd) await sleep(100);
  const peersUnknown = clients.reduce((s, c) => s + (PER_ROOM - 1 - c.peerList.length), 0);
  phase = 'mem-with';
  const memWith = memSnap();
  return { setup, setupSecs: +setupSecs.toFixed(2), memBefore, memWith, peersUnknown };
}

// ---------- phases ----------
// Bounded wait until no chat/signal frame of ours has arrived for 2 s.
async function settleDown(maxS) {
  const t0 = now();
  let last = markedFrames;
  let quietSince = now();
  while (now() - t0 < maxS * 1000) {
    await sleep(200);
    if (markedFrames !== last) {
      last = markedFrames;
      quietSince = now();
    } else if (now() - quietSince >= 2000) return { secs: +((now() - t0) / 1000).toFixed(1), settled: true };
  }
  return { secs: +((now() - t0) / 1000).toFixed(1), settled: false };
}

async function runIdle(clients, rooms, res) {
  phase = 'idle';
  S = newStats(4 * N, 16);
  const start = now();
  const c0 = cpuSnap();
  let pinged = 0;
  const ping = JSON.stringify({ type: 'ping' });
  await new Promise((resolve) => {
    const iv = setInterval(() => {
      const t = now();
      // round-robin over clients: each one pings once per PING_EVERY s, staggered
      const target = Math.floor(((t - start) / 1000 / PING_EVERY) * N);
      while (pinged < target) {
        const c = clients[pinged % N];
        if (!c.dead && c.ws.readyState === WebSocket.OPEN) c.ws.send(ping);
        pinged++;
      }
      if (t - start >= IDLE_SECS * 1000) {
        clearInterval(iv);
        resolve();
      }
    }, 20);
  });
  const cpu = cpuBetween(c0, cpuSnap());
  const rssEnd = PIDS.map(rssKB);
  await sleep(300);
  // final check: one chat per room by member 0; all the others must get it
  phase = 'idle:final-check';
  const pongsInWindow = S.pongs;
  const closedInWindow = sum(Object.values(S.serverClosed));
  for (const c of clients) c.finalGot = 0;
  const tf = now();
  S.measStart = tf;
  for (const members of rooms) {
    const c = members[0];
    if (!c.dead && c.ws.readyState === WebSocket.OPEN)
      c.ws.send(JSON.stringify({ type: 'chat', clientMsgId: crypto.randomUUID(), text: `${MARK}${now().toFixed(3)}|${PHASE_NO}|${c.idx}|final|` }));
  }
  const roomOk = () => rooms.filter((m) => m.slice(1).every((c) => c.finalGot >= 1)).length;
  const finalDeadline = now() + 20000;
  while (roomOk() < ROOMS && now() < finalDeadline) await sleep(50);
  const L = S.lat.q();
  return Object.assign(res, {
    ratePerClient: 0,
    offeredDeliveriesPerSec: 0,
    deliveredPerSec: 0,
    idleSecs: cpu.secs,
    pingEverySecs: PING_EVERY,
    pingsSent: pinged,
    pongs: pongsInWindow,
    serverClosedConns: closedInWindow,
    serverCloseCodes: S.serverClosed,
    finalCheckRoomsOk: roomOk(),
    finalCheckRooms: ROOMS,
    finalCheckMissing: rooms.reduce((s, m) => s + m.slice(1).filter((c) => c.finalGot < 1).length, 0),
    finalCheckSecs: +((now() - tf) / 1000).toFixed(2),
    finalP50ms: L.p50,
    finalP99ms: L.p99,
    finalMaxms: L.max,
    _cpu: cpu,
    _rssEnd: rssEnd,
  });
}

async function runLoad(clients, p, res) {
  phase = `${p.mode}:${p.rate}`;
  const RATE = p.rate;
  const total = RATE * N; // sends/s
  const perClient = Math.max(1, Math.round(RATE * SECS));
  const totalMsgs = perClient * N;
  S = newStats(Math.ceil(totalMsgs * (p.mode === 'chat' ? PER_ROOM - 1 : 1) * 1.05) + 1000, p.mode === 'chat' ? totalMsgs + 1000 : 16);
  for (const c of clients) c.sentHere = 0;
  const eld = monitorEventLoopDelay({ resolution: 2 });
  const start = now();
  S.measStart = start + WARMUP * 1000;
  S.measEnd = start + SECS * 1000;
  let c0 = null;
  const startSnap = setTimeout(() => {
    c0 = cpuSnap();
    eld.enable();
  }, WARMUP * 1000);
  let sent = 0;
  let expected = 0;
  let sentChat = 0;
  let noPeer = 0;
  let skippedDead = 0;
  await new Promise((resolve) => {
    // one ticker, round-robin over clients: each client sends at RATE/s
    const iv = setInterval(() => {
      const t = now();
      const target = Math.min(totalMsgs, Math.floor(((t - start) / 1000) * total));
      while (sent < target) {
        const c = clients[sent % N];
        sent++;
        if (c.dead || c.ws.readyState !== WebSocket.OPEN) {
          skippedDead++;
          continue;
        }
        const seq = ++c.seq;
        const ts = now();
        if (p.mode === 'chat') {
          c.ws.send(JSON.stringify({ type: 'chat', clientMsgId: crypto.randomUUID(), text: `${MARK}${ts.toFixed(3)}|${PHASE_NO}|${c.idx}|${seq}|${CHAT_PAD}` }));
          expected += c.peerList.length;
          sentChat++;
        } else {
          if (!c.peerList.length) {
            noPeer++;
            continue;
          }
          const to = c.peerList[Math.floor(Math.random() * c.peerList.length)];
          c.ws.send(JSON.stringify({ type: 'signal', to, kind: 'candidate', payload: { t: ts, ph: PHASE_NO, c: c.idx, s: seq, p: SIGNAL_PAD } }));
          expected++;
        }
      }
      if (sent >= totalMsgs || t >= S.measEnd) {
        clearInterval(iv);
        resolve();
      }
    }, 1);
  });
  clearTimeout(startSnap);
  const c1 = cpuSnap();
  const rssEnd = PIDS.map(rssKB);
  eld.disable();
  const sendSecs = (now() - start) / 1000;
  phase = `${p.mode}:${p.rate}:drain`;
  const drainStart = now();
  while ((S.deliveries < expected || (p.mode === 'chat' && S.acks < sentChat)) && now() - drainStart < DRAIN * 1000) await sleep(20);
  const drainSecs = (now() - drainStart) / 1000;
  if (TIMELINE) {
    console.error(`timeline ${phase} from ${new Date(S.measStart).toISOString()}: worst ms per 250 ms of sends: ` +
      Array.from(S.worst, (v) => Math.round(v || 0)).join(' '));
  }
  if (!c0) abort('send phase shorter than the warm-up');
  const cpu = cpuBetween(c0, c1);
  const winMeas = (S.measEnd - S.measStart) / 1000;
  const L = S.lat.q();
  const AL = S.ackLat.q();
  return Object.assign(res, {
    ratePerClient: RATE,
    secs: SECS,
    msgsPerClient: perClient,
    offeredSendsPerSec: total,
    offeredDeliveriesPerSec: Math.round(total * (p.mode === 'chat' ? PER_ROOM - 1 : 1)),
    signalFrac: p.mode === 'signal' ? 1 : 0,
    sent,
    sentChat,
    expected,
    received: S.deliveries,
    lost: expected - S.deliveries,
    acks: S.acks,
    acksMissing: sentChat - S.acks,
    noPeer,
    skippedDead,
    deliveredPerSec: Math.round(S.deliveriesInWindow / winMeas),
    p50ms: L.p50,
    p90ms: L.p90,
    p99ms: L.p99,
    p999ms: L.p999,
    maxms: L.max,
    latSamples: L.n,
    ackP50ms: p.mode === 'chat' ? AL.p50 : null,
    ackP99ms: p.mode === 'chat' ? AL.p99 : null,
    ackP999ms: p.mode === 'chat' ? AL.p999 : null,
    sendSecs: +sendSecs.toFixed(2),
    drainSecs: +drainSecs.toFixed(2),
    serverClosedConns: sum(Object.values(S.serverClosed)),
    serverCloseCodes: S.serverClosed,
    clientLoopDelayP99ms: +(eld.percentile(99) / 1e6).toFixed(1),
    _cpu: cpu,
    _rssEnd: rssEnd,
  });
}

function report(res, ctx) {
  const { memBefore, memWith } = ctx;
  const cpu = res._cpu;
  const rssEnd = res._rssEnd;
  delete res._cpu;
  delete res._rssEnd;
  const perConn = (a, b) => (a.some(Number.isFinite) && b.some(Number.isFinite) ? +((sum(b) - sum(a)) / N).toFixed(2) : null);
  const heapOk = memBefore.heapKB.some((x) => x != null) && memWith.heapKB.some((x) => x != null);
  Object.assign(res, {
    errors: S.errors,
    errorsTotal: sum(Object.values(S.errors)),
    serverCpuPct: cpu.server.map((x) => Math.round(x)),
    serverCpuPctExact: cpu.server,
    redisCpuPct: cpu.redis == null ? null : Math.round(cpu.redis),
    clientCpuPct: Math.round(cpu.self),
    machineBusyPct: Math.round(cpu.mach),
    machineSoftirqPct: Math.round(cpu.soft),
    machineStealPct: Math.round(cpu.steal),
    otherCpuPct: cpu.other,
    windowSecs: cpu.secs,
    nproc: os.cpus().length,
    serverRssMB: rssEnd.map((x) => Math.round(x / 1024)),
    mem: {
      rssBeforeKB: memBefore.rssKB, // after setup's HTTP part, before any socket (after a full GC)
      rssWithKB: memWith.rssKB, // all sockets open (after a full GC)
      rssEndKB: rssEnd, // end of this phase
      heapBeforeKB: memBefore.heapKB,
      heapWithKB: memWith.heapKB,
      rssKBPerConn: perConn(memBefore.rssKB, memWith.rssKB),
      rssEndKBPerConn: perConn(memBefore.rssKB, rssEnd),
      heapKBPerConn: heapOk ? perConn(memBefore.heapKB, memWith.heapKB) : null,
    },
    setupSecs: ctx.setupSecs,
    setup: ctx.setup,
    peersUnknown: ctx.peersUnknown,
    connsClosedByServerSoFar: ctx.clients.filter((c) => c.dead).length,
    framesByType: S.framesByType,
    systemChats: S.systemChats,
    foreignChats: S.foreignChats,
    peerLeft: S.peerLeft,
    staleFrames: S.stale,
    totalSecs: +((now() - T0) / 1000).toFixed(2),
  });
  const ph = Object.entries(ctx.setup).map(([k, v]) => `${k}=${v.secs}s`).join(',');
  const errs = Object.entries(S.errors).map(([k, v]) => `${k}:${v}`).join(',') || '0';
  let line = `RESULT ${res.label} mode=${res.mode} conns=${N}` + (res.settled === false ? ` UNSETTLED(server_still_busy_after_${res.settleSecs}s)` : '');
  if (res.mode === 'idle')
    line += ` idle=${res.idleSecs}s pings=${res.pingsSent} pongs=${res.pongs} server_closed=${res.serverClosedConns}` +
      ` final_check=${res.finalCheckRoomsOk}/${ROOMS}_rooms(missing=${res.finalCheckMissing},p99=${res.finalP99ms}ms)`;
  else
    line += ` offered_deliv/s=${res.offeredDeliveriesPerSec} delivered/s=${res.deliveredPerSec} p50=${res.p50ms}ms p99=${res.p99ms}ms p999=${res.p999ms}ms lost=${res.lost}` +
      (res.mode === 'chat' ? ` ack_p50=${res.ackP50ms}ms ack_p99=${res.ackP99ms}ms acks_missing=${res.acksMissing}` : '');
  line +=
    ` errors=${errs} server_cpu%=${res.serverCpuPctExact.join('+')}` +
    (res.redisCpuPct != null ? ` redis_cpu%=${res.redisCpuPct}` : '') +
    ` rss_mb_before/with/end=${mb(memBefore.rssKB)}/${mb(memWith.rssKB)}/${mb(rssEnd)} rss_kb/conn=${res.mem.rssKBPerConn}` +
    (heapOk ? ` heap_mb_before/with=${mb(memBefore.heapKB)}/${mb(memWith.heapKB)} heap_kb/conn=${res.mem.heapKBPerConn}` : '') +
    ` setup=${ctx.setupSecs}s(${ph}) client_cpu%=${res.clientCpuPct} machine_busy%=${res.machineBusyPct}/${res.nproc * 100} other%=${res.otherCpuPct}`;
  console.log(line);
  if (OUT) fs.appendFileSync(OUT, JSON.stringify(res) + '\n');
}

async function main() {
  const clients = [];
  for (let r = 0; r < ROOMS; r++)
    for (let m = 0; m < PER_ROOM; m++) {
      const idx = r * PER_ROOM + m;
      clients.push({ idx, room: r, member: m, url: URLS[m % URLS.length], nickname: `b${PREFIX}-${idx}`, seq: 0, peerList: [] });
    }
  if (clients.some((c) => c.nickname.length > 20)) abort('nickname longer than 20 chars; use a shorter --prefix');
  const rooms = Array.from({ length: ROOMS }, (_, r) => clients.slice(r * PER_ROOM, (r + 1) * PER_ROOM));

  const ctx = await setupAll(clients, rooms);
  ctx.clients = clients;
  console.error(
    `setup ${N} clients in ${ctx.setupSecs}s: ` +
      Object.entries(ctx.setup).map(([k, v]) => `${k} ${v.secs}s (server ${v.serverCpuSecs} cpu-s, p50 ${v.latP50ms} ms)`).join(', ') +
      ` | rss MB before/with ${mb(ctx.memBefore.rssKB)}/${mb(ctx.memWith.rssKB)} heap MB ${mb(ctx.memBefore.heapKB)}/${mb(ctx.memWith.heapKB)}`,
  );
  let lastChatEnd = -Infinity;
  const saturated = {}; // mode -> the step that delivered less than STOP_BELOW x offered
  for (const p of PHASES) {
    current = p;
    PHASE_NO++;
    const base = { label: phaseLabel(p), proto: 'stupy', mode: p.mode, nodes: URLS.length, conns: N, rooms: ROOMS, perRoom: PER_ROOM };
    const sat = saturated[p.mode];
    if (sat && p.rate >= sat.rate) {
      const why = `saturated at ${sat.rate}/s/client (${sat.delivered} of ${sat.offered} deliv/s)`;
      console.log(`RESULT ${base.label} SKIPPED ${why.replace(/ /g, '_')}`);
      if (OUT) fs.appendFileSync(OUT, JSON.stringify({ ...base, ratePerClient: p.rate, skipped: why }) + '\n');
      continue;
    }
    // the server may still be delivering an earlier phase (a backlog): wait until our frames stop coming
    phase = `${p.mode}:settle`;
    const settle = await settleDown(SETTLE_MAX);
    // chat phases: keep the server's sliding 20-per-10-s window from seeing two phases
    if (p.mode !== 'signal') {
      const wait = Math.max(lastChatEnd, lastChatFrameAt) + CHAT_GAP * 1000 - now();
      if (wait > 0) {
        phase = `${p.mode}:gap`;
        await sleep(wait);
      }
    }
    phase = `${p.mode}:idle-gate`;
    const gate = IDLE_WAIT > 0 ? await idleGate(IDLE_WAIT, IDLE_PCT) : await idleGate(0, 1e9);
    const res = {
      ...base,
      settleSecs: settle.secs,
      settled: settle.settled,
      preRunMachineBusyPct: gate.busy,
      idleGateWaitedSecs: gate.waitedSecs,
    };
    if (p.mode === 'idle') await runIdle(clients, rooms, res);
    else await runLoad(clients, p, res);
    if (p.mode !== 'signal') lastChatEnd = now();
    if (p.mode !== 'idle' && STOP_BELOW > 0 && res.deliveredPerSec < STOP_BELOW * res.offeredDeliveriesPerSec)
      saturated[p.mode] = { rate: p.rate, delivered: res.deliveredPerSec, offered: res.offeredDeliveriesPerSec };
    report(res, ctx);
  }
  phase = 'close';
  for (const c of clients) {
    if (c.ws) {
      c.closing = true;
      try {
        c.ws.close();
      } catch {
        /* already gone */
      }
    }
  }
  setTimeout(() => process.exit(0), 300);
}

main().catch((e) => abort(`error: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' ') : e}`));
