// The actorgraph command: turns library Status values into messages and exit codes.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/actorgraph.h"
#include "cli/heap.h"
#include "cli/output_file.h"
#include "core/hash.h"

namespace actorgraph::cli {
namespace {

// Exit codes, documented in the README.
enum Exit { kExitOk = 0, kExitInternal = 1, kExitUsage = 2, kExitInput = 3, kExitRules = 4, kExitOutput = 5, kExitTests = 6 };

#ifndef ACTORGRAPH_DEFAULT_RULES
#define ACTORGRAPH_DEFAULT_RULES "rules"
#endif
#ifndef ACTORGRAPH_VERSION
#define ACTORGRAPH_VERSION "unknown"
#endif

const char* kMainHelp =
    "actorgraph: build a knowledge graph of who does what to whom from news text\n"
    "\n"
    "usage: actorgraph COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  build INPUT...      extract actors and relations and write the graph\n"
    "  rules check PATH... validate rule and dictionary files without running them\n"
    "  rules test          run every rule's inline examples\n"
    "  rules dump          print the compiled rule pack\n"
    "  import petrarch FILE... -o DIR\n"
    "                      convert PETRARCH/TABARI actor dictionaries to ours\n"
    "\n"
    "Run 'actorgraph COMMAND --help' for a command's options, 'actorgraph --version'\n"
    "for the version and where the bundled rules are.\n"
    "Exit codes: 0 success, 2 usage, 3 input, 4 rules, 5 output, 6 failed rule examples.\n";

const char* kBuildHelp =
    "usage: actorgraph build INPUT... [-f FORMAT] [-o PATH|-]... [--rules PATH]...\n"
    "                        [--modality asserted|all] [--on-error fail|skip] [-j N] [--explain]\n"
    "                        [--timings] [--rule-counts PATH|-] [-q]\n"
    "                        [--min-documents N] [--relation R]... [--actor NAME]...\n"
    "\n"
    "INPUT is a .txt file (one document, id = file stem), a .jsonl file (one JSON\n"
    "object a line: id, text or body, optional title, date, url), a directory (read\n"
    "recursively for both), or - for standard input; .gz and .zst are decompressed.\n"
    "An input named otherwise (-, a pipe, news.json) is read by its bytes: gzip or\n"
    "zstd is decompressed, then JSON Lines if it starts with '{', else one document.\n"
    "\n"
    "  -o PATH        where to write; may be repeated to write several formats in one\n"
    "                 run; the format comes from the extension (.dot .gv .jsonld .json\n"
    "                 .svg .png .nq .graphml .neo4j), before a further .gz or .zst,\n"
    "                 which compresses it; - is standard output (default)\n"
    "  -f FORMAT      dot, jsonld, svg, png, nquads, graphml or neo4j; overrides the\n"
    "                 extension (one -o only); default jsonld. neo4j writes a\n"
    "                 directory (created if missing) holding nodes.csv and\n"
    "                 relationships.csv for neo4j-admin database import\n"
    "  --rules PATH   rule directory or file; repeatable; default: the bundled rules\n"
    "                 ('actorgraph --version' says where they are)\n"
    "  --modality M   asserted (default): only asserted triples; all: keep negated and\n"
    "                 hypothetical ones too, marked as such\n"
    "  --explain      print, on stderr, each document's mentions and every triple with\n"
    "                 the rule and tokens that matched\n"
    "  -j N           extract on N threads (default: every core it may run on); the\n"
    "                 output is the same for every N\n"
    "  --on-error E   fail (default): a malformed JSON Lines record or unreadable file\n"
    "                 stops the run; skip: report it on stderr, go on, and count it\n"
    "  --timings      print, on stderr at the end, how long each stage took: loading\n"
    "                 the rules, reading and extracting the documents (and the CPU\n"
    "                 time the extracting threads spent), writing the outputs; and a\n"
    "                 second line splitting the extraction into its stages (summed\n"
    "                 over the threads)\n"
    "  --rule-counts PATH\n"
    "                 write, as TSV, how often each rule was tried, matched and\n"
    "                 applied (actors made, triples yielded), after a line counting\n"
    "                 the documents with a triple and those where a relation rule\n"
    "                 was tried; - is standard output\n"
    "  -q             no progress line\n"
    "\n"
    "Which part of the graph the outputs get (all of it by default; with several,\n"
    "a relation is kept when it meets them all; each kept relation keeps all its\n"
    "evidence):\n"
    "  --min-documents N\n"
    "                 relations whose evidence comes from N or more documents\n"
    "  --relation R   relations of type R (e.g. ally-of); repeatable\n"
    "  --actor NAME   relations with this actor at either end (its name, a surface\n"
    "                 form seen, or its id); repeatable\n";

const char* kRulesHelp =
    "usage: actorgraph rules check PATH...\n"
    "       actorgraph rules test [--rules PATH]...\n"
    "       actorgraph rules dump [--rules PATH]...\n"
    "\n"
    "check  parses and compiles rule (.rules) and dictionary (.tsv) files; an error\n"
    "       names file:line:col and what was expected\n"
    "test   runs every 'example' and 'counter' of every rule; failures are reported as\n"
    "       file:line\n"
    "dump   prints the compiled pack: relations, lists, and each rule's pattern and\n"
    "       trigger words\n";

const char* kImportHelp =
    "usage: actorgraph import petrarch FILE... -o DIR [-v]\n"
    "\n"
    "Converts PETRARCH/TABARI actor dictionaries (e.g. Phoenix.Countries.actors.txt)\n"
    "into actorgraph dictionaries: DIR/<name of FILE without .txt>.tsv, one per FILE,\n"
    "sorted, carrying synonyms, country codes, sectors and dated roles. Use them with\n"
    "'actorgraph build --rules rules --rules DIR'. A LICENSE file beside FILE is copied\n"
    "into the output's header. Prints what was written and what was left out, by reason\n"
    "(see docs/actors.md).\n"
    "\n"
    "  -o DIR   output directory (created if missing)\n"
    "  -v       also list every entry, synonym and code left out, as file:line\n";

int ExitFor(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kOk: return kExitOk;
    case ErrorCode::kUsage: return kExitUsage;
    case ErrorCode::kInput: return kExitInput;
    case ErrorCode::kRules: return kExitRules;
    case ErrorCode::kOutput: return kExitOutput;
    case ErrorCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

int Fail(const Status& s) {
  std::cerr << "actorgraph: " << s.ToString() << "\n";
  return ExitFor(s);
}

// The error, the command's synopsis and where the options are: the whole help after
// the error put it a screen above the prompt.
int Usage(const std::string& message, const char* help) {
  const std::string text(help);
  const size_t begin = std::min(text.find("usage:"), text.size());
  const size_t end = std::min(text.find("\n\n", begin), text.size());
  std::cerr << "actorgraph: " << message << "\n" << text.substr(begin, end - begin) << "\n"
            << "(--help lists the options)\n";
  return kExitUsage;
}

struct BuildOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::vector<std::string> rules;
  std::string format;
  bool all_modalities = false;
  bool skip_errors = false;
  int threads = 0;
  bool explain = false;
  bool timings = false;
  std::string rule_counts;  // --rule-counts PATH; empty: none
  bool quiet = false;
  GraphFilter filter;  // --min-documents, --relation, --actor
  bool Filters() const {
    return filter.min_documents > 1 || !filter.relations.empty() || !filter.actors.empty();
  }
};

// The wall time of each stage of a build, for --timings.
class Timings {
 public:
  // Ends the stage running since the last call (or since construction).
  void Stage(const char* name) {
    const auto now = std::chrono::steady_clock::now();
    stages_.emplace_back(name, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }
  // "rules 13.1 ms, documents 183.8 ms (21578 documents, 15.4 MB, 83.8 MB/s; extraction
  // 290.5 ms CPU on 2 threads), ..."
  void Print(size_t documents, size_t bytes, double extract_cpu_seconds, int threads) const {
    std::string line = "actorgraph: timings:";
    double total = 0;
    char buffer[160];
    const char* separator = " ";
    for (const auto& [name, ms] : stages_) {
      std::snprintf(buffer, sizeof buffer, "%s%s %.1f ms", separator, name, ms);
      separator = ", ";
      total += ms;
      line += buffer;
      if (std::string_view(name) == "documents") {
        const double mb = static_cast<double>(bytes) / 1e6;
        std::snprintf(buffer, sizeof buffer, " (%zu documents, %.1f MB, %.1f MB/s; extraction %.1f ms CPU on %d %s)",
                      documents, mb, ms > 0 ? mb / (ms / 1e3) : 0.0, extract_cpu_seconds * 1e3, threads,
                      threads == 1 ? "thread" : "threads");
        line += buffer;
      }
    }
    std::snprintf(buffer, sizeof buffer, "; total %.1f ms\n", total);
    line += buffer;
    std::fputs(line.c_str(), stderr);
  }

 private:
  std::vector<std::pair<const char*, double>> stages_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// "actorgraph: extraction stages: normalize 10.2 ms (2.4%), tokenize ...; 420.3 ms in all"
void PrintStageTimes(const StageTimes& t) {
  const std::pair<const char*, int64_t> stages[] = {
      {"normalize", t.normalize},       {"tokenize", t.tokenize},     {"mentions", t.mentions},
      {"entity rules", t.entity_rules}, {"resolution", t.resolution}, {"relation rules", t.relation_rules}};
  const double total_ms = static_cast<double>(t.total()) / 1e6;
  std::string line = "actorgraph: extraction stages:";
  char buffer[96];
  const char* separator = " ";
  for (const auto& [name, ns] : stages) {
    const double ms = static_cast<double>(ns) / 1e6;
    std::snprintf(buffer, sizeof buffer, "%s%s %.1f ms (%.1f%%)", separator, name, ms,
                  total_ms > 0 ? 100 * ms / total_ms : 0.0);
    separator = ", ";
    line += buffer;
  }
  std::snprintf(buffer, sizeof buffer, "; %.1f ms in all\n", total_ms);
  line += buffer;
  std::fputs(line.c_str(), stderr);
}

// What --rule-counts writes: a count of documents, then a row a rule.
class RuleCountsReport {
 public:
  explicit RuleCountsReport(const Extractor& extractor) : rules_(extractor.rules()) {}
  void AddDocument(const Document& doc, const Extraction& ex) {
    documents_.Add(doc);
    if (!ex.triples.empty()) with_triple_.Add(doc);
    for (size_t r = 0; r < ex.rule_counts.size() && r < rules_.size(); ++r) {
      if (!rules_[r].entity && ex.rule_counts[r].tried > 0) {
        relation_tried_.Add(doc);
        break;
      }
    }
  }
  Status Write(const std::string& path, const std::vector<RuleCounts>& counts) const {
    OutputFile out(path);
    Status s = out.Open();
    if (!s.ok()) return s;
    std::ostream& os = out.stream();
    os << "# documents: " << documents_.Text() << "; with a triple, any modality: " << with_triple_.Text()
       << "; where a relation rule was tried: " << relation_tried_.Text() << "\n";
    os << "rule\tkind\tlocation\ttried\tmatched\tapplied\n";
    for (size_t r = 0; r < rules_.size(); ++r) {
      const RuleCounts c = r < counts.size() ? counts[r] : RuleCounts{};
      os << rules_[r].id << '\t' << (rules_[r].entity ? "entity" : "relation") << '\t' << rules_[r].location << '\t'
         << c.tried << '\t' << c.matched << '\t' << c.applied << '\n';
    }
    return out.Commit();
  }

 private:
  struct Tally {  // documents and their text
    size_t count = 0, bytes = 0;
    void Add(const Document& doc) {
      ++count;
      bytes += doc.text.size();
    }
    std::string Text() const {  // "12 (3.4 MB of text)"
      char mb[48];
      std::snprintf(mb, sizeof mb, " (%.1f MB of text)", static_cast<double>(bytes) / 1e6);
      return std::to_string(count) + mb;
    }
  };
  std::vector<RuleInfo> rules_;
  Tally documents_, with_triple_, relation_tried_;
};

// Shows documents, MB and MB/s on stderr, at most a few times a second, only on a terminal.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void Add(size_t bytes) {
    ++docs_;
    bytes_ += bytes;
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    Print(false);
  }
  void Done() {
    if (enabled_ && docs_ > 0) Print(true);
  }
  // Writes a message on stderr during the run, in the line's place: a warning written
  // after it ran on from its "MB/s". The next Add draws the line again.
  void Message(const std::string& text) {
    if (shown_) {
      std::fputs("\r\033[K", stderr);
      shown_ = false;
      last_ = start_;
    }
    std::cerr << text;
  }
  // Says on the line what the run does after the documents (laying out a large graph as
  // SVG takes seconds), until the next message or Clear().
  void Doing(const std::string& what) {
    if (!enabled_) return;
    std::fprintf(stderr, "\r%s\033[K", what.c_str());
    std::fflush(stderr);
    shown_ = true;
  }
  void Clear() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
  }
  size_t documents() const { return docs_; }
  size_t bytes() const { return bytes_; }

