# Sourced by the bench scripts. corpus_cat FILE: the corpus's JSON Lines on stdout,
# decompressed when FILE ends in .zst or .gz.
corpus_cat() {
  case $1 in
    *.zst) zstd -dcq "$1" ;;
    *.gz) gzip -dc "$1" ;;
    *) cat "$1" ;;
  esac
}
