// Errors as values. The library never prints and never exits: every fallible
// call returns a Status that names what went wrong and where. Only the CLI turns
// a Status into a message and an exit code.
#ifndef ACTORGRAPH_STATUS_H_
#define ACTORGRAPH_STATUS_H_

#include <cstdint>
#include <string>
#include <utility>

namespace actorgraph {

// What kind of failure; the CLI maps each to a distinct exit code.
enum class ErrorCode {
  kOk = 0,
  kUsage,     // bad arguments or options
  kInput,     // unreadable or malformed input document or file
  kRules,     // a rule or dictionary file does not parse or compile
  kOutput,    // an output could not be written
  kInternal,  // a broken invariant: a bug
};

// Where a failure happened. Rule and dictionary errors fill path/line/column;
// input errors fill path (and line, for JSON Lines) or document and byte offset.
struct SourceLocation {
  std::string path;
  uint32_t line = 0;    // 1-based; 0 = unknown
  uint32_t column = 0;  // 1-based byte column; 0 = unknown
  std::string document; // document id, when known
  int64_t offset = -1;  // byte offset into the document's original text; -1 = unknown
};

// A location naming only a file.
inline SourceLocation InFile(std::string path) {
  SourceLocation where;
  where.path = std::move(path);
  return where;
}

class Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::string message, SourceLocation where = {}) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    s.where_ = std::move(where);
    return s;
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceLocation& where() const { return where_; }

  // "path:line:col: message", "path:line: message", "document@offset: message"
  // or just "message", depending on what is known.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  SourceLocation where_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_STATUS_H_
