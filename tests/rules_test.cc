// The rule language: lexing, parsing, compiling, matching, and its error messages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "actorgraph/extractor.h"
#include "actors/analysis.h"
#include "actors/recognize.h"
#include "rules/compiler.h"
#include "rules/language.h"
#include "rules/matcher.h"
#include "rules/morphology.h"
#include "text/text.h"

namespace ag = actorgraph;
namespace in = actorgraph::internal;

namespace {

// A minimal pack: two relations, a list, and whatever rules the test adds.
const char* kBase =
    "relation opposed-to\n  polarity conflict\n"
    "relation meets-with\n  symmetric\n  polarity cooperation\n"
    "list verbs = condemned, \"cracked down on\"\n"
    "cue negated = not\n";

// ctest runs test cases as parallel processes: each gets a directory of its own,
// removed when the process ends.
struct TempDir {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("actorgraph_rules_test." + std::to_string(getpid()));
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

std::string WriteRules(const std::string& name, const std::string& text) {
  static TempDir temp;
  const std::filesystem::path& dir = temp.path;
  std::filesystem::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

ag::Status Compile(const std::string& text, in::RulePack* pack) {
  in::RuleFile file;
  ag::Status s = in::ParseRuleFile(text, "t.rules", &file);
  if (!s.ok()) return s;
  return in::CompileRulePack(file, pack);
}

std::string ErrorOf(const std::string& rules) {
  in::RulePack pack;
  ag::Status s = Compile(std::string(kBase) + rules, &pack);
  return s.ok() ? "ok" : s.ToString();
}

const char* kCountries =
    "name\ttype\tcode\tsector\taliases\tadjectives\n"
    "Chad\tCountry\tTCD\t\t\tChadian\n"
    "Niger\tCountry\tNER\t\t\tNigerien\n"
    "Mali\tCountry\tMLI\t\t\tMalian\n";

// The extractor of kBase with `rules`, written to the file `name` (its path in *path),
// and the countries of kCountries with the dictionary lines `actors` after them.
std::unique_ptr<ag::Extractor> Load(const std::string& name, const std::string& rules, std::string* path = nullptr,
                                    const std::string& actors = "") {
  std::string r = WriteRules(name, std::string(kBase) + rules);
  std::string d = WriteRules("pack.tsv", std::string(kCountries) + actors);
  std::unique_ptr<ag::Extractor> ex;
  ag::Status s = ag::Extractor::Create({r, d}, &ex);
  INFO(s.ToString());
  REQUIRE(s.ok());
  if (path) *path = r;
  return ex;
}

// The triples `ex` finds in document "t" of `text`.
std::vector<ag::Triple> Extract(const ag::Extractor& ex, const std::string& text) {
  ag::Document doc;
  doc.id = "t";
  doc.text = text;
  return ex.Extract(doc).triples;
}

std::vector<ag::Triple> Run(const std::string& rules, const std::string& text) {
  return Extract(*Load("pack.rules", rules), text);
}

std::string Triples(const std::vector<ag::Triple>& ts) {
  std::string out;
  for (const ag::Triple& t : ts)
    out += t.subject.name + " " + t.type.name + " " + t.object.name + " [" + std::string(ag::ModalityName(t.modality)) + "]\n";
  return out;
}

}  // namespace

TEST_CASE("word forms of a lemma", "[rules][morphology]") {
  auto forms = in::WordForms("meet");
  for (const char* f : {"meet", "meets", "meeting", "met"})
    CHECK(std::find(forms.begin(), forms.end(), f) != forms.end());
  forms = in::WordForms("stop");
  CHECK(std::find(forms.begin(), forms.end(), "stopped") != forms.end());
  forms = in::WordForms("accuse");
  CHECK(std::find(forms.begin(), forms.end(), "accused") != forms.end());
  CHECK(std::find(forms.begin(), forms.end(), "accusing") != forms.end());
  forms = in::WordForms("fight");
  CHECK(std::find(forms.begin(), forms.end(), "fought") != forms.end());
}

TEST_CASE("syntax errors name file, line and column and say what was expected", "[rules][errors]") {
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  yield A opposed-to B\nbogus x\n") ==
        "t.rules:11:1: expected 'relation', 'list', 'cue', 'rule' or 'entity', found 'bogus'");
  CHECK(ErrorOf("rule r1\n  match A:Actor (condemned B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:35: expected '|' or ')', found the end of the line");
  CHECK(ErrorOf("rule r1\n  match A:Actor \"condemned B:Actor\n") ==
        "t.rules:9:17: unterminated string: expected a closing '\"'");
  CHECK(ErrorOf("rule r1\n  match A:Actor ...{4,2} B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:17: gap bounds must satisfy 0 <= min <= max <= 50");
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  shout A\n") ==
        "t.rules:10:3: expected 'match', 'yield', 'modality', 'official', 'side', 'together', 'example', 'exactly' or "
        "'counter', found 'shout'");
  // `together` is about the pairs of a yield from a slot to itself: without one it says nothing.
  CHECK(ErrorOf("rule r1\n  match A:Actor met B:Actor\n  yield A meets-with B\n  together\n").find(
            "together needs a yield from a slot to itself") != std::string::npos);
  CHECK(ErrorOf("rule r1\n  match A:Actor met\n  yield A meets-with A\n  together\n") == "ok");
  in::RuleFile file;
  CHECK(in::ParseRuleFile("# a comment\n  match A:Actor condemned B:Actor\n", "u.rules", &file).ToString().find(
            "u.rules:2:3: an indented line must belong to a block") == 0);
}

// A list's items as the parser reads them from `items` written on the list's own line
// (lexed) or on a line of their own after it (read as plain items where they are), or
// the error's message without its place.
std::string ListItemsOf(const std::string& items, bool own_line) {
  in::RuleFile file;
  const std::string text = own_line ? "list x =\n  " + items + "\n" : "list x = " + items + "\n";
  const ag::Status s = in::ParseRuleFile(text, "l.rules", &file);
  if (!s.ok()) {
    const std::string message = s.ToString();
    return "error: " + message.substr(message.find(": ") + 2);
  }
  std::string out;
  for (const std::string& item : file.lists.at(0).items) out += "[" + item + "]";
  for (const in::ListDecl::Include& include : file.lists.at(0).includes) out += "@" + include.name;
  return out;
}

TEST_CASE("a list's plain lines read as the lexer reads them", "[rules][lexer]") {
  const std::vector<std::pair<std::string, bool>> lines = {
      {"alpha, \"beta gamma\", delta", true},  {"alpha,\"beta\",gamma # a note", true},
      {"alpha,# a note", true},                  {"alpha\t,\tbeta,", true},
      {"\"\", alpha", true},                      {"a...b, .c, d-e, o'f, caf\xc3\xa9", true},
      {"alpha, , beta", false},                  {"alpha beta", false},
      {"\"open, alpha", false},                  {"\"back\\\"slash\", alpha", false},
      {"alpha, @verbs", false},                  {"alpha: beta", false},
      {"Alpha:Person, beta", false},             {"...gap, alpha", false},
      {"*, alpha", false},                       {"alpha; beta", false},
      {"alpha\"beta\"", false},                  {"alpha=beta", false},
      {", alpha", false},                        {"alpha, !beta", false},
  };
  for (const auto& [line, plain] : lines) {
    INFO(line);
    CHECK(ListItemsOf(line, true) == ListItemsOf(line, false));
    std::vector<std::string> items = {"kept"};
    CHECK(in::LexPlainListItems("  " + line, 2, &items) == plain);
    if (!plain) CHECK(items == std::vector<std::string>{"kept"});
  }
  CHECK(ListItemsOf("alpha, \"beta gamma\", delta", true) == "[alpha][beta gamma][delta]");
  CHECK(ListItemsOf("alpha, , beta", true) ==
        "error: expected a list item (a word, a quoted phrase or a @list), found ','");
}

// What the parser reads of a lexeme: its kind, its text, a slot's types and count, a
// gap's bounds.
std::string LexemeRead(const in::Lexeme& lx) {
  std::string out = std::string(in::LexemeKindName(lx.kind)) + " [" + std::string(lx.text) + "]";
  if (lx.kind == in::Lexeme::kSlot) {
    for (const std::string& type : lx.types) out += " " + type;
    out += lx.single ? " {1}" : "";
  }
  if (lx.kind == in::Lexeme::kGap) out += " " + std::to_string(lx.min) + "-" + std::to_string(lx.max);
  return out;
}

std::vector<std::string> LexemesRead(const std::vector<in::Lexeme>& lexemes) {
  std::vector<std::string> out;
  for (const in::Lexeme& lx : lexemes) {
    out.push_back(LexemeRead(lx));
    if (lx.kind == in::Lexeme::kEnd) break;
  }
  return out;
}

TEST_CASE("lexemes reused from the lines before read as lexed afresh", "[rules][lexer]") {
  // The lexer resets of a reused lexeme only what every kind reads: a slot's types and
  // count and a gap's bounds are set where they are read, never left from another line.
  const std::vector<std::string> lines = {
      "match X:Person|Country{1} \"say \\\"no\\\"\" <Met> ...{2,4} Y:Actor",
      "match Y:Actor met ... @verbs Z:Group{1}",
      "match alpha beta gamma delta epsilon zeta eta theta",
      "match W:Person \"plain\" <Go> ( a | b )? Q:Country|Group",
      "match A:Actor ...{0,3} B:Actor{1}",
      "match C:Organization ... D:Person",
  };
  const in::Loc loc{};
  std::vector<in::Lexeme> reused;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& line : lines) {
      INFO(line);
      std::vector<in::Lexeme> fresh;
      REQUIRE(in::LexLine(line, 0, loc, &fresh).ok());
      REQUIRE(in::LexLine(line, 0, loc, &reused).ok());
      CHECK(LexemesRead(reused) == LexemesRead(fresh));
    }
  }
  std::vector<in::Lexeme> fresh;
  REQUIRE(in::LexLine(lines[0], 0, loc, &fresh).ok());
  CHECK(LexemesRead(fresh)[1] == "a slot [X] Person Country {1}");
  CHECK(LexemesRead(fresh)[2] == "a quoted string [say \"no\"]");
  CHECK(LexemesRead(fresh)[4] == "a gap '...' [] 2-4");
}

