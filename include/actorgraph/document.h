// Reading news documents from files, directories and standard input.
#ifndef ACTORGRAPH_DOCUMENT_H_
#define ACTORGRAPH_DOCUMENT_H_

#include <functional>
#include <string>

#include "actorgraph/status.h"

namespace actorgraph {

struct Document {
  std::string id;     // file stem for .txt; the "id" field for JSON Lines
  std::string title;  // optional
  std::string date;   // optional, as given (ISO 8601 preferred)
  std::string url;    // optional
  std::string text;   // the original text, UTF-8 as read; offsets in evidence point into it
  std::string source; // path it came from ("-" for stdin)
  uint32_t line = 0;  // line number within a JSON Lines source, 0 for .txt
};

// Called once per document, in input order. Returning a non-ok Status stops the read
// and that Status is returned by ReadDocuments.
using DocumentSink = std::function<Status(Document&&)>;

// Reads `path`:
//  - a ".txt" file is one document whose id is the file's stem;
//  - a ".jsonl" file has one JSON object a line: "id" (string or number; when absent,
//    null or "", "<stem>:<line>"), "text" or "body" (required), optional "title", "date", "url";
//    blank lines are skipped;
//  - a directory is read recursively for .txt and .jsonl files, in sorted path order;
//  - a further .gz or .zst extension is decompressed while reading;
//  - any other file, and "-" (standard input), is read by its bytes: gzip or zstd (by
//    their magic numbers) is decompressed, then it is JSON Lines as above if its first
//    bytes that are not blank, after a UTF-8 byte order mark, open an object ('{' then
//    '"' or '}'; blank input: no document), an error if they open a JSON array, an error
//    for xz, bzip2, lz4, zip, 7z, PDF or binary data, and otherwise one plain-text
//    document named by the file's stem ("stdin");
//  - plain text in UTF-16 with a byte order mark is converted to UTF-8 (`text` and the
//    offsets into it are then UTF-8); UTF-16 JSON is an error.
// Errors name the path, and the line for JSON Lines. An empty document is passed on
// (with empty text), never an error.
struct ReadOptions {
  // When true, a malformed JSON Lines record, or a file that cannot be read (in a
  // directory, or `path` itself), is passed to `on_skip` and the read goes on (with
  // `path` itself: ReadDocuments returns Ok, the documents read before the error passed
  // on); when false (the default) it ends the read and is returned.
  bool skip_errors = false;
  std::function<void(const Status&)> on_skip;
};

Status ReadDocuments(const std::string& path, const DocumentSink& sink, const ReadOptions& options = {});

}  // namespace actorgraph

#endif  // ACTORGRAPH_DOCUMENT_H_
