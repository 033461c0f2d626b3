// Formats a bench run: aulaquiz and bare socket.io side by side, with the
// ratio aulaquiz ÷ bare, and the correctness counts that must be zero; over
// several rounds, the medians.

export function percentile(values, p) {
  if (!values.length) return NaN;
  const s = Float64Array.from(values).sort();
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const ms = (v) => (v === undefined || Number.isNaN(v) ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
const kb = (v) => (v === undefined || Number.isNaN(v) ? '–' : `${(v / 1024).toFixed(1)} KB`);
const n = (v) => (v === null || v === undefined ? '–' : String(v));

function rows(s, players) {
  const all = (key) => s.questions.flatMap((q) => q[key]);
  const maxLoop = (loops) => Math.max(0, ...loops.map((l) => l.maxMs));
  const stalls = (loops) => loops.reduce((t, l) => t + l.stalls, 0);
  const ackBytes = Math.max(0, ...s.hostAcks.filter((a) => a.event !== 'host:attach').map((a) => a.bytes));
  return [
    ['join storm (all acked)', s.join.stormMs ?? NaN, ms],
    ['join: server CPU', s.join.cpuMs ?? NaN, ms],
    ['join ack p99', percentile(s.join.latencies, 99), ms],
    ['answer ack p50', percentile(all('ackLatencies'), 50), ms],
    ['answer ack p99', percentile(all('ackLatencies'), 99), ms],
    ['open fan-out p99 (from host command)', percentile(all('openFanout'), 99), ms],
    // The close (to the first phone's result), then the results to every phone.
    [
      'first result, median of questions (from last answer sent)',
      percentile(
        s.questions.map((q) => q.firstResult),
        50,
      ),
      ms,
    ],
    ['result fan-out p99 (from last answer sent)', percentile(all('resultFanout'), 99), ms],
    ['podium fan-out p99 (from host command)', percentile(s.podium.fanout, 99), ms],
    ['podium bytes per phone', percentile(s.podium.bytes, 50), kb],
    ['largest host command ack', ackBytes, kb],
    ['lobby bytes to host', s.hostBytes, kb],
    ['server RSS per player (after joins)', s.rssPerPlayer ?? NaN, kb],
    ['server heap per player (after joins)', s.heapPerPlayer ?? NaN, kb],
    ['game: server CPU', s.gameCpuMs ?? NaN, ms],
    ['game: server CPU, event-loop thread only', s.gameLoopCpuMs ?? NaN, ms],
    ['longest event-loop stall: joins', maxLoop(s.join.loop), ms],
    ['longest event-loop stall: game', maxLoop(s.gameLoop), ms],
    ['stalls > 100 ms (joins + game)', stalls(s.join.loop) + stalls(s.gameLoop), n, true],
    ['join failures', s.join.failures.length, n, true],
    ['answer ack errors', all('ackErrors').length, n, true],
    ['dropped sockets', s.droppedCount, n, true],
    ['players without their result', s.questions.reduce((t, q) => t + q.missingResults, 0), n, true],
    ['players without the podium', s.podium.missing, n, true],
    ['acked answers: result says unanswered', s.questions.reduce((t, q) => t + q.lostInResults, 0), n, true],
    ['acked answers missing from history', s.missingFromHistory, n, true],
    ['questions completed', s.questions.length, n, true],
    [`acked answers (of ${players} × questions)`, s.ackedAnswers, n, true],
  ];
}

/** aulaquiz ÷ bare, for a measure (not a count) both sides have. */
function ratioOf(va, vb, count) {
  return !count && va !== undefined && vb !== undefined && vb > 0 && Number.isFinite(va) ? va / vb : undefined;
}
const times = (r) => (r === undefined ? '' : `×${r.toFixed(2)}`);

export function report(results, { players, mode, round = null }) {
  const a = results.aulaquiz;
  const b = results.bare;
  const ra = a && !a.broken ? rows(a, players) : null;
  const rb = b && !b.broken ? rows(b, players) : null;
  const base = ra ?? rb;
  if (!base) return 'no complete run';
  const title = `\n${players} players, ${mode}${round === null ? '' : `, round ${round}`}`;
  const lines = [title, `| metric | aulaquiz | bare socket.io | ratio |`, '|---|---|---|---|'];
  base.forEach(([label, , fmt, count], i) => {
    const va = ra?.[i][1];
    const vb = rb?.[i][1];
    lines.push(`| ${label} | ${va === undefined ? '–' : fmt(va)} | ${vb === undefined ? '–' : fmt(vb)} | ${times(ratioOf(va, vb, count))} |`);
  });
  for (const [k, v] of Object.entries(results)) if (v.failed) lines.push(`\n${k} FAILED (figures up to the failure): ${v.failed}`);
  for (const [k, v] of Object.entries(results)) if (!v.broken) lines.push(...causes(k, v));
  return lines.join('\n');
}

/** "CODE ×n, OTHER ×m", most frequent first. */
export function tally(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => y[1] - x[1])
    .map(([v, c]) => `${v} ×${c}`)
    .join(', ');
}

/** Why joins and answers were refused and sockets dropped: a failing run says what went wrong, not only how often. */
function causes(target, s) {
  const out = [];
  const answerErrors = s.questions.flatMap((q, i) => q.ackErrors.map((code) => `q${i} ${code}`));
  if (s.join.failures.length) out.push(`${target} join failures: ${tally(s.join.failures)}`);
  if (answerErrors.length) out.push(`${target} answer errors: ${tally(answerErrors)}`);
  if (s.dropped?.length) out.push(`${target} drops seen by clients: ${tally(s.dropped)}`);
  const server = Object.entries(s.serverDisconnects ?? {}).filter(([key]) => !key.endsWith('client namespace disconnect'));
  if (server.length) out.push(`${target} sockets the servers closed or lost (role: reason): ${server.map(([k, c]) => `${k} ×${c}`).join(', ')}`);
  for (const h of s.serverHostCloses ?? []) {
    if (h.reason !== 'client namespace disconnect') out.push(`${target} host socket on server ${h.server}: ${h.reason}${h.detail ? ` (${h.detail})` : ''}`);
  }
  return out.length ? ['', ...out] : [];
}

function median(values) {
  const known = values.filter((v) => v !== undefined && Number.isFinite(v)).sort((x, y) => x - y);
  if (!known.length) return undefined;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
}

/**
 * Several rounds of the same run: each measure's median on each side, and the
 * median of the ratios each round took (aulaquiz and bare one after the other,
 * on the machine as it was then); counts are added up over the rounds. On a
 * shared machine one round's ratio can be off by a factor of two either way.
 */
export function medianReport(rounds, { players, mode }) {
  const complete = rounds.filter((r) => r.aulaquiz && !r.aulaquiz.broken);
  if (!complete.length) return 'no complete round';
  const table = complete.map((r) => ({ a: rows(r.aulaquiz, players), b: r.bare && !r.bare.broken ? rows(r.bare, players) : null }));
  const lines = [
    `\n${players} players, ${mode}: medians of ${complete.length} rounds`,
    '| metric | aulaquiz | bare socket.io | ratio (median of rounds) | ratios by round |',
    '|---|---|---|---|---|',
  ];
  table[0].a.forEach(([label, , fmt, count], i) => {
    const va = table.map((t) => t.a[i][1]);
    const vb = table.map((t) => t.b?.[i][1]).filter((v) => v !== undefined);
    if (count) {
      const sum = (vs) => (vs.some((v) => v === null) ? null : vs.reduce((s, v) => s + v, 0));
      lines.push(`| ${label} | ${String(sum(va) ?? '–')} | ${vb.length ? String(sum(vb) ?? '–') : '–'} |  |  |`);
      return;
    }
    const ratios = table.map((t) => ratioOf(t.a[i][1], t.b?.[i][1], false));
    const ma = median(va);
    const mb = median(vb);
    lines.push(
      `| ${label} | ${ma === undefined ? '–' : fmt(ma)} | ${mb === undefined ? '–' : fmt(mb)} | ${times(median(ratios))} | ${ratios.map(times).join(' ')} |`,
    );
  });
  return lines.join('\n');
}