TEST_CASE("gap bounds of plain digits read as std::stoi reads any", "[rules][lexer]") {
  // The lexer reads bounds of one to three digits itself and hands any other text to
  // std::stoi: both read the same bounds, and the same texts are errors.
  const auto bounds = [](const std::string& gap) {
    const std::string line = "match " + gap;  // the lexemes' texts are views into it
    std::vector<in::Lexeme> lexemes;
    const ag::Status s = in::LexLine(line, 0, in::Loc{"g.rules", 1, 0}, &lexemes);
    if (!s.ok()) return s.ToString();
    return LexemesRead(lexemes)[1];
  };
  CHECK(bounds("...") == "a gap '...' [] 0-5");
  CHECK(bounds("...{2}") == "a gap '...' [] 2-2");
  CHECK(bounds("...{0,4}") == "a gap '...' [] 0-4");
  CHECK(bounds("...{007,12}") == "a gap '...' [] 7-12");
  CHECK(bounds("...{0007}") == "a gap '...' [] 7-7");     // four digits: std::stoi's
  CHECK(bounds("...{ 3}") == "a gap '...' [] 3-3");       // std::stoi skips the space
  CHECK(bounds("...{+2,4}") == "a gap '...' [] 2-4");     // and takes a sign
  CHECK(bounds("...{1,2,3}") == "a gap '...' [] 1-2");    // and stops at the comma
  for (const char* gap : {"...{a}", "...{1,x}", "...{,4}", "...{3,}", "...{}", "...{99999999999}"})
    CHECK(bounds(gap) == "g.rules:1:10: gap bounds must be numbers, as in ...{0,4}");
  CHECK(bounds("...{60}") == "g.rules:1:7: gap bounds must satisfy 0 <= min <= max <= 50");
  CHECK(bounds("...{5,2}") == "g.rules:1:7: gap bounds must satisfy 0 <= min <= max <= 50");
}

TEST_CASE("a rule that fails to compile leaves none of its patterns in the pack", "[rules][errors]") {
  // The compiler writes a rule's patterns straight into the pack: a rule that fails after
  // them (here at its yield) takes them back out, as if it had compiled them aside.
  in::RulePack pack;
  CHECK(!Compile(std::string(kBase) +
                     "rule r1\n  match A:Actor condemned B:Actor\n  match A:Actor warned B:Actor\n"
                     "  yield A opposed-to B\n"
                     "rule r2\n  match A:Actor met B:Actor\n  match A:Actor visited B:Actor\n"
                     "  yield A meets-with C\n",
                 &pack)
             .ok());
  REQUIRE(pack.rules.size() == 1);
  CHECK(pack.patterns.size() == 2);
  for (const in::CompiledPattern& p : pack.patterns) CHECK(p.rule == 0);
}

TEST_CASE("compile errors name the rule's location", "[rules][errors]") {
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  yield A hates B\n") ==
        "t.rules:10:11: unknown relation 'hates': declare it with 'relation hates'");
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  yield A opposed-to C\n") ==
        "t.rules:10:22: unknown slot 'C' in yield: every match line must bind it; they bind A, B");
  CHECK(ErrorOf("rule r1\n  match A:Actor visited B:Actor\n  yield A meets-with B\n  official C\n")
            .find("unknown slot 'C' in official: every match line must bind it; they bind A, B") != std::string::npos);
  CHECK(ErrorOf("rule r1\n  match A:Actor warned B:Actor\n  yield A opposed-to B\n  side C\n")
            .find("unknown slot 'C' in side: no match line binds it; they bind A, B") != std::string::npos);
  CHECK(ErrorOf("rule r1\n  match A:Actor @nothing B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:17: unknown list '@nothing': declare it with 'list nothing = ...'");
  // A name a typo or two from a declared one is suggested; a short one within one typo.
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  yield A oposed-to B\n") ==
        "t.rules:10:11: unknown relation 'oposed-to': did you mean 'opposed-to'? Otherwise, declare it "
        "with 'relation oposed-to'");
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  yield A meet-with B\n").find(
            "did you mean 'meets-with'?") != std::string::npos);
  CHECK(ErrorOf("rule r1\n  match A:Actor @verb B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:17: unknown list '@verb': did you mean '@verbs'? Otherwise, declare it with "
        "'list verb = ...'");
  CHECK(ErrorOf("rule r1\n  match A:Actor @vrbz B:Actor\n  yield A opposed-to B\n").find("did you mean") ==
        std::string::npos);
  // Inside a group of words, which is compiled as one index.
  CHECK(ErrorOf("rule r1\n  match A:Actor (condemned | @nothing) B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:30: unknown list '@nothing': declare it with 'list nothing = ...'");
  CHECK(ErrorOf("rule r1\n  match A:Actor (condemned | \"\") B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:30: expected a word or phrase, found an empty string");
  CHECK(ErrorOf("rule r1\n  match A:Actor B:Actor\n  yield A opposed-to B\n").find("needs at least one required word") !=
        std::string::npos);
  CHECK(ErrorOf("rule r1\n  match A:Animal condemned B:Actor\n  yield A opposed-to B\n").find("unknown actor type 'Animal'") !=
        std::string::npos);
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  yield A opposed-to B\n"
                "rule r1\n  match A:Actor condemned B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:11:6: rule id 'r1' is defined twice; first at t.rules:8");
  CHECK(ErrorOf("relation opposed-to\n") == "t.rules:8:10: relation 'opposed-to' is declared twice; first at t.rules:1");
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  match A:Actor condemned\n  yield A opposed-to B\n") ==
        "t.rules:11:22: unknown slot 'B' in yield: every match line must bind it; they bind A, B");
}

TEST_CASE("rule files load from directories and report unreadable paths", "[rules]") {
  std::unique_ptr<ag::Extractor> ex;
  ag::Status s = ag::Extractor::Create({"/no/such/rules"}, &ex);
  CHECK(s.code() == ag::ErrorCode::kRules);
  CHECK(s.ToString() == "/no/such/rules: no such rule file or directory");
}

namespace {

// Two loads of the bundled pack find the same triples, and some, in a short text.
void CheckSameExtraction(const ag::Extractor& a, const ag::Extractor& b) {
  ag::Document doc;
  doc.id = "t";
  doc.text = "Egyptian President Abdel Fattah al-Sisi met Qatar's emir in Cairo on Sunday. "
             "The Sudanese army accused the Rapid Support Forces of shelling Omdurman.";
  const std::string triples = Triples(a.Extract(doc).triples);
  CHECK_FALSE(triples.empty());
  CHECK(Triples(b.Extract(doc).triples) == triples);
}

}  // namespace

