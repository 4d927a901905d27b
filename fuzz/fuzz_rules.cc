// libFuzzer target: the rule language on arbitrary text. ParseRuleFile, then (when it
// parses) CompileRulePack and a dump of the pack; when that compiles too, every inline
// example of the pack is run through the stages the extractor runs (mentions, entity
// rules, resolution, relation matching). Errors are fine; crashes and hangs are not.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/document.h"
#include "actors/analysis.h"
#include "actors/dictionary.h"
#include "actors/recognize.h"
#include "actors/resolve.h"
#include "rules/compiler.h"
#include "rules/language.h"
#include "rules/matcher.h"
#include "text/text.h"

namespace ag = actorgraph;
namespace in = actorgraph::internal;

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_rules: invariant violated: %s\n", what);
  std::abort();
}

void CheckError(const ag::Status& s) {
  Check(s.code() == ag::ErrorCode::kRules, "a bad rule file is a rule error");
  Check(s.where().path == "fuzz.rules" || s.where().path.empty(), "a rule error names its file");
  (void)s.ToString();
}

// The extractor's stages on one example text, with the fuzzed pack.
void RunExample(const in::RulePack& pack, const std::string& text) {
  ag::Document doc;
  doc.id = "example";
  doc.text = text;
  in::Analysis a;
  a.document = &doc;
  a.text = ag::text::Normalize(doc.text);
  a.tokens = ag::text::Tokenize(a.text);
  a.sentences = ag::text::Segment(a.text, a.tokens);
  in::RecognizeMentions(pack, &a);
  a.focus_country = in::FocusCountry(a);
  in::ApplyEntityRules(pack, &a);
  in::ResolveMentions(pack, &a);
  Check(a.mentions.size() == a.sentences.size(), "mentions per sentence");
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    const std::vector<in::Unit> units = in::BuildUnits(a, a.sentences[si], a.mentions[si]);
    std::vector<in::Match> matches;
    in::FindMatches(pack, pack.relation_triggers, a, a.mentions[si], units, &matches);
    for (const in::Match& m : matches) {
      Check(m.pattern >= 0 && static_cast<size_t>(m.pattern) < pack.patterns.size(), "match names a pattern");
      Check(m.first_unit < m.last_unit && m.last_unit <= units.size(), "match inside the units");
      Check(m.trigger_first < m.trigger_last && m.trigger_last <= a.tokens.size(), "trigger inside the tokens");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // The same bytes as an actor dictionary: errors are fine.
  in::Dictionary dictionary;
  const ag::Status dict = dictionary.AddFile("fuzz.tsv", text);
  if (!dict.ok()) Check(dict.code() == ag::ErrorCode::kRules, "a bad dictionary is a rule error");
  dictionary.Build();
  (void)dictionary.Dump();

  in::RuleFile file;
  ag::Status s = in::ParseRuleFile(text, "fuzz.rules", &file);
  if (!s.ok()) {
    CheckError(s);
    return 0;
  }
  in::RulePack pack;
  pack.dictionary.Build();
  s = in::CompileRulePack(file, &pack);
  if (!s.ok()) {
    CheckError(s);
    return 0;
  }
  (void)pack.Dump();
  for (const in::CompiledRule& rule : pack.rules)
    for (const in::ExampleSpec& example : rule.examples) RunExample(pack, example.text);
  return 0;
}
