#include "actors/analysis.h"

#include <algorithm>
#include <utility>

#include "core/hash.h"

namespace actorgraph::internal {

// A dictionary actor's dated roles say where it stood on the document's date: a person
// takes the role's country, anyone else fills an empty code from it; both an empty sector.
void Analysis::ApplyRole(const std::vector<ActorRole>& roles, Actor* actor) const {
  // Most actors interned have no role (every one an entity rule makes): RoleAt would read
  // the document's date for nothing.
  if (roles.empty()) return;
  const ActorRole* role = RoleAt(roles, document ? std::string_view(document->date) : std::string_view());
  if (!role) return;
  if (actor->type == ActorType::kPerson) {
    actor->country = role->country;
  } else if (actor->code.empty()) {
    actor->code = role->country;
  }
  if (actor->sector.empty()) actor->sector = role->sector;
}

void Analysis::Clear() {
  document = nullptr;
  // The text's two strings keep their bytes: Normalize, which the next document's
  // analysis starts with, writes every byte it keeps and copies in only the input past
  // those already there (emptied here, it copied the whole input into both).
  text.shifts.clear();
  text.invalid_bytes.clear();
  text.token_hashes.clear();
  text.hashed_tokens_end = nullptr;
  tokens.clear();
  sentences.clear();
  ClearActors();
  // Emptied in place, the lists kept for ResetMentions: the next document's sentences
  // take them.
  ClearMentionLists();
  focus_country = -1;
  parties.clear();
  split_names.clear();
  name_brackets.clear();
  party_tags.clear();
  unbracketed_names.clear();
  country_surnames.clear();
  dateline_places.clear();
  document_id.clear();
  leader_governments = false;
  titled_document_governments = false;
  document_governments = false;
  document_militaries = false;
  document_regimes = false;
  womans_titled_words.clear();
  company_short_names.clear();
  agencies_spelled.clear();
  label_words.clear();
  found_mentions.clear();
  token_roles.clear();  // else the matcher could read the last document's, were it run first
  sentence_words.clear();  // likewise
}

bool Analysis::IsDatelinePlace(std::string_view name) const {
  for (const std::string& place : dateline_places)
    if (place.size() == name.size() &&
        std::equal(place.begin(), place.end(), name.begin(),
                   [](char p, char c) { return p == (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c); }))
      return true;
  return false;
}

void Analysis::ClearActors() {
  // The slots keep their number (a power of two), emptied: InternActor grows them only
  // when a document names more actors than any before.
  if (actor_slot_of.size() == actors.size()) {
    for (uint32_t slot : actor_slot_of) actor_slots[slot] = ActorSlot{};
  } else {  // actors added by hand
    std::fill(actor_slots.begin(), actor_slots.end(), ActorSlot{});
  }
  actors.clear();
  actor_slot_of.clear();
}

void Analysis::ResetMentions(size_t count) {
  // The lists stay where they are, emptied; only those past `count` are put by, or taken
  // back, for the difference from the last document's sentences: moving every list out
  // and back cost two moves a sentence.
  ClearMentionLists();
  for (; mentions.size() > count; mentions.pop_back())
    spare_mentions.push_back(std::move(mentions.back()));  // emptied: no stale mention
  while (mentions.size() < count) {
    if (spare_mentions.empty()) {
      mentions.emplace_back();
    } else {
      mentions.push_back(std::move(spare_mentions.back()));
      spare_mentions.pop_back();
    }
  }
}

void Analysis::ClearMentionLists() {
  for (std::vector<Mention>& ms : mentions) ms.clear();
}

size_t Analysis::ActorSlotOf(uint64_t hash, std::string_view id) const {
  const size_t mask = actor_slots.size() - 1;
  size_t i = hash & mask;
  while (actor_slots[i].actor >= 0 && (actor_slots[i].hash != hash || actors[actor_slots[i].actor].actor.id != id))
    i = (i + 1) & mask;
  return i;
}

// Twice the slots (32 at first: most documents name fewer than 16 actors), at most half
// full.
void Analysis::GrowActorSlots() {
  std::vector<ActorSlot> old = std::move(actor_slots);
  actor_slots.assign(old.empty() ? 32 : 2 * old.size(), ActorSlot{});
  const size_t mask = actor_slots.size() - 1;
  for (const ActorSlot& s : old) {
    if (s.actor < 0) continue;
    size_t i = s.hash & mask;
    while (actor_slots[i].actor >= 0) i = (i + 1) & mask;
    actor_slots[i] = s;
    if (static_cast<size_t>(s.actor) < actor_slot_of.size()) actor_slot_of[s.actor] = static_cast<uint32_t>(i);
  }
}

int Analysis::InternActor(const Actor& actor, const std::vector<std::string>& adjectives) {
  return Intern(actor, adjectives);
}

int Analysis::InternActor(Actor&& actor, const std::vector<std::string>& adjectives) {
  return Intern(std::move(actor), adjectives);
}

template <typename A>
int Analysis::Intern(A&& actor, const std::vector<std::string>& adjectives) {
  const int index = static_cast<int>(actors.size());
  const uint64_t hash = HashWord(actor.id);
  if (2 * (actors.size() + 1) > actor_slots.size()) GrowActorSlots();
  const size_t slot = ActorSlotOf(hash, actor.id);
  if (actor_slots[slot].actor >= 0) return actor_slots[slot].actor;
  actor_slots[slot] = ActorSlot{hash, index};
  if (actor_slot_of.size() == actors.size()) actor_slot_of.push_back(static_cast<uint32_t>(slot));
  if (actors.empty()) actors.reserve(16);  // most documents name fewer: no moves as it grows
  // Made in place, not built and moved in: a move copies each short string's bytes.
  DocActor& d = actors.emplace_back(std::forward<A>(actor));
  if (!adjectives.empty() && !adjectives.front().empty()) d.adjective = &adjectives.front();
  ApplyRole(d.roles(), &d.actor);
  return index;
}

std::string Analysis::SpanText(uint32_t first, uint32_t last) const {
  if (first >= last) return std::string();
  return text.text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

std::string_view Analysis::UnbracketedNameText(uint32_t first, uint32_t last) {
  if (first >= last) return std::string_view();
  const std::string_view span =
      std::string_view(text.text).substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
  if (std::none_of(name_brackets.begin(), name_brackets.end(), [&](uint32_t t) { return t >= first && t < last; }))
    return span;
  std::string& name = unbracketed_names.emplace_back();
  for (uint32_t t = first; t < last; ++t) {
    if (std::find(name_brackets.begin(), name_brackets.end(), t) != name_brackets.end()) continue;
    if (t > first && !name.empty() && tokens[t].begin > tokens[t - 1].end) name += ' ';
    name += TokenText(t);
  }
  return name;
}

Span Analysis::OriginalSpan(uint32_t first, uint32_t last) const {
  if (first >= last) return Span{};
  return text.ToOriginal(tokens[first].begin, tokens[last - 1].end);
}

}  // namespace actorgraph::internal