TEST_CASE("a load without the examples extracts the same, and passes their lines over", "[rules]") {
  const std::string bundled = std::string(ACTORGRAPH_SOURCE_DIR) + "/rules";
  ag::LoadOptions no_examples;
  no_examples.examples = false;
  std::unique_ptr<ag::Extractor> with, without;
  REQUIRE(ag::Extractor::Create({bundled}, &with).ok());
  REQUIRE(ag::Extractor::Create({bundled}, no_examples, &without).ok());
  CHECK_FALSE(with->TestExamples().empty());
  CHECK(without->TestExamples().empty());
  CheckSameExtraction(*with, *without);
  // A broken example stops only the load that reads it.
  const std::string path = WriteRules(
      "broken_example.rules", std::string(kBase) +
                                  "rule r\n  match A:Actor condemned B:Actor\n  yield A opposed-to B\n"
                                  "  example Chad condemned Libya.\n");
  std::unique_ptr<ag::Extractor> ex;
  CHECK_FALSE(ag::Extractor::Create({path}, &ex).ok());
  CHECK(ag::Extractor::Create({path}, no_examples, &ex).ok());
}

TEST_CASE("a pack loads the same on one thread as on two and reports the earliest file's error", "[rules]") {
  const std::string bundled = std::string(ACTORGRAPH_SOURCE_DIR) + "/rules";
  std::unique_ptr<ag::Extractor> one, two;
  REQUIRE(ag::Extractor::Create({bundled}, ag::LoadOptions{1}, &one).ok());
  REQUIRE(ag::Extractor::Create({bundled}, ag::LoadOptions{2}, &two).ok());
  CHECK(one->Dump() == two->Dump());
  CheckSameExtraction(*one, *two);

  // Files load in sorted order: the dictionary's error comes first in a/, the rules' in b/.
  const std::string bad_tsv = "name\ttype\nChad\tKingdom\n";
  const std::string bad_rules = "rule r\n  match A:Actor\n  yield A meets-with\n";
  const std::string a_tsv = WriteRules("a1.tsv", bad_tsv), a_rules = WriteRules("a2.rules", bad_rules);
  const std::string b_rules = WriteRules("b1.rules", bad_rules), b_tsv = WriteRules("b2.tsv", bad_tsv);
  for (int threads : {1, 2}) {
    INFO(threads << " thread(s)");
    std::unique_ptr<ag::Extractor> ex;
    const ag::Status a = ag::Extractor::Create({a_tsv, a_rules}, ag::LoadOptions{threads}, &ex);
    CHECK(a.ToString().rfind(a_tsv + ":2:", 0) == 0);
    const ag::Status b = ag::Extractor::Create({b_rules, b_tsv}, ag::LoadOptions{threads}, &ex);
    CHECK(b.ToString().rfind(b_rules + ":", 0) == 0);
    const ag::Status missing = ag::Extractor::Create({a_tsv, "/no/such/file.rules"}, ag::LoadOptions{threads}, &ex);
    CHECK(missing.ToString() == "/no/such/file.rules: no such rule file or directory");  // before any file is read
  }
}

// Windows editors and spreadsheets saving "UTF-8" open a file with a byte order mark: a
// rule file's first word was then unknown, and a dictionary's header lacked 'name'.
TEST_CASE("rule files and dictionaries may open with a UTF-8 byte order mark", "[rules]") {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string rules = std::string(kBase) +
                            "rule m\n  match A:Actor met B:Actor\n  yield A meets-with B\n";
  std::unique_ptr<ag::Extractor> plain, marked;
  REQUIRE(ag::Extractor::Create({WriteRules("plain.rules", rules), WriteRules("plain.tsv", kCountries)}, &plain).ok());
  const ag::Status s =
      ag::Extractor::Create({WriteRules("bom.rules", bom + rules), WriteRules("bom.tsv", bom + kCountries)}, &marked);
  INFO(s.ToString());
  REQUIRE(s.ok());
  std::string dump = marked->Dump();  // names its files: bom.* where the other has plain.*
  for (const std::string ext : {".rules", ".tsv"})
    for (size_t at; (at = dump.find("bom" + ext)) != std::string::npos;) dump.replace(at, 3, "plain");
  CHECK(dump == plain->Dump());
  ag::Document doc;
  doc.id = "t";
  doc.text = "Chad met Niger.";
  CHECK(Triples(marked->Extract(doc).triples) == "Chad meets-with Niger [asserted]\n");
  // Columns are counted after the mark, as an editor shows them.
  std::unique_ptr<ag::Extractor> bad;
  const ag::Status error = ag::Extractor::Create({WriteRules("bom_bad.rules", bom + "bogus\n")}, &bad);
  CHECK(error.where().line == 1);
  CHECK(error.where().column == 1);
}

TEST_CASE("patterns: words, lemmas, lists, optional parts and gaps", "[rules][matcher]") {
  std::string rules =
      "rule r\n  match A:Country ...{0,2} (<condemn> | @verbs) (the)? B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(rules, "Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad strongly condemns Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad cracked down on Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad, in a long statement on Monday, condemned Niger.")).empty());
  CHECK(Triples(Run(rules, "Chad did not condemn Niger.")) == "Chad opposed-to Niger [negated]\n");
}

TEST_CASE("a negation before \"but\" or \"instead\" in the match denies the first verb, not the trigger",
          "[rules][modality]") {
  // The conjunction as a group of sequences anchors nothing: the second verb triggers.
  std::string rules =
      "rule r\n  match A:Country ...{1,6} (but (did not)? | and instead) (<condemn> | @verbs) B:Country\n"
      "  yield A opposed-to B\n";
  CHECK(Triples(Run(rules, "Chad did not attend the summit, but condemned Niger.")) ==
        "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad did not attend and instead condemned Niger.")) ==
        "Chad opposed-to Niger [asserted]\n");
  // A negation after the "but" is the trigger's own.
  CHECK(Triples(Run(rules, "Chad attended the summit, but did not condemn Niger.")) ==
        "Chad opposed-to Niger [negated]\n");
}

TEST_CASE("a group of words is one trigger index, shared by the patterns that repeat it", "[rules][matcher]") {
  const std::string group = "(<denounce> | \"lashed out at\" | @verbs | (rebuked | scolded))";
  const std::string rules = "rule r\n  match A:Country " + group + " B:Country\n  yield A opposed-to B\n" +
                            "rule s\n  match A:Country " + group + "? over B:Country\n  yield A opposed-to B\n";
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + rules, &pack).ok());
  REQUIRE(pack.patterns.size() == 2);
  CHECK(pack.patterns[0].anchor.words->size() == 10);  // the lemma's 5 forms, a phrase, 2 list items, 2 words
  CHECK(pack.patterns[0].anchor.words.get() == pack.patterns[1].before[0].words.get());
  CHECK(pack.Dump().find("  triggers: condemned cracked denounce denounced denounces denouncing denouncings lashed "
                         "rebuked scolded\n") != std::string::npos);
  for (const char* verb : {"denounced", "lashed out at", "cracked down on", "scolded"})
    CHECK(Triples(Run(rules, std::string("Chad ") + verb + " Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad lashed Niger.")).empty());
}

TEST_CASE("a pattern is tried only in a sentence that may hold the other words it needs", "[rules][matcher]") {
  // The anchor is "is"; "ally" (or "allies") and "close" or a word of the group must be
  // there too. Optional and negated words, slots and gaps ask nothing.
  const std::string rules =
      "rule r\n  match A:Country is (a | an)? (close | (very | most) trusted) (ally | allies) (of)? !not "
      "...{0,2} B:Country\n  yield A meets-with B\n";
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + rules, &pack).ok());
  REQUIRE(pack.patterns.size() == 1);
  const in::CompiledPattern& p = pack.patterns[0];
  REQUIRE(p.required_words.size() == 2);
  auto sentence = [](std::initializer_list<const char*> words) {
    in::WordSignature signature;
    for (const char* w : words) signature.Add(in::HashWord(w));
    return signature;
  };
  CHECK(p.MayMatchIn(sentence({"chad", "is", "a", "close", "ally", "of", "niger"})));
  CHECK(p.MayMatchIn(sentence({"most", "allies"})));
  CHECK(p.MayMatchIn(sentence({"very", "ally"})));
  // A signature proves only what is not there: these words share no bit with the ones
  // asked for (HashWord is fixed, so this holds on every machine).
  const in::WordSignature friend_sentence = sentence({"chad", "is", "a", "close", "friend", "of", "niger"});
  REQUIRE_FALSE(friend_sentence.MayHoldOneOf(sentence({"ally", "allies"})));
  CHECK_FALSE(p.MayMatchIn(friend_sentence));
  const in::WordSignature old_sentence = sentence({"chad", "is", "an", "old", "ally", "of", "niger"});
  REQUIRE_FALSE(old_sentence.MayHoldOneOf(sentence({"close", "very", "most"})));
  CHECK_FALSE(p.MayMatchIn(old_sentence));
  // The matches are those of a matcher that tries every pattern.
  CHECK(Triples(Run(rules, "Chad is a close ally of Niger.")) == "Chad meets-with Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad is a most trusted ally of Niger.")) == "Chad meets-with Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad is a close friend of Niger.")).empty());
  CHECK(Triples(Run(rules, "Chad is an old ally of Niger.")).empty());
}

