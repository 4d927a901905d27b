# Sourced by the bench scripts.

# check_inputs BINARY [CORPUS]: stops the script, saying why, when the binary is not
# built or the corpus cannot be read.
check_inputs() {
  [[ -x $1 ]] || { echo "bench: $1 is missing: build first (scripts/run)" >&2; exit 1; }
  [[ $# -lt 2 || -r $2 ]] || { echo "bench: cannot read $2 (is ../shared beside the checkout?)" >&2; exit 1; }
}

# corpus_cat FILE: the corpus's JSON Lines on stdout, decompressed when FILE ends in .zst
# or .gz.
corpus_cat() {
  case $1 in
    *.zst) zstd -dcq "$1" ;;
    *.gz) gzip -dc "$1" ;;
    *) cat "$1" ;;
  esac
}

# corpus_slice CORPUS MB: the first MB megabytes of CORPUS's JSON Lines on stdout, whole
# lines only (the last, cut line is dropped).
corpus_slice() {
  { corpus_cat "$1" || true; } | head -c $(($2 * 1000000)) | head -n -1
}

# wall_seconds CMD...: runs CMD (its stdout to stderr) and prints its wall time in seconds.
wall_seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >&2
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

# least BEST SECONDS: the smaller of the two; SECONDS when BEST is empty (the first run).
least() {
  if [[ -z $1 ]] || (( $(echo "$2 < $1" | bc -l) )); then echo "$2"; else echo "$1"; fi
}

# allowed_cpus: the cores this script may run on (its taskset affinity list, which in a
# container need not start at 0), one a line.
allowed_cpus() {
  taskset -pc $$ | sed 's/.*: //' | tr ',' '\n' |
    awk -F- '{ if (NF == 2) for (c = $1; c <= $2; c++) print c; else print $1 }'
}

# cache_as_read FILE: FILE in the page cache as a file read from disk is, whatever wrote
# it. A file just written stays cached in the small pages it was written into; read from
# disk, it is read ahead into large folios (2 MB pages on the development VM). ripgrep
# maps a file it is given, and walks a small-paged one some 60% slower (rg -c on AllSides
# in bench/compare.sh: 0.26-0.27 s as written, 0.16-0.17 s read back; see
# docs/performance.md, "The eighteenth round"). actorgraph's read() copies out of either
# at the same speed. So FILE is written out, dropped from the cache and read once: the
# state of a corpus on disk once a tool has read it.
cache_as_read() {
  python3 - "$1" <<'PY'
import os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
os.fsync(fd)  # dirty pages cannot be dropped
os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
os.close(fd)
PY
  # What stayed cached, when fincore can tell (a failing fincore does not stop the script).
  local left=""
  command -v fincore >/dev/null && left=$(fincore -nb -o RES "$1" 2>/dev/null | tr -d ' ') || left=""
  [[ -z $left || $left == 0 ]] || echo "bench: $1 could not be dropped from the page cache ($left bytes stayed)" >&2
  cat "$1" >/dev/null
}