 private:
  void Print(bool final) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double mb = static_cast<double>(bytes_) / 1e6;
    // Erased to the line's end: a shorter line than the last left its tail behind.
    std::fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s\033[K%s", docs_, mb, secs > 0 ? mb / secs : 0.0,
                 final ? "\n" : "");
    std::fflush(stderr);
    shown_ = !final;
  }
  bool enabled_;
  bool shown_ = false;  // a line is on the terminal, not ended
  size_t docs_ = 0, bytes_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

// Document ids said again: two documents of one id have evidence no reader can tell
// apart (x/report.txt and y/report.txt are both "report"). The first few repeats are
// named as they come, the rest counted. Only a hash of each id is kept, a few dozen
// bytes a document.
class RepeatedIds {
 public:
  void Add(const Document& doc, Progress* progress) {
    const uint64_t hash = internal::HashWord(doc.id);
    if (seen_.FindHash(hash).empty()) {
      seen_.AddHash(hash, 1);
      return;
    }
    if (++repeats_ > kNamed) return;
    progress->Message("actorgraph: warning: document id '" + doc.id + "' (" + doc.source +
                      ") repeats an earlier document's: their evidence cannot be told apart\n");
  }
  void Done() const {
    if (repeats_ > kNamed)
      std::cerr << "actorgraph: warning: " << repeats_ << " documents repeat an earlier document's id\n";
  }

