#!/usr/bin/env bash
# Builds (Release, in build-bench/) and runs the Google Benchmark micro-benchmarks;
# arguments go to the benchmark binary, e.g.
#   bench/micro.sh --benchmark_min_time=2 --benchmark_filter=RuleMatch
# Installs libbenchmark-dev when missing: only benchmarking needs it, so plain
# scripts/setup does not (scripts/setup --bench does). What the figures mean: docs/performance.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup
if ! dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "micro: installing libbenchmark-dev" >&2
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libbenchmark-dev >/dev/null
fi

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DACTORGRAPH_BUILD_TESTS=OFF \
      -DACTORGRAPH_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build-bench -j"$(nproc)" --target actorgraph_micro_bench >/dev/null
exec build-bench/bench/actorgraph_micro_bench "$@"
