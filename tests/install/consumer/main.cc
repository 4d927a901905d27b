// Reads the documents of argv[1] with the installed library and its bundled rules, and
// writes the graph as N-Quads on standard output: the example of <actorgraph/actorgraph.h>.
#include <iostream>
#include <memory>

#include <actorgraph/actorgraph.h>

#ifndef BUNDLED_RULES  // built by pkg-config rather than CMake: the rules come as argv[2]
#define BUNDLED_RULES ""
#endif

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: consumer INPUT [RULES]\n";
    return 2;
  }
  std::string rules = argc > 2 ? argv[2] : BUNDLED_RULES;
  std::unique_ptr<actorgraph::Extractor> ex;
  actorgraph::Status s = actorgraph::Extractor::Create({rules}, &ex);
  if (!s.ok()) {
    std::cerr << "consumer: " << s.ToString() << "\n";
    return 1;
  }
  actorgraph::KnowledgeGraph graph;
  s = actorgraph::ReadDocuments(argv[1], [&](actorgraph::Document&& d) {
    actorgraph::AddToGraph(ex->Extract(d), /*all_modalities=*/false, &graph);
    return actorgraph::Status::Ok();
  });
  if (s.ok()) s = actorgraph::WriteNQuads(graph, std::cout);
  if (!s.ok()) {
    std::cerr << "consumer: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}