 private:
  static constexpr size_t kNamed = 5;
  internal::WordTable<uint8_t> seen_;  // by HashWord: no allocation a document
  size_t repeats_ = 0;
};

// The bundled rules: an installed program's are at a fixed place relative to the program
// (found from /proc/self/exe, so a moved install tree still finds them); a program run
// from its build tree has none there and uses the checkout's.
std::string BundledRules() {
#ifdef ACTORGRAPH_INSTALLED_RULES
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path installed =
        (exe.parent_path() / ACTORGRAPH_INSTALLED_RULES).lexically_normal();
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
#endif
  return ACTORGRAPH_DEFAULT_RULES;
}

std::vector<std::string> DefaultRules(std::vector<std::string> rules) {
  if (rules.empty()) rules.push_back(BundledRules());
  return rules;
}

// The name in a load error such as "unknown relation 'opposed-to'" or "unknown list
// '@talks-noun'", with what it is; empty for other errors.
std::pair<std::string, std::string> UnknownName(const std::string& message) {
  for (const char* what : {"relation", "list"}) {
    const std::string lead = std::string("unknown ") + what + " '";
    size_t begin = message.find(lead);
    if (begin == std::string::npos) continue;
    begin += lead.size() + (message.compare(begin + lead.size(), 1, "@") == 0 ? 1 : 0);
    const size_t end = message.find('\'', begin);
    if (end != std::string::npos) return {what, message.substr(begin, end - begin)};
  }
  return {};
}

bool NamesBundledRules(const std::vector<std::string>& paths) {
  std::error_code ec;
  const std::filesystem::path bundled = std::filesystem::weakly_canonical(BundledRules(), ec);
  for (const std::string& p : paths)
    if (std::filesystem::weakly_canonical(p, ec) == bundled) return true;
  return false;
}

// A rule file of one's own, loaded or checked without the bundled rules, cannot use the
// relations and lists they declare; the error alone says to declare them again.
int FailLoadingRules(const Status& s, const std::vector<std::string>& paths, const std::string& command) {
  const int code = Fail(s);
  const auto [what, name] = UnknownName(s.message());
  if (name.empty() || NamesBundledRules(paths)) return code;
  std::unique_ptr<Extractor> bundled;
  if (!Extractor::Create({BundledRules()}, &bundled).ok()) return code;
  bool declared = false;
  if (what == "relation") {
    for (const RelationType& r : bundled->relation_types()) declared = declared || r.name == name;
  } else {
    declared = ("\n" + bundled->Dump()).find("\nlist " + name + " (") != std::string::npos;
  }
  if (!declared) return code;
  std::string paths_given;
  for (const std::string& p : paths) paths_given += (command == "rules check" ? " " : " --rules ") + p;
  std::cerr << "actorgraph: the bundled rules declare " << what << " '" << name << "', but "
            << (command == "rules check" ? "were not checked with them" : "--rules replaces them")
            << "; to load both: actorgraph " << command
            << (command == "rules check" ? " " : " --rules ") << BundledRules() << paths_given << "\n";
  return code;
}

// A whole number from `min` to `max`, in decimal with nothing after it.
bool ParseWholeNumber(const std::string& v, long long min, long long max, long long* n) {
  char* end = nullptr;
  errno = 0;
  const long long parsed = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || errno == ERANGE || parsed < min || parsed > max) return false;
  *n = parsed;
  return true;
}

