// Helpers shared by the Catch2 tests.
#ifndef ACTORGRAPH_TESTS_TEST_UTIL_H_
#define ACTORGRAPH_TESTS_TEST_UTIL_H_

#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <string>

#include "actorgraph/extractor.h"

namespace actorgraph::testing {

// The extractor of the bundled rule pack (rules/ of this checkout), loaded once per test
// process: loading it is most of a small test's time.
inline const Extractor& Bundled() {
  static std::unique_ptr<Extractor> ex = [] {
    std::unique_ptr<Extractor> e;
    Status s = Extractor::Create({std::string(ACTORGRAPH_SOURCE_DIR) + "/rules"}, &e);
    if (!s.ok()) FAIL(s.ToString());
    return e;
  }();
  return *ex;
}

// The names of the actors of `type` an extraction holds.
inline std::set<std::string> NamesOfType(const Extraction& ex, ActorType type) {
  std::set<std::string> names;
  for (const Actor& a : ex.actors)
    if (a.type == type) names.insert(a.name);
  return names;
}

}  // namespace actorgraph::testing

#endif  // ACTORGRAPH_TESTS_TEST_UTIL_H_
