#include "actors/analysis.h"

namespace actorgraph::internal {

int Analysis::InternActor(const Actor& actor, const std::vector<std::string>& adjectives) {
  auto it = actor_index.find(actor.id);
  if (it != actor_index.end()) return it->second;
  int index = static_cast<int>(actors.size());
  actor_index.emplace(actor.id, index);
  DocActor d;
  d.actor = actor;
  d.actor.aliases.clear();  // aliases collect the forms seen in this document
  d.adjectives = adjectives;
  actors.push_back(std::move(d));
  return index;
}

std::string Analysis::SpanText(uint32_t first, uint32_t last) const {
  if (first >= last) return std::string();
  return text.text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

Span Analysis::OriginalSpan(uint32_t first, uint32_t last) const {
  if (first >= last) return Span{};
  return text.ToOriginal(tokens[first].begin, tokens[last - 1].end);
}

}  // namespace actorgraph::internal