Status ParseThreads(const std::string& v, int* threads) {
  long long n = 0;
  if (!ParseWholeNumber(v, 1, 1024, &n))
    return Status::Error(ErrorCode::kUsage, "-j takes a thread count from 1 to 1024, not '" + v + "'");
  *threads = static_cast<int>(n);
  return Status::Ok();
}

// An output (or the rule counts) at the path of an input would replace the corpus with
// the graph: outputs are renamed into place once the input is read, so nothing else
// stops it.
Status CheckNoOutputIsAnInput(const BuildOptions& o) {
  std::vector<std::string> written = o.outputs;
  if (!o.rule_counts.empty()) written.push_back(o.rule_counts);
  for (const std::string& w : written) {
    if (w == "-") continue;
    for (const std::string& input : o.inputs) {
      std::error_code ec;  // either missing: not the same file
      if (input != "-" && std::filesystem::equivalent(w, input, ec))
        return Status::Error(ErrorCode::kUsage, "'" + w + "' is an input too: write the output elsewhere");
    }
  }
  return Status::Ok();
}

Status ParseMinDocuments(const std::string& v, size_t* n) {
  long long parsed = 0;
  if (!ParseWholeNumber(v, 1, LLONG_MAX, &parsed))
    return Status::Error(ErrorCode::kUsage, "--min-documents takes a whole number of 1 or more, not '" + v + "'");
  *n = static_cast<size_t>(parsed);
  return Status::Ok();
}

// What a build holds at its end is left for the process's end to free, not taken apart
// piece by piece, for memory the exit returns at once: the rule pack, whose thousands of
// indexes, strings and lists cost 1.3 M instructions to free (a twentieth of start-up),
// and the graph builder, whose graph and extraction buffers cost 1.0 M on 2 MB of
// Reuters and 1.4 M on 3 MB of AllSides. Held from a static, so that leak checkers count
// it as reachable. (A builder's extracting threads, with several, are left waiting for
// work that does not come.)
template <typename T>
void KeepUntilExit(std::unique_ptr<T> kept) {
  static std::vector<std::unique_ptr<T>>* held = new std::vector<std::unique_ptr<T>>();
  held->push_back(std::move(kept));
}

// --relation names a relation the rules declare: a misspelt one would keep nothing, and
// be found out only after the whole run.
Status CheckFilterRelations(const BuildOptions& o, const Extractor& extractor) {
  std::string declared;
  std::set<std::string> names;
  for (const RelationType& r : extractor.relation_types()) {
    names.insert(r.name);
    declared += (declared.empty() ? "" : ", ") + r.name;
  }
  for (const std::string& r : o.filter.relations)
    if (!names.count(r))
      return Status::Error(ErrorCode::kUsage, "--relation '" + r + "': the rules declare no such relation; they declare " + declared);
  return Status::Ok();
}

