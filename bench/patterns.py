#!/usr/bin/env python3
"""Prints the words the bundled rule pack looks for, one phrase a line: every actor
name, alias and adjective of rules/actors/*.tsv (the dictionary), and every rule anchor
(the trigger words: the bracketed part of each pattern in `actorgraph rules dump`), with
a list (@name) expanded to the phrases of its `list name = ...` declaration and a lemma
(<meet>) to its stem. This is the vocabulary of bench/compare.sh's winkNLP and
compromise runs ("the same actor names and trigger words", as the throughput issue asks)
and of its wider ripgrep rows. With --names, only the dictionary's names: the ripgrep
floor as the issue names it ("the same dictionary's names").
usage: bench/patterns.py [--names] ACTORGRAPH_BINARY RULES_DIR"""
import csv, glob, os, re, subprocess, sys

args = sys.argv[1:]
names_only = bool(args) and args[0] == "--names"
if names_only:
    args = args[1:]
if len(args) != 2:
    sys.exit(__doc__.splitlines()[-1])
binary, rules = args
phrases = []

for tsv in sorted(glob.glob(os.path.join(rules, "actors", "*.tsv"))):
    with open(tsv, encoding="utf-8") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        phrases.append(row["name"])
        for field in ("aliases", "adjectives"):
            phrases += [p for p in (row.get(field) or "").split("|") if p]

def print_unique(phrases):
    seen = set()
    for p in phrases:
        p = p.strip()
        if p and p not in seen:
            seen.add(p)
            print(p)

if names_only:
    print_unique(phrases)
    sys.exit(0)

# list name = a, "b c", d,   (continued on indented lines)
lists, current = {}, None
for path in sorted(glob.glob(os.path.join(rules, "**", "*.rules"), recursive=True)):
    for line in open(path, encoding="utf-8"):
        m = re.match(r"list\s+([\w-]+)\s*=(.*)", line)
        if m:
            current = m.group(1)
            lists[current] = m.group(2)
        elif current and line.startswith((" ", "\t")) and line.strip():
            lists[current] += " " + line
        else:
            current = None

def items(text):
    return [a or b for a, b in re.findall(r'"([^"]*)"|([^\s,|()]+)', text)]

dump = subprocess.run([binary, "rules", "dump", "--rules", rules], check=True,
                      capture_output=True, text=True).stdout
for anchor in re.findall(r"pattern: .*?\[([^\]]+)\]", dump):
    for word in items(anchor):
        if word.startswith("@"):
            phrases += items(lists.get(word[1:], ""))
        else:
            phrases.append(word.strip("<>"))

print_unique(phrases)
