#!/usr/bin/env bash
# Imports the three Phoenix actor dictionaries of ../shared/petrarch2 with
# `actorgraph import petrarch`, checks counts and known entries, that the output is
# the same on a second run, and that `build --rules rules --rules DIR` finds actors only
# the imported dictionaries know, with their codes, in the JSON-LD; and that loading
# them takes seconds. Exits 77 (a skip for ctest) when ../shared is absent.
# usage: import_shared.sh ACTORGRAPH SOURCE_DIR SHARED_DIR
set -euo pipefail
cli=$1
src=$2
shared=$3
dicts=("$shared/petrarch2/Phoenix.Countries.actors.txt" "$shared/petrarch2/Phoenix.International.actors.txt"
       "$shared/petrarch2/Phoenix.MilNonState.actors.txt")
for f in "${dicts[@]}"; do
  if [[ ! -f "$f" ]]; then
    echo "petrarch_import_shared: SKIP: $f is missing (../shared is not beside the checkout)" >&2
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}

"$cli" import petrarch "${dicts[@]}" -o "$tmp/a" > "$tmp/summary.txt"
"$cli" import petrarch "${dicts[@]}" -o "$tmp/b" > /dev/null
cat "$tmp/summary.txt"
check "three files written" test -f "$tmp/a/Phoenix.Countries.actors.tsv" -a -f "$tmp/a/Phoenix.International.actors.tsv" \
  -a -f "$tmp/a/Phoenix.MilNonState.actors.tsv"
check "same output on a second run" diff -r "$tmp/a" "$tmp/b"
check "the MIT notice in every header" test "$(grep -l '^# The MIT License' "$tmp"/a/*.tsv | wc -l)" -eq 3

# Counts: the Phoenix files hold about 26,000 actors; far fewer means entries were lost.
total=$(sed -n 's/^total: \([0-9]*\) actors, \([0-9]*\) aliases, \([0-9]*\) roles$/\1 \2 \3/p' "$tmp/summary.txt")
read -r actors aliases roles <<< "$total"
check "at least 20000 actors (got $actors)" test "$actors" -ge 20000
check "at least 3000 aliases (got $aliases)" test "$aliases" -ge 3000
check "at least 20000 roles (got $roles)" test "$roles" -ge 20000
check "every data line has six columns" \
  test "$(grep -hv '^#' "$tmp"/a/*.tsv | awk -F'\t' 'NF != 6' | wc -l)" -eq 0

line() { grep -h -P "^$1\t" "$tmp"/a/*.tsv; }
check "a country: Syria, SYR" test "$(line Syria)" = "$(printf 'Syria\tCountry\tSYR\t\t\t')"
check "a head of state with a dated role: Bashar al-Assad, SYR GOV from 2000-07-17" \
  bash -c "grep -hP '^Bashar al-Assad\tPerson\t' $tmp/a/*.tsv | grep -q 'SYR GOV 2000-07-17\.\.'"
check "Hamid Karzai, AFG GOV from 2001-12-22" \
  bash -c "grep -hP '^Hamid Karzai\tPerson\t' $tmp/a/*.tsv | grep -q 'AFG GOV 2001-12-22\.\.'"
check "a surname alone is not an alias (Karzai)" bash -c "! grep -hP '^Hamid Karzai\t' $tmp/a/*.tsv | grep -qP '[\t|]Karzai[\t|]'"
check "an opposition group: Syrian Observatory for Human Rights, SYR OPP" \
  bash -c "grep -hqP '^Syrian Observatory for Human Rights\tGroup\tSYR\tOPP\t' $tmp/a/*.tsv"
check "an IGO: NATO" bash -c "grep -hqP '^NATO\tOrganization\t\tIGO\t' $tmp/a/*.tsv"

# Built with the bundled rules and the imported dictionaries: a text naming actors only
# the imported dictionaries list (the bundled run does not know them).
cat > "$tmp/text.jsonl" <<'EOF'
{"id":"kabul-2003","date":"2003-06-10","text":"Hamid Karzai met Ann Veneman in Kabul on Tuesday to discuss wheat aid."}
{"id":"aleppo-2013","date":"2013-04-02","text":"The Syrian Observatory for Human Rights accused Syria of shelling Aleppo."}
EOF
start=$(date +%s.%N)
"$cli" build --rules "$src/rules" --rules "$tmp/a" "$tmp/text.jsonl" -q -o "$tmp/graph.jsonld"
end=$(date +%s.%N)
"$cli" build "$tmp/text.jsonl" -q -o "$tmp/bundled.jsonld"
seconds=$(python3 -c "print(f'{$end - $start:.2f}')")
echo "build with the imported dictionaries: $seconds s"
check "loading and building in under 20 s ($seconds s)" python3 -c "import sys; sys.exit(0 if $seconds < 20 else 1)"
python3 - "$tmp/graph.jsonld" "$tmp/bundled.jsonld" <<'EOF' || fail=1
import json, sys
nodes = {n["schema:name"]: n for n in json.load(open(sys.argv[1]))["@graph"] if "schema:name" in n}
bundled = {n["schema:name"] for n in json.load(open(sys.argv[2]))["@graph"] if "schema:name" in n}
def check(what, ok):
    print(("ok   " if ok else "FAIL ") + what)
    return ok
ok = True
ok &= check("the bundled run does not know the Syrian Observatory", "Syrian Observatory for Human Rights" not in bundled)
so = nodes.get("Syrian Observatory for Human Rights", {})
ok &= check("Syrian Observatory for Human Rights: a Group, code SYR, sector OPP",
            so.get("ag:actorType") == "Group" and so.get("ag:code") == "SYR" and so.get("ag:sector") == "OPP")
karzai = nodes.get("Hamid Karzai", {})
ok &= check("Hamid Karzai: a Person of AFG (his role on 2003-06-10)",
            karzai.get("ag:actorType") == "Person" and karzai.get("ag:country") == "AFG")
veneman = nodes.get("Ann Veneman", {})
ok &= check("Ann Veneman: a Person of USA (her role on 2003-06-10)", veneman.get("ag:country") == "USA")
sys.exit(0 if ok else 1)
EOF
exit $fail
