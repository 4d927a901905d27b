#include "rules/morphology.h"

#include <algorithm>
#include <unordered_map>

namespace actorgraph::internal {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Irregular verbs that news about politics and conflict uses: lemma -> past forms.
const std::unordered_map<std::string_view, std::vector<std::string_view>>& Irregulars() {
  static const auto* table = new std::unordered_map<std::string_view, std::vector<std::string_view>>{
      {"meet", {"met"}}, {"hold", {"held"}}, {"fight", {"fought"}}, {"lead", {"led"}},
      {"seek", {"sought"}}, {"send", {"sent"}}, {"say", {"said"}}, {"tell", {"told"}},
      {"take", {"took", "taken"}}, {"make", {"made"}}, {"give", {"gave", "given"}},
      {"go", {"went", "gone", "goes"}}, {"come", {"came"}}, {"see", {"saw", "seen"}},
      {"win", {"won"}}, {"bring", {"brought"}}, {"begin", {"began", "begun"}},
      {"break", {"broke", "broken"}}, {"buy", {"bought"}}, {"keep", {"kept"}},
      {"leave", {"left"}}, {"lose", {"lost"}}, {"run", {"ran"}}, {"sit", {"sat"}},
      {"speak", {"spoke", "spoken"}}, {"stand", {"stood"}}, {"strike", {"struck"}},
      {"throw", {"threw", "thrown"}}, {"shoot", {"shot"}}, {"spend", {"spent"}},
      {"withdraw", {"withdrew", "withdrawn"}}, {"choose", {"chose", "chosen"}},
      {"get", {"got", "gotten"}}, {"have", {"has", "had"}},
      {"be", {"is", "are", "was", "were", "been", "am"}}, {"do", {"does", "did", "done"}},
      {"drive", {"drove", "driven"}}, {"rise", {"rose", "risen"}},
      {"write", {"wrote", "written"}}, {"undertake", {"undertook", "undertaken"}},
      {"oversee", {"oversaw", "overseen"}}, {"overthrow", {"overthrew", "overthrown"}},
      {"shake", {"shook", "shaken"}}, {"forbid", {"forbade", "forbidden"}},
      {"feel", {"felt"}}, {"find", {"found"}}, {"hear", {"heard"}}, {"know", {"knew", "known"}},
      {"lay", {"laid"}}, {"pay", {"paid"}}, {"sell", {"sold"}}, {"think", {"thought"}},
      {"teach", {"taught"}}, {"catch", {"caught"}}, {"swear", {"swore", "sworn"}},
      {"wage", {"waged"}}, {"arise", {"arose", "arisen"}}, {"ride", {"rode", "ridden"}},
      {"fly", {"flew", "flown", "flies"}}, {"draw", {"drew", "drawn"}},
      {"blow", {"blew", "blown"}}, {"grow", {"grew", "grown"}}, {"hide", {"hid", "hidden"}},
      {"stick", {"stuck"}}, {"forgive", {"forgave", "forgiven"}}, {"bear", {"bore", "borne"}},
      {"split", {"split"}}, {"quit", {"quit"}}, {"hit", {"hit"}}, {"cut", {"cut"}},
      {"put", {"put"}}, {"set", {"set"}}, {"let", {"let"}}, {"shut", {"shut"}},
      {"spread", {"spread"}}, {"broadcast", {"broadcast"}}, {"bid", {"bid"}},
      {"beat", {"beat", "beaten"}}, {"cast", {"cast"}}, {"hurt", {"hurt"}},
  };
  return *table;
}

// Consonant-vowel-consonant endings double their consonant ("stop" -> "stopped") for
// short one-syllable verbs, the common case in this vocabulary.
bool DoublesFinalConsonant(std::string_view w) {
  if (w.size() < 3 || w.size() > 4) return false;
  char last = w.back(), mid = w[w.size() - 2], first = w[w.size() - 3];
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y') return false;
  return IsVowel(mid) && !IsVowel(first);
}

std::string ThirdPerson(std::string_view w) {
  std::string s(w);
  if (s.size() > 1 && s.back() == 'y' && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ies";
  if (s.back() == 's' || s.back() == 'x' || s.back() == 'z' || (s.size() > 1 && (s.substr(s.size() - 2) == "sh" || s.substr(s.size() - 2) == "ch")))
    return s + "es";
  return s + "s";
}

std::string Past(std::string_view w) {
  std::string s(w);
  if (s.back() == 'e') return s + "d";
  if (s.size() > 1 && s.back() == 'y' && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ied";
  if (DoublesFinalConsonant(s)) return s + s.back() + "ed";
  return s + "ed";
}

std::string Progressive(std::string_view w) {
  std::string s(w);
  if (s.size() > 2 && s.back() == 'e' && s[s.size() - 2] != 'e') return s.substr(0, s.size() - 1) + "ing";
  if (DoublesFinalConsonant(s)) return s + s.back() + "ing";
  return s + "ing";
}

}  // namespace

std::vector<std::string> WordForms(std::string_view lemma) {
  std::vector<std::string> forms;
  if (lemma.empty()) return forms;
  forms.emplace_back(lemma);
  forms.push_back(ThirdPerson(lemma));
  forms.push_back(Past(lemma));
  std::string ing = Progressive(lemma);
  forms.push_back(ing);
  forms.push_back(ing + "s");  // "meetings", "talkings" is harmless
  auto it = Irregulars().find(lemma);
  if (it != Irregulars().end())
    for (std::string_view f : it->second) forms.emplace_back(f);
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

bool MayBePast(std::string_view form) {
  if (form.size() > 2 && form.substr(form.size() - 2) == "ed") return true;
  // The table's present forms ("has", "does", "goes", "flies", "is", "are", "am") end in
  // -s or are forms of "be" that no event verb shares.
  static const auto* past = [] {
    auto* forms = new std::vector<std::string_view>;
    for (const auto& [lemma, irregular] : Irregulars())
      for (std::string_view f : irregular)
        if ((f.back() != 's' || f == "was") && f != "are" && f != "am") forms->push_back(f);
    std::sort(forms->begin(), forms->end());
    return forms;
  }();
  return std::binary_search(past->begin(), past->end(), form);
}

}  // namespace actorgraph::internal