TEST_CASE("a pattern's required words in one word of the signature are tested first by an AND", "[rules][matcher]") {
  // Three words besides the anchor, each a bit of the signature.
  const std::string rules =
      "rule r\n  match A:Country has held talks with B:Country\n  yield A meets-with B\n";
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + rules, &pack).ok());
  REQUIRE(pack.patterns.size() == 1);
  const in::CompiledPattern& p = pack.patterns[0];
  REQUIRE(p.required_words.size() == 3);
  REQUIRE(p.first_words != 0);
  // The front signature is the one tested by the AND: all its bits in that word.
  const in::WordSignature& front = p.required_words.front();
  for (uint32_t w = 0; w < in::WordSignature::kWords; ++w)
    CHECK(front.bits[w] == (w == p.first_words_at ? p.first_words : 0u));
  auto sentence = [](std::initializer_list<const char*> words) {
    in::WordSignature signature;
    for (const char* w : words) signature.Add(in::HashWord(w));
    return signature;
  };
  // The answers are those of testing every signature whole.
  auto whole = [&](const in::WordSignature& s) {
    for (const in::WordSignature& words : p.required_words)
      if (!s.MayHoldOneOf(words)) return false;
    return true;
  };
  const std::vector<in::WordSignature> sentences = {
      sentence({"has", "held", "talks", "with"}), sentence({"has", "held", "talks"}),
      sentence({"has", "held", "with"}), sentence({"held", "talks", "with"}), sentence({"talks"}), sentence({})};
  CHECK(p.MayMatchIn(sentences[0]));
  for (const in::WordSignature& s : sentences) CHECK(p.MayMatchIn(s) == whole(s));
}

TEST_CASE("a pattern is tried only at a trigger with a mention for each slot it needs on that slot's side",
          "[rules][matcher]") {
  // Each required slot asks for a mention of its kinds on its side of the anchor; an
  // optional slot asks nothing.
  const std::string rules =
      "rule r\n  match A:Country|Demonym backed B:Organization|Name (C:Person)?\n  yield A meets-with B\n";
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + rules, &pack).ok());
  REQUIRE(pack.patterns.size() == 1);
  const in::CompiledPattern& p = pack.patterns[0];
  auto kind = [](ag::ActorType t) { return 1u << static_cast<int>(t); };
  const uint32_t country = kind(ag::ActorType::kCountry), organization = kind(ag::ActorType::kOrganization),
                 person = kind(ag::ActorType::kPerson);
  CHECK(p.required_before == std::vector<uint32_t>{country | in::kDemonymKind});
  CHECK(p.required_after == std::vector<uint32_t>{organization | in::kNameKind});
  CHECK(p.MayMatchWith(country, organization));
  CHECK(p.MayMatchWith(in::kDemonymKind | person, in::kNameKind | person));
  CHECK_FALSE(p.MayMatchWith(country | organization, country));  // nothing for B after the anchor
  CHECK_FALSE(p.MayMatchWith(organization, country | organization));  // nothing for A before it
  CHECK_FALSE(p.MayMatchWith(person, in::kDemonymKind | country | person));
  // The trigger's chunk, which the matcher reads, answers as the pattern does, every kind
  // on either side (no kinds at all too), and for every count of mentions.
  const in::WordValues<const in::TriggerChunk> chunks = pack.relation_triggers.ChunksOf(in::HashWord("backed"));
  REQUIRE(chunks.size() == 1);
  const in::TriggerChunk& chunk = chunks.front();
  REQUIRE(chunk.size == 1);
  CHECK(pack.relation_triggers.Pattern(chunk, 0) == 0);
  CHECK(chunk.needs_words == 0);
  for (size_t mentions = 0; mentions < 5; ++mentions)
    CHECK(pack.relation_triggers.Allowed(chunk, pack.relation_triggers.MentionStep(mentions)) ==
          (mentions >= p.min_mentions ? 1u : 0u));
  for (uint32_t before = 0; before < 256; ++before)
    for (uint32_t after = 0; after < 256; ++after)
      REQUIRE((pack.relation_triggers.TurnedDown(chunk, in::TriggerTable::Sides(before, after)) == 0) ==
              p.MayMatchWith(before, after));
  // "Actor" is every type, but neither a name not known as an actor nor a demonym.
  in::RulePack any;
  REQUIRE(Compile(std::string(kBase) + "rule r\n  match A:Actor backed B:Actor\n  yield A meets-with B\n", &any).ok());
  CHECK(any.patterns[0].required_before == std::vector<uint32_t>{in::kActorTypeKinds});
  CHECK(any.patterns[0].required_after == std::vector<uint32_t>{in::kActorTypeKinds});
  // The matches are those of a matcher that tries every pattern: the sides are read at
  // each trigger, and a demonym is a kind of its own.
  const std::string countries = "rule r\n  match A:Country backed B:Country|Name\n  yield A meets-with B\n";
  CHECK(Triples(Run(countries, "Chad backed Niger.")) == "Chad meets-with Niger [asserted]\n");
  CHECK(Triples(Run(countries, "Chad backed Niger, and Niger backed Mali.")) ==
        "Chad meets-with Niger [asserted]\nNiger meets-with Mali [asserted]\n");
  CHECK(Triples(Run(countries, "Chadian troops backed Niger.")).empty());
  CHECK(Triples(Run(rules, "Chad backed Niger.")).empty());
  const std::string demonyms = "rule r\n  match A:Demonym ...{0,1} backed B:Country\n  yield A meets-with B\n";
  CHECK(Triples(Run(demonyms, "Chadian forces backed Niger.")) == "Chad meets-with Niger [asserted]\n");
  // At the first "backed" no demonym stands before it; at the second one does.
  CHECK(Triples(Run(demonyms, "Chad backed Niger, and Malian troops backed Niger.")) ==
        "Mali meets-with Niger [asserted]\n");
}

TEST_CASE("!X: what must not come next", "[rules][matcher]") {
  std::string rules = "rule r\n  match A:Country condemned B:Country !(\"'s\" | ally)\n  yield A opposed-to B\n";
  CHECK(Triples(Run(rules, "Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad condemned Niger's decision.")).empty());
  CHECK(Triples(Run(rules, "Chad condemned Niger ally Mali.")).empty());
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned !B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:27: '!' takes a word, \"phrase\", <lemma>, @list or a group of them");
}

