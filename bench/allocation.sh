#!/usr/bin/env bash
# Final allocation (pure method, no database): N generating units in a seeded national mix of entities of 1–6 units,
# categories I–IV, through FinalAllocation.compute per entity plus PreAllocation and TrueUp (twice: cold, warm).
# Prints units/s, peak heap and a checksum of the allowances.
# Usage: bench/allocation.sh [units, default 30000]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_UNITS="${1:-30000}" ./mvnw -q -o test -Dtest=AllocationBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E "^BENCH|ERROR|FAIL" || true
