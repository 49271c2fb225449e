#!/usr/bin/env bash
# Compliance on deadline day: BENCH_EMITTERS (3,000) fresh emitters — each a 2024 obligation and allowances, one in three
# a pending CCER lot, all made through the modules' public events (AllocationFinalised, IssuanceInstruction,
# CcerOffsetRequested) on the embedded PostgreSQL 17 — submit their surrender requests (Compliance.submit, in-process)
# in the last minute before the 2024 deadline (2025-12-31 23:59 China time, backdated per thread, advancing with real
# time) from C client threads, while P approver threads acting as the province officer zj.officer approve them;
# 2 % are rejected with two deficiencies, amended and approved, 1 % are sent twice and must replay.
# Prints the setup time, wall time for all submitted and all approved, submissions/s and approvals/s, p50/p95/p99/max
# latency of submit, approve, reject, amend and resend, errors by type, whether all were submitted within 60 s, then
# the checks that nothing was lost or doubled (standings, requests and revisions, the registry's effective surrenders,
# CCER lots, holdings, one registry operation per revision, the registry invariant check) and the time of the reads
# the workflow makes once the year's surrenders are in. Exits non-zero if a check fails.
# Other knobs: BENCH_EMITTERS (3000), BENCH_SETUP_THREADS (4), BENCH_REJECT_PERCENT (2), BENCH_RESEND_PERCENT (1),
# BENCH_CONCURRENT_RESENDS (0: that many emitters send their request twice at the same moment from two threads),
# BENCH_TIMEOUT (600 s).
# Usage: bench/compliance.sh [clients, default 8] [approvers, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
BENCH_CLIENTS="${1:-8}" BENCH_APPROVERS="${2:-2}" ./mvnw -q -o test -Dtest=ComplianceBench -Dsurefire.failIfNoSpecifiedTests=false >"$out" 2>&1 || status=$?
grep -E "^BENCH|ERROR|FAIL" "$out" || true
if [ "$status" -ne 0 ] || grep -q "^BENCH RESULT FAIL" "$out"; then
  echo "BENCH FAIL (maven exit status $status)"
  exit 1
fi
