#!/usr/bin/env bash
# Registry transfers: 1,000 funded emitter accounts (each with its organisation's API key) seeded on the embedded
# PostgreSQL 17, then C clients sending random transfers (1–10 t between random accounts) for S seconds, three times on
# the same server: pgbench -b tpcb-like -M prepared (Debian's /usr/bin/pgbench, scale ≥ C, in its own database),
# Registry.transfer (the application service, in-process) and POST /api/v1/registry/transfers (real HTTP, X-API-Key),
# plus a short HTTP Basic run; with rounds > 1 the three alternate, so that other load on the machine hits them alike.
# Prints TPS, p50/p99 latency, the ratios to pgbench (goal: service ≥ 0.7 × pgbench), CPU per transaction, what the
# server's backends wait for, checks (one ledger transfer per successful request, balances kept, the returned operation
# is the recorded one, the invariant check) and a one-client profile of a transfer's round trips and their server CPU
# next to tpcb-like's. Other knobs: BENCH_ACCOUNTS (1000), BENCH_WARMUP (10 s), BENCH_PGBENCH_SCALE (= clients),
# BENCH_BASIC_SECONDS (5, 0 = skip), BENCH_PROFILE_TRANSFERS (2000, 0 = skip the profile), BENCH_JFR_SECONDS (10,
# 0 = skip), BENCH_PERF_SECONDS (0; > 0 samples the PostgreSQL backends with /usr/bin/perf during a service run).
# Usage: bench/registry.sh [clients, default 8] [seconds, default 20] [rounds of the three, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_CLIENTS="${1:-8}" BENCH_SECONDS="${2:-20}" BENCH_ROUNDS="${3:-1}" ./mvnw -q -o test -Dtest=RegistryBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E "^BENCH|ERROR|FAIL" || true
