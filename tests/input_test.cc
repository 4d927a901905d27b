// Tests for ReadDocuments: plain text, JSON Lines, directories, gzip, standard input.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "actorgraph/document.h"

namespace {

namespace fs = std::filesystem;
using actorgraph::Document;
using actorgraph::ErrorCode;
using actorgraph::ReadDocuments;
using actorgraph::Status;

// A fresh directory under the system's temporary directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = fs::temp_directory_path() /
            ("actorgraph_input_test_" + std::to_string(stamp) + "_" + std::to_string(++counter));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` to the relative path `name`, creating directories; returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << content;
    return file.string();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct ReadResult {
  Status status;
  std::vector<Document> docs;
};

ReadResult Read(const std::string& path) {
  ReadResult result;
  result.status = ReadDocuments(path, [&](Document&& doc) {
    result.docs.push_back(std::move(doc));
    return Status::Ok();
  });
  return result;
}

}  // namespace

TEST_CASE("A .txt file is one document named by its stem", "[input]") {
  TempDir dir;
  const std::string text = "Negotiators met in Addis Ababa on Monday.\nThey agreed to meet again.";
  const std::string path = dir.Write("addis_talks.txt", text);
  const ReadResult r = Read(path);
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "addis_talks");
  CHECK(r.docs[0].text == text);
  CHECK(r.docs[0].source == path);
  CHECK(r.docs[0].line == 0);
}

TEST_CASE("An empty .txt file is an empty document", "[input]") {
  TempDir dir;
  const ReadResult r = Read(dir.Write("empty.txt", ""));
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "empty");
  CHECK(r.docs[0].text.empty());
}

TEST_CASE("JSON Lines fields", "[input][jsonl]") {
  TempDir dir;
  const std::string path = dir.Write(
      "feed.jsonl",
      "{\"id\": \"col-1\", \"text\": \"Colombia's government met rebels.\", \"title\": \"Talks\","
      " \"date\": \"2016-08-24\", \"url\": \"https://example.org/1\"}\n"
      "{\"body\": \"Houthi forces shelled Taiz.\"}\r\n"
      "\n"
      "   \n"
      "{\"id\": 42, \"body\": \"Kyiv and Moscow \\u201ctalked\\u201d.\", \"topics\": [\"x\"]}\n"
      "{\"id\": 7.5, \"text\": \"\", \"body\": \"ignored\"}\n"
      "{\"id\": null, \"text\": null, \"body\": \"Body used.\"}\n"
      "{\"id\": \"\", \"text\": \"An empty id is none.\"}");
  const ReadResult r = Read(path);
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 6);
  CHECK(r.docs[0].id == "col-1");
  CHECK(r.docs[0].text == "Colombia's government met rebels.");
  CHECK(r.docs[0].title == "Talks");
  CHECK(r.docs[0].date == "2016-08-24");
  CHECK(r.docs[0].url == "https://example.org/1");
  CHECK(r.docs[0].line == 1);
  CHECK(r.docs[0].source == path);
  CHECK(r.docs[1].id == "feed:2");
  CHECK(r.docs[1].text == "Houthi forces shelled Taiz.");
  CHECK(r.docs[2].id == "42");
  CHECK(r.docs[2].line == 5);
  CHECK(r.docs[2].text == "Kyiv and Moscow \xE2\x80\x9Ctalked\xE2\x80\x9D.");
  CHECK(r.docs[3].id == "7.5");
  CHECK(r.docs[3].text.empty());
  CHECK(r.docs[4].id == "feed:7");
  CHECK(r.docs[4].text == "Body used.");
  CHECK(r.docs[5].id == "feed:8");  // evidence naming document "" could not be traced back
}

TEST_CASE("Each record's fields are its own, whatever the sink leaves in the document", "[input][jsonl]") {
  // The reader fills one document for every record: a field a record lacks must not
  // keep the record before's, even when the sink copies and leaves the document as it was.
  TempDir dir;
  const std::string path = dir.Write(
      "feed.jsonl",
      "{\"id\": \"a\", \"text\": \"One.\", \"title\": \"Talks\", \"date\": \"2016-08-24\","
      " \"url\": \"https://example.org/1\"}\n"
      "{\"text\": \"Two.\"}\n");
  std::vector<Document> docs;
  REQUIRE(ReadDocuments(path, [&](Document&& doc) {
            docs.push_back(doc);
            return Status::Ok();
          }).ok());
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].title == "Talks");
  CHECK(docs[1].id == "feed:2");
  CHECK(docs[1].text == "Two.");
  CHECK(docs[1].title.empty());
  CHECK(docs[1].date.empty());
  CHECK(docs[1].url.empty());
  CHECK(docs[1].line == 2);
}

TEST_CASE("A malformed JSON line is an error naming file and line", "[input][jsonl]") {
  TempDir dir;
  const std::string path = dir.Write("file.jsonl",
                                     "{\"id\": 1, \"text\": \"Sanaa talks opened.\"}\n"
                                     "{\"id\": 2, \"text\": \"Aden talks closed.\"}\n"
                                     "{\"id\": 3, \"text\": \"unterminated}\n"
                                     "{\"id\": 4, \"text\": \"never read\"}\n");
  const ReadResult r = Read(path);
  REQUIRE_FALSE(r.status.ok());
  CHECK(r.status.code() == ErrorCode::kInput);
  CHECK(r.status.where().path == path);
  CHECK(r.status.where().line == 3);
  CHECK(r.status.where().column > 0);
  CHECK_THAT(r.status.ToString(), Catch::Contains("file.jsonl:3"));
  CHECK_THAT(r.status.message(), Catch::Contains("invalid JSON"));
  CHECK(r.docs.size() == 2);  // the lines before were passed on
}

TEST_CASE("JSON lines that are not objects or lack text are errors", "[input][jsonl]") {
  TempDir dir;
  const ReadResult array = Read(dir.Write("array.jsonl", "[1, 2]\n"));
  REQUIRE_FALSE(array.status.ok());
  CHECK(array.status.where().line == 1);
  CHECK_THAT(array.status.message(), Catch::Contains("object"));

  const ReadResult colon = Read(dir.Write("colon.jsonl", "{\"text\": \"a\"}\n{\"text\" \"b\"}\n"));
  REQUIRE_FALSE(colon.status.ok());
  CHECK(colon.status.where().line == 2);
  CHECK(colon.status.where().column == 9);  // the "b" where ":" belongs
  CHECK_THAT(colon.status.message(), Catch::Contains("colon"));

  const ReadResult trailing = Read(dir.Write("trailing.jsonl", "{\"text\": \"a\"} {}\n"));
  REQUIRE_FALSE(trailing.status.ok());
  CHECK(trailing.status.where().column == 15);

  const ReadResult no_text =
      Read(dir.Write("no_text.jsonl", "\n{\"id\": \"x\", \"title\": \"t\"}\n"));
  REQUIRE_FALSE(no_text.status.ok());
  CHECK(no_text.status.code() == ErrorCode::kInput);
  CHECK(no_text.status.where().line == 2);
  CHECK_THAT(no_text.status.message(), Catch::Contains("text"));

  const ReadResult bad_id = Read(dir.Write("bad_id.jsonl", "{\"id\": [1], \"text\": \"a\"}\n"));
  REQUIRE_FALSE(bad_id.status.ok());
  CHECK_THAT(bad_id.status.message(), Catch::Contains("id"));
}

TEST_CASE("A directory is read recursively in sorted path order", "[input][dir]") {
  TempDir dir;
  dir.Write("b.txt", "Second file.");
  dir.Write("a/z.txt", "Nested text.");
  dir.Write("a/c.jsonl", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
  dir.Write("a/notes.csv", "ignored");
  dir.Write("README", "ignored");
  dir.Write("c/d/e.txt", "Deep.");
  const ReadResult r = Read(dir.path().string());
  REQUIRE(r.status.ok());
  std::vector<std::string> ids;
  for (const Document& doc : r.docs) ids.push_back(doc.id);
  CHECK(ids == std::vector<std::string>{"c:1", "c:2", "z", "b", "e"});
}

TEST_CASE("A directory's paths are ordered component by component", "[input][dir]") {
  // As std::filesystem::path orders them: "a" (a directory) before "a-x.txt" and "a.txt",
  // although '-' and '.' come before '/' as bytes.
  TempDir dir;
  dir.Write("a.txt", "Dot.");
  dir.Write("a-x.txt", "Dash.");
  dir.Write("a/b.txt", "Inside.");
  dir.Write("a/b/c.txt", "Deeper.");
  dir.Write("a/b-c.txt", "Dash inside.");
  dir.Write("A.txt", "Capital.");
  const ReadResult r = Read(dir.path().string());
  REQUIRE(r.status.ok());
  std::vector<std::string> texts;
  for (const Document& doc : r.docs) texts.emplace_back(doc.text);
  CHECK(texts == std::vector<std::string>{"Capital.", "Deeper.", "Dash inside.", "Inside.", "Dash.", "Dot."});
}

TEST_CASE("A text file is read whole, whatever its size", "[input]") {
  TempDir dir;
  for (size_t size : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{65537}, size_t{300001}}) {
    std::string text;
    for (size_t i = 0; text.size() < size; ++i) text += "line " + std::to_string(i) + "\n";
    text.resize(size);
    const ReadResult r = Read(dir.Write("doc" + std::to_string(size) + ".txt", text));
    REQUIRE(r.status.ok());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].text == text);
  }
}

TEST_CASE("A named pipe is read as text until its writer closes it", "[input]") {
  TempDir dir;
  const std::string fifo = (dir.path() / "news.txt").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Sudan and Chad met again. ";  // over 64 KB: several reads
  std::thread writer([&] {
    std::ofstream out(fifo, std::ios::binary);
    out << text;
  });
  const ReadResult r = Read(fifo);
  writer.join();
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "news");
  CHECK(r.docs[0].text == text);
}

TEST_CASE("An empty directory yields no documents", "[input][dir]") {
  TempDir dir;
  const ReadResult r = Read(dir.path().string());
  CHECK(r.status.ok());
  CHECK(r.docs.empty());
}

TEST_CASE("A missing path is an input error naming it", "[input]") {
  TempDir dir;
  const std::string path = (dir.path() / "no_such_file.jsonl").string();
  const ReadResult r = Read(path);
  REQUIRE_FALSE(r.status.ok());
  CHECK(r.status.code() == ErrorCode::kInput);
  CHECK(r.status.where().path == path);
  CHECK_THAT(r.status.ToString(), Catch::Contains("no_such_file.jsonl"));
}

TEST_CASE("A file of another type holding text is one plain-text document", "[input]") {
  TempDir dir;
  const ReadResult r = Read(dir.Write("story.md", "Ukraine and Russia talked."));
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "story");
  CHECK(r.docs[0].text == "Ukraine and Russia talked.");
}

TEST_CASE("A sink error stops the read", "[input]") {
  TempDir dir;
  const std::string path =
      dir.Write("feed.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"c\"}\n");
  int calls = 0;
  const Status status = ReadDocuments(path, [&](Document&&) {
    ++calls;
    return calls == 2 ? Status::Error(ErrorCode::kOutput, "stop") : Status::Ok();
  });
  CHECK(status.code() == ErrorCode::kOutput);
  CHECK(calls == 2);
}

TEST_CASE("Gzip-compressed files are read", "[input][gzip]") {
  TempDir dir;
  auto write_gz = [&](const std::string& name, const std::string& content) {
    const std::string path = (dir.path() / name).string();
    gzFile file = gzopen(path.c_str(), "wb");
    REQUIRE(file != nullptr);
    REQUIRE(gzwrite(file, content.data(), static_cast<unsigned>(content.size())) ==
            static_cast<int>(content.size()));
    gzclose(file);
    return path;
  };
  const ReadResult jsonl =
      Read(write_gz("wire.jsonl.gz",
                    "{\"id\": 1, \"body\": \"Quito hosted talks.\"}\n{\"body\": \"x\"}\n"));
  REQUIRE(jsonl.status.ok());
  REQUIRE(jsonl.docs.size() == 2);
  CHECK(jsonl.docs[0].text == "Quito hosted talks.");
  CHECK(jsonl.docs[1].id == "wire:2");

  const ReadResult txt = Read(write_gz("story.txt.gz", "Lima talks."));
  REQUIRE(txt.status.ok());
  REQUIRE(txt.docs.size() == 1);
  CHECK(txt.docs[0].id == "story");
  CHECK(txt.docs[0].text == "Lima talks.");
}

// zlib ends a cut-off gzip stream as if it were whole and reads a file that is not gzip
// as plain bytes, unless asked: a damaged download was taken for a shorter corpus.
TEST_CASE("Damaged compressed files are refused, empty ones read as empty", "[input][gzip][zstd]") {
  TempDir dir;
  std::string records;
  for (int i = 0; records.size() < 200000; ++i)
    records += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Envoys met in Doha, round " +
               std::to_string(i) + ".\"}\n";
  const std::string gz_path = (dir.path() / "whole.jsonl.gz").string();
  gzFile file = gzopen(gz_path.c_str(), "wb");
  REQUIRE(file != nullptr);
  REQUIRE(gzwrite(file, records.data(), static_cast<unsigned>(records.size())) == static_cast<int>(records.size()));
  gzclose(file);
  std::ifstream in(gz_path, std::ios::binary);
  const std::string gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string zst(ZSTD_compressBound(records.size()), '\0');
  const size_t zst_size = ZSTD_compress(zst.data(), zst.size(), records.data(), records.size(), 3);
  REQUIRE_FALSE(ZSTD_isError(zst_size));
  zst.resize(zst_size);

  const ReadResult whole = Read(gz_path);
  REQUIRE(whole.status.ok());
  const size_t all = whole.docs.size();
  CHECK(Read(dir.Write("whole.jsonl.zst", zst)).docs.size() == all);

  // Cut in the middle, as JSON Lines and as one text: an error, never a shorter input.
  for (const std::string& ext : {std::string(".jsonl"), std::string(".txt")}) {
    const ReadResult gz_cut = Read(dir.Write("cut" + ext + ".gz", gz.substr(0, gz.size() / 2)));
    CHECK(gz_cut.status.code() == ErrorCode::kInput);
    CHECK_THAT(gz_cut.status.message(), Catch::Contains("gzip: truncated input"));
    const ReadResult zst_cut = Read(dir.Write("cut" + ext + ".zst", zst.substr(0, zst.size() / 2)));
    CHECK(zst_cut.status.code() == ErrorCode::kInput);
    CHECK_THAT(zst_cut.status.message(), Catch::Contains("zstd: truncated input"));
  }
  // The records before the cut were read, each whole.
  const ReadResult gz_cut = Read(dir.Write("cut2.jsonl.gz", gz.substr(0, gz.size() / 2)));
  CHECK(gz_cut.docs.size() < all);
  for (size_t i = 0; i < gz_cut.docs.size(); ++i) CHECK(gz_cut.docs[i].text == whole.docs[i].text);

  // Not compressed at all.
  const ReadResult plain_gz = Read(dir.Write("plain.jsonl.gz", records));
  CHECK(plain_gz.status.code() == ErrorCode::kInput);
  CHECK_THAT(plain_gz.status.message(), Catch::Contains("gzip: not in gzip format"));
  CHECK(plain_gz.docs.empty());
  CHECK(Read(dir.Write("plain.jsonl.zst", records)).status.code() == ErrorCode::kInput);

  // Empty files are read as the empty files they would decompress to: no record, or one
  // empty text (as an empty .txt is).
  for (const char* name : {"empty.jsonl.gz", "empty.jsonl.zst"}) {
    const ReadResult empty = Read(dir.Write(name, ""));
    CHECK(empty.status.ok());
    CHECK(empty.docs.empty());
  }
  for (const char* name : {"empty.txt.gz", "empty.txt.zst"}) {
    const ReadResult empty = Read(dir.Write(name, ""));
    CHECK(empty.status.ok());
    REQUIRE(empty.docs.size() == 1);
    CHECK(empty.docs[0].text.empty());
  }
}

TEST_CASE("Zstandard-compressed files are read, in a directory too", "[input][zstd]") {
  TempDir dir;
  auto write_zst = [&](const std::string& name, const std::string& content) {
    std::string packed(ZSTD_compressBound(content.size()), '\0');
    const size_t n = ZSTD_compress(packed.data(), packed.size(), content.data(), content.size(), 3);
    REQUIRE_FALSE(ZSTD_isError(n));
    packed.resize(n);
    return dir.Write(name, packed);
  };
  std::string long_text;
  while (long_text.size() < 200000) long_text += "Envoys from Qatar met both sides in Doha. ";
  write_zst("a/story.txt.zst", long_text);
  write_zst("b/wire.jsonl.zst", "{\"id\": \"w1\", \"text\": \"Lima talks.\"}\n");
  const ReadResult r = Read(dir.path().string());
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == "story");
  CHECK(r.docs[0].text == long_text);
  CHECK(r.docs[1].id == "w1");
  CHECK(r.docs[1].text == "Lima talks.");
}

TEST_CASE("Long JSON lines are read whole", "[input][jsonl]") {
  TempDir dir;
  std::string body;
  while (body.size() < 300000) body += "Mediators shuttled between Sanaa and Riyadh. ";
  const std::string path =
      dir.Write("long.jsonl", "{\"text\": \"" + body + "\"}\n{\"text\": \"short\"}");
  const ReadResult r = Read(path);
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].text == body);
  CHECK(r.docs[1].text == "short");
}

namespace {

std::string Gzip(const std::string& text) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, text.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Zstd(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
  REQUIRE_FALSE(ZSTD_isError(size));
  out.resize(size);
  return out;
}

ReadResult ReadStdin(const std::string& bytes) {
  std::istringstream input(bytes);
  std::streambuf* saved = std::cin.rdbuf(input.rdbuf());
  ReadResult r = Read("-");
  std::cin.rdbuf(saved);
  std::cin.clear();
  return r;
}

const char kRecords[] =
    "{\"id\": \"w1\", \"text\": \"Oman hosted the talks.\"}\n{\"id\": \"w2\", \"text\": \"Envoys met.\"}\n";

}  // namespace

// A pipe (<(zstd -dc corpus.jsonl.zst)), /dev/stdin or "news.json" has no name that says
// what it holds: JSON Lines were read as one text document of JSON syntax, and a
// compressed pipe as bytes, with exit 0 and an empty graph.
TEST_CASE("An input whose name does not say what it holds is read by its bytes", "[input][sniff]") {
  TempDir dir;
  auto check_records = [](const ReadResult& r) {
    REQUIRE(r.status.ok());
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[0].id == "w1");
    CHECK(r.docs[0].text == "Oman hosted the talks.");
    CHECK(r.docs[1].id == "w2");
  };
  check_records(Read(dir.Write("wire.json", kRecords)));
  check_records(Read(dir.Write("feed", Gzip(kRecords))));
  check_records(Read(dir.Write("feed.dat", Zstd(kRecords))));
  check_records(Read(dir.Write("bom.json", "\xEF\xBB\xBF\n  \n" + std::string(kRecords))));
  // Blank space longer than the first look.
  check_records(Read(dir.Write("spaced.json", std::string(20000, ' ') + "\n" + kRecords)));

  const ReadResult story = Read(dir.Write("story", "Oman hosted the talks. {Braces} later."));
  REQUIRE(story.status.ok());
  REQUIRE(story.docs.size() == 1);
  CHECK(story.docs[0].id == "story");
  CHECK(story.docs[0].text == "Oman hosted the talks. {Braces} later.");
  const ReadResult packed = Read(dir.Write("story2.gz", Gzip("Oman hosted the talks.")));
  REQUIRE(packed.docs.size() == 1);
  CHECK(packed.docs[0].text == "Oman hosted the talks.");

  // News text may open with a bracket or a brace; JSON opens with '{"', '[{' or '[]'.
  for (const std::string text : {"[Reuters] Oman hosted the talks.", "{Editor's note: updated.} Oman hosted talks.",
                                 "[\n  Updated 10:30 ] Oman hosted the talks.", "{"}) {
    const ReadResult r = Read(dir.Write("bracket", text));
    if (text == "{") {  // JSON cut off after its first character
      CHECK(r.status.code() == ErrorCode::kInput);
      continue;
    }
    REQUIRE(r.status.ok());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].text == text);
  }
  CHECK(Read(dir.Write("empty_array.json", "[ ]")).status.code() == ErrorCode::kInput);

  CHECK(Read(dir.Write("blank", " \n\n")).docs.empty());
  CHECK(Read(dir.Write("nothing", "")).docs.empty());

  // A damaged record is reported where it is, as in a .jsonl.
  const ReadResult bad = Read(dir.Write("bad.json", "{\"text\": \"a\"}\n{\"text\": }\n"));
  CHECK(bad.status.code() == ErrorCode::kInput);
  CHECK(bad.status.where().line == 2);
  // A cut-off compressed input is an error, not a shorter one.
  const std::string gz = Gzip(std::string(kRecords) + kRecords + kRecords);
  CHECK(Read(dir.Write("cut", gz.substr(0, gz.size() - 12))).status.code() == ErrorCode::kInput);

  // JSON that is not JSON Lines says how to make them: read as text, an array was one
  // document of JSON syntax; an indented object failed at its first line without a word
  // on why.
  const ReadResult array = Read(dir.Write("export.json", "[\n  {\"text\": \"Oman hosted the talks.\"}\n]\n"));
  CHECK(array.status.code() == ErrorCode::kInput);
  CHECK_THAT(array.status.message(), Catch::Contains("a JSON array") && Catch::Contains("jq -c '.[]'"));
  CHECK(array.docs.empty());
  for (const char* name : {"indented.json", "indented.jsonl"}) {
    const ReadResult indented = Read(dir.Write(name, "{\n  \"text\": \"Oman hosted the talks.\"\n}\n"));
    CHECK(indented.status.code() == ErrorCode::kInput);
    CHECK(indented.status.where().line == 1);
    CHECK_THAT(indented.status.message(), Catch::Contains("over several lines") && Catch::Contains("jq -c ."));
  }
  // Only the first record gets the hint: a later "{" alone is a damaged record.
  const ReadResult later = Read(dir.Write("later.jsonl", std::string(kRecords) + "{\n"));
  CHECK(later.status.where().line == 3);
  CHECK_THAT(later.status.message(), !Catch::Contains("jq"));

  // A named pipe, read as it is written: nothing can be read twice.
  const std::string fifo = (dir.path() / "pipe").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] {
    std::ofstream out(fifo, std::ios::binary);
    out << Zstd(kRecords);
  });
  const ReadResult piped = Read(fifo);
  writer.join();
  check_records(piped);
}

TEST_CASE("Standard input may be compressed, or one plain-text document", "[input][stdin][sniff]") {
  const ReadResult gz = ReadStdin(Gzip(kRecords));
  REQUIRE(gz.status.ok());
  REQUIRE(gz.docs.size() == 2);
  CHECK(gz.docs[1].text == "Envoys met.");
  CHECK(ReadStdin(Zstd(kRecords)).docs.size() == 2);
  const ReadResult text = ReadStdin("Oman hosted the talks.\n");
  REQUIRE(text.status.ok());
  REQUIRE(text.docs.size() == 1);
  CHECK(text.docs[0].id == "stdin");
  CHECK(text.docs[0].source == "-");
  CHECK(text.docs[0].text == "Oman hosted the talks.\n");
  CHECK(ReadStdin("").docs.empty());
}

// Windows tools save text as UTF-16 with a byte order mark: read as UTF-8, every other
// byte was a NUL and the document gave no triple, with two warnings that did not say why.
TEST_CASE("UTF-16 text with a byte order mark is read as UTF-8", "[input][utf16]") {
  TempDir dir;
  // "Oman é 😀" then a lone high surrogate, in little- and big-endian UTF-16.
  const std::vector<unsigned> units = {'O', 'm', 'a', 'n', ' ', 0xE9, ' ', 0xD83D, 0xDE00, ' ', 0xD800, '.'};
  const std::string expected = "Oman \xC3\xA9 \xF0\x9F\x98\x80 \xEF\xBF\xBD.";
  for (const bool little : {true, false}) {
    std::string bytes = little ? "\xFF\xFE" : "\xFE\xFF";
    for (const unsigned u : units) {
      const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
      bytes += little ? std::string{lo, hi} : std::string{hi, lo};
    }
    const ReadResult r = Read(dir.Write(little ? "le.txt" : "be.txt", bytes));
    REQUIRE(r.status.ok());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].text == expected);
    // An odd last byte is a character cut off.
    CHECK(Read(dir.Write("odd.txt", bytes + "x")).docs[0].text == expected + "\xEF\xBF\xBD");
  }
  // UTF-16 JSON is refused, saying so, in a .jsonl and by its bytes alike.
  const std::string json16 = std::string("\xFF\xFE{\0\"\0", 6);
  for (const char* name : {"u16.jsonl", "u16.json"}) {
    const ReadResult r = Read(dir.Write(name, json16));
    CHECK(r.status.code() == ErrorCode::kInput);
    CHECK_THAT(r.status.message(), Catch::Contains("UTF-16"));
  }
  // UTF-8 text is left as it is, a UTF-8 byte order mark too.
  CHECK(Read(dir.Write("utf8.txt", "\xEF\xBB\xBFOman \xC3\xA9")).docs[0].text == "\xEF\xBB\xBFOman \xC3\xA9");
}

// Read as text, each of these was one document of binary bytes, a warning for every
// invalid one, and exit 0.
TEST_CASE("Compressed formats that are not read, archives and binary data are refused by name", "[input][sniff]") {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {std::string("\xFD" "7zXZ\0\0\x04", 8), "xz data is not read"},
      {"BZh91AY&SY", "bzip2 data is not read"},
      {"\x04\x22\x4D\x18\x64\x40", "lz4 data is not read"},
      {"PK\x03\x04\x14\0", "a zip archive is not read"},
      {"7z\xBC\xAF\x27\x1C\0\x04", "a 7z archive is not read"},
      {"%PDF-1.7\n", "PDF is not read"},
      {std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10), "binary data"}};
  int n = 0;
  for (const auto& [bytes, words] : cases) {
    const ReadResult r = Read(dir.Write("file" + std::to_string(++n) + ".bin", bytes + std::string(100, 'x')));
    CHECK(r.status.code() == ErrorCode::kInput);
    CHECK_THAT(r.status.message(), Catch::Contains(words));
    CHECK(r.docs.empty());
  }
  // Text that merely starts with such letters is text.
  const ReadResult text = Read(dir.Write("note", "BZh is a prefix. PKs are keys."));
  REQUIRE(text.status.ok());
  CHECK(text.docs.size() == 1);
}

// --on-error skip went on past a bad file in a directory but not past a bad file given
// by name: one cut-off download stopped a week's run.
TEST_CASE("With skip_errors, a file given by name that cannot be read is skipped", "[input]") {
  TempDir dir;
  std::string records;
  for (int i = 0; records.size() < 1000000; ++i)  // several zstd blocks of 128 KB
    records += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Envoys met, round " + std::to_string(i) + ".\"}\n";
  const std::string zst = Zstd(records);
  const std::string cut = dir.Write("cut.jsonl.zst", zst.substr(0, zst.size() / 2));
  actorgraph::ReadOptions options;
  options.skip_errors = true;
  std::vector<std::string> skipped;
  options.on_skip = [&](const Status& s) { skipped.push_back(s.where().path); };
  size_t read = 0;
  auto count = [&](Document&&) {
    ++read;
    return Status::Ok();
  };
  CHECK(ReadDocuments(cut, count, options).ok());
  CHECK(read > 0);  // the records before the cut
  const std::string missing = (dir.path() / "missing.jsonl").string();
  CHECK(ReadDocuments(missing, count, options).ok());
  CHECK(skipped == std::vector<std::string>{cut, missing});
  // Without the option, both end the read.
  CHECK(ReadDocuments(cut, count).code() == ErrorCode::kInput);
  CHECK(ReadDocuments(missing, count).code() == ErrorCode::kInput);
  // The sink's own errors are never skipped.
  const std::string good = dir.Write("good.jsonl", records);
  const Status sink_error = ReadDocuments(good, [](Document&&) { return Status::Error(ErrorCode::kOutput, "disk full"); }, options);
  CHECK(sink_error.code() == ErrorCode::kOutput);
}

TEST_CASE("A gzip file of several members is read whole; bytes after the last are ignored", "[input][gzip]") {
  TempDir dir;
  const std::string first = "{\"id\": \"a\", \"text\": \"One.\"}\n";
  const std::string second = "{\"id\": \"b\", \"text\": \"Two.\"}\n";
  CHECK(Read(dir.Write("two.jsonl.gz", Gzip(first) + Gzip(second))).docs.size() == 2);
  const ReadResult trailing = Read(dir.Write("trailing.jsonl.gz", Gzip(first) + "garbage" + std::string(512, '\0')));
  REQUIRE(trailing.status.ok());
  CHECK(trailing.docs.size() == 1);
  // A second member that starts and is cut off is a cut-off file.
  const std::string cut = Gzip(second);
  CHECK(Read(dir.Write("cut.jsonl.gz", Gzip(first) + cut.substr(0, cut.size() / 2))).status.code() == ErrorCode::kInput);
}

TEST_CASE("\"-\" reads JSON Lines from standard input", "[input][stdin]") {
  std::istringstream input(
      "{\"id\": \"s1\", \"text\": \"Talks in Doha.\"}\n{\"text\": \"More.\"}\n");
  std::streambuf* saved = std::cin.rdbuf(input.rdbuf());
  const ReadResult r = Read("-");
  std::cin.rdbuf(saved);
  std::cin.clear();
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == "s1");
  CHECK(r.docs[0].source == "-");
  CHECK(r.docs[1].id == "stdin:2");
}

// Found with fuzz/fuzz_jsonl (on a hand-made input: the fuzzer's inputs are too short to
// nest this deep): a deeply nested record overflowed the stack of the recursive parser.
TEST_CASE("Deeply nested JSON lines are read or refused without a stack overflow",
          "[input][jsonl]") {
  TempDir dir;
  const size_t depth = 1000000;
  const std::string open(depth, '[');
  const std::string nested = "{\"text\": \"deep\", \"extra\": " + open + std::string(depth, ']') + "}";
  const std::string path = dir.Write(
      "deep.jsonl", open + "\n" + open + std::string(depth, ']') + "\n" + nested + "\n");
  const ReadResult r = Read(path);
  CHECK(r.status.code() == ErrorCode::kInput);
  CHECK(r.status.where().line == 1);

  actorgraph::ReadOptions options;
  options.skip_errors = true;
  std::vector<uint32_t> skipped;
  options.on_skip = [&](const Status& s) { skipped.push_back(s.where().line); };
  std::vector<std::string> texts;
  const Status status = ReadDocuments(path, [&](Document&& doc) {
    texts.emplace_back(doc.text);
    return Status::Ok();
  }, options);
  CHECK(status.ok());
  CHECK(skipped == std::vector<uint32_t>{1, 2});
  CHECK(texts == std::vector<std::string>{"deep"});
}

namespace {

TEST_CASE("JSON Lines texts kept past many reads stay whole, and copies outlive the original", "[input][jsonl]") {
  // Some 300 KB of records: several 64 KB reads, each viewed by the documents read from
  // it, records split across two reads among them.
  TempDir dir;
  std::string file;
  std::vector<std::string> expected;
  for (int i = 0; i < 2000; ++i) {
    const std::string n = std::to_string(i);
    file += "{\"id\": \"d" + n + "\", \"text\": \"Envoy " + n +
            " said \\\"talks\\\" in Doha went on.\\nQatar hosted them.\", \"url\": \"u\"}\n";
    expected.push_back("Envoy " + n + " said \"talks\" in Doha went on.\nQatar hosted them.");
  }
  const ReadResult r = Read(dir.Write("many.jsonl", file));
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CHECK(r.docs[i].text == expected[i]);

  Document copy;
  {
    Document original = r.docs[1999];
    copy = original;
    original.text.clear();
    CHECK(original.text.empty());
  }
  CHECK(copy.text == expected[1999]);
  copy.text = std::string("Oman hosted the talks.");  // a string of its own again
  CHECK(copy.text == "Oman hosted the talks.");
  CHECK(r.docs[1999].text == expected[1999]);
}

}  // namespace
