// The whole public API of the actorgraph library.
//
//   std::unique_ptr<actorgraph::Extractor> ex;
//   Status s = actorgraph::Extractor::Create({"rules"}, &ex);
//   actorgraph::KnowledgeGraph graph;
//   s = actorgraph::ReadDocuments("news.jsonl", [&](actorgraph::Document&& d) {
//     actorgraph::AddToGraph(ex->Extract(d), /*all_modalities=*/false, &graph);
//     return actorgraph::Status::Ok();
//   });
//   s = actorgraph::WriteJsonLd(graph, std::cout);
#ifndef ACTORGRAPH_ACTORGRAPH_H_
#define ACTORGRAPH_ACTORGRAPH_H_

#include "actorgraph/builder.h"
#include "actorgraph/document.h"
#include "actorgraph/export.h"
#include "actorgraph/extractor.h"
#include "actorgraph/graph.h"
#include "actorgraph/petrarch.h"
#include "actorgraph/status.h"

#endif  // ACTORGRAPH_ACTORGRAPH_H_
