#!/usr/bin/env bash
# Deadline day for a province: N emitters × 4 units with the same due date, through the reminder job and the
# email outbox, on the embedded PostgreSQL. Prints the figures. Usage: bench/reminders.sh [emitters, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_EMITTERS="${1:-2000}" ./mvnw -q -o test -Dtest=RemindersBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E "^BENCH|ERROR|FAIL" || true
