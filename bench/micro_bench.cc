// Google Benchmark micro-benchmarks of the pipeline's stages (see docs/performance.md):
//   BM_Tokenize      Normalize + Tokenize + Segment
//   BM_ActorMatch    dictionary/name/pronoun mention recognition (bundled rules/)
//   BM_RuleMatch/N   FindMatches with a synthetic pack of N relation rules
//   BM_RuleMatchFixedWork/N  the same with only 10 of the N rules able to fire
//   BM_Extract       the public Extractor::Extract, end to end, bundled rules/
// Every benchmark runs over the same sample: the first ~2 MB of Reuters-21578 bodies,
// read at run time from the shared corpus (never copied into the repository), or a
// generated news-like text when the corpus is absent — the label says which.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actorgraph/document.h"
#include "actorgraph/extractor.h"
#include "actors/analysis.h"
#include "actors/recognize.h"
#include "actors/resolve.h"
#include "rules/compiler.h"
#include "rules/language.h"
#include "rules/matcher.h"
#include "rules/morphology.h"
#include "text/text.h"

namespace ag = actorgraph;
namespace in = actorgraph::internal;

namespace {

constexpr size_t kSampleBytes = 2'000'000;

// --- the sample ------------------------------------------------------------------------

struct Sample {
  std::vector<ag::Document> docs;
  int64_t bytes = 0;  // sum of the documents' text sizes: what SetBytesProcessed counts
  std::string label;  // where the text came from
};

// The first documents of Reuters-21578 until kSampleBytes of body text; false when the
// corpus cannot be read. Stops the reader early by returning a non-ok Status.
bool LoadReuters(Sample* s) {
  const std::string path = std::string(ACTORGRAPH_SHARED_DIR) + "/corpus/reuters21578.jsonl";
  if (!std::filesystem::exists(path)) return false;
  ag::Status st = ag::ReadDocuments(path, [&](ag::Document&& d) {
    if (d.text.empty()) return ag::Status::Ok();
    s->bytes += static_cast<int64_t>(d.text.size());
    s->docs.push_back(std::move(d));
    return s->bytes >= static_cast<int64_t>(kSampleBytes) ? ag::Status::Error(ag::ErrorCode::kInternal, "enough")
                                                         : ag::Status::Ok();
  });
  if (s->docs.empty() || (!st.ok() && st.message() != "enough")) return false;
  char buf[96];
  std::snprintf(buf, sizeof buf, "reuters21578 %.1f MB, %zu docs", s->bytes / 1e6, s->docs.size());
  s->label = buf;
  return true;
}

// A pronounceable made-up word per index ("bado", "kelu" ...): the synthetic text needs
// 1,000+ distinct words so BM_RuleMatch/1000 has triggers.
std::string PseudoWord(size_t i) {
  static const char* const kSyllables[] = {"ba", "do", "ke", "lu", "mi", "no", "pa", "ri", "so", "tu",
                                           "ve", "za", "ga", "fo", "he", "ju"};
  std::string w;
  for (int k = 0; k < 3; ++k, i /= 16) w += kSyllables[i % 16];
  return w;
}

// Deterministic news-like text (countries, organizations, people, relation verbs,
// made-up verbs with a skewed frequency, economic filler), so the benchmarks still run
// without the shared corpus.
std::string SyntheticDoc(uint64_t* seed) {
  static const char* const kActors[] = {"Iran", "Russia", "the United States", "Syria", "Turkey",
                                        "France", "Japan", "Brazil", "the United Nations", "NATO",
                                        "Egypt", "Qatar", "President Putin", "the European Union"};
  static const char* const kVerbs[] = {"met", "supports", "condemned", "backed", "talks with",
                                       "accused", "signed an agreement with", "mediated between Syria and"};
  static const char* const kFiller[] = {
      "Oil prices rose 2.5 pct in early trading, dealers said.",
      "The company said net profit fell to 11.2 mln dlrs in the first quarter.",
      "Analysts expect the central bank to cut interest rates next month.",
      "Exports of coffee and cocoa were lower than a year earlier, officials said."};
  auto pick = [seed](size_t n) {
    *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;  // LCG: reproducible
    return static_cast<size_t>((*seed >> 33) % n);
  };
  std::string doc;
  while (doc.size() < 1500) {
    doc += kActors[pick(std::size(kActors))];
    doc += std::string(" ") + kVerbs[pick(std::size(kVerbs))] + " ";
    doc += kActors[pick(std::size(kActors))];
    doc += " on Tuesday, officials said. ";
    doc += kFiller[pick(std::size(kFiller))];
    doc += " ";
    doc += kActors[pick(std::size(kActors))];
    doc += " " + PseudoWord(pick(pick(2000) + 1)) + " ";  // low indices most often, as in Zipf
    doc += kActors[pick(std::size(kActors))];
    doc += ". ";
  }
  return doc;
}

void MakeSynthetic(Sample* s) {
  uint64_t seed = 42;
  for (int i = 0; s->bytes < static_cast<int64_t>(kSampleBytes); ++i) {
    ag::Document d;
    d.id = "synthetic:" + std::to_string(i);
    d.text = SyntheticDoc(&seed);
    s->bytes += static_cast<int64_t>(d.text.size());
    s->docs.push_back(std::move(d));
  }
  s->label = "SYNTHETIC text (corpus absent at " ACTORGRAPH_SHARED_DIR ")";
}

const Sample& TheSample() {
  static const Sample sample = [] {
    Sample s;
    if (!LoadReuters(&s)) {
      s = Sample();
      MakeSynthetic(&s);
    }
    return s;
  }();
  return sample;
}

// --- rule packs ------------------------------------------------------------------------

void Die(const ag::Status& s) {
  std::fprintf(stderr, "micro_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

const in::RulePack& BundledPack() {
  static const in::RulePack* pack = [] {
    auto* p = new in::RulePack();  // lives for the whole run
    ag::Status s = in::LoadRulePack({ACTORGRAPH_RULES_DIR}, p);
    if (!s.ok()) Die(s);
    return p;
  }();
  return *pack;
}

// The stage-1 analysis of every sample document (text, tokens, sentences).
std::vector<in::Analysis> Tokenized(const Sample& sample) {
  std::vector<in::Analysis> out(sample.docs.size());
  for (size_t i = 0; i < sample.docs.size(); ++i) {
    in::Analysis& a = out[i];
    a.document = &sample.docs[i];
    a.text = ag::text::Normalize(sample.docs[i].text);
    a.tokens = ag::text::Tokenize(a.text);
    in::HashTokens(a.tokens, &a.text);  // as Extractor does before the actor stage
    a.sentences = ag::text::Segment(a.text, a.tokens);
  }
  return out;
}

// Mentions as the extractor leaves them before relation rules: recognized, typed by the
// bundled entity rules and resolved, so rule slots see real actors.
const std::vector<in::Analysis>& Analyzed() {
  static const std::vector<in::Analysis> all = [] {
    std::vector<in::Analysis> v = Tokenized(TheSample());
    for (in::Analysis& a : v) {
      in::RecognizeMentions(BundledPack(), &a);
      a.focus_country = in::FocusCountry(a);
      in::ApplyEntityRules(BundledPack(), &a);
      in::ResolveMentions(BundledPack(), &a);
    }
    return v;
  }();
  return all;
}

// Words too common to say anything; the triggers are the sample's most frequent others.
const std::unordered_set<std::string>& Stopwords() {
  static const std::unordered_set<std::string> words = {
      "the", "and", "for", "that", "with", "from", "this", "was", "were", "are", "has", "have",
      "had", "its", "his", "her", "their", "they", "them", "but", "not", "which", "will",
      "would", "could", "should", "been", "also", "than", "into",
      "about", "after", "before", "over", "under", "other", "more", "most", "some", "such",
      "there", "these", "those", "what", "when", "where", "who", "whom", "whose", "why", "how",
      "all", "any", "each", "one", "two", "three", "may", "can", "did", "does", "our", "out",
      "off", "per", "via", "upon", "while", "because", "between", "against", "during",
      "through", "since", "until", "then", "only", "very", "just", "both", "being", "she",
      "him", "you", "your", "yes", "reuter"};  // "reuter": Reuters' end-of-story marker
  return words;
}

bool PlainWord(std::string_view w) {
  return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The n most frequent plain words of the sample, skipping stopwords and any word whose
// forms (<lemma> expands to -s/-ed/-ing) overlap an earlier pick: every trigger word then
// leads to exactly one rule, so a larger pack only adds rules, not work per rule.
std::vector<std::string> TriggerWords(size_t n) {
  std::unordered_map<std::string, int> freq;
  for (const in::Analysis& a : Analyzed())
    for (uint32_t t = 0; t < a.tokens.size(); ++t) {
      std::string_view w = a.TokenLower(t);
      if (PlainWord(w) && !Stopwords().count(std::string(w))) ++freq[std::string(w)];
    }
  std::vector<std::pair<int, std::string>> ranked;
  for (auto& [w, c] : freq) ranked.push_back({-c, w});
  std::sort(ranked.begin(), ranked.end());  // by frequency, then alphabetically: stable picks
  std::vector<std::string> out;
  std::set<std::string> taken;
  for (const auto& [c, w] : ranked) {
    if (out.size() == n) break;
    std::vector<std::string> forms = in::WordForms(w);
    if (std::any_of(forms.begin(), forms.end(), [&](const std::string& f) { return taken.count(f); })) continue;
    taken.insert(forms.begin(), forms.end());
    out.push_back(w);
  }
  return out;
}

std::string SyntheticRules(const std::vector<std::string>& triggers) {
  std::string text = "relation rel\n  polarity neutral\n\n";
  for (size_t i = 0; i < triggers.size(); ++i)
    text += "rule r" + std::to_string(i) + "\n  match A:Actor ...{0,3} <" + triggers[i] +
            "> B:Actor\n  yield A rel B\n\n";
  return text;
}

// The bundled actor dictionaries plus `rules_text`, compiled.
std::unique_ptr<in::RulePack> SyntheticPack(const std::string& rules_text) {
  auto pack = std::make_unique<in::RulePack>();
  const std::string dir = std::string(ACTORGRAPH_RULES_DIR) + "/actors";
  for (const char* name : {"countries.tsv", "organizations.tsv"}) {
    std::string path = dir + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) Die(ag::Status::Error(ag::ErrorCode::kInput, "cannot read " + path));
    std::string tsv;
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) tsv.append(buf, n);
    std::fclose(f);
    ag::Status s = pack->dictionary.AddFile(path, tsv);
    if (!s.ok()) Die(s);
  }
  pack->dictionary.Build();
  in::RuleFile parsed;
  ag::Status s = in::ParseRuleFile(rules_text, "synthetic.rules", &parsed);
  if (s.ok()) s = in::CompileRulePack(parsed, pack.get());
  if (!s.ok()) Die(s);
  return pack;
}

// --- benchmarks ------------------------------------------------------------------------

void Finish(benchmark::State& state, const Sample& sample) {
  state.SetBytesProcessed(state.iterations() * sample.bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(sample.docs.size()));
  state.SetLabel(sample.label);
}

void BM_Tokenize(benchmark::State& state) {
  const Sample& sample = TheSample();
  for (auto _ : state)
    for (const ag::Document& d : sample.docs) {
      ag::text::NormalizedText t = ag::text::Normalize(d.text);
      std::vector<ag::text::Token> tokens = ag::text::Tokenize(t);
      std::vector<ag::text::Sentence> sentences = ag::text::Segment(t, tokens);
      benchmark::DoNotOptimize(sentences.data());
    }
  Finish(state, sample);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_ActorMatch(benchmark::State& state) {
  const Sample& sample = TheSample();
  const in::RulePack& pack = BundledPack();
  std::vector<in::Analysis> docs = Tokenized(sample);  // stage 1 is not timed here
  int64_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (in::Analysis& a : docs) {
      a.ClearActors();  // start each pass as a fresh document would
      in::RecognizeMentions(pack, &a);
      for (const auto& ms : a.mentions) mentions += static_cast<int64_t>(ms.size());
    }
  }
  state.counters["mentions"] = static_cast<double>(mentions);
  Finish(state, sample);
}
BENCHMARK(BM_ActorMatch)->Unit(benchmark::kMillisecond);

struct SentenceUnits {
  const in::Analysis* a;
  size_t sentence;
  std::vector<in::Unit> units;
};

std::vector<SentenceUnits> AllUnits() {
  std::vector<SentenceUnits> out;
  for (const in::Analysis& a : Analyzed())
    for (size_t s = 0; s < a.sentences.size(); ++s)
      out.push_back({&a, s, in::BuildUnits(a, a.sentences[s], a.mentions[s])});
  return out;
}

// How many (pattern, position) attempts the trigger index hands the matcher per pass.
int64_t Attempts(const in::RulePack& pack, const std::vector<SentenceUnits>& all) {
  int64_t n = 0;
  for (const SentenceUnits& su : all)
    for (const in::Unit& u : su.units)
      if (u.mention < 0) n += static_cast<int64_t>(pack.relation_triggers.Find(su.a->TokenLower(u.first)).size());
  return n;
}

// A word that occurs in no English text: "zqa", "zqb", ... for i = 0, 1, ...
std::string NonceWord(size_t i) {
  std::string w = "zq";
  do {
    w += static_cast<char>('a' + i % 26);
    i /= 26;
  } while (i > 0);
  return w;
}

// Times FindMatches of a pack with `triggers` over every sentence of the sample.
void RunRuleMatch(benchmark::State& state, const std::vector<std::string>& triggers) {
  const Sample& sample = TheSample();
  std::unique_ptr<in::RulePack> pack = SyntheticPack(SyntheticRules(triggers));
  const std::vector<SentenceUnits> all = AllUnits();
  std::vector<in::Match> matches;
  int64_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const SentenceUnits& su : all) {
      matches.clear();
      in::FindMatches(*pack, pack->relation_triggers, *su.a, su.a->mentions[su.sentence], su.units, &matches);
      found += static_cast<int64_t>(matches.size());
    }
  }
  state.counters["rules"] = static_cast<double>(pack->rules.size());
  state.counters["matches"] = static_cast<double>(found);
  const double attempts = static_cast<double>(Attempts(*pack, all));
  state.counters["attempts"] = attempts;
  state.counters["attempts/s"] = benchmark::Counter(attempts, benchmark::Counter::kIsIterationInvariantRate);
  Finish(state, sample);
}

