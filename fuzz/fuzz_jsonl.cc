// libFuzzer target: ReadDocuments on arbitrary bytes written to a temporary file, read as
// JSON Lines (with and without skip_errors), as plain text, by its bytes (a file named
// without .jsonl or .txt), and through the .gz and .zst decoders. It must return a
// Status, never crash.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "actorgraph/document.h"

namespace ag = actorgraph;
namespace fs = std::filesystem;

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_jsonl: invariant violated: %s\n", what);
  std::abort();
}

// One directory per process, removed at exit.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "actorgraph_fuzz_jsonl.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string WriteFile(const std::string& name, std::string_view bytes) {
  static TempDir dir;
  const fs::path path = dir.path / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  Check(static_cast<bool>(out), "temporary file written");
  return path.string();
}

// Reads `path` as JSON Lines and checks what comes back against the input's line count.
void ReadJsonLines(const std::string& path, size_t lines, bool skip_errors) {
  size_t documents = 0, skipped = 0;
  ag::ReadOptions options;
  options.skip_errors = skip_errors;
  options.on_skip = [&](const ag::Status& s) {
    Check(!s.ok() && s.code() == ag::ErrorCode::kInput, "a skipped record is an input error");
    Check(s.where().line >= 1 && s.where().line <= lines, "a skipped record names its line");
    (void)s.ToString();
    ++skipped;
  };
  const ag::Status status = ag::ReadDocuments(path, [&](ag::Document&& d) {
    Check(d.line >= 1 && d.line <= lines, "a record's line is inside the file");
    Check(d.source == path, "a record names its source");
    ++documents;
    return ag::Status::Ok();
  }, options);
  (void)status.ToString();
  Check(documents + skipped <= lines, "at most one document or skip per line");
  if (skip_errors) {
    Check(status.ok(), "with skip_errors a readable file reads to its end");
  } else {
    Check(skipped == 0, "without skip_errors nothing is skipped");
    if (!status.ok()) {
      Check(status.code() == ag::ErrorCode::kInput, "a bad record is an input error");
      Check(status.where().line >= 1 && status.where().line <= lines, "the error names its line");
    }
  }
}

// Reads a compressed file (the bytes are rarely a valid stream): only a Status is expected.
void ReadCompressed(const std::string& path) {
  ag::ReadOptions options;
  options.skip_errors = true;
  const ag::Status status =
      ag::ReadDocuments(path, [](ag::Document&&) { return ag::Status::Ok(); }, options);
  if (!status.ok()) Check(status.code() == ag::ErrorCode::kInput, "a corrupt stream is an input error");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t lines = 0;
  for (char c : bytes) lines += c == '\n' ? 1 : 0;
  if (!bytes.empty() && bytes.back() != '\n') ++lines;

  const std::string jsonl = WriteFile("input.jsonl", bytes);
  ReadJsonLines(jsonl, lines, /*skip_errors=*/false);
  ReadJsonLines(jsonl, lines, /*skip_errors=*/true);

  // As one plain-text document: its text is the bytes exactly, but for UTF-16 (by its
  // byte order mark), which is converted to UTF-8: two bytes a unit become at most three.
  const std::string txt = WriteFile("input.txt", bytes);
  const bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  int count = 0;
  const ag::Status status = ag::ReadDocuments(txt, [&](ag::Document&& d) {
    if (utf16) Check(d.text.size() <= (bytes.size() - 2 + 1) / 2 * 3, "UTF-16 text converts to at most 3 bytes a unit");
    else Check(d.text == bytes, "a .txt document is the file's bytes");
    Check(d.id == "input", "a .txt document's id is the file's stem");
    ++count;
    return ag::Status::Ok();
  });
  Check(status.ok() && count == 1, "a .txt file is one document");

  // By its bytes (no extension that says): JSON Lines, one text, decompressed, or an
  // input error; never more documents than lines.
  const std::string unnamed = WriteFile("input", bytes);
  size_t unnamed_documents = 0;
  const ag::Status by_bytes = ag::ReadDocuments(unnamed, [&](ag::Document&&) {
    ++unnamed_documents;
    return ag::Status::Ok();
  });
  if (!by_bytes.ok()) Check(by_bytes.code() == ag::ErrorCode::kInput, "input read by its bytes fails as an input error");
  const bool compressed = bytes.substr(0, 2) == "\x1f\x8b" || bytes.substr(0, 4) == "\x28\xb5\x2f\xfd";
  if (!compressed) Check(unnamed_documents <= std::max<size_t>(lines, 1), "at most one document a line");

  ReadCompressed(WriteFile("input.jsonl.gz", bytes));
  ReadCompressed(WriteFile("input.jsonl.zst", bytes));
  return 0;
}
