#!/usr/bin/env bash
# Transparency log: N appends (each one leaf, its subtrees and a signed tree head, in its own transaction) on the
# embedded PostgreSQL, then 10,000 inclusion proofs built and verified, then a full audit. Usage: bench/notary.sh [appends, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_APPENDS="${1:-100000}" ./mvnw -q -o test -Dtest=NotaryBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E "^BENCH|ERROR|FAIL" || true