TEST_CASE("!( ... ) with a gap: what must not come within the next words", "[rules][matcher]") {
  // A time phrase between the object and its clause is read over.
  std::string rules = "rule r\n  match A:Country warned B:Country !(...{0,3} that)\n  yield A opposed-to B\n";
  CHECK(Triples(Run(rules, "Chad warned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Chad warned Niger that the talks had failed.")).empty());
  CHECK(Triples(Run(rules, "Chad warned Niger on Monday that the talks had failed.")).empty());
  CHECK(Triples(Run(rules, "Chad warned Niger late on Monday night that the talks had failed.")) ==
        "Chad opposed-to Niger [asserted]\n");  // past the gap
  // Its sequences may hold '!X' and groups as any pattern's.
  std::string nested = "rule r\n  match A:Country warned B:Country !(...{0,2} that !@mention)\n  yield A opposed-to B\n";
  CHECK(Triples(Run(nested, "Chad warned Niger on Monday that the talks had failed.")).empty());
  CHECK(Triples(Run(nested, "Chad warned Niger on Monday that Mali would fall.")) == "Chad opposed-to Niger [asserted]\n");
  // It binds no slot, and reads rightwards only.
  CHECK(ErrorOf("rule r1\n  match A:Actor warned B:Actor !(...{0,2} C:Actor)\n  yield A opposed-to B\n") ==
        "t.rules:9:32: '!' binds no slot: a group after '!' may hold words, phrases, lemmas, lists and gaps");
  CHECK(ErrorOf("rule r1\n  match !(in ...{0,2}) A:Actor warned B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:9: a '!( ... )' of more than words reads rightwards only: write it after the trigger word (rule r1)");
}

TEST_CASE("!X left of the trigger: after an element it looks right, first it looks left", "[rules][matcher]") {
  // The slot and the gap are matched leftwards from "condemned", but "A !'s" still says
  // that no "'s" follows A.
  std::string after = "rule r\n  match A:Country !\"'s\" ...{0,3} condemned B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(after, "Chad then condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(after, "Chad's leader condemned Niger.")).empty());
  // First in the pattern it says what must not precede the element after it.
  std::string first = "rule r\n  match !(in | against) A:Country condemned B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(first, "Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(first, "The war in Chad condemned Niger to poverty.")).empty());
  // First in an alternative too.
  std::string alt = "rule r\n  match the? (!in | former) A:Country condemned B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(alt, "The war in Chad condemned Niger.")).empty());
  CHECK(Triples(Run(alt, "Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(alt, "In 1990 former Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
}

TEST_CASE("!@capitalized: no word with a capital there, in a mention too; built in and only negated", "[rules][matcher]") {
  // A country right before a capitalized word names something of its own: "head of
  // U.S. Central Command" leads no country.
  std::string after = "rule r\n  match A:Country condemned B:Country !@capitalized\n  yield A opposed-to B\n";
  CHECK(Triples(Run(after, "Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(after, "Chad condemned Niger on Monday.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(after, "Chad condemned Niger Airways.")).empty());
  CHECK(Triples(Run(after, "Chad condemned Niger TV.")).empty());  // all capitals
  CHECK(Triples(Run(after, "Chad condemned Niger Mali.")).empty());  // the next unit a mention
  // In a group with words.
  std::string group = "rule r\n  match A:Country condemned B:Country !(\"'s\" | @capitalized)\n  yield A opposed-to B\n";
  CHECK(Triples(Run(group, "Chad condemned Niger's plan.")).empty());
  CHECK(Triples(Run(group, "Chad condemned Niger Airways.")).empty());
  CHECK(Triples(Run(group, "Chad condemned Niger at once.")) == "Chad opposed-to Niger [asserted]\n");
  // First in a pattern it looks left, as any '!X' there.
  std::string first = "rule r\n  match !@capitalized A:Country condemned B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(first, "Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(first, "Then Chad condemned Niger.")).empty());
  CHECK(Triples(Run(first, "Radio Chad condemned Niger.")).empty());
  CHECK(Triples(Run(first, "then Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  // Asked for as a word it would match every name: an error, as is a list of that name.
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned @capitalized B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:27: @capitalized is built in and only negated: write '!@capitalized' (or a '!( ... )' group "
        "holding it)");
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned (the | @capitalized) B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:27: @capitalized is built in and only negated: write '!@capitalized' (or a '!( ... )' group "
        "holding it)");
  CHECK(ErrorOf("list capitalized = Chad\n") ==
        "t.rules:8:6: list 'capitalized' is built in (any word that begins with a capital): name yours otherwise");
}

TEST_CASE("@possessive: \"'s\", \"'\", or nothing after his or her; built in", "[rules][matcher]") {
  const std::string rules = "rule r\n  match A:Actor @possessive alliance with B:Country\n  yield A meets-with B\n";
  std::unique_ptr<ag::Extractor> ex = Load("pack.rules", rules, nullptr, "Ana Ruiz\tPerson\t\t\t\t\n");
  auto run = [&](const std::string& text) { return Triples(Extract(*ex, text)); };
  CHECK(run("Chad's alliance with Niger held.") == "Chad meets-with Niger [asserted]\n");
  CHECK(run("Ana Ruiz said that her alliance with Niger held.") == "Ana Ruiz meets-with Niger [asserted]\n");
  CHECK(run("Ana Ruiz said his alliance with Niger held.") == "Ana Ruiz meets-with Niger [asserted]\n");
  // Not "its": it goes to a clause's subject, too often the wrong state.
  CHECK(run("Chad said its alliance with Niger held.").empty());
  // A name is no owner without its "'s".
  CHECK(run("Chad alliance with Niger held.").empty());
  CHECK(ErrorOf("rule r1\n  match A:Actor !@possessive alliance with B:Actor\n  yield A meets-with B\n") ==
        "t.rules:9:17: @possessive stands alone, not in a group nor after '!'");
  CHECK(ErrorOf("list possessive = his\n") ==
        "t.rules:8:6: list 'possessive' is built in (an owner's ending): name yours otherwise");
}

TEST_CASE("!@mention: no actor's name there (a pronoun is none); built in and only negated", "[rules][matcher]") {
  // "the U.S. special Syria envoy": a country after another actor is what the title is about.
  std::string first = "rule r\n  match !(@mention | special) A:Country{1} envoy met B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(first, "The Niger envoy met Chad.")) == "Niger opposed-to Chad [asserted]\n");
  CHECK(Triples(Run(first, "The Mali Niger envoy met Chad.")).empty());
  CHECK(Triples(Run(first, "The Mali special Niger envoy met Chad.")).empty());
  CHECK(Triples(Run(first, "Radio Niger envoy met Chad.")) == "Niger opposed-to Chad [asserted]\n");
  CHECK(Triples(Run(first, "Chad said its Niger envoy met Chad.")) == "Niger opposed-to Chad [asserted]\n");
  // After a slot it looks right.
  std::string after = "rule r\n  match A:Country condemned B:Country !@mention\n  yield A opposed-to B\n";
  CHECK(Triples(Run(after, "Chad condemned Niger today.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(after, "Chad condemned Niger Mali.")).empty());
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned @mention B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:27: @mention is built in and only negated: write '!@mention' (or a '!( ... )' group holding it)");
  CHECK(ErrorOf("list mention = Chad\n") ==
        "t.rules:8:6: list 'mention' is built in (any actor's name): name yours otherwise");
}

TEST_CASE("!@spelled-out: no name written out in words there, only an abbreviation; built in and only negated",
          "[rules][matcher]") {
  // "Ukraine envoy X" in American news is the envoy to Ukraine; "UK envoy X" the UK's own.
  const std::string rules =
      "rule r\n  match B:Country{1} (!@spelled-out) envoy met C:Country\n  yield B opposed-to C\n";
  std::unique_ptr<ag::Extractor> ex =
      Load("pack.rules", rules, nullptr, "United Kingdom\tCountry\tGBR\t\tUK|U.K.\tBritish\n");
  auto run = [&](const std::string& text) { return Triples(Extract(*ex, text)); };
  CHECK(run("The UK envoy met Chad.") == "United Kingdom opposed-to Chad [asserted]\n");
  CHECK(run("The U.K. envoy met Chad.") == "United Kingdom opposed-to Chad [asserted]\n");
  CHECK(run("The Niger envoy met Chad.").empty());
  CHECK(run("The United Kingdom envoy met Chad.").empty());
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned @spelled-out B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:27: @spelled-out is built in and only negated: write '!@spelled-out' (or a '!( ... )' group "
        "holding it)");
  CHECK(ErrorOf("list spelled-out = Chad\n") ==
        "t.rules:8:6: list 'spelled-out' is built in (any name written out in words): name yours otherwise");
}

TEST_CASE("a negated word after an element refuses an unresolved name that opens with it", "[rules][entity]") {
  // "the Senate Committee on Capitol Hill": a name no word element can match, whose first
  // word a negation still reads.
  const std::string rules = "entity e\n  match N:Name committee on !capitol M:Name\n  make * Group\n"
                            "rule r\n  match A:Group condemned B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(rules, "The Harbor Committee on Fisheries condemned Niger.")) ==
        "Harbor Committee on Fisheries opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "The Harbor Committee on Capitol Hill condemned Niger.")).empty());
  // A name already made an actor is no longer a name: the negation does not read it.
  CHECK(Triples(Run("rule r\n  match A:Country condemned !niger B:Country\n  yield A opposed-to B\n",
                    "Chad condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
}

TEST_CASE("a trigger word's patterns are told apart in chunks of 64, in order, each as its own filter would",
          "[rules][matcher]") {
  // 70 patterns on "backed", of three kinds of slot, a slot either side or two after,
  // some needing a word besides the anchor: two chunks, each pattern's bits as its own.
  std::string rules = std::string(kBase) + "rule r\n";
  const char* kinds[] = {"Country", "Person|Name", "Organization|Demonym"};
  for (int i = 0; i < 70; ++i) {
    rules += "  match ";
    if (i % 2 == 0) rules += std::string("A:") + kinds[i % 3] + " ";
    rules += "backed";
    if (i % 5 == 0) rules += " firmly";
    rules += std::string(" B:") + kinds[(i / 3) % 3];
    if (i % 2 == 1) rules += std::string(" and A:") + kinds[(i / 7) % 3];
    rules += "\n";
  }
  rules += "  yield A meets-with B\n";
  in::RulePack pack;
  REQUIRE(Compile(rules, &pack).ok());
  const in::TriggerTable& triggers = pack.relation_triggers;
  const in::WordValues<const in::TriggerChunk> chunks = triggers.ChunksOf(in::HashWord("backed"));
  REQUIRE(chunks.size() == 2);
  CHECK(chunks.begin()[0].size == 64);
  CHECK(chunks.begin()[1].size == 6);
  std::vector<int> order;
  for (const in::TriggerChunk& c : chunks)
    for (uint32_t bit = 0; bit < c.size; ++bit) order.push_back(triggers.Pattern(c, static_cast<int>(bit)));
  const in::WordValues<const int> listed = triggers.FindHash(in::HashWord("backed"));
  CHECK(order == std::vector<int>(listed.begin(), listed.end()));
  const uint32_t all = in::kActorTypeKinds | in::kNameKind | in::kDemonymKind;
  for (const in::TriggerChunk& c : chunks) {
    for (uint32_t bit = 0; bit < c.size; ++bit) {
      const in::CompiledPattern& p = pack.patterns[static_cast<size_t>(triggers.Pattern(c, static_cast<int>(bit)))];
      CHECK(((c.needs_words >> bit) & 1) == (p.required_words.empty() ? 0u : 1u));
      for (size_t mentions = 0; mentions < 4; ++mentions)
        CHECK(((triggers.Allowed(c, triggers.MentionStep(mentions)) >> bit) & 1) ==
              (mentions >= p.min_mentions ? 1u : 0u));
      for (uint32_t before = 0; before <= all; before += 7)
        for (uint32_t after = 0; after <= all; after += 5)
          REQUIRE(((triggers.TurnedDown(c, in::TriggerTable::Sides(before, after)) >> bit) & 1) ==
                  (p.MayMatchWith(before, after) ? 0u : 1u));
    }
  }
}

TEST_CASE("a try that reads a slot before its anchor and fails leaves no binding to the next", "[rules][matcher]") {
  // The first line binds N before "condemned", then finds no "and": its binding, kept,
  // was the next match's N, which the second line does not bind, in the next sentence (a
  // mention index of another sentence, maybe past this one's mentions).
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + "entity e\n  match N:Name condemned M:Name and O:Name\n"
                                       "  match praised M:Name\n  make * Organization\n",
                  &pack)
              .ok());
  const std::string text = "Then Kofi Tano condemned Ama Lee, and Ben Oduya agreed. Then Ben Oduya praised Ama Lee.";
  in::Analysis a;
  a.text = ag::text::Normalize(text);
  a.tokens = ag::text::Tokenize(a.text);
  in::HashTokens(a.tokens, &a.text);
  a.sentences = ag::text::Segment(a.text, a.tokens);
  REQUIRE(a.sentences.size() == 2);
  in::RecognizeMentions(pack, &a);
  in::MatchScratch scratch;
  in::MatchList first, second;
  in::FindMatches(pack, pack.entity_triggers, a, a.sentences[0], a.mentions[0], &scratch, &first);
  CHECK(first.empty());
  in::FindMatches(pack, pack.entity_triggers, a, a.sentences[1], a.mentions[1], &scratch, &second);
  REQUIRE(second.size() == 1);
  // Only M, "Ama Lee", is bound.
  size_t bound = 0;
  for (const std::vector<int>& slot : second.begin()->slots) bound += slot.size();
  CHECK(bound == 1);
}

TEST_CASE("make * as G: the whole match names the actor slot G holds", "[rules][entity]") {
  const std::string rule = "rule r\n  match A:Country condemned B:Country\n  yield A opposed-to B\n";
  // "Chad troops" is two units, and the verb's subject must stand right before it.
  CHECK(Triples(Run(rule, "Chad troops condemned Niger.")).empty());
  const std::string entity = "entity members\n  match G:Country{1} (troops | fighters)\n  make * as G\n";
  CHECK(Triples(Run(entity + rule, "Chad troops condemned Niger.")) == "Chad opposed-to Niger [asserted]\n");
  // A slot holding a list names no one actor: nothing is made.
  CHECK(Triples(Run("entity members\n  match G:Country (troops | fighters)\n  make * as G\n" + rule,
                    "Chad and Mali troops condemned Niger.")).empty());
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + entity, &pack).ok());
  CHECK(pack.Dump().find("  make * as G\n") != std::string::npos);
  CHECK(ErrorOf("entity e\n  match G:Country troops\n  make * as H\n") ==
        "t.rules:10:8: unknown slot 'H' in make: every match line must bind it; they bind G");
  CHECK(ErrorOf("entity e\n  match G:Country troops\n  make * as\n").find("a slot name after 'as'") !=
        std::string::npos);
}

TEST_CASE("a make's templates name the rule's slots, doc, place or lead, and known fields", "[rules][entity]") {
  const std::string head = "entity e\n  match C:Country troops\n  make * Group ";
  CHECK(ErrorOf(head + "\"{D.adj} troops\"\n") ==
        "t.rules:10:8: unknown slot 'D' in template \"{D.adj} troops\": it names a slot (C), doc, place or lead");
  CHECK(ErrorOf(head + "\"{C.adjective} troops\"\n") ==
        "t.rules:10:8: unknown field 'adjective' in template \"{C.adjective} troops\": name, adj or code");
  CHECK(ErrorOf(head + "\"{C.adj} troops\" code \"{C.code\"\n") ==
        "t.rules:10:8: unclosed '{' in template \"{C.code\"");
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + head + "\"{C.adj} troops {doc} {place.code} {C}\" code \"{C.code}{lead.code}\"\n", &pack).ok());
  // Compiled once, when the rules load: the literals between the references kept whole,
  // each reference's slot found by its index.
  using Part = in::TemplatePart;
  auto parts = [](const std::vector<Part>& ps) {
    std::string s;
    for (const Part& p : ps) {
      const char* field = p.field == Part::Field::kName ? ".name"
                          : p.field == Part::Field::kAdj ? ".adj"
                          : p.field == Part::Field::kCode ? ".code"
                                                           : "";
      if (p.source == Part::Source::kText) s += "[" + p.text + "]";
      else if (p.source == Part::Source::kSlot) s += "<" + std::to_string(p.slot) + field + ">";
      else if (p.source == Part::Source::kDoc) s += std::string("<doc") + field + ">";
      else s += std::string(p.source == Part::Source::kPlace ? "<place" : "<lead") + field + ">";
    }
    return s;
  };
  const in::CompiledMake& make = pack.rules.back().makes.at(0);
  CHECK(parts(make.name_parts) == "<0.adj>[ troops ]<doc>[ ]<place.code>[ ]<0>");
  CHECK(parts(make.code_parts) == "<0.code><lead.code>");
  CHECK(make.name_template == "{C.adj} troops {doc} {place.code} {C}");
}

TEST_CASE("the rebels of the country a story names as a place", "[rules][entity]") {
  const std::string rules = "entity rebels\n  match rebels\n  make * Group \"{place.adj} rebels\"\n"
                            "rule r\n  match A:Country condemned B:Group\n  yield A opposed-to B\n";
  CHECK(Triples(Run(rules, "Chad sent aid to Niger. Fighting went on in Niger. Chad condemned the rebels.")) ==
        "Chad opposed-to Nigerien rebels [asserted]\n");
  // Without a country named as a place, the country the story is most about.
  CHECK(Triples(Run(rules, "Chad said Niger was calm. Chad condemned the rebels.")) ==
        "Chad opposed-to Chadian rebels [asserted]\n");
  // Where talks are held is no place of the fighting.
  CHECK(Triples(Run(rules, "Chad sent aid. Chad met Niger at the summit in Mali. Chad condemned the rebels.")) ==
        "Chad opposed-to Chadian rebels [asserted]\n");
}

TEST_CASE("a former cue ends a role, not an event", "[rules][modality]") {
  // leads-of is declared `role`; met is an event; the envoy rule names a role by its title.
  const std::string rules =
      "relation leads\n  role\n"
      "cue former = former\n"
      "entity p\n  match (president | envoy) N:Name\n  make N Person\n"
      "rule lead\n  match C:Country president X:Person\n  yield X leads C\n"
      "rule met\n  match X:Person met C:Country\n  yield X meets-with C\n"
      "rule envoy\n  match C:Country envoy X:Person\n  yield X meets-with C\n  modality role\n";
  const std::string text = "Former Chad president Ali Musa met Niger. Former Mali envoy Omar Diallo spoke.";
  const std::string got = Triples(Run(rules, text));
  CHECK(got.find("Ali Musa leads Chad [negated]") != std::string::npos);
  CHECK(got.find("Ali Musa meets-with Niger [asserted]") != std::string::npos);
  CHECK(got.find("Omar Diallo meets-with Mali [negated]") != std::string::npos);
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + rules, &pack).ok());
  CHECK(pack.Dump().find("relation leads role polarity=neutral\n") != std::string::npos);
  CHECK(pack.Dump().find("cues negated=1 former=1 hypothetical=0 future=0\n") != std::string::npos);
  CHECK(ErrorOf("relation r\n  roles\n").find("expected 'symmetric', 'gives-country', 'role', 'polarity'") !=
        std::string::npos);
  CHECK(ErrorOf("rule r1\n  match A:Actor condemned B:Actor\n  yield A opposed-to B\n  modality roll\n")
            .find("expected modality asserted, negated, hypothetical, role or event, found 'roll'") != std::string::npos);
}

TEST_CASE("an event rule of a role relation reads the sentence's conditional and questions", "[rules][modality]") {
  // leads is declared `role`: its title rule stands whatever the sentence asks; the naming
  // rule, `modality event`, is an event's.
  const std::string rules =
      "relation leads\n  role\n"
      "cue hypothetical = if\n"
      "entity p\n  match (president | envoy) N:Name\n  make N Person\n"
      "rule lead\n  match C:Country president X:Person\n  yield X leads C\n"
      "rule named\n  match X:Person named head of C:Country\n  yield X leads C\n  modality event\n";
  const std::string got = Triples(Run(rules, "If Chad president Ali Musa speaks, envoy Omar Diallo named head of Niger "
                                             "would go. Did envoy Sara Ba named head of Mali leave?"));
  CHECK(got.find("Ali Musa leads Chad [asserted]") != std::string::npos);
  CHECK(got.find("Omar Diallo leads Niger [hypothetical]") != std::string::npos);
  CHECK(got.find("Sara Ba leads Mali [hypothetical]") != std::string::npos);
}

TEST_CASE("a possessive pronoun ending a match is the noun after it, whatever '!X' follows", "[rules][matcher]") {
  const std::string text = "President Ali Bongo spoke. Chad backed his plan. Niger backed him.";
  for (const char* end : {"", " !ally", " !(ally | partner)"}) {
    std::string rules = std::string("entity p\n  match president N:Name\n  make N Person\n") +
                        "rule r\n  match A:Country backed B:Person" + end + "\n  yield A meets-with B\n";
    CAPTURE(rules);
    CHECK(Triples(Run(rules, text)) == "Niger meets-with Ali Bongo [asserted]\n");
  }
}

TEST_CASE("coordination binds every actor of a list, in either direction", "[rules][matcher]") {
  std::string rules = "rule r\n  match A:Country condemned B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(rules, "Chad condemned Niger and Mali.")) ==
        "Chad opposed-to Niger [asserted]\nChad opposed-to Mali [asserted]\n");
  CHECK(Triples(Run(rules, "Niger, Mali and Chad condemned the coup.")).empty());
  CHECK(Triples(Run(rules, "Niger, Mali, and Chad condemned Mali.")) ==
        "Niger opposed-to Mali [asserted]\nChad opposed-to Mali [asserted]\n");
  // "A, and B" is no list of two: the comma closes a clause.
  CHECK(Triples(Run(rules, "Chad condemned Niger, and Mali agreed.")) == "Chad opposed-to Niger [asserted]\n");
  CHECK(Triples(Run(rules, "Reporters asked Niger, and Mali condemned Chad.")) == "Mali opposed-to Chad [asserted]\n");
  // A relative with a singular verb after the last actor is that actor's alone.
  std::string relative = "rule r\n  match A:Country \",\" (who | which) (is | are) condemning B:Country\n"
                         "  yield A opposed-to B\n";
  CHECK(Triples(Run(relative, "Chad and Niger, which is condemning Mali, spoke.")) ==
        "Niger opposed-to Mali [asserted]\n");
  CHECK(Triples(Run(relative, "Chad and Niger, which are condemning Mali, spoke.")) ==
        "Chad opposed-to Mali [asserted]\nNiger opposed-to Mali [asserted]\n");
  // A closed aside leaves the list the subject of the verb after it.
  std::string aside = "rule r\n  match A:Country \",\" ...{1,8} \",\" condemned B:Country\n  yield A opposed-to B\n";
  CHECK(Triples(Run(aside, "Chad and Niger, which is poor, condemned Mali.")) ==
        "Chad opposed-to Mali [asserted]\nNiger opposed-to Mali [asserted]\n");
  std::string pairs = "rule r\n  match A:Country met\n  yield A meets-with A\n";
  CHECK(Triples(Run(pairs, "Chad, Niger and Mali met in Niamey.")) ==
        "Chad meets-with Niger [asserted]\nChad meets-with Mali [asserted]\nNiger meets-with Mali [asserted]\n");
}

TEST_CASE("a slot written {1} takes one actor, never a coordinated list", "[rules][matcher]") {
  std::string rules = "rule r\n  match A:Country{1} condemned B:Country{1}\n  yield A opposed-to B\n";
  CHECK(Triples(Run(rules, "Chad and Niger condemned Mali and Sudan.")) == "Niger opposed-to Mali [asserted]\n");
  CHECK(Triples(Run(rules, "Chad condemned Mali.")) == "Chad opposed-to Mali [asserted]\n");
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + rules, &pack).ok());
  CHECK(pack.Dump().find("  pattern: A:Country{1} [condemned] B:Country{1}\n") != std::string::npos);
  CHECK(ErrorOf("rule r1\n  match A:Country{2} condemned B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:18: a slot's count can only be {1} (one actor, not a coordinated list), as in A:Person{1}");
  CHECK(ErrorOf("rule r1\n  match A:Country{ condemned B:Actor\n  yield A opposed-to B\n") ==
        "t.rules:9:18: a slot's count can only be {1} (one actor, not a coordinated list), as in A:Person{1}");
}

