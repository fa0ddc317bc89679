#!/usr/bin/env bash
# The project's entry point. See README.md.
#   ./admin.sh run [--rows N] [--reset-admin]   start (or reuse) a local PostgreSQL unless one is configured, migrate, seed demo data, serve
#   ./admin.sh test             run every test against a throwaway PostgreSQL; prints "N passed, N failed"
#   ./admin.sh seed --rows N    load N more generated rows into the database `run` uses (prints rows/s)
#   ./admin.sh stop-db          stop the local PostgreSQL that `run` started
#   ./admin.sh load --base URL  virtual users with real circuits against a running app (tests/Admin.Load; see README)
#   ./admin.sh cluster up [--rows N] | status | drill | down   primary + standby, PgBouncers, Redis, 2 app nodes, HAProxy
set -euo pipefail
repo=$(cd "$(dirname "$0")" && pwd)
cmd=${1:-help}; shift || true
case "$cmd" in
  run)     exec "$repo/scripts/run.sh" "$@" ;;
  test)    exec "$repo/scripts/test.sh" "$@" ;;
  seed)    exec "$repo/scripts/seed.sh" "$@" ;;
  stop-db) exec "$repo/scripts/run.sh" --stop-db ;;
  load)    exec "$repo/scripts/load.sh" "$@" ;;
  cluster) exec "$repo/scripts/cluster.sh" "$@" ;;
  *)       sed -n '2,9p' "$0"; exit 2 ;;
esac