Status ParseBuild(int argc, char** argv, BuildOptions* o) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return Status::Error(ErrorCode::kUsage, a + " needs a value");
      *out = argv[++i];
      return Status::Ok();
    };
    Status s;
    std::string v;
    if (a == "-o" || a == "--output") {
      s = value(&v);
      o->outputs.push_back(v);
    } else if (a == "-f" || a == "--format") {
      s = value(&o->format);
    } else if (a == "--rules") {
      s = value(&v);
      o->rules.push_back(v);
    } else if (a == "--modality") {
      s = value(&v);
      if (s.ok() && v != "asserted" && v != "all")
        s = Status::Error(ErrorCode::kUsage, "--modality takes asserted or all, not '" + v + "'");
      o->all_modalities = v == "all";
    } else if (a == "--on-error") {
      s = value(&v);
      if (s.ok() && v != "fail" && v != "skip")
        s = Status::Error(ErrorCode::kUsage, "--on-error takes fail or skip, not '" + v + "'");
      o->skip_errors = v == "skip";
    } else if (a == "-j" || a == "--threads") {
      s = value(&v);
      if (s.ok()) s = ParseThreads(v, &o->threads);
    } else if (a.size() > 2 && a.compare(0, 2, "-j") == 0) {
      s = ParseThreads(a.substr(2), &o->threads);
    } else if (a == "--explain") {
      o->explain = true;
    } else if (a == "--timings") {
      o->timings = true;
    } else if (a == "--rule-counts") {
      s = value(&o->rule_counts);
      if (s.ok() && o->rule_counts.empty()) s = Status::Error(ErrorCode::kUsage, "--rule-counts needs a path");
    } else if (a == "-q" || a == "--quiet") {
      o->quiet = true;
    } else if (a == "--min-documents") {
      s = value(&v);
      if (s.ok()) s = ParseMinDocuments(v, &o->filter.min_documents);
    } else if (a == "--relation") {
      s = value(&v);
      o->filter.relations.insert(v);
    } else if (a == "--actor") {
      s = value(&v);
      if (s.ok() && ActorIdFor(v).empty()) s = Status::Error(ErrorCode::kUsage, "--actor needs a name");
      o->filter.actors.push_back(v);
    } else if (a.size() > 1 && a[0] == '-') {
      s = Status::Error(ErrorCode::kUsage, "unknown option " + a);
    } else {
      o->inputs.push_back(a);
    }
    if (!s.ok()) return s;
  }
  if (o->inputs.empty()) return Status::Error(ErrorCode::kUsage, "build needs at least one INPUT");
  if (o->outputs.empty()) o->outputs.push_back("-");
  if (!o->rule_counts.empty() && std::find(o->outputs.begin(), o->outputs.end(), o->rule_counts) != o->outputs.end())
    return Status::Error(ErrorCode::kUsage, "--rule-counts and -o both write to '" + o->rule_counts +
                                                "': give the rule counts a path of their own");
  if (!o->format.empty() && o->outputs.size() > 1)
    return Status::Error(ErrorCode::kUsage, "-f applies to a single -o; with several, each takes its extension's format");
  return CheckNoOutputIsAnInput(*o);
}

// A path with no file name to take a format from: a character device or a named pipe.
// One that has a format's extension keeps that format.
bool IsStreamDevice(const std::string& path) {
  Format by_name;
  if (FormatFromPath(internal::WithoutCompression(path), &by_name)) return false;
  std::error_code ec;
  const auto type = std::filesystem::status(path, ec).type();
  return !ec && (type == std::filesystem::file_type::character || type == std::filesystem::file_type::fifo);
}

Status FormatOf(const BuildOptions& o, const std::string& path, Format* format) {
  if (!o.format.empty()) {
    if (!ParseFormat(o.format, format))
      return Status::Error(ErrorCode::kUsage, "unknown format '" + o.format +
                                                  "': expected dot, jsonld, svg, png, nquads, graphml or neo4j");
  } else if (path == "-" || IsStreamDevice(path)) {
    *format = Format::kJsonLd;  // as standard output's: /dev/null, /dev/stderr, a named pipe
  } else if (!FormatFromPath(internal::WithoutCompression(path), format)) {  // "graph.nq.gz": N-Quads, gzipped
    return Status::Error(ErrorCode::kUsage, "cannot tell the format of '" + path + "' from its extension: use -f");
  }
  if (*format == Format::kNeo4j && path == "-")
    return Status::Error(ErrorCode::kUsage, "neo4j output is a directory (nodes.csv, relationships.csv): give -o DIRECTORY");
  if (*format == Format::kNeo4j && path != "-" && internal::CompressionOfName(path) != internal::Compression::kNone)
    return Status::Error(ErrorCode::kUsage, "neo4j output is a directory, which is not compressed: '" + path + "'");
  return Status::Ok();
}

