// Tests for the text stage: Normalize, Tokenize, Segment. All sample sentences are
// written for these tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"
#include "text/unicode.h"

namespace {

using actorgraph::text::Normalize;
using actorgraph::text::NormalizedText;
using actorgraph::text::Segment;
using actorgraph::text::Sentence;
using actorgraph::text::Token;
using actorgraph::text::Tokenize;
namespace t = actorgraph::text;

std::vector<std::string> Texts(const NormalizedText& nt, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& tok : tokens) out.emplace_back(t::TokenText(nt, tok));
  return out;
}

std::vector<std::string> TokenTexts(std::string_view original) {
  const NormalizedText nt = Normalize(original);
  return Texts(nt, Tokenize(nt));
}

// The original text behind each token.
std::vector<std::string> Originals(std::string_view original) {
  const NormalizedText nt = Normalize(original);
  std::vector<std::string> out;
  for (const Token& tok : Tokenize(nt)) {
    const auto span = nt.ToOriginal(tok.begin, tok.end);
    out.emplace_back(original.substr(span.begin, span.end - span.begin));
  }
  return out;
}

// Sentences as strings of normalized text, from the first to the last token.
std::vector<std::string> Sentences(std::string_view original, uint32_t max_tokens = 400) {
  const NormalizedText nt = Normalize(original);
  const std::vector<Token> tokens = Tokenize(nt);
  std::vector<std::string> out;
  for (const Sentence& s : Segment(nt, tokens, max_tokens)) {
    out.push_back(nt.text.substr(tokens[s.first].begin,
                                 tokens[s.last - 1].end - tokens[s.first].begin));
  }
  return out;
}

void CheckNormalizedInvariants(std::string_view original, const NormalizedText& nt) {
  REQUIRE(nt.lower.size() == nt.text.size());
  REQUIRE(!nt.shifts.empty());
  CHECK(nt.shifts.front().at == 0);
  for (size_t k = 1; k < nt.shifts.size(); ++k) CHECK(nt.shifts[k - 1].at < nt.shifts[k].at);
  std::vector<uint32_t> origin;
  for (uint32_t i = 0; i <= nt.text.size(); ++i) origin.push_back(nt.Origin(i));
  CHECK(origin.back() == original.size());
  CHECK(std::is_sorted(origin.begin(), origin.end()));
}

// Sentences must be non-empty, in order, and together cover every token exactly once.
void CheckSentenceCover(const std::vector<Sentence>& sentences, size_t token_count,
                        uint32_t max_tokens) {
  uint32_t next = 0;
  for (const Sentence& s : sentences) {
    REQUIRE(s.first == next);
    REQUIRE(s.last > s.first);
    REQUIRE(s.last - s.first <= max_tokens);
    next = s.last;
  }
  CHECK(next == token_count);
}

}  // namespace

TEST_CASE("Normalize keeps plain ASCII and lower-cases a copy", "[text][normalize]") {
  const std::string original = "Ethiopia and Eritrea Signed a Pact in Addis Ababa.";
  const NormalizedText nt = Normalize(original);
  CheckNormalizedInvariants(original, nt);
  CHECK(nt.text == original);
  CHECK(nt.lower == "ethiopia and eritrea signed a pact in addis ababa.");
  for (uint32_t i = 0; i < original.size(); ++i) CHECK(nt.Origin(i) == i);
  CHECK(nt.shifts.size() == 1);  // text left as it was: one shift, at 0
  CHECK(nt.invalid_bytes.empty());
}