TEST_CASE("dump shows each rule's pattern, anchor and triggers", "[rules][dump]") {
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + "rule r\n  match A:Country ...{0,2} <condemn> B:Country\n  yield A opposed-to B\n", &pack).ok());
  std::string dump = pack.Dump();
  CHECK(dump.find("relation meets-with symmetric polarity=cooperation") != std::string::npos);
  CHECK(dump.find("  pattern: A:Country ...{0,2} [<condemn>] B:Country\n") != std::string::npos);
  CHECK(dump.find("  triggers: condemn condemned condemning condemnings condemns\n") != std::string::npos);
  CHECK(dump.find("  yield A opposed-to B\n") != std::string::npos);
  CHECK(dump.find("  official") == std::string::npos);
  in::RulePack official;
  REQUIRE(Compile(std::string(kBase) + "rule r\n  match A:Actor visited B:Country\n  yield A meets-with B\n  official A\n",
                  &official)
              .ok());
  CHECK(official.Dump().find("  yield A meets-with B\n  official A\n") != std::string::npos);
}

TEST_CASE("inline examples are checked", "[rules][examples]") {
  std::string r;
  std::unique_ptr<ag::Extractor> ex = Load("ex.rules",
                                           "rule r\n  match A:Country condemned B:Country\n  yield A opposed-to B\n"
                                           "  example \"Chad condemned Niger.\" => Chad opposed-to Niger\n"
                                           "  example \"Chad condemned Mali.\" => Chad opposed-to Niger\n"
                                           "  counter \"Chad condemned Mali.\"\n",
                                           &r);
  std::vector<ag::ExampleResult> results = ex->TestExamples();
  REQUIRE(results.size() == 3);
  CHECK(results[0].passed);
  CHECK_FALSE(results[1].passed);
  CHECK(results[1].location == r + ":12");
  CHECK(results[1].message == "expected Chad opposed-to Niger, got: Chad opposed-to Mali [asserted] (the rule matched)");
  CHECK_FALSE(results[2].passed);
}

