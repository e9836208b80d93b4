#!/usr/bin/env python3
"""Prints the figures of one benchmarks/run.sh run against the targets of issue 6, as a Markdown table.

usage: summarize.py RESULTS_DIR
Reads what the tools wrote there: bdn/results/*-report-full.json (core latency), load-test.json,
index-build.json, cold-start.json, host-memory.json, broadcast.json. A figure whose benchmark did not run shows as "not run".
"""
import glob, json, os, sys

def load(folder, name):
    path = os.path.join(folder, name)
    return json.load(open(path)) if os.path.exists(path) else None

def pct(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    rank = p / 100 * (len(v) - 1)
    lo = int(rank)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (rank - lo) * (v[hi] - v[lo])

def core_rows(folder):
    rows = {}
    for path in glob.glob(os.path.join(folder, "bdn", "results", "*-report-full.json")):
        for b in json.load(open(path)).get("Benchmarks", []):
            corpus = b.get("Parameters", "").split("=")[-1]
            values = [v / 1e6 for v in (b.get("Statistics") or {}).get("OriginalValues", [])]
            # BenchmarkDotNet's MemoryDiagnoser sees one invocation (one question); the setup measures the whole mix.
            mix = load(folder, f"core-allocations-{corpus}.json")
            alloc = mix["allocatedKbPerAnswer"] * 1024 if mix else None
            if values:
                rows[corpus] = (pct(values, 50), pct(values, 95), pct(values, 99), max(values), alloc)
    return rows

def main(folder):
    core = core_rows(folder)
    loadtest = load(folder, "load-test.json")
    index = load(folder, "index-build.json") or []
    cold = load(folder, "cold-start.json") or []
    memory = load(folder, "host-memory.json") or []
    broadcast = load(folder, "broadcast.json") or []
    out = []
    def row(figure, target, measured, ok):
        mark = "not run" if measured is None else ("met" if ok else "**missed**")
        out.append(f"| {figure} | {target} | {measured if measured is not None else '-'} | {mark} |")

    out.append(f"Run {os.path.basename(os.path.normpath(folder))}\n")
    out.append("| Figure | Target | Measured | |")
    out.append("|---|---|---|---|")
    s = core.get("seeds")
    row("Core answer p99, seeds", "< 2 ms", s and f"p50 {s[0]:.2f} / p95 {s[1]:.2f} / p99 {s[2]:.2f} ms", s and s[2] < 2)
    big = max((c for c in core if c != "seeds"), key=lambda c: int(c.rstrip("k")), default=None)
    b = core.get(big) if big else None
    row(f"Core answer p99, {big or '100k'} passages", "< 10 ms (100k)", b and f"p50 {b[0]:.2f} / p95 {b[1]:.2f} / p99 {b[2]:.2f} ms", b and b[2] < 10 and big == "100k")
    phase = None
    if loadtest:
        phase = next((p for p in loadtest["phases"] if p["offeredRate"] == 500), loadtest["phases"][-1])
    row("End-to-end p50 at 500 req/s", "< 5 ms", phase and f"{phase['reply']['p50']:.2f} ms ({phase['offeredRate']} req/s)", phase and phase["reply"]["p50"] < 5)
    row("End-to-end p99 at 500 req/s", "< 20 ms", phase and f"{phase['reply']['p99']:.2f} ms, {phase['errors']} errors of {phase['sent']}", phase and phase["reply"]["p99"] < 20 and phase["errors"] == 0)
    largest = max(index, key=lambda r: r["passages"], default=None)
    cpu_rate = largest and largest.get("indexCpuSeconds") and largest["textMb"] / largest["indexCpuSeconds"]
    row("Index build throughput", ">= 5 MB/s", largest and f"{largest['mbPerSecond']:.2f} MB/s ({largest['corpus']}, {largest['textMb']:.1f} MB)"
        + (f"; {cpu_rate:.2f} MB per CPU-second" if cpu_rate else ""), largest and largest["mbPerSecond"] >= 5)
    ask = next((r for r in cold if r["what"] == "ask CLI" and r["corpus"] == "seeds"), None)
    r2r = next((r for r in cold if r["what"].startswith("ask CLI, published") and r["corpus"] == "seeds"), None)
    row("Cold start to first answer (ask CLI, seeds)", "< 2 s", ask and (f"median {ask['medianMs'] / 1000:.2f} s (build output)"
        + (f"; {r2r['medianMs'] / 1000:.2f} s published ReadyToRun" if r2r else "")), ask and min(ask["medianMs"], r2r["medianMs"] if r2r else 1e9) < 2000)
    mem = max((m for m in memory if m["gc"] == "server"), key=lambda m: m["documents"], default=None)
    row(f"Resident memory, {mem['documents'] if mem else '10k'} documents", "< 300 MB (10k documents)", mem and f"{mem['rssMb']:.0f} MB (peak {mem['peakRssMb']:.0f} MB, server GC)", mem and mem["rssMb"] < 300 and mem["documents"] >= 9000)
    if broadcast:
        parts = [f"{b['deliverySeconds']:.1f} s at {b['appPerSecond']}/s (minimum {b['minimumSeconds']:.0f} s)" for b in broadcast]
        clean = all(b["missing"] == 0 and b["doubled"] == 0 and b["failed"] == 0 and b["complete"] for b in broadcast)
        met = clean and any(b["deliverySeconds"] < 60 for b in broadcast)
        n = broadcast[0]["conversations"]
        row(f"Broadcast: {n:,} deliveries within Teams-like limits", "< 60 s, none lost",
            "; ".join(parts) + (", none lost, none doubled" if clean else ", SOME LOST OR DOUBLED"), met and n >= 10000)
    else:
        row("Broadcast: 10,000 deliveries within Teams-like limits", "< 60 s, none lost", None, False)

    def table(title, columns, rows):
        out.append(f"\n{title}\n")
        out.append("| " + " | ".join(columns) + " |")
        out.append("|" + "---|" * len(columns))
        out.extend("| " + " | ".join(str(c) for c in r) + " |" for r in rows)

    table("Core answer latency by corpus (BenchmarkDotNet, one question per iteration):",
          ["Corpus", "p50 ms", "p95 ms", "p99 ms", "max ms", "allocated per answer (mix mean)"],
          [[c, f"{p50:.2f}", f"{p95:.2f}", f"{p99:.2f}", f"{mx:.2f}", f"{alloc / 1024:.0f} KB" if alloc else "-"]
           for c, (p50, p95, p99, mx, alloc) in sorted(core.items(), key=lambda kv: -1 if kv[0] == "seeds" else int(kv[0].rstrip("k")))])
    cpu = lambda v: "-" if v is None else f"{v:.2f}"
    if loadtest:
        table("End to end, POST /api/messages to the answer at the loopback channel (open loop):",
              ["Offered req/s", "Sent/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "ack p50/p99 ms", "errors", "host CPU ms/req", "generator+channel CPU ms/req", "load avg"],
              [[p["offeredRate"], f"{p['achievedRate']:.0f}", f"{p['reply']['p50']:.2f}", f"{p['reply']['p90']:.2f}", f"{p['reply']['p99']:.2f}", f"{p['reply']['max']:.2f}",
                f"{p['ack']['p50']:.2f} / {p['ack']['p99']:.2f}", f"{p['errors']}/{p['sent']}", cpu(p.get("hostCpuMsPerRequest")), cpu(p.get("toolCpuMsPerRequest")), p["loadAverage"]]
               for p in loadtest["phases"]])
    if broadcast:
        full = lambda b: b["perSecond"][1:-1] or b["perSecond"]
        table("Broadcast to every subscriber through POST /admin/broadcasts, channel with Teams' per-conversation limits and the global limit shown:",
              ["Conversations", "App limit /s", "Minimum s", "Enqueue ms", "Last delivery s", "Mean /s", "Per second (median, min-max)", "429s", "Attempts", "Sent / failed", "Missing / doubled", "Host CPU s", "load avg"],
              [[b["conversations"], b["appPerSecond"], f"{b['minimumSeconds']:.0f}", f"{b['enqueueMs']:.0f}", f"{b['deliverySeconds']:.1f}", f"{b['meanPerSecond']:.1f}",
                f"{sorted(full(b))[len(full(b)) // 2]} ({min(full(b))}-{max(full(b))})", b["throttled"], b["attempts"], f"{b['sent']} / {b['failed']}", f"{b['missing']} / {b['doubled']}",
                cpu(b.get("hostCpuSeconds")), b["loadAverageBefore"]] for b in broadcast])
    if index:
        table("Index build (warm; first build with JIT in brackets) and memory of the build process:",
              ["Corpus", "Documents", "Passages", "Text MB", "Index s", "MB/s", "Index CPU s", "Agenda s (CPU s)", "Peak RSS MB", "RSS with index MB"],
              [[r["corpus"], r["documents"], r["passages"], f"{r['textMb']:.1f}", f"{r['warmIndexSeconds']:.2f} ({r['coldIndexSeconds']:.2f})", f"{r['mbPerSecond']:.2f}",
                f"{r.get('indexCpuSeconds', 0):.2f}", f"{r['agendaSeconds']:.2f} ({r.get('agendaCpuSeconds', 0):.2f})", f"{r['peakRssMb']:.0f}", f"{r['rssWithIndexMb']:.0f}"] for r in index])
    if cold:
        table("Cold start, process start to first answer:", ["What", "Corpus", "Runs", "Median s", "Min s", "Max s", "CPU s (median)"],
              [[r["what"], r["corpus"], r["runs"], f"{r['medianMs'] / 1000:.2f}", f"{r['minMs'] / 1000:.2f}", f"{r['maxMs'] / 1000:.2f}",
                f"{r['medianCpuMs'] / 1000:.2f}" if r.get("medianCpuMs") else "-"] for r in cold])
    if memory:
        table("The service's resident memory after answering its question mix three times:", ["Corpus", "Documents", "GC", "Ready s", "RSS MB", "Peak RSS MB"],
              [[m["corpus"], m["documents"], m["gc"], f"{m['readyMs'] / 1000:.1f}", f"{m['rssMb']:.0f}", f"{m['peakRssMb']:.0f}"] for m in memory])
    machine = next((x.get("machine") for x in (index + cold + memory + broadcast) if isinstance(x, dict) and x.get("machine")), loadtest and loadtest.get("machine"))
    if machine:
        out.append(f"\nMachine: {machine}")
    print("\n".join(out))

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