// neo4j-admin imports a directory of two CSV files. Both are written to temporary files
// and renamed into place only once both are complete, so a failed run leaves any
// previous pair as it was; a directory this run created is removed again on failure.
Status WriteNeo4jDirectory(const KnowledgeGraph& graph, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool created = fs::create_directory(dir, ec);
  if (ec) return Status::Error(ErrorCode::kOutput, "cannot create directory: " + ec.message(), InFile(dir));
  if (!fs::is_directory(dir, ec))
    return Status::Error(ErrorCode::kOutput, "exists and is not a directory", InFile(dir));
  Status s;
  {
    OutputFile nodes((fs::path(dir) / "nodes.csv").string());
    OutputFile relationships((fs::path(dir) / "relationships.csv").string());
    s = nodes.Open();
    if (s.ok()) s = relationships.Open();
    if (s.ok()) s = relationships.WithWriteError(nodes.WithWriteError(WriteNeo4jCsv(graph, nodes.stream(), relationships.stream())));
    if (s.ok()) s = nodes.Commit();
    if (s.ok()) s = relationships.Commit();
  }  // an uncommitted OutputFile removes its temporary file here
  if (!s.ok() && created) fs::remove(dir, ec);
  return s;
}

Status WriteOutput(const KnowledgeGraph& graph, Format format, const std::string& path) {
  if (format == Format::kNeo4j) return WriteNeo4jDirectory(graph, path);
  OutputFile out(path);
  Status s = out.Open();
  if (s.ok()) s = out.WithWriteError(Export(graph, format, out.stream()));
  if (s.ok()) s = out.Commit();
  return s;
}

// "1 actor", "2 actors".
std::string Counted(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// The graph the outputs get: all of it, or the part --min-documents, --relation and
// --actor keep, said on stderr with the names of --actor that matched no actor.
KnowledgeGraph FilterGraph(const BuildOptions& o, const KnowledgeGraph& graph, Progress* progress) {
  std::vector<std::string> unmatched;
  KnowledgeGraph kept = Filtered(graph, o.filter, &unmatched);
  for (const std::string& name : unmatched)
    progress->Message("actorgraph: warning: --actor '" + name + "' names no actor of the graph\n");
  if (!o.quiet)
    progress->Message("actorgraph: kept " + std::to_string(kept.relation_count()) + " of " +
                      Counted(graph.relation_count(), "relation") + " and " + std::to_string(kept.actor_count()) +
                      " of " + Counted(graph.actor_count(), "actor") + "\n");
  return kept;
}

Status WriteOutputs(const BuildOptions& o, const KnowledgeGraph& graph, Progress* progress) {
  for (const std::string& path : o.outputs) {
    Format format;
    Status s = FormatOf(o, path, &format);
    if (!s.ok()) return s;
    // Not for "-": on the terminal too, the line would sit in the graph's text.
    if (path != "-")
      progress->Doing("writing " + path + " (" + Counted(graph.actor_count(), "actor") + ", " +
                      Counted(graph.relation_count(), "relation") + ")");
    s = WriteOutput(graph, format, path);
    progress->Clear();
    if (!s.ok()) {
      if (s.where().path.empty()) s = Status::Error(s.code(), s.message(), InFile(path));
      return s;
    }
  }
  return Status::Ok();
}

// An input that gave no document: most often a directory of files named otherwise than
// the walk reads ("a.json", "notes.md"), which ran to an empty graph without a word.
void WarnNothingRead(const std::string& input, Progress* progress) {
  std::error_code ec;
  const bool dir = std::filesystem::is_directory(input, ec);
  progress->Message("actorgraph: warning: " + input + ": no document" +
                    (dir ? " (a directory is read for .txt and .jsonl files, also .gz or .zst)\n" : "\n"));
}

// An input that stops the run: on a line of its own, after how far the run came, and for
// a bad record with the option that reads on past it.
int FailReading(const Status& s, const BuildOptions& o, Progress* progress) {
  progress->Done();
  const int code = Fail(s);
  // Not at the first line, where a file that is no JSON Lines at all most often fails.
  if (s.code() == ErrorCode::kInput && s.where().line > 1 && !o.skip_errors)
    std::cerr << "actorgraph: (--on-error skip reports such records and reads on)\n";
  return code;
}

int Build(int argc, char** argv) {
  BuildOptions o;
  for (int i = 0; i < argc; ++i)
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
      std::cout << kBuildHelp;
      return kExitOk;
    }
  Status s = ParseBuild(argc, argv, &o);
  if (!s.ok()) return Usage(s.message(), kBuildHelp);
  for (const std::string& path : o.outputs) {  // bad formats fail before any work
    Format f;
    s = FormatOf(o, path, &f);
    if (!s.ok()) return Usage(s.message(), kBuildHelp);
  }
  UseHugePagesForHeap();  // before the rule pack, the largest thing on the heap
  Timings timings;
  std::unique_ptr<Extractor> extractor;
  LoadOptions lo;
  lo.threads = o.threads;
  lo.examples = false;  // `rules check` and `rules test` read them
  BeginLoadArena();
  s = Extractor::Create(DefaultRules(o.rules), lo, &extractor);
  EndLoadArena();
  if (!s.ok()) return FailLoadingRules(s, DefaultRules(o.rules), "build ...");
  s = CheckFilterRelations(o, *extractor);
  if (!s.ok()) return Usage(s.message(), kBuildHelp);
  timings.Stage("rules");
  Progress progress(!o.quiet);
  BuilderOptions bo;
  bo.threads = o.threads;
  bo.all_modalities = o.all_modalities;
  bo.extract.explain = o.explain;
  bo.extract.actors = false;  // the graph is built from the triples
  bo.extract.stage_times = o.timings;
  bo.extract.rule_counts = !o.rule_counts.empty();
  std::optional<RuleCountsReport> rule_report;  // with --rule-counts only
  if (bo.extract.rule_counts) rule_report.emplace(*extractor);
  bo.on_document = [&](const Document& doc, const Extraction& ex) {
    if (rule_report) rule_report->AddDocument(doc, ex);
    for (const std::string& w : ex.warnings) progress.Message("actorgraph: warning: " + w + "\n");
    if (o.explain) progress.Message(ex.explain);
    progress.Add(doc.text.size());
    FollowHeapGrowth();
  };
  // Destroyed, if the build fails, before the extractor its threads read.
  auto owned_builder = std::make_unique<GraphBuilder>(*extractor, bo);
  GraphBuilder& builder = *owned_builder;
  ReadOptions ro;
  size_t skipped = 0;
  ro.skip_errors = o.skip_errors;
  ro.on_skip = [&](const Status& error) {
    ++skipped;
    progress.Message("actorgraph: skipped: " + error.ToString() + "\n");
  };
  RepeatedIds ids;
  for (const std::string& input : o.inputs) {
    // A run that waits for a terminal's input looked hung.
    if (input == "-" && isatty(STDIN_FILENO) && !o.quiet)
      progress.Message("actorgraph: reading documents from the terminal (Ctrl-D ends them)\n");
    size_t read = 0;
    const size_t skipped_before = skipped;
    s = ReadDocuments(input, [&](Document&& doc) {
      ++read;
      ids.Add(doc, &progress);
      builder.Add(std::move(doc));
      return Status::Ok();
    }, ro);
    if (!s.ok()) return FailReading(s, o, &progress);
    if (read == 0 && skipped == skipped_before) WarnNothingRead(input, &progress);
  }
  builder.Finish();
  timings.Stage("documents");
  progress.Done();
  ids.Done();
  if (skipped > 0) std::cerr << "actorgraph: " << skipped << " input error(s) skipped\n";
  if (o.Filters()) {
    s = WriteOutputs(o, FilterGraph(o, builder.graph(), &progress), &progress);
  } else {
    s = WriteOutputs(o, builder.graph(), &progress);
  }
  // OutputFile's errors name the path already.
  if (s.ok() && rule_report) s = rule_report->Write(o.rule_counts, builder.rule_counts());
  timings.Stage("outputs");
  if (o.timings) {
    timings.Print(progress.documents(), progress.bytes(), builder.extract_cpu_seconds(), builder.threads());
    PrintStageTimes(builder.stage_times());
  }
  KeepUntilExit(std::move(owned_builder));
  KeepUntilExit(std::move(extractor));
  return s.ok() ? kExitOk : Fail(s);
}