TEST_CASE("an 'exactly' example fails on a triple or actor it does not list", "[rules][examples]") {
  std::unique_ptr<ag::Extractor> ex = Load("exact.rules",
                                           "rule r\n  match A:Country condemned B:Country\n  yield A opposed-to B\n"
                                           "  exactly \"Chad condemned Niger.\" => Chad opposed-to Niger\n"
                                           "  exactly \"Chad condemned Niger and Mali.\" => Chad opposed-to Niger\n"
                                           "  exactly \"Chad condemned Mali.\" => Chad opposed-to Niger\n"
                                           "entity people.told\n  match N:Name and M:Name told\n  make N Person\n"
                                           "  make M Person\n"
                                           "  exactly \"Ali Musa and Omar Diallo told reporters.\" => Ali Musa : Person\n"
                                           "  exactly \"Ali Musa and Omar Diallo told us.\" => Ali Musa : Person; Omar Diallo : Person\n");
  std::vector<ag::ExampleResult> results = ex->TestExamples();
  REQUIRE(results.size() == 5);
  CHECK(results[0].passed);
  CHECK_FALSE(results[1].passed);
  CHECK(results[1].message == "the rule also gave Chad opposed-to Mali [asserted], which 'exactly' does not list");
  CHECK(results[2].message == "expected Chad opposed-to Niger, got: Chad opposed-to Mali [asserted] (the rule matched)");
  CHECK(results[3].message ==
        "the rule also made Omar Diallo, which 'exactly' does not list (made: Ali Musa : Person; Omar Diallo : Person)");
  CHECK(results[4].passed);
}

