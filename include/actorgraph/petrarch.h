// Converting PETRARCH/TABARI actor dictionaries (the CAMEO ".actors" files) into
// actorgraph dictionary TSV (docs/actors.md, "Importing PETRARCH dictionaries").
#ifndef ACTORGRAPH_PETRARCH_H_
#define ACTORGRAPH_PETRARCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/status.h"

namespace actorgraph {

struct PetrarchSource {
  std::string path;     // named in messages and in the output's header
  std::string text;     // the .actors file
  std::string license;  // the source's licence text (its LICENSE file), copied into the
                        // output's header; may be empty when the source carries its own
};

// Something the conversion left out, and why.
struct PetrarchSkip {
  std::string path;
  uint32_t line = 0;
  std::string what;    // "entry", "synonym" or "code"
  std::string reason;  // a fixed phrase, for counting: "no code of its own"
  std::string text;    // the name or code left out
};

struct PetrarchFile {
  std::string source;  // PetrarchSource::path
  std::string tsv;     // the dictionary file: header comments, column line, one actor a line
  size_t entries = 0;  // actors written
  size_t aliases = 0;  // aliases written (not counting canonical names)
  size_t roles = 0;    // roles written
};

struct PetrarchImport {
  std::vector<PetrarchFile> files;    // one per source, in order
  std::vector<PetrarchSkip> skipped;  // in source and line order
};

// Converts every source; an actor listed in several sources (same canonical name) is
// written once, to the first. Fails only on a structural error (a synonym or code line
// before any entry, an unclosed '['), naming path:line:col.
Status ImportPetrarch(const std::vector<PetrarchSource>& sources, PetrarchImport* result);

}  // namespace actorgraph

#endif  // ACTORGRAPH_PETRARCH_H_