// Plain ASCII is copied eight bytes a step; every other byte falls back to the byte loop.
// Each byte class, put at every offset of an 8-byte step, must come out as the byte loop
// would write it. Upper-case letters only, so no stripped apostrophe is restored.
TEST_CASE("Normalize treats each byte the same at every offset of a step", "[text][normalize]") {
  const std::string plain = "AB@Z[ 09`{~!QRS.XY";  // bytes next to the bounds of 'A'..'Z'
  for (char odd : {'\n', '\t', '\x01', '\x1F', '\x7F', ' ', 'M'}) {
    for (size_t at = 0; at < 24; ++at) {
      std::string original;
      while (original.size() < 40) original += plain;
      original[at] = odd;
      const NormalizedText nt = Normalize(original);
      CheckNormalizedInvariants(original, nt);
      REQUIRE(nt.text.size() == original.size());
      for (size_t i = 0; i < original.size(); ++i) {
        const unsigned char b = static_cast<unsigned char>(original[i]);
        const bool control = (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F;
        const char want = control ? ' ' : original[i];
        INFO("byte " << int(b) << " at " << at << ", position " << i);
        CHECK(nt.text[i] == want);
        CHECK(nt.lower[i] == (want >= 'A' && want <= 'Z' ? want + 32 : want));
        CHECK(nt.Origin(static_cast<uint32_t>(i)) == i);
      }
    }
  }
}

TEST_CASE("Normalize maps typographic characters", "[text][normalize]") {
  const std::string original =
      "\xE2\x80\x9CWe agree,\xE2\x80\x9D said Ja\xE2\x80\x98" "afari\xE2\x80\x99s aide "
      "\xE2\x80\x94 in\xC2\xA0Kyiv\xE2\x80\xA6 10\xE2\x80\x93" "12 March";
  const NormalizedText nt = Normalize(original);
  CheckNormalizedInvariants(original, nt);
  CHECK(nt.text == "\"We agree,\" said Ja'afari's aide - in Kyiv... 10-12 March");
  CHECK(nt.lower.size() == nt.text.size());
}

TEST_CASE("Normalize rewrites line breaks, controls and invisible characters",
          "[text][normalize]") {
  const std::string original = "Sanaa\r\nAden\rTaiz\tMarib\x01Hodeidah\x7F"
                               "cease\xC2\xAD" "fire\xEF\xBB\xBF";
  const NormalizedText nt = Normalize(original);
  CheckNormalizedInvariants(original, nt);
  CHECK(nt.text == "Sanaa\nAden\nTaiz\tMarib Hodeidah ceasefire");
  // "\r\n" became one "\n" that points at the "\r".
  CHECK(nt.Origin(5) == 5);
  CHECK(nt.Origin(6) == 7);
  // Bytes after a removed character point past it.
  CHECK(nt.Origin(static_cast<uint32_t>(nt.text.find("fire"))) == original.find("fire"));
}

TEST_CASE("Normalize maps the text after several removed characters in a row", "[text][normalize]") {
  // A soft hyphen, a zero-width space and a word joiner: nothing is written for any of
  // them, and the shift each would start lands on the same byte.
  const std::string original = "cease\xC2\xAD\xE2\x80\x8B\xE2\x81\xA0" "fire talks";
  const NormalizedText nt = Normalize(original);
  CheckNormalizedInvariants(original, nt);
  CHECK(nt.text == "ceasefire talks");
  CHECK(nt.Origin(4) == 4);
  CHECK(nt.Origin(5) == original.find("fire"));
  CHECK(nt.Origin(static_cast<uint32_t>(nt.text.size())) == original.size());
}

TEST_CASE("Normalize replaces invalid UTF-8 and records each byte", "[text][normalize]") {
  const std::string original = "Kyiv \xFF talks \xE2\x80 end \xC0\xAF";
  const NormalizedText nt = Normalize(original);
  CheckNormalizedInvariants(original, nt);
  CHECK(nt.text ==
        "Kyiv \xEF\xBF\xBD talks \xEF\xBF\xBD\xEF\xBF\xBD end \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(nt.invalid_bytes == std::vector<uint32_t>{5, 13, 14, 20, 21});
  CHECK(Originals(original) == std::vector<std::string>{"Kyiv", "\xFF", "talks", "\xE2",
                                                        "\x80", "end", "\xC0", "\xAF"});
}

TEST_CASE("Normalize restores stripped apostrophes", "[text][normalize]") {
  CHECK(Normalize("Syria s war").text == "Syria's war");
  CHECK(Normalize("Yemen s government, and Colombia s.").text ==
        "Yemen's government, and Colombia's.");
  CHECK(Normalize("the country s future").text == "the country's future");
  CHECK(Normalize("it s over").text == "it's over");
  CHECK(Normalize("we ve agreed").text == "we've agreed");
  CHECK(Normalize("We ve agreed").text == "We've agreed");
  CHECK(Normalize("they re ready").text == "they're ready");
  CHECK(Normalize("we ll see").text == "we'll see");
  CHECK(Normalize("we don t know").text == "we don't know");
  CHECK(Normalize("they can t, he isn t").text == "they can't, he isn't");
  CHECK(Normalize("I d rather, she d go").text == "I'd rather, she'd go");
  CHECK(Normalize("I m here").text == "I'm here");
  CHECK(Normalize("he d").text == "he'd");

  // At every alignment within longer text (the scan looks at eight bytes at a time).
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string prefix = "Talks went on" + std::string(pad, ' ') + "and ";
    const std::string suffix = " side, as we ve said and they re aware, the letter s aside.";
    CAPTURE(pad);
    CHECK(Normalize(prefix + "Yemen s" + suffix).text ==
          prefix + "Yemen's side, as we've said and they're aware, the letter s aside.");
    CHECK(Normalize(prefix + "Yemen s").text == prefix + "Yemen's");
  }

  // Lengths and offsets are unchanged: the space became the apostrophe.
  const NormalizedText nt = Normalize("Syria s war");
  for (uint32_t i = 0; i <= nt.text.size(); ++i) CHECK(nt.Origin(i) == i);
  CHECK(nt.lower == "syria's war");
}

TEST_CASE("Normalize leaves look-alikes of stripped apostrophes alone", "[text][normalize]") {
  for (const char* text :
       {"the letter s is silent", "an s", "a s b", "they re-elected him", "Ukraine S",
        "s begins", "within t minutes", "Kenya sent troops", "we vex", "I d-day",
        "she d-", "won tons", "bull s***", "s/he", "Kenya s/he", "Syria  s war",
        "Syria\ns war", "10 s later", "Syria st"}) {
    CAPTURE(text);
    CHECK(Normalize(text).text == text);
  }
}

// Normalize into a NormalizedText that holds an earlier text keeps none of its bytes,
// whichever is longer: the strings keep the earlier bytes and are only resized, and
// every byte kept must then be written again.
TEST_CASE("Normalize into an earlier text's buffers gives what a fresh one does", "[text][normalize]") {
  const std::vector<std::string> texts = {
      "NATO ALLIES MET IN BRUSSELS \xE2\x80\x94 AND AGREED \xE2\x80\x9CTO STAY\xE2\x80\x9D.\r\nThe bloc s envoy said.",
      "Kenya hosted talks.",
      "",
      "Turkey\x01 and Greece met\xFF in Athens; the minister s aide said \xE2\x80\xA6 nothing more.",
      "Qatar mediated between the two sides, Reuters reported on Tuesday in Doha."};
  for (const std::string& first : texts) {
    for (const std::string& second : texts) {
      NormalizedText reused;
      Normalize(first, &reused);
      Normalize(second, &reused);
      const NormalizedText fresh = Normalize(second);
      INFO("after \"" << first << "\": \"" << second << "\"");
      CheckNormalizedInvariants(second, reused);
      CHECK(reused.text == fresh.text);
      CHECK(reused.lower == fresh.lower);
      CHECK(reused.invalid_bytes == fresh.invalid_bytes);
      for (uint32_t i = 0; i <= fresh.text.size(); ++i) CHECK(reused.Origin(i) == fresh.Origin(i));
    }
  }
}

TEST_CASE("Normalize handles empty and whitespace-only input", "[text][normalize]") {
  const NormalizedText empty = Normalize("");
  CHECK(empty.text.empty());
  REQUIRE(empty.shifts.size() == 1);
  CHECK(empty.Origin(0) == 0);
  CHECK(NormalizedText().ToOriginal(0, 0).end == 0);  // never normalized: no shifts
  CHECK(Tokenize(empty).empty());
  CHECK(Segment(empty, Tokenize(empty)).empty());

  const NormalizedText blank = Normalize(" \n\t \r\n ");
  CheckNormalizedInvariants(" \n\t \r\n ", blank);
  CHECK(Tokenize(blank).empty());
  CHECK(Segment(blank, Tokenize(blank)).empty());
}

TEST_CASE("Tokenize keeps inner apostrophes and splits final 's", "[text][tokenize]") {
  CHECK(TokenTexts("Ja'afari met O'Brien; they don't agree.") ==
        std::vector<std::string>{"Ja'afari", "met", "O'Brien", ";", "they", "don't", "agree",
                                 "."});
  CHECK(TokenTexts("Colombia's rebels' demands, SYRIA'S war") ==
        std::vector<std::string>{"Colombia", "'s", "rebels", "'", "demands", ",", "SYRIA",
                                 "'S", "war"});
  CHECK(TokenTexts("Syria s war") == std::vector<std::string>{"Syria", "'s", "war"});
  CHECK(TokenTexts("'tis 'the' O'Shea") ==
        std::vector<std::string>{"'", "tis", "'", "the", "'", "O'Shea"});
}

TEST_CASE("Tokenize splits hyphens and keeps dotted acronyms", "[text][tokenize]") {
  CHECK(TokenTexts("al-Assad U.N.-brokered U.S.-led talks in the U.K.") ==
        std::vector<std::string>{"al", "-", "Assad", "U.N.", "-", "brokered", "U.S.", "-",
                                 "led", "talks", "in", "the", "U.K."});
  const NormalizedText nt = Normalize("the U.N. and e.g. Ph.D.");
  const std::vector<Token> tokens = Tokenize(nt);
  REQUIRE(Texts(nt, tokens) ==
          std::vector<std::string>{"the", "U.N.", "and", "e.g.", "Ph", ".", "D", "."});
  CHECK(tokens[1].has(t::kAcronym));
  CHECK(tokens[1].has(t::kAllCaps));
  CHECK(tokens[1].has(t::kCapitalized));
  CHECK(tokens[3].has(t::kAcronym));
  CHECK_FALSE(tokens[3].has(t::kAllCaps));
  CHECK_FALSE(tokens[6].has(t::kAcronym));
}

TEST_CASE("Tokenize numbers", "[text][tokenize]") {
  const NormalizedText nt = Normalize("11,000 troops, 2.5 pct, 1990s, 2.5bn, 7.");
  const std::vector<Token> tokens = Tokenize(nt);
  REQUIRE(Texts(nt, tokens) == std::vector<std::string>{"11,000", "troops", ",", "2.5", "pct",
                                                        ",", "1990s", ",", "2.5", "bn", ",",
                                                        "7", "."});
  CHECK(tokens[0].has(t::kNumber));
  CHECK(tokens[3].has(t::kNumber));
  CHECK(tokens[6].has(t::kWord));
  CHECK(tokens[11].has(t::kNumber));
}

TEST_CASE("Tokenize flags", "[text][tokenize]") {
  const NormalizedText nt = Normalize("HNC said\nKenya... I x");
  const std::vector<Token> tokens = Tokenize(nt);
  REQUIRE(Texts(nt, tokens) ==
          std::vector<std::string>{"HNC", "said", "Kenya", "...", "I", "x"});
  CHECK(tokens[0].flags == (t::kWord | t::kCapitalized | t::kAllCaps));
  CHECK(tokens[1].flags == (t::kWord | t::kSpaceBefore));
  CHECK(tokens[2].flags == (t::kWord | t::kCapitalized | t::kSpaceBefore | t::kNewlineBefore));
  CHECK(tokens[3].flags == (t::kPunct | t::kTerminal));
  CHECK(tokens[4].flags == (t::kWord | t::kCapitalized | t::kSpaceBefore));  // one letter
  CHECK(tokens[5].flags == (t::kWord | t::kSpaceBefore));
}

TEST_CASE("Tokenize flags after runs of whitespace, and terminals alone, in pairs and at the end",
          "[text][tokenize]") {
  const NormalizedText nt = Normalize("Talks ended.  Rebels\t\tleft!\n\nThen..  x? ..");
  const std::vector<Token> tokens = Tokenize(nt);
  REQUIRE(Texts(nt, tokens) ==
          std::vector<std::string>{"Talks", "ended", ".", "Rebels", "left", "!", "Then", ".", ".", "x", "?", ".", "."});
  const uint16_t word = t::kWord, cap = t::kCapitalized, space = t::kSpaceBefore, line = t::kNewlineBefore;
  const uint16_t end = t::kPunct | t::kTerminal;
  const std::vector<uint16_t> expected = {word | cap, word | space, end, word | cap | space, word | space,
                                          end, word | cap | space | line, end, end, word | space,
                                          end, end | space, end};
  for (size_t k = 0; k < tokens.size(); ++k) {
    INFO("token " << k);
    CHECK(tokens[k].flags == expected[k]);
  }
  // Other punctuation never ends a sentence; "..." may, whichever scan takes it.
  const NormalizedText other = Normalize("Kenya's envoy, (re-elected); \"yes\"... 'no'...");
  const std::vector<Token> others = Tokenize(other);
  for (const Token& token : others) {
    const std::string text(t::TokenText(other, token));
    INFO(text);
    CHECK(token.has(t::kTerminal) == (text == "..."));
  }
}

TEST_CASE("Tokenize finds word ends and case at every alignment", "[text][tokenize]") {
  struct Case {
    const char* word;
    uint16_t flags;
  };
  const uint16_t kWord = t::kWord;
  const uint16_t kCap = t::kWord | t::kCapitalized;
  const uint16_t kCaps = t::kWord | t::kCapitalized | t::kAllCaps;
  const Case cases[] = {
      {"a", kWord}, {"Ab", kCap}, {"ABC", kCaps}, {"abcdefgh", kWord}, {"ABCDEFGHI", kCaps},
      {"ABCDEFGHi", kCap}, {"aBCDEFGHIJ", kWord}, {"A1234567B", kCaps}, {"A12345678", kCap},
      {"Internationalization", kCap}, {"INTERNATIONALIZATION", kCaps}, {"x1y2z3w4v5", kWord},
      {"12345678901234567", t::kNumber}, {"ABCDEFG\xC3\x89", kCaps},
      {"ABCDEFG\xC3\xA9", kCap}, {"abcdefg'hijklmn", kWord}};
  for (size_t pad = 0; pad < 10; ++pad) {
    for (const Case& c : cases) {
      const std::string word = c.word;
      CAPTURE(pad, word);
      const std::string text = std::string(pad, ' ') + word + ", " + word;
      const NormalizedText nt = Normalize(text);
      const std::vector<Token> tokens = Tokenize(nt);
      REQUIRE(Texts(nt, tokens) == std::vector<std::string>{word, ",", word});
      const uint16_t space = pad > 0 ? t::kSpaceBefore : 0;
      CHECK(tokens[0].flags == (c.flags | space));
      CHECK(tokens[2].flags == (c.flags | t::kSpaceBefore));
    }
  }
}

TEST_CASE("Tokenize keeps every token of long runs of short ones", "[text][tokenize]") {
  // The scan tests its batch's room only now and then (per window of 64 bytes, per
  // punctuation token): runs of the densest tokens, words of one letter and punctuation
  // mixed with characters the general decode takes, must all come out, in order.
  const std::string units[] = {"a ", "a,", ",", "a b ", "\xC3\xA9 ", "a.b.", "x'", "...", "1 "};
  for (const std::string& unit : units) {
    for (const size_t count : {1u, 63u, 64u, 65u, 255u, 256u, 257u, 1000u}) {
      std::string text;
      for (size_t k = 0; k < count; ++k) text += unit + (k % 7 == 6 ? "\xE2\x80\x94" : "");
      CAPTURE(unit, count);
      const NormalizedText nt = Normalize(text);
      const std::vector<Token> tokens = Tokenize(nt);
      // Tokens in order, each inside the text and after the one before.
      uint32_t at = 0;
      for (const Token& tok : tokens) {
        REQUIRE(tok.begin >= at);
        REQUIRE(tok.end > tok.begin);
        REQUIRE(tok.end <= nt.text.size());
        at = tok.end;
      }
      // Every non-space byte is in a token.
      size_t covered = 0;
      for (const Token& tok : tokens) covered += tok.end - tok.begin;
      CHECK(covered == static_cast<size_t>(std::count_if(nt.text.begin(), nt.text.end(), [](char c) { return c != ' '; })));
    }
  }
}

TEST_CASE("Tokenize non-ASCII words and punctuation", "[text][tokenize]") {
  // Élysée, Київ, an Arabic word, Łódź; a euro sign and a bullet are punctuation.
  const std::string original =
      "\xC3\x89lys\xC3\xA9" "e \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 "
      "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xC5\x81\xC3\xB3" "d\xC5\xBA "
      "\xE2\x82\xAC" "5 \xE2\x80\xA2 \xC3\x89U";
  const NormalizedText nt = Normalize(original);
  const std::vector<Token> tokens = Tokenize(nt);
  REQUIRE(tokens.size() == 8);
  CHECK(tokens[0].flags == (t::kWord | t::kCapitalized));
  CHECK(tokens[1].has(t::kCapitalized));
  CHECK(tokens[2].flags == (t::kWord | t::kSpaceBefore));  // no case
  CHECK(tokens[3].has(t::kCapitalized));
  CHECK(tokens[4].flags == (t::kPunct | t::kSpaceBefore));
  CHECK(tokens[5].flags == t::kNumber);
  CHECK(tokens[6].has(t::kPunct));
  CHECK(tokens[7].flags == (t::kWord | t::kCapitalized | t::kAllCaps | t::kSpaceBefore));
}

TEST_CASE("Token offsets map back to the original text", "[text][tokenize][offsets]") {
  const std::string original =
      "\xE2\x80\x9CWe won\xE2\x80\x99t leave,\xE2\x80\x9D Ja\xE2\x80\x98" "afari said "
      "\xE2\x80\x94 in\xC2\xA0Geneva\xE2\x80\xA6\r\nSyria s \xFF" "Kurds";
  CHECK(Originals(original) ==
        std::vector<std::string>{"\xE2\x80\x9C", "We", "won\xE2\x80\x99t", "leave", ",",
                                 "\xE2\x80\x9D", "Ja\xE2\x80\x98" "afari", "said",
                                 "\xE2\x80\x94", "in", "Geneva", "\xE2\x80\xA6", "Syria",
                                 " s", "\xFF", "Kurds"});
}

TEST_CASE("Segment ends sentences at terminal punctuation", "[text][segment]") {
  CHECK(Sentences("Talks resumed in Bogota. Rebels attended! Will they sign? Maybe...") ==
        std::vector<std::string>{"Talks resumed in Bogota.", "Rebels attended!",
                                 "Will they sign?", "Maybe..."});
  CHECK(Sentences("It rose 5.5 pct. in March... and fell.") ==
        std::vector<std::string>{"It rose 5.5 pct. in March... and fell."});
}

TEST_CASE("Segment keeps abbreviations and initials inside sentences", "[text][segment]") {
  CHECK(Sentences("Mr. Abiy met Gen. Tsadkan in Addis Ababa on Feb. 3 at No. 10. They spoke.") ==
        std::vector<std::string>{"Mr. Abiy met Gen. Tsadkan in Addis Ababa on Feb. 3 at No. 10.",
                                 "They spoke."});
  CHECK(Sentences("George W. Bush and Lt. Col. J. R. Smith arrived. The talks began.") ==
        std::vector<std::string>{"George W. Bush and Lt. Col. J. R. Smith arrived.",
                                 "The talks began."});
  CHECK(Sentences("The deal was signed with Acme Corp. The firm agreed.") ==
        std::vector<std::string>{"The deal was signed with Acme Corp.", "The firm agreed."});
  CHECK(Sentences("They voted for Plan B. It passed.") ==
        std::vector<std::string>{"They voted for Plan B.", "It passed."});
  // Navy ranks and plural titles.
  CHECK(Sentences("A Navy spokesman, Cdr. Ann Lowe, and Sens. Reed and Inhofe spoke. It ended.") ==
        std::vector<std::string>{"A Navy spokesman, Cdr. Ann Lowe, and Sens. Reed and Inhofe spoke.", "It ended."});
}

TEST_CASE("Segment handles dotted acronyms", "[text][segment]") {
  CHECK(Sentences("The U.N. Security Council met in New York. It voted.") ==
        std::vector<std::string>{"The U.N. Security Council met in New York.", "It voted."});
  CHECK(Sentences("Kyiv asked the U.S. for help. The U.S. Congress agreed.") ==
        std::vector<std::string>{"Kyiv asked the U.S. for help.", "The U.S. Congress agreed."});
  CHECK(Sentences("Aid came from the U.S. The Houthis rejected it.") ==
        std::vector<std::string>{"Aid came from the U.S.", "The Houthis rejected it."});
  CHECK(Sentences("U.S.-backed forces advanced on the U.K. embassy.") ==
        std::vector<std::string>{"U.S.-backed forces advanced on the U.K. embassy."});
}

TEST_CASE("Segment gives closing quotes and brackets to the ending sentence",
          "[text][segment]") {
  CHECK(Sentences("\xE2\x80\x9CWe will not give up.\xE2\x80\x9D The minister left.") ==
        std::vector<std::string>{"\"We will not give up.\"", "The minister left."});
  CHECK(Sentences("He asked: \"Why now?\" Nobody answered. (They left.) Then silence.") ==
        std::vector<std::string>{"He asked: \"Why now?\"", "Nobody answered.",
                                 "(They left.)", "Then silence."});
  CHECK(Sentences("She said \"no.\" and left.") ==
        std::vector<std::string>{"She said \"no.\" and left."});
  CHECK(Sentences("Aid reached the U.S.\" He agreed.") ==
        std::vector<std::string>{"Aid reached the U.S.\"", "He agreed."});
}

TEST_CASE("Segment always ends a sentence at a line break", "[text][segment]") {
  CHECK(Sentences("Talks resumed in Sanaa\nthe rebels agreed\n\nMr.\nSmith") ==
        std::vector<std::string>{"Talks resumed in Sanaa", "the rebels agreed", "Mr.",
                                 "Smith"});
  CHECK(Sentences("They met at the U.N.\nIt went well.") ==
        std::vector<std::string>{"They met at the U.N.", "It went well."});
}

TEST_CASE("Segment does not end at periods inside tokens or before lower case",
          "[text][segment]") {
  CHECK(Sentences("See bbc.com. And wait.") ==
        std::vector<std::string>{"See bbc.com.", "And wait."});
  CHECK(Sentences("Items, etc., were sent. Done.") ==
        std::vector<std::string>{"Items, etc., were sent.", "Done."});
}

TEST_CASE("Segment cuts sentences at max_tokens", "[text][segment]") {
  std::string text;
  for (int i = 0; i < 25; ++i) text += "talks ";
  text += "ended. Rebels left.";
  const NormalizedText nt = Normalize(text);
  const std::vector<Token> tokens = Tokenize(nt);
  const std::vector<Sentence> sentences = Segment(nt, tokens, 10);
  CheckSentenceCover(sentences, tokens.size(), 10);
  REQUIRE(sentences.size() == 4);
  CHECK(sentences[0].last - sentences[0].first == 10);
  CHECK(sentences[2].last - sentences[2].first == 7);  // 5 words, "ended", "."
  CHECK(sentences[3].last - sentences[3].first == 3);

  // A run of closers longer than the limit is cut too.
  const NormalizedText bangs = Normalize("No!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! Yes.");
  const std::vector<Token> bang_tokens = Tokenize(bangs);
  CheckSentenceCover(Segment(bangs, bang_tokens, 8), bang_tokens.size(), 8);

  // 0 means no limit.
  CHECK(Segment(nt, tokens, 0).size() == 2);
}

TEST_CASE("Pathological inputs stay fast and bounded", "[text][segment][slow]") {
  std::string megabyte;
  while (megabyte.size() < (1u << 20)) megabyte += "ceasefire talks continue with ";
  std::string dots(1u << 20, '.');
  std::string acronyms;
  while (acronyms.size() < (1u << 20)) acronyms += "U.N.U.S.";
  std::string quotes;
  while (quotes.size() < (1u << 20)) quotes += "a.\")";
  std::string invalid(1u << 20, '\xFF');

  for (const std::string* text : {&megabyte, &dots, &acronyms, &quotes, &invalid}) {
    const auto start = std::chrono::steady_clock::now();
    const NormalizedText nt = Normalize(*text);
    const std::vector<Token> tokens = Tokenize(nt);
    const std::vector<Sentence> sentences = Segment(nt, tokens, 400);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CheckNormalizedInvariants(*text, nt);
    CheckSentenceCover(sentences, tokens.size(), 400);
    // Generous, to pass in debug and sanitizer builds; a quadratic pass would take minutes.
    CHECK(elapsed < std::chrono::seconds(30));
  }
  const NormalizedText nt = Normalize(megabyte);
  const std::vector<Token> tokens = Tokenize(nt);
  CHECK(Segment(nt, tokens).size() == (tokens.size() + 399) / 400);
}

TEST_CASE("Latin letters lose their marks, other bytes stay", "[text][unicode]") {
  namespace u = actorgraph::text::unicode;
  std::string out;
  u::FoldLatinLetters("Recep Tayyip Erdo\u011fan", &out);
  CHECK(out == "Recep Tayyip Erdogan");
  u::FoldLatinLetters("Pe\u00f1a Nieto, Fran\u00e7ois, \u00c6r\u00f8, Stra\u00dfe, \u0141\u00f3d\u017a", &out);
  CHECK(out == "Pena Nieto, Francois, AEro, Strasse, Lodz");
  // Not Latin, not a letter, not UTF-8: as they were.
  const std::string kept = "\u0421\u0435\u0440\u0433\u0435\u0439 \u00d7 \xff\xc3";
  u::FoldLatinLetters(kept, &out);
  CHECK(out == kept);
}

TEST_CASE("IsJuniorOrSenior tells a son's or a father's suffix in any case", "[text]") {
  for (std::string_view w : {"jr", "Jr", "JR", "jr.", "Jr.", "sr", "Sr.", "SR"}) CHECK(t::IsJuniorOrSenior(w));
  // Not a regnal number, a longer word, a lone letter or a stray period.
  for (std::string_view w : {"ii", "iii", "jrs", "j", "r.", "jr..", "", ".", "Dr", "st."})
    CHECK_FALSE(t::IsJuniorOrSenior(w));
}