TEST_CASE("a failed example says whether its rule matched, and which rule took the triple", "[rules][examples]") {
  // Both rules match "Chad condemned Niger"; the sentence keeps the triple once, from
  // the first, so the second's example cannot show it.
  std::string r;
  std::unique_ptr<ag::Extractor> ex = Load("shadow.rules",
                                           "rule first\n  match A:Country condemned B:Country\n  yield A opposed-to B\n"
                                           "rule second\n  match A:Country @verbs B:Country\n  yield A opposed-to B\n"
                                           "  example \"Chad condemned Niger.\" => Chad opposed-to Niger\n"
                                           "  example \"Chad cracked down on Mali.\" => Chad opposed-to Niger\n"
                                           "  example \"Chad praised Niger.\" => Chad opposed-to Niger\n"
                                           "  example \"they cracked down on them.\" => Chad opposed-to Niger\n",
                                           &r);
  std::vector<ag::ExampleResult> results = ex->TestExamples();
  REQUIRE(results.size() == 4);
  CHECK(results[0].message == "expected Chad opposed-to Niger, got: nothing (the rule matched, but rule first (" + r +
                                  ":8) gives that triple first, and a sentence keeps a triple once)");
  CHECK(results[1].message == "expected Chad opposed-to Niger, got: Chad opposed-to Mali [asserted] (the rule matched)");
  CHECK(results[2].message ==
        "expected Chad opposed-to Niger, got: nothing (the rule did not match; the actors found: Chad, Niger)");
  CHECK(results[3].message ==
        "expected Chad opposed-to Niger, got: nothing (the rule did not match; no actor was found in the text)");
}

TEST_CASE("every example of the bundled rule pack passes", "[rules][examples][pack]") {
  std::unique_ptr<ag::Extractor> ex;
  REQUIRE(ag::Extractor::Create({std::string(ACTORGRAPH_SOURCE_DIR) + "/rules"}, &ex).ok());
  std::vector<ag::ExampleResult> results = ex->TestExamples();
  CHECK(results.size() >= 80);
  for (const ag::ExampleResult& r : results) {
    INFO(r.location << ": " << r.rule << ": " << r.message);
    CHECK(r.passed);
  }
}

TEST_CASE("rule counts: each rule's tries, matches and what it applied", "[rules][counts]") {
  std::string r;
  std::unique_ptr<ag::Extractor> ex = Load("counts.rules",
                                           "entity envoy\n  match envoy N:Name\n  make N Person\n"
                                           "rule hostile\n  match A:Country condemned B:Country\n  yield A opposed-to B\n"
                                           "rule talks\n  match A:Actor met B:Actor\n  yield A meets-with B\n",
                                           &r);
  const std::vector<ag::RuleInfo> rules = ex->rules();
  REQUIRE(rules.size() == 3);
  CHECK(rules[0].id == "envoy");
  CHECK(rules[0].entity);
  CHECK(rules[0].location == r + ":8");  // after kBase's seven lines
  CHECK(rules[1].id == "hostile");
  CHECK_FALSE(rules[1].entity);
  CHECK(rules[2].id == "talks");
  ag::Document doc;
  doc.id = "t";
  doc.text =
      "Chad condemned Niger. "                   // hostile: tried, matched, one triple
      "Mali condemned the decision. "            // one mention: not tried
      "Chad condemned the raid near Niger. "     // tried, no match: "the raid" is no country
      "The envoy arrived. "                      // envoy: no name after it, not tried
      "Envoy Lina Odhiambo met Chad and Mali.";  // envoy: a person made; talks: two triples
  ag::ExtractOptions counted;
  counted.rule_counts = true;
  const ag::Extraction e = ex->Extract(doc, counted);
  INFO(Triples(e.triples));
  REQUIRE(e.rule_counts.size() == 3);
  CHECK(e.rule_counts[0].tried == 1);
  CHECK(e.rule_counts[0].matched == 1);
  CHECK(e.rule_counts[0].applied == 1);
  CHECK(e.rule_counts[1].tried == 2);
  CHECK(e.rule_counts[1].matched == 1);
  CHECK(e.rule_counts[1].applied == 1);
  CHECK(e.rule_counts[2].tried == 1);
  CHECK(e.rule_counts[2].matched == 1);
  CHECK(e.rule_counts[2].applied == 2);
  // Counting changes no result, and is off unless asked for.
  const ag::Extraction plain = ex->Extract(doc);
  CHECK(plain.rule_counts.empty());
  CHECK(Triples(plain.triples) == Triples(e.triples));
  // A document cut into windows sums its windows' counts (each sentence in one window).
  ag::ExtractOptions windows = counted;
  windows.window_bytes = 64;
  const ag::Extraction w = ex->Extract(doc, windows);
  REQUIRE(w.rule_counts.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    INFO("rule " << rules[i].id);
    CHECK(w.rule_counts[i].tried == e.rule_counts[i].tried);
    CHECK(w.rule_counts[i].matched == e.rule_counts[i].matched);
    CHECK(w.rule_counts[i].applied == e.rule_counts[i].applied);
  }
}

TEST_CASE("a list includes another's phrases by @name, as the whole pack declares it", "[rules]") {
  // kBase's `verbs` is extended after the list that includes it.
  const std::string rules =
      "list hostile = denounced, @verbs\n"
      "list verbs = blasted\n"
      "rule r\n  match A:Country @hostile B:Country\n  yield A opposed-to B\n";
  const std::string got = Triples(Run(rules, "Chad blasted Niger. Mali cracked down on Chad. Niger denounced Mali."));
  CHECK(got.find("Chad opposed-to Niger [asserted]") != std::string::npos);
  CHECK(got.find("Mali opposed-to Chad [asserted]") != std::string::npos);
  CHECK(got.find("Niger opposed-to Mali [asserted]") != std::string::npos);
  in::RulePack pack;
  REQUIRE(Compile(std::string(kBase) + rules, &pack).ok());
  CHECK(pack.Dump().find("list hostile (4 phrases) @verbs\n") != std::string::npos);
  CHECK(ErrorOf("list a = x, @nothing\n") == "t.rules:8:13: unknown list '@nothing': declare it with 'list nothing = ...'");
  CHECK(ErrorOf("list a = x, @b\nlist b = y, @verbs\n") ==
        "t.rules:8:13: list 'b' includes lists of its own: include those");
  CHECK(ErrorOf("cue negated = @verbs\n").find("expected a cue item") != std::string::npos);
}