Status ParseRulesOption(int argc, char** argv, std::vector<std::string>* rules, std::vector<std::string>* rest) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rules") {
      if (i + 1 >= argc) return Status::Error(ErrorCode::kUsage, "--rules needs a value");
      rules->push_back(argv[++i]);
    } else if (a.size() > 1 && a[0] == '-') {
      return Status::Error(ErrorCode::kUsage, "unknown option " + a);
    } else {
      rest->push_back(a);
    }
  }
  return Status::Ok();
}

int RulesTest(const std::vector<std::string>& rules) {
  std::unique_ptr<Extractor> extractor;
  Status s = Extractor::Create(rules, &extractor);
  if (!s.ok()) return FailLoadingRules(s, rules, "rules test");
  std::vector<ExampleResult> results = extractor->TestExamples();
  size_t failed = 0;
  for (const ExampleResult& r : results) {
    if (r.passed) continue;
    ++failed;
    std::cout << r.location << ": " << r.rule << ": " << r.message << "\n";
  }
  std::cout << "rules: " << (results.size() - failed) << " passed, " << failed << " failed\n";
  return failed ? kExitTests : kExitOk;
}

int Rules(int argc, char** argv) {
  if (argc < 1 || std::string(argv[0]) == "--help" || std::string(argv[0]) == "-h") {
    std::cout << kRulesHelp;
    return argc < 1 ? kExitUsage : kExitOk;
  }
  std::string sub = argv[0];
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
      std::cout << kRulesHelp;
      return kExitOk;
    }
  std::vector<std::string> rules, rest;
  Status s = ParseRulesOption(argc - 1, argv + 1, &rules, &rest);
  if (!s.ok()) return Usage(s.message(), kRulesHelp);
  if (sub == "check") {
    if (rest.empty()) return Usage("rules check needs at least one PATH", kRulesHelp);
    if (!rules.empty()) return Usage("rules check takes its paths without --rules", kRulesHelp);
    std::unique_ptr<Extractor> extractor;
    s = Extractor::Create(rest, &extractor);
    if (!s.ok()) return FailLoadingRules(s, rest, "rules check");
    std::cout << "ok\n";
    return kExitOk;
  }
  if (!rest.empty()) return Usage("unexpected argument " + rest[0], kRulesHelp);
  if (sub == "test") return RulesTest(DefaultRules(rules));
  if (sub == "dump") {
    std::unique_ptr<Extractor> extractor;
    s = Extractor::Create(DefaultRules(rules), &extractor);
    if (!s.ok()) return FailLoadingRules(s, DefaultRules(rules), "rules dump");
    std::cout << extractor->Dump();
    return kExitOk;
  }
  return Usage("unknown rules command '" + sub + "'", kRulesHelp);
}

