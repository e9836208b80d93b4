#!/usr/bin/env python3
"""Prints the figures of one benchmarks/run.sh run against the targets of issue 6, as a Markdown table.

usage: summarize.py RESULTS_DIR
Reads what the tools wrote there: bdn/results/*-report-full.json (core latency), load-test.json,
index-build.json, cold-start.json, host-memory.json. A figure whose benchmark did not run shows as "not run".
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
    row("Cold start to first answer (ask CLI, seeds)", "< 2 s", ask and f"median {ask['medianMs'] / 1000:.2f} s", ask and ask["medianMs"] < 2000)
    mem = max((m for m in memory if m["gc"] == "server"), key=lambda m: m["documents"], default=None)
    row(f"Resident memory, {mem['documents'] if mem else '10k'} documents", "< 300 MB (10k documents)", mem and f"{mem['rssMb']:.0f} MB (peak {mem['peakRssMb']:.0f} MB, server GC)", mem and mem["rssMb"] < 300 and mem["documents"] >= 9000)
    out.append("| Broadcast: 10,000 deliveries within Teams-like limits | < 60 s, none lost | - | pending: delivery engine |")

    out.append("\nCore answer latency by corpus (BenchmarkDotNet, one question per iteration):\n")
    out.append("| Corpus | p50 ms | p95 ms | p99 ms | max ms | allocated per answer (mix mean) |")
    out.append("|---|---|---|---|---|---|")
    for c in sorted(core, key=lambda c: -1 if c == "seeds" else int(c.rstrip("k"))):
        p50, p95, p99, mx, alloc = core[c]
        out.append(f"| {c} | {p50:.2f} | {p95:.2f} | {p99:.2f} | {mx:.2f} | {alloc / 1024:.0f} KB |" if alloc else f"| {c} | {p50:.2f} | {p95:.2f} | {p99:.2f} | {mx:.2f} | - |")
    if loadtest:
        out.append("\nEnd to end, POST /api/messages to the answer at the loopback channel (open loop):\n")
        out.append("| Offered req/s | Sent/s | p50 ms | p90 ms | p99 ms | max ms | ack p50/p99 ms | errors | load avg |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for p in loadtest["phases"]:
            r, a = p["reply"], p["ack"]
            out.append(f"| {p['offeredRate']} | {p['achievedRate']:.0f} | {r['p50']:.2f} | {r['p90']:.2f} | {r['p99']:.2f} | {r['max']:.2f} | {a['p50']:.2f} / {a['p99']:.2f} | {p['errors']}/{p['sent']} | {p['loadAverage']} |")
    if index:
        out.append("\nIndex build (warm; first build with JIT in brackets) and memory of the build process:\n")
        out.append("| Corpus | Documents | Passages | Text MB | Index s | MB/s | Index CPU s | Agenda s (CPU s) | Peak RSS MB | RSS with index MB |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for r in index:
            out.append(f"| {r['corpus']} | {r['documents']} | {r['passages']} | {r['textMb']:.1f} | {r['warmIndexSeconds']:.2f} ({r['coldIndexSeconds']:.2f}) | {r['mbPerSecond']:.2f} | {r.get('indexCpuSeconds', 0):.2f} | {r['agendaSeconds']:.2f} ({r.get('agendaCpuSeconds', 0):.2f}) | {r['peakRssMb']:.0f} | {r['rssWithIndexMb']:.0f} |")
    if cold:
        out.append("\nCold start, process start to first answer:\n")
        out.append("| What | Corpus | Runs | Median s | Min s | Max s |")
        out.append("|---|---|---|---|---|---|")
        for r in cold:
            out.append(f"| {r['what']} | {r['corpus']} | {r['runs']} | {r['medianMs'] / 1000:.2f} | {r['minMs'] / 1000:.2f} | {r['maxMs'] / 1000:.2f} |")
    if memory:
        out.append("\nThe service's resident memory after answering its question mix three times:\n")
        out.append("| Corpus | Documents | GC | Ready s | RSS MB | Peak RSS MB |")
        out.append("|---|---|---|---|---|---|")
        for m in memory:
            out.append(f"| {m['corpus']} | {m['documents']} | {m['gc']} | {m['readyMs'] / 1000:.1f} | {m['rssMb']:.0f} | {m['peakRssMb']:.0f} |")
    machine = next((x.get("machine") for x in (index + cold + memory) if isinstance(x, dict) and x.get("machine")), loadtest and loadtest.get("machine"))
    if machine:
        out.append(f"\nMachine: {machine}")
    print("\n".join(out))

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
