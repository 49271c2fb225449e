#!/usr/bin/env bash
# Annual reports: N power units (4 per emitter) × 12 APPROVED monthly deposits seeded in bulk on the embedded PostgreSQL,
# then every emitter's report read from the database and computed (twice: cold, warm). Prints units/s and peak heap.
# Usage: bench/reports.sh [units, default 10000]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_UNITS="${1:-10000}" ./mvnw -q -o test -Dtest=AnnualReportBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E "^BENCH|ERROR|FAIL" || true