Status ReadWholeFile(const std::string& path, std::string* text) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason = errno != 0 ? std::string(": ") + std::strerror(errno) : std::string();
    return Status::Error(ErrorCode::kInput, "cannot read the file" + reason, InFile(path));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Error(ErrorCode::kInput, "cannot read the file", InFile(path));
  *text = buffer.str();
  return Status::Ok();
}

// "Phoenix.Countries.actors.txt" -> "Phoenix.Countries.actors.tsv".
std::string ImportedName(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) name.resize(name.size() - 4);
  return name + ".tsv";
}

void PrintImportSummary(const PetrarchImport& result, bool verbose) {
  std::map<std::string, size_t> reasons;
  for (const PetrarchSkip& skip : result.skipped) {
    ++reasons[skip.what + ": " + skip.reason];
    if (verbose)
      std::cerr << skip.path << (skip.line ? ":" + std::to_string(skip.line) : "") << ": left out " << skip.what
                << " '" << skip.text << "': " << skip.reason << "\n";
  }
  size_t entries = 0, aliases = 0, roles = 0;
  for (const PetrarchFile& f : result.files) {
    std::cout << f.source << ": " << f.entries << " actors, " << f.aliases << " aliases, " << f.roles << " roles\n";
    entries += f.entries;
    aliases += f.aliases;
    roles += f.roles;
  }
  std::cout << "total: " << entries << " actors, " << aliases << " aliases, " << roles << " roles\n";
  for (const auto& [reason, count] : reasons) std::cout << "left out " << count << " " << reason << "\n";
}

int Import(int argc, char** argv) {
  if (argc < 1 || std::string(argv[0]) == "--help" || std::string(argv[0]) == "-h") {
    std::cout << kImportHelp;
    return argc < 1 ? kExitUsage : kExitOk;
  }
  if (std::string(argv[0]) != "petrarch") return Usage("unknown import format '" + std::string(argv[0]) + "'", kImportHelp);
  std::vector<std::string> files;
  std::string dir;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << kImportHelp;
      return kExitOk;
    } else if (a == "-o") {
      if (i + 1 >= argc) return Usage("-o needs a directory", kImportHelp);
      dir = argv[++i];
    } else if (a == "-v") {
      verbose = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage("unknown option " + a, kImportHelp);
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return Usage("import petrarch needs at least one FILE", kImportHelp);
  if (dir.empty()) return Usage("import petrarch needs -o DIR", kImportHelp);
  std::vector<PetrarchSource> sources;
  std::set<std::string> outputs;
  for (const std::string& file : files) {
    if (!outputs.insert(ImportedName(file)).second)
      return Usage("two inputs would write the same " + ImportedName(file), kImportHelp);
    PetrarchSource source;
    source.path = file;
    Status s = ReadWholeFile(file, &source.text);
    if (!s.ok()) return Fail(s);
    const std::filesystem::path license = std::filesystem::path(file).parent_path() / "LICENSE";
    std::error_code ec;
    if (std::filesystem::is_regular_file(license, ec)) {
      s = ReadWholeFile(license.string(), &source.license);
      if (!s.ok()) return Fail(s);
    }
    sources.push_back(std::move(source));
  }
  PetrarchImport result;
  Status s = ImportPetrarch(sources, &result);
  if (!s.ok()) return Fail(s);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Fail(Status::Error(ErrorCode::kOutput, "cannot create the directory: " + ec.message(), InFile(dir)));
  for (const PetrarchFile& f : result.files) {
    OutputFile out((std::filesystem::path(dir) / ImportedName(f.source)).string());
    s = out.Open();
    if (s.ok()) {
      out.stream() << f.tsv;
      s = out.Commit();
    }
    if (!s.ok()) return Fail(s);
  }
  PrintImportSummary(result, verbose);
  return kExitOk;
}

int Main(int argc, char** argv) {
  if (argc < 2) {  // run bare: the commands are what is wanted
    std::cerr << "actorgraph: missing command\n\n" << kMainHelp;
    return kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kMainHelp;
    return kExitOk;
  }
  if (cmd == "--version") {
    std::cout << "actorgraph " ACTORGRAPH_VERSION "\nbundled rules: " << BundledRules() << "\n";
    return kExitOk;
  }
  if (cmd == "build") return Build(argc - 2, argv + 2);
  if (cmd == "rules") return Rules(argc - 2, argv + 2);
  if (cmd == "import") return Import(argc - 2, argv + 2);
  return Usage("unknown command '" + cmd + "'", kMainHelp);
}

}  // namespace
}  // namespace actorgraph::cli

int main(int argc, char** argv) {
  try {
    return actorgraph::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "actorgraph: internal error: " << e.what() << "\n";
    return 1;
  }
}
