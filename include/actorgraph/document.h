// Reading news documents from files, directories and standard input.
#ifndef ACTORGRAPH_DOCUMENT_H_
#define ACTORGRAPH_DOCUMENT_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "actorgraph/status.h"

namespace actorgraph {

// A document's text: a string of its own, or a view of bytes that an owner it shares
// keeps alive. ReadDocuments shares: a JSON Lines record's text is unescaped where the
// record was read and viewed there, not copied (several documents may share one block
// of input, which lives as long as the last of them). Assigning a string, or characters,
// gives it a string of its own, as to a std::string; it reads as a std::string_view.
// Copies share the owner; the bytes are never changed while viewed, so documents holding
// them may be read on several threads at once.
class DocumentText {
 public:
  DocumentText() = default;
  DocumentText(std::string text) : own_(std::move(text)) {}
  DocumentText(const char* text) : own_(text) {}
  DocumentText& operator=(std::string text) {
    own_ = std::move(text);
    owner_.reset();
    return *this;
  }
  DocumentText& operator=(std::string_view text) { return *this = std::string(text); }
  DocumentText& operator=(const char* text) { return *this = std::string(text); }

  // Views `bytes`, which `owner` keeps alive and unchanged as long as any copy holds it.
  void Share(std::string_view bytes, std::shared_ptr<const void> owner) {
    own_ = std::string();
    owner_ = std::move(owner);
    data_ = bytes.data();
    size_ = bytes.size();
  }
  // Empty, with no storage of its own and no owner shared.
  void clear() {
    own_ = std::string();
    owner_.reset();
  }

  std::string_view view() const { return owner_ ? std::string_view(data_, size_) : std::string_view(own_); }
  operator std::string_view() const { return view(); }
  const char* data() const { return view().data(); }
  size_t size() const { return view().size(); }
  bool empty() const { return size() == 0; }
  friend bool operator==(const DocumentText& a, std::string_view b) { return a.view() == b; }
  friend bool operator!=(const DocumentText& a, std::string_view b) { return a.view() != b; }

 private:
  std::string own_;                    // the text, when no owner is shared
  std::shared_ptr<const void> owner_;  // keeps [data_, data_ + size_) alive, when set
  const char* data_ = nullptr;
  size_t size_ = 0;
};

struct Document {
  std::string id;     // file stem for .txt; the "id" field for JSON Lines
  std::string title;  // optional
  std::string date;   // optional, as given (ISO 8601 preferred)
  std::string url;    // optional
  DocumentText text;  // the original text, UTF-8 as read; offsets in evidence point into it
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
