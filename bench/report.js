'use strict';
// node report.js results.jsonl [--baselines baselines.jsonl]  -> markdown: load table, idle table,
// setup table, goals. Reads the JSON lines of stupy-load.js and of the peer's load-client.js.
const fs = require('fs');
const os = require('os');

const argv = process.argv.slice(2);
const file = argv[0];
const opt = (k) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const readJsonl = (f) =>
  f && fs.existsSync(f)
    ? fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l))
    : [];
const rows = readJsonl(file);
const baselines = readJsonl(opt('baselines'));

const scen = (r) => r.label.split(':')[0];
const modeOf = (r) => r.mode || (r.signalFrac === 1 ? 'signal' : r.label.split(':')[1] || 'chat');
const isBase = (r) => scen(r).startsWith('base-');
const isStupy = (r) => r.proto === 'stupy' || scen(r).startsWith('stupy') || isBase(r);
const nodesOf = (r) => r.nodes || (/-2n$/.test(scen(r)) ? 2 : 1);
const family = (r) => (isBase(r) ? 'base' : isStupy(r) ? 'stupy' : /^sio/.test(scen(r)) ? 'sio' : /^ws/.test(scen(r)) ? 'ws' : scen(r));
const sum = (xs) => (xs || []).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
const cores = (r) => sum(r.serverCpuPctExact || r.serverCpuPct) / 100;
const perCore = (r) => (r.aborted || r.skipped || !cores(r) ? null : r.deliveredPerSec / cores(r));
const usable = (r) => !r.aborted && !r.skipped;
const fmt = (x, d = 0) => (x == null || !Number.isFinite(x) ? '-' : Number(x).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
const ms = (x) => (x == null || !Number.isFinite(x) ? '-' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (a, b) => (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : a / b);
const x = (v) => (v == null ? '-' : `${v.toFixed(2)}×`);

function kbPerConn(r) {
  if (!usable(r)) return null;
  if (isStupy(r)) return r.mem ? (r.mode === 'idle' ? r.mem.rssEndKBPerConn : r.mem.rssEndKBPerConn) : null;
  const b = baselines.find((b) => b.scenario === scen(r));
  if (!b || !r.serverRssMB) return null;
  return (sum(r.serverRssMB) * 1024 - sum(b.rssKB)) / r.conns;
}
function errorsText(r) {
  if (!isStupy(r)) return '-';
  const e = Object.entries(r.errors || {});
  return e.length ? e.map(([k, v]) => `${k} ${v}`).join(', ') : '0';
}

const load = rows.filter((r) => modeOf(r) === 'chat' || modeOf(r) === 'signal');
const idle = rows.filter((r) => modeOf(r) === 'idle');
const peerOf = (r, fam) => {
  const cands = load.filter(
    (p) => family(p) === fam && usable(p) && nodesOf(p) === nodesOf(r) && modeOf(p) === modeOf(r) && p.ratePerClient === r.ratePerClient,
  );
  // prefer the cheap-client socket.io run (sioraw) over socket.io-client (sio)
  return cands.find((p) => scen(p).startsWith('sioraw')) || cands[0] || null;
};

const out = [];
const p = (s = '') => out.push(s);
const any = rows[0] || {};
p(`# Stupy vs peers — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
p();
p(`Machine: ${os.cpus().length} cores (${os.cpus()[0] ? os.cpus()[0].model : '?'}), client + servers + redis on the same box. ` +
  `Connections per load run: ${any.conns || '-'} (${any.rooms || '-'} rooms × 4). ` +
  `Deliveries per core-s = delivered/s ÷ server CPU in cores (redis not included). ` +
  `Ratios are Stupy ÷ peer, same nodes, mode and per-client rate: core-s × above 1 = Stupy more efficient; p99 × below 1 = Stupy faster.`);
p();

// ---------- load table ----------
p('## Chat and signal');
p();
p('| scenario | mode | rate/client | offered deliv/s | delivered/s | p50 ms | p99 ms | p999 ms | lost | error frames | server CPU % | redis CPU % | deliv per server core-s | RSS MB | RSS KB/conn | vs socket.io: core-s ×, p99 × | vs ws: core-s ×, p99 × | client CPU % | machine busy / other % |');
p('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const famOrder = { base: -1, stupy: 0, sio: 1, ws: 2 };
const sorted = [...load].sort(
  (a, b) =>
    (modeOf(a) === modeOf(b) ? 0 : modeOf(a) === 'chat' ? -1 : 1) ||
    (a.ratePerClient || 0) - (b.ratePerClient || 0) ||
    nodesOf(a) - nodesOf(b) ||
    (famOrder[family(a)] ?? 9) - (famOrder[family(b)] ?? 9),
);
for (const r of sorted) {
  if (r.aborted || r.skipped) {
    const why = r.aborted ? `**aborted**: ${String(r.aborted).replace(/\|/g, '/').slice(0, 120)}` : `skipped: ${r.skipped}`;
    p(`| ${scen(r)} | ${modeOf(r)} | ${r.ratePerClient ?? r.label.split(':')[2] ?? '-'} | | ${why} | | | | | | | | | | | | | | |`);
    continue;
  }
  let vsSio = '';
  let vsWs = '';
  if (isStupy(r)) {
    const s = peerOf(r, 'sio');
    const w = peerOf(r, 'ws');
    vsSio = s ? `${x(ratio(perCore(r), perCore(s)))}, ${x(ratio(r.p99ms, s.p99ms))}` : 'n/a';
    vsWs = w ? `${x(ratio(perCore(r), perCore(w)))}, ${x(ratio(r.p99ms, w.p99ms))}` : 'n/a';
  }
  p(
    `| ${scen(r)}${r.settled === false ? ' †' : ''} | ${modeOf(r)} | ${r.ratePerClient} | ${fmt(r.offeredDeliveriesPerSec)} | ${fmt(r.deliveredPerSec)} | ${ms(r.p50ms)} | ${ms(r.p99ms)} | ${ms(r.p999ms)} | ${fmt(r.lost)} | ${errorsText(r)} | ` +
      `${(r.serverCpuPct || []).join('+')} | ${r.redisCpuPct ?? '-'} | ${fmt(perCore(r))} | ${(r.serverRssMB || []).join('+')} | ${fmt(kbPerConn(r), 1)} | ${vsSio} | ${vsWs} | ${r.clientCpuPct} | ${r.machineBusyPct} / ${r.otherCpuPct} |`,
  );
}
p();
if (load.some((r) => r.settled === false))
  p(`† the server was still delivering an earlier run when this one started (no quiet 2 s within the settle limit): its numbers include that backlog.`);
if (load.some((r) => r.skipped)) p('Skipped: a sweep stops once a step delivers less than 85 % of what was offered (as in the peer\'s run.sh); the higher rates are not run.');
p('p999 is only measured by the Stupy client (the peer client reports p50/p90/p99/max). Stupy chat rows: latency is send → arrival at another member; the sender\'s own copy (its ack) is timed separately below. ' +
  'RSS KB/conn: Stupy = (RSS at the end of the run − RSS after setup, before any socket) ÷ connections; peers = (RSS at the end of the run − RSS of the fresh process) ÷ connections; a fresh Node process still holds start-up garbage that it frees later, so a peer value near or below 0 means that noise dominates (mostly with few connections).');
const stupyChat = sorted.filter((r) => isStupy(r) && usable(r) && modeOf(r) === 'chat');
if (stupyChat.length) {
  p();
  p('Stupy chat acks (sender\'s own copy): ' + stupyChat.map((r) => `${scen(r)} @${r.ratePerClient}/s p50 ${ms(r.ackP50ms)} / p99 ${ms(r.ackP99ms)} ms (missing ${r.acksMissing})`).join('; ') + '.');
}

// ---------- idle ----------
if (idle.length) {
  p();
  p('## Idle live connections (Stupy, 1 node, ping every 15 s)');
  p();
  p('| scenario | conns | idle window s | server CPU % | RSS MB before / with / end | RSS KB/conn (end) | RSS KB/conn (with, after GC) | heap MB before / with (after GC) | heap KB/conn | pongs / pings | closed by server | final chat: rooms fully delivered | setup s |');
  p('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of idle) {
    if (r.aborted) {
      p(`| ${scen(r)} | | | **aborted**: ${String(r.aborted).replace(/\|/g, '/').slice(0, 120)} | | | | | | | | | |`);
      continue;
    }
    const m = r.mem || {};
    const MB = (a) => (a || []).map((v) => (v == null ? '-' : Math.round(v / 1024))).join('+');
    p(
      `| ${scen(r)} | ${fmt(r.conns)} | ${fmt(r.idleSecs, 1)} | ${(r.serverCpuPctExact || r.serverCpuPct).join('+')} | ${MB(m.rssBeforeKB)} / ${MB(m.rssWithKB)} / ${MB(m.rssEndKB)} | ${fmt(m.rssEndKBPerConn, 1)} | ${fmt(m.rssKBPerConn, 1)} | ` +
        `${MB(m.heapBeforeKB)} / ${MB(m.heapWithKB)} | ${fmt(m.heapKBPerConn, 1)} | ${r.pongs} / ${r.pingsSent} | ${r.serverClosedConns} | ${r.finalCheckRoomsOk} / ${r.finalCheckRooms} (missing ${r.finalCheckMissing}, p99 ${ms(r.finalP99ms)} ms) | ${fmt(r.setupSecs, 1)} |`,
    );
  }
}

// ---------- setup ----------
const setupRows = [];
for (const r of rows) if (isStupy(r) && usable(r) && r.setup && !setupRows.find((s) => scen(s) === scen(r))) setupRows.push(r);
if (setupRows.length) {
  p();
  p('## Stupy setup (fresh server; 32 requests in flight; wall s, with the server CPU-s it cost)');
  p();
  p('| scenario | users | total s | login | rooms | joins | tickets | sockets (until welcome) | server CPU-s per user |');
  p('|---|---|---|---|---|---|---|---|---|');
  for (const r of setupRows) {
    const ph = (k) => {
      const s = r.setup[k] || {};
      return `${fmt(s.secs, 1)} s (cpu ${fmt(s.serverCpuSecs, 1)}, p50 ${ms(s.latP50ms)} ms)`;
    };
    const cpu = sum(Object.values(r.setup).map((s) => s.serverCpuSecs));
    p(`| ${scen(r)} | ${fmt(r.conns)} | ${fmt(r.setupSecs, 1)} | ${ph('login')} | ${ph('rooms')} | ${ph('joins')} | ${ph('tickets')} | ${ph('sockets')} | ${fmt((cpu / r.conns) * 1000, 1)} ms |`);
  }
}

// ---------- goals ----------
p();
p('## Goals');
p();
const find = (pred) => rows.find((r) => usable(r) && pred(r));
const skippedAt = (fam, nodes, mode, rate) => rows.find((r) => r.skipped && family(r) === fam && nodesOf(r) === nodes && modeOf(r) === mode && r.ratePerClient === rate);
const loadRow = (fam, nodes, mode, rate) => find((r) => family(r) === fam && nodesOf(r) === nodes && modeOf(r) === mode && r.ratePerClient === rate && (fam !== 'sio' || scen(r).startsWith('sioraw'))) ||
  find((r) => family(r) === fam && nodesOf(r) === nodes && modeOf(r) === mode && r.ratePerClient === rate);
const verdict = (ok) => (ok == null ? '**n/a**' : ok ? '**met**' : '**not met**');
const goals = [];

// 1) chat (stored) >= socket.io per core-s at 1,500 and 4,500 deliv/s (0.5 and 1.5 msgs/s/client x 1,000), p99 <= 10 ms
{
  const parts = [];
  let ok = true;
  let missing = false;
  for (const rate of [0.5, 1.5]) {
    const s = loadRow('stupy', 1, 'chat', rate);
    const q = loadRow('sio', 1, 'chat', rate);
    const sk = !s && skippedAt('stupy', 1, 'chat', rate);
    if (sk) {
      ok = false;
      parts.push(`@${rate}/s/client: Stupy ${sk.skipped}`);
      continue;
    }
    if (!s || !q) {
      missing = true;
      parts.push(`@${rate}/s/client: ${!s ? 'no stupy-1n run' : 'no socket.io 1-node run'}`);
      continue;
    }
    const good = perCore(s) >= perCore(q) && s.p99ms <= 10;
    ok = ok && good;
    parts.push(`@${fmt(s.offeredDeliveriesPerSec)} deliv/s: Stupy ${fmt(perCore(s))} vs ${scen(q)} ${fmt(perCore(q))} deliv/core-s (${x(ratio(perCore(s), perCore(q)))}), Stupy p99 ${ms(s.p99ms)} ms${s.errorsTotal ? `, ${s.errorsTotal} error frames` : ''}`);
  }
  goals.push(['Chat (stored) ≥ socket.io deliveries per server core-s at 1,500 and 4,500 deliv/s, p99 ≤ 10 ms', missing ? null : ok, parts.join('; ')]);
}
// 2) signal relay ahead of raw ws per core-s with p99 <= 5 ms at 15,000 deliv/s
{
  const s = loadRow('stupy', 1, 'signal', 15);
  const w = loadRow('ws', 1, 'signal', 15);
  const sk = !s && skippedAt('stupy', 1, 'signal', 15);
  goals.push([
    'Signal relay ahead of raw ws per server core-s, p99 ≤ 5 ms, at 15,000 deliv/s',
    sk ? false : s && w ? perCore(s) > perCore(w) && s.p99ms <= 5 : null,
    sk ? `Stupy ${sk.skipped}` : s && w
      ? `@${fmt(s.offeredDeliveriesPerSec)} deliv/s: Stupy ${fmt(perCore(s))} vs ws ${fmt(perCore(w))} deliv/core-s (${x(ratio(perCore(s), perCore(w)))}), Stupy p99 ${ms(s.p99ms)} ms (ws ${ms(w.p99ms)} ms)`
      : `${!s ? 'no stupy-1n signal run at 15/s/client' : ''}${!s && !w ? '; ' : ''}${!w ? 'no ws-1n signal run at 15/s/client' : ''}`,
  ]);
}
// 3) two nodes: chat and signals >= redis-adapter efficiency, no signal lost (errors = 0)
{
  const mine = rows.filter((r) => usable(r) && family(r) === 'stupy' && nodesOf(r) === 2 && ['chat', 'signal'].includes(modeOf(r)));
  const parts = [];
  let ok = mine.length > 0;
  const sk2 = rows.filter((r) => r.skipped && family(r) === 'stupy' && nodesOf(r) === 2);
  if (sk2.length) {
    ok = false;
    parts.push(`skipped: ${sk2.map((r) => `${modeOf(r)} @${r.ratePerClient}/s/client`).join(', ')} (${sk2[0].skipped})`);
  }
  let compared = 0;
  for (const s of mine) {
    const q = peerOf(s, 'sio');
    if (!q) continue;
    compared++;
    const good = perCore(s) >= perCore(q);
    ok = ok && good;
    parts.push(`${modeOf(s)} @${fmt(s.offeredDeliveriesPerSec)}: ${x(ratio(perCore(s), perCore(q)))} (${fmt(perCore(s))} vs ${fmt(perCore(q))})`);
  }
  const sig = mine.filter((r) => modeOf(r) === 'signal');
  const lost = sum(sig.map((r) => r.lost));
  const errs = sum(sig.map((r) => r.errorsTotal));
  if (sig.length) {
    ok = ok && lost === 0 && errs === 0;
    parts.push(`signals lost ${lost}, error frames ${errs} over ${sig.length} run(s)`);
  }
  goals.push([
    'Two nodes: chat and signals ≥ redis-adapter (socket.io, 2 nodes) deliveries per server core-s, no signal lost (errors = 0)',
    compared && sig.length ? ok : null,
    parts.length ? parts.join('; ') : 'no stupy-2n run with a matching socket.io 2-node run',
  ]);
}
// 4) <= 64 KB RSS per idle live connection at 5,000 and 10,000
{
  const parts = [];
  let ok = true;
  let missing = false;
  for (const n of [5000, 10000]) {
    const r = find((r) => modeOf(r) === 'idle' && r.conns === n);
    if (!r) {
      missing = true;
      parts.push(`${fmt(n)}: not run`);
      continue;
    }
    const kb = r.mem.rssEndKBPerConn;
    ok = ok && kb <= 64;
    parts.push(`${fmt(n)}: ${fmt(kb, 1)} KB RSS/conn (heap ${fmt(r.mem.heapKBPerConn, 1)} KB/conn; closed by server ${r.serverClosedConns}; final chat ${r.finalCheckRoomsOk}/${r.finalCheckRooms} rooms)`);
  }
  const others = idle.filter((r) => usable(r) && r.conns !== 5000 && r.conns !== 10000);
  for (const r of others) parts.push(`(also ${fmt(r.conns)}: ${fmt(r.mem.rssEndKBPerConn, 1)} KB/conn)`);
  goals.push(['≤ 64 KB RSS per idle live connection at 5,000 and 10,000', missing ? null : ok, parts.join('; ')]);
}
// 5) 1,000 users set up in <= 10 s
{
  const thousand = setupRows.filter((r) => r.conns === 1000);
  if (thousand.length) {
    const one = thousand.find((r) => nodesOf(r) === 1) || thousand[0];
    goals.push([
      '1,000 users set up in ≤ 10 s (login, rooms, joins, tickets, sockets)',
      one.setupSecs <= 10,
      thousand.map((r) => `${scen(r)}: ${fmt(r.setupSecs, 1)} s`).join('; '),
    ]);
  } else {
    goals.push([
      '1,000 users set up in ≤ 10 s (login, rooms, joins, tickets, sockets)',
      null,
      setupRows.length
        ? 'no 1,000-user run; measured ' + setupRows.map((r) => `${scen(r)}: ${fmt(r.conns)} users in ${fmt(r.setupSecs, 1)} s (≈ ${fmt((r.setupSecs / r.conns) * 1000, 1)} s per 1,000)`).join('; ')
        : 'no Stupy run',
    ]);
  }
}
// 6) idle node with 10,000 live connections < 10 % of a core
{
  const r = find((r) => modeOf(r) === 'idle' && r.conns === 10000);
  const others = idle.filter((q) => usable(q) && q.conns !== 10000).map((q) => `(also ${fmt(q.conns)}: ${fmt(sum(q.serverCpuPctExact || q.serverCpuPct), 1)} %)`);
  goals.push([
    'Idle node with 10,000 live connections < 10 % of a core',
    r ? sum(r.serverCpuPctExact || r.serverCpuPct) < 10 : null,
    [r ? `${fmt(sum(r.serverCpuPctExact || r.serverCpuPct), 1)} % of a core over ${fmt(r.idleSecs, 0)} s` : '10,000: not run', ...others].join(' '),
  ]);
}
p('| goal | verdict | numbers |');
p('|---|---|---|');
for (const [g, ok, n] of goals) p(`| ${g} | ${verdict(ok)} | ${n} |`);
p();
const noisy = rows.filter((r) => usable(r) && Number.isFinite(r.otherCpuPct) && r.otherCpuPct > 20);
if (noisy.length)
  p(`Noise: ${noisy.length} of ${rows.filter(usable).length} runs saw more than 20 % of a core used by other processes (column "other %"): ${noisy.map((r) => r.label).join(', ')}. Rerun those on a quiet machine before trusting them.`);
console.log(out.join('\n'));
