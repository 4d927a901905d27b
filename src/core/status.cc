#include "actorgraph/status.h"

#include <string>

namespace actorgraph {
namespace {

// The most precise location prefix available, without the trailing ": ".
// A file path wins over a document id: rule and input errors that know their file
// point the user at something they can open in an editor.
std::string LocationPrefix(const SourceLocation& where) {
  if (!where.path.empty()) {
    std::string prefix = where.path;
    if (where.line > 0) {
      prefix += ":" + std::to_string(where.line);
      if (where.column > 0) prefix += ":" + std::to_string(where.column);
    }
    return prefix;
  }
  if (!where.document.empty()) {
    std::string prefix = where.document;
    if (where.offset >= 0) prefix += "@" + std::to_string(where.offset);
    return prefix;
  }
  return std::string();
}

}  // namespace

std::string Status::ToString() const {
  if (ok() && message_.empty()) return "ok";
  const std::string prefix = LocationPrefix(where_);
  if (prefix.empty()) return message_;
  return prefix + ": " + message_;
}

}  // namespace actorgraph