// N rules on the sample's N most frequent content words: the more rules, the more of
// the text is a trigger, so the work (attempts) grows with N.
void BM_RuleMatch(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<std::string> triggers = TriggerWords(n);
  if (triggers.size() < n) {
    state.SkipWithError("the sample has too few distinct words for this many rules");
    return;
  }
  RunRuleMatch(state, triggers);
}
BENCHMARK(BM_RuleMatch)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

// The same 10 frequent-word rules plus N-10 rules whose triggers never occur: isolates
// what the number of rules itself costs (the trigger index), with the work held fixed.
void BM_RuleMatchFixedWork(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<std::string> triggers = TriggerWords(10);
  for (size_t i = 0; triggers.size() < n; ++i) triggers.push_back(NonceWord(i));
  RunRuleMatch(state, triggers);
}
BENCHMARK(BM_RuleMatchFixedWork)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  const Sample& sample = TheSample();
  std::unique_ptr<ag::Extractor> extractor;
  ag::Status s = ag::Extractor::Create({ACTORGRAPH_RULES_DIR}, &extractor);
  if (!s.ok()) Die(s);
  int64_t triples = 0;
  for (auto _ : state) {
    triples = 0;
    for (const ag::Document& d : sample.docs) triples += static_cast<int64_t>(extractor->Extract(d).triples.size());
  }
  state.counters["triples"] = static_cast<double>(triples);
  Finish(state, sample);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
