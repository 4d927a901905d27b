// Stage 2a: the actor dictionary. Tab-separated files under rules/ (see docs/actors.md):
//   name <TAB> type <TAB> code <TAB> sector <TAB> aliases <TAB> adjectives
// with '|' between aliases and between adjectives, and a header line naming the columns.
#ifndef ACTORGRAPH_SRC_ACTORS_DICTIONARY_H_
#define ACTORGRAPH_SRC_ACTORS_DICTIONARY_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actorgraph/graph.h"
#include "actorgraph/status.h"
#include "core/phrases.h"
#include "core/word_flags.h"

namespace actorgraph::internal {

struct DictEntry {
  Actor actor;                          // aliases hold the dictionary's own forms
  std::vector<std::string> adjectives;  // demonyms: "Syrian"
  // One-word names that, alone in a document, stand for this person ("Trump"): matched
  // by no phrase, only by the resolution (see docs/actors.md, `lone-names`).
  std::vector<std::string> lone_names;
};

class Dictionary {
 public:
  // Parses one dictionary file; errors name path:line:col.
  Status AddFile(const std::string& path, std::string_view text);
  // Room for `lines` more entries, the lines of the files to add: each AddFile reserving
  // for its own moved every entry of the files before it (strings, alias sets) again.
  void Reserve(size_t lines) { entries_.reserve(entries_.size() + lines); }
  // Builds the match index; call once after the last AddFile.
  void Build();

  struct Hit {
    uint32_t end = 0;
    int entry = -1;
    bool demonym = false;
  };
  // The longest dictionary phrase starting at token i and ending by `limit`. Here, not
  // in dictionary.cc: the name chunker asks at every capitalized word, and the call of a
  // function of its own cost a tenth of the lookup.
  bool LongestAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                 uint32_t i, uint32_t limit, Hit* hit) const {
    PhraseIndex::Hit h;
    if (!index_.LongestAt(text, tokens, i, limit, &h)) return false;
    hit->end = h.end;
    hit->entry = h.value / 2;
    hit->demonym = (h.value % 2) != 0;
    return true;
  }

  // Adds `flags` for the first word of every phrase LongestAt can match, and
  // `uncapitalized_flags` for that of every phrase it can match at a token that does not
  // begin with a capital (PhraseIndex::FirstWordsUncapitalized): most entries are names.
  // By the hashes the index keeps: a view of each word, each hashed again, cost more.
  void AddFirstWords(uint32_t flags, uint32_t uncapitalized_flags, WordFlags* words) const {
    std::vector<uint64_t> hashes;
    index_.FirstWordHashes(&hashes);
    for (uint64_t h : hashes) words->AddHash(h, flags);
    index_.FirstWordHashesUncapitalized(&hashes);
    for (uint64_t h : hashes) words->AddHash(h, uncapitalized_flags);
  }

  const DictEntry& entry(int i) const { return entries_[i]; }
  // The entry of the Country with ISO code `code` (one a code, after Build), or -1.
  int CountryWithCode(const std::string& code) const {
    auto it = country_by_code_.find(code);
    return it == country_by_code_.end() ? -1 : it->second;
  }
  size_t size() const { return entries_.size(); }
  // The entries whose `lone-names` hold word `name`, whatever its case, in file order;
  // empty when none does.
  const std::vector<int>& LoneName(std::string_view name) const;
  bool has_lone_names() const { return !lone_names_.empty(); }
  // The entry of the Person one of whose aliases of two words or more has person id `id`
  // (PersonIdFor: a rule's "Muammar el-Qaddafi" and the alias "Muammar al-Qaddafi" are
  // both muammar-qaddafi) where that is not the entry's own id; -1 when none, or when
  // two persons' aliases have it.
  int PersonOfAliasId(const std::string& id) const {
    if (person_alias_ids_.empty()) return -1;
    auto it = person_alias_ids_.find(id);
    return it == person_alias_ids_.end() ? -1 : it->second;
  }
  // Whether person id `id` (PersonIdFor, the middle initial dropped) is that of a listed
  // person's name or alias written with a middle initial, none of them `initial`
  // (upper-case): "George P. Bush" is not George W. Bush.
  bool OtherInitial(const std::string& id, char initial) const {
    auto it = person_initials_.find(id);
    return it != person_initials_.end() && it->second.find(initial) == std::string::npos;
  }
  bool has_person_initials() const { return !person_initials_.empty(); }
  // Notes the middle initial person `form` ("George W. Bush") is written with, as a listed
  // person's form's would be, for a person the dictionary does not list: another initial
  // is then someone else ("George P. Bush"; OtherInitial).
  void NotePersonInitial(std::string_view form);
  // The entry of the Government one of whose aliases is `name` (any case) followed by
  // "administration" ("Truman administration": the American government), or -1: the
  // government of a leader the story names with no country ("the administration of
  // President Harry Truman").
  int GovernmentOfLeader(std::string_view name) const;
  // The Country entry one of whose demonyms ending in "i" or "an" is `word` (any case)
  // less its plural "s" ("Saudis", "Israelis", "Iranians"), or -1. Asked rarely: a scan.
  int CountryOfPluralDemonym(std::string_view word) const;
  std::string Dump() const;

 private:
  // Indexes e's aliases (under `value`) and adjectives (under value + 1).
  void IndexForms(const DictEntry& e, int value, PhraseTokens* p);
  void IndexForm(std::string_view form, int value, PhraseTokens* p);  // one alias or adjective
  void IndexPersonAliasIds();
  void IndexLeadersGovernments();
  std::vector<DictEntry> entries_;
  PhraseIndex index_;  // value = entry * 2 + (demonym ? 1 : 0)
  std::map<std::string, int> country_by_code_;
  // Lower-case name -> entries; hashed: asked of every person a document names by one word.
  std::unordered_map<std::string, std::vector<int>> lone_names_;
  // Person id of an alias -> entry (-1: several), for PersonOfAliasId.
  std::unordered_map<std::string, int> person_alias_ids_;
  // Person id of a listed person's name or alias with a middle initial -> the initials
  // (upper-case) its forms so written have, for OtherInitial.
  std::unordered_map<std::string, std::string> person_initials_;
  // Lower-case leader's name -> Government entry, for GovernmentOfLeader.
  std::unordered_map<std::string, int> leader_governments_;
};

// `s` with its ASCII letters in lower case.
std::string AsciiLower(std::string_view s);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_ACTORS_DICTIONARY_H_
