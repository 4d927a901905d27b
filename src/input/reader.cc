// ReadDocuments(): plain text and JSON Lines from files, directories, gzip and zstd files
// and standard input. JSON Lines are streamed a line at a time, so a large file never has to
// fit in memory at once.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

// Records are parsed in place with SSE2 (sixteen bytes a step over a string or run of
// white space; the line buffer is padded for it). Other files' RapidJSON reads byte by
// byte, so this file's copy lives in a namespace of its own: the two differ, and must not
// meet at link time.
#if defined(__SSE2__)
#define RAPIDJSON_SSE2
#endif
#define RAPIDJSON_NAMESPACE actorgraph_rapidjson_insitu
#include <rapidjson/reader.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "actorgraph/document.h"
#include "core/compression.h"

#if defined(RAPIDJSON_SSE2)
namespace RAPIDJSON_NAMESPACE {

// A string of a record is scanned sixteen bytes a step from wherever it starts, with
// unaligned loads: RapidJSON's own scan went byte by byte to an aligned address first, at
// each string and again after each escape ("\n", "\""), a third of the parse of news
// text. The line is padded for it (PadForAlignedReads, LineReader::kSlack): a load starts
// at or before the line's terminating NUL, so it reads at most fifteen bytes past it. A
// byte below 0x20 stops the scan wherever it is, for ParseString to refuse as JSON does
// (RapidJSON's vector test let 0x1A-0x1F through where its byte-by-byte one stopped).
template <>
inline void GenericReader<UTF8<>, UTF8<>, CrtAllocator>::ScanCopyUnescapedString(InsituStringStream& is,
                                                                                InsituStringStream&) {
  char* p = is.src_;
  char* q = is.dst_;  // behind p once an escape was read: the bytes move up
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
  for (;; p += 16, q += 16) {
    const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(s, quote), _mm_cmpeq_epi8(s, backslash)),
                                      _mm_cmpeq_epi8(_mm_max_epu8(s, control), control));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
    if (mask != 0) {
      const unsigned n = static_cast<unsigned>(__builtin_ctz(mask));
      if (p != q) {
        // The bytes before the stop move up with the whole vector, which may write over
        // the sixteen from the stop on, yet to be read: they are read first and written
        // back (the stop is at or before the line's NUL: they end within its padding).
        const __m128i unread = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(q), s);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p + n), unread);
      }
      is.src_ = p + n;
      is.dst_ = q + n;
      return;
    }
    if (p != q) _mm_storeu_si128(reinterpret_cast<__m128i*>(q), s);
  }
}

}  // namespace RAPIDJSON_NAMESPACE
#endif

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
namespace rapidjson = RAPIDJSON_NAMESPACE;

Status InputError(const std::string& path, std::string message, uint32_t line = 0,
                  uint32_t column = 0) {
  SourceLocation where;
  where.path = path;
  where.line = line;
  where.column = column;
  return Status::Error(ErrorCode::kInput, std::move(message), std::move(where));
}

// --- byte sources ------------------------------------------------------------------------
// Each has `long Read(char* buffer, size_t size)`: bytes read, 0 at the end, -1 on error;
// and `std::string Error()` describing the last failure.

// What a source failed on, for LineReader and ReadAll to report: Error() after a Read
// that returned -1.
class SourceError {
 public:
  std::string Error() const { return error_; }

 protected:
  long Fail(std::string message) {
    error_ = std::move(message);
    return -1;
  }
  std::string error_;
};

class FileSource : public SourceError {
 public:
  explicit FileSource(const std::string& path) : file_(std::fopen(path.c_str(), "rb")) {
    if (file_ == nullptr) error_ = std::strerror(errno);
  }
  ~FileSource() {
    if (file_ != nullptr) std::fclose(file_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  bool is_open() const { return file_ != nullptr; }
  long Read(char* buffer, size_t size) {
    const size_t n = std::fread(buffer, 1, size, file_);
    if (n == 0 && std::ferror(file_)) return Fail("read error");
    return static_cast<long>(n);
  }

 private:
  std::FILE* file_;
};

// Decompresses gzip read from `Inner` (one member after another, as gzip(1) does; bytes
// after the last member that do not start another are ignored, as gzip(1) warns and
// ignores them). zlib's gzread would read a file that is not gzip as it is, and end a
// cut-off stream as if it were whole: both are refused here, as zstd refuses them, so
// that a damaged file is never taken for a shorter one.
template <typename Inner>
class GzipSource : public SourceError {
 public:
  explicit GzipSource(Inner* inner) : inner_(inner), in_buffer_(1 << 16) {
    ready_ = inflateInit2(&stream_, 16 + MAX_WBITS) == Z_OK;  // 16: gzip only
    if (!inner_->is_open()) error_ = inner_->Error();
    else if (!ready_) error_ = "gzip: cannot start zlib";
  }
  ~GzipSource() {
    if (ready_) inflateEnd(&stream_);
  }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  bool is_open() const { return inner_->is_open() && ready_; }
  long Read(char* buffer, size_t size) {
    const uInt room = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = room;
    while (stream_.avail_out == room && !finished_) {
      if (stream_.avail_in == 0) {
        const long n = inner_->Read(in_buffer_.data(), in_buffer_.size());
        if (n < 0) return Fail(inner_->Error());
        if (n == 0) {
          if (in_member_) return Fail("gzip: truncated input");
          break;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(in_buffer_.data());
        stream_.avail_in = static_cast<uInt>(n);
      }
      if (!in_member_) {
        if (!AtMemberStart()) {
          if (members_ == 0) return Fail("gzip: not in gzip format");
          finished_ = true;
          break;
        }
        in_member_ = true;
        ++members_;
      }
      const int result = inflate(&stream_, Z_NO_FLUSH);
      if (result == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&stream_);
      } else if (result != Z_OK && result != Z_BUF_ERROR) {
        return Fail(std::string("gzip: ") + (stream_.msg != nullptr ? stream_.msg : "invalid data"));
      }
    }
    return static_cast<long>(room - stream_.avail_out);
  }

 private:
  // Whether the next input byte starts a member (a split magic number is left to
  // inflate's own header check).
  bool AtMemberStart() const {
    return stream_.next_in[0] == 0x1f && (stream_.avail_in < 2 || stream_.next_in[1] == 0x8b);
  }

  Inner* inner_;
  z_stream stream_{};
  bool ready_ = false;
  std::vector<char> in_buffer_;
  bool in_member_ = false;
  bool finished_ = false;
  size_t members_ = 0;
};

// Decompresses zstd read from `Inner`: compressed bytes in, decompressed frames out.
template <typename Inner>
class ZstdSource : public SourceError {
 public:
  explicit ZstdSource(Inner* inner)
      : inner_(inner), stream_(ZSTD_createDStream()), in_buffer_(ZSTD_DStreamInSize()) {
    if (!inner_->is_open()) error_ = inner_->Error();
  }
  ~ZstdSource() { ZSTD_freeDStream(stream_); }
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;

  bool is_open() const { return inner_->is_open() && stream_ != nullptr; }
  long Read(char* buffer, size_t size) {
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size) {
        const long n = inner_->Read(in_buffer_.data(), in_buffer_.size());
        if (n < 0) return Fail(inner_->Error());
        if (n == 0) return last_result_ == 0 ? 0 : Fail("zstd: truncated input");
        in_ = ZSTD_inBuffer{in_buffer_.data(), static_cast<size_t>(n), 0};
      }
      last_result_ = ZSTD_decompressStream(stream_, &out, &in_);
      if (ZSTD_isError(last_result_)) return Fail(std::string("zstd: ") + ZSTD_getErrorName(last_result_));
    }
    return static_cast<long>(out.pos);
  }

 private:
  Inner* inner_;
  ZSTD_DStream* stream_;
  std::vector<char> in_buffer_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  size_t last_result_ = 0;
};

// A source whose first bytes can be looked at before they are read: what an input holds
// is told from them where its name does not say (a pipe, standard input, "news.json").
template <typename Inner>
class Peekable {
 public:
  explicit Peekable(Inner* inner) : inner_(inner) {}

  bool is_open() const { return inner_->is_open(); }
  // The input's first `size` bytes, or all of it if shorter; nothing is consumed. Fails
  // (false) only on a read error.
  bool Head(size_t size, std::string_view* head) {
    while (head_.size() < size && !ended_) {
      const size_t used = head_.size();
      head_.resize(std::max(size, used + 4096));
      const long n = inner_->Read(head_.data() + used, head_.size() - used);
      head_.resize(used + static_cast<size_t>(std::max(n, 0L)));
      if (n < 0) return false;
      ended_ = n == 0;
    }
    *head = std::string_view(head_).substr(0, size);
    return true;
  }
  long Read(char* buffer, size_t size) {
    if (pos_ == head_.size()) return ended_ ? 0 : inner_->Read(buffer, size);
    const size_t n = std::min(size, head_.size() - pos_);
    std::memcpy(buffer, head_.data() + pos_, n);
    pos_ += n;
    return static_cast<long>(n);
  }
  std::string Error() const { return inner_->Error(); }

 private:
  Inner* inner_;
  std::string head_;
  size_t pos_ = 0;
  bool ended_ = false;
};

class StreamSource {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  bool is_open() const { return true; }
  long Read(char* buffer, size_t size) {
    if (in_.eof()) return 0;
    in_.read(buffer, static_cast<std::streamsize>(size));
    if (in_.bad()) return -1;
    return static_cast<long>(in_.gcount());
  }
  std::string Error() const { return "read error"; }

 private:
  std::istream& in_;
};

// Splits a source into lines, without their "\n" or "\r\n".
template <typename Source>
class LineReader {
 public:
  // Bytes readable after the buffer's last: a line in place there may be read sixteen
  // bytes at a time up to its end (PadForAlignedReads).
  static constexpr size_t kSlack = 16;
  explicit LineReader(Source* source) : source_(source), buffer_(NewBuffer()) {}

  // The next line, in place when it lies whole in the buffer: *text points at it there,
  // *size is its length, and it ends at a NUL written over its line break (or the "\r"
  // before it), with bytes readable to kSlack past that; the line is the caller's to
  // change until the next call, and bytes of it may be kept past that by sharing
  // buffer() (the reader then reads on into another buffer). Otherwise *text is null and
  // the line is copied into *line. False at the end of the input or on a read error (then
  // failed() is true).
  bool Next(std::string* line, char** text, size_t* size) {
    *text = nullptr;
    if (pos_ < size_) {
      char* begin = buffer_.get() + pos_;
      auto* newline = static_cast<char*>(std::memchr(begin, '\n', size_ - pos_));
      if (newline != nullptr) {
        size_t n = static_cast<size_t>(newline - begin);
        if (n > 0 && begin[n - 1] == '\r') --n;
        begin[n] = '\0';
        pos_ = static_cast<size_t>(newline - buffer_.get()) + 1;
        *text = begin;
        *size = n;
        return !failed_;
      }
    }
    return Next(line);
  }

  // False at the end of the input or on a read error (then failed() is true).
  bool Next(std::string* line) {
    line->clear();
    bool any = false;
    for (;;) {
      if (pos_ == size_ && !Refill()) break;
      any = true;
      const char* begin = buffer_.get() + pos_;
      const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', size_ - pos_));
      if (newline == nullptr) {
        line->append(begin, size_ - pos_);
        pos_ = size_;
        continue;
      }
      line->append(begin, static_cast<size_t>(newline - begin));
      pos_ = static_cast<size_t>(newline - buffer_.get()) + 1;
      break;
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return any && !failed_;
  }
  bool failed() const { return failed_; }
  // The buffer a line read in place lies in: a holder of it keeps the line's bytes.
  const std::shared_ptr<char>& buffer() const { return buffer_; }

 private:
  static constexpr size_t kSize = 1 << 16;  // read at a time
  static std::shared_ptr<char> NewBuffer() {
    std::shared_ptr<char> buffer(new char[kSize + kSlack], std::default_delete<char[]>());
    std::memset(buffer.get() + kSize, 0, kSlack);
    return buffer;
  }
  bool Refill() {
    // A buffer some document still views is left to it; the read goes to a new one. The
    // fence orders the last holder's reads, before it let go, before the writes here.
    if (buffer_.use_count() > 1) buffer_ = NewBuffer();
    else std::atomic_thread_fence(std::memory_order_acquire);
    const long n = source_->Read(buffer_.get(), kSize);
    if (n < 0) failed_ = true;
    pos_ = 0;
    size_ = n > 0 ? static_cast<size_t>(n) : 0;
    return size_ > 0;
  }

  Source* source_;
  std::shared_ptr<char> buffer_;  // kSize bytes read, then kSlack zeroed
  size_t pos_ = 0;
  size_t size_ = 0;
  bool failed_ = false;
};

template <typename Source>
Status ReadAll(Source* source, const std::string& path, std::string* out) {
  if (!source->is_open()) return InputError(path, "cannot open: " + source->Error());
  out->clear();
  std::vector<char> buffer(1 << 16);
  for (;;) {
    const long n = source->Read(buffer.data(), buffer.size());
    if (n < 0) return InputError(path, "cannot read: " + source->Error());
    if (n == 0) return Status::Ok();
    out->append(buffer.data(), static_cast<size_t>(n));
  }
}

// --- JSON Lines --------------------------------------------------------------------------

// A double id in RapidJSON's shortest form, as its DOM would write it back.
std::string DoubleText(double d) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.Double(d);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Zeroed bytes after the line's end, inside its buffer: the in-place parse reads sixteen
// aligned bytes a step up to the terminating NUL, so up to fifteen past it.
void PadForAlignedReads(std::string* line) {
  const size_t size = line->size();
  line->append(16, '\0');
  line->resize(size);
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// SAX handler keeping only the root object's members that a Document needs, as views
// into the line (parsed in situ): no DOM is built and no string copied but the fields
// used. Like the DOM's FindMember, the first member of each name counts. It never stops
// the parse, so malformed lines fail with the same error and offset as a DOM parse.
class RecordFields : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RecordFields> {
 public:
  enum Field { kText, kBody, kId, kTitle, kDate, kUrl, kFieldCount, kOther = kFieldCount };
  enum class Kind : uint8_t { kAbsent, kString, kNumber, kNull, kOther };
  struct Value {
    Kind kind = Kind::kAbsent;
    std::string_view string;  // kString
    std::string number;       // kNumber, as the DOM would write it
  };

  bool root_is_object() const { return root_is_object_; }
  const Value& operator[](Field f) const { return values_[f]; }

  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ == 1 && root_is_object_) pending_ = FieldOf(std::string_view(s, n));
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (Value* v = Take()) {
      v->kind = Kind::kString;
      v->string = std::string_view(s, n);
    }
    return true;
  }
  bool Null() { return Set(Kind::kNull); }
  // Integers as written, whatever their range.
  bool Uint(unsigned u) { return SetInteger(u); }
  bool Int(int i) { return SetInteger(i); }
  bool Uint64(uint64_t u) { return SetInteger(u); }
  bool Int64(int64_t i) { return SetInteger(i); }
  bool Double(double d) {
    if (Value* v = Take()) {
      v->kind = Kind::kNumber;
      v->number = DoubleText(d);
    }
    return true;
  }
  bool StartObject() {
    if (depth_ == 0) root_is_object_ = true;
    return Open();
  }
  bool StartArray() { return Open(); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }
  // Booleans (the rest of BaseReaderHandler's events come here).
  bool Default() { return Set(Kind::kOther); }

 private:
  static Field FieldOf(std::string_view key) {
    static constexpr std::string_view kNames[kFieldCount] = {"text", "body",  "id",
                                                             "title", "date", "url"};
    for (int f = 0; f < kFieldCount; ++f) {
      if (key == kNames[f]) return static_cast<Field>(f);
    }
    return kOther;
  }
  // The value slot for the member whose value comes now, if it is one kept and the
  // first of its name.
  Value* Take() {
    const Field f = pending_;
    pending_ = kOther;
    if (f == kOther || values_[f].kind != Kind::kAbsent) return nullptr;
    return &values_[f];
  }
  bool Set(Kind kind) {
    if (Value* v = Take()) v->kind = kind;
    return true;
  }
  template <typename Integer>
  bool SetInteger(Integer i) {
    if (Value* v = Take()) {
      v->kind = Kind::kNumber;
      v->number = std::to_string(i);
    }
    return true;
  }
  bool Open() {
    Set(Kind::kOther);
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }

  Value values_[kFieldCount];
  Field pending_ = kOther;
  int depth_ = 0;
  bool root_is_object_ = false;
};

// Fills `doc` from one JSON Lines record, which is parsed in place (the record must be
// NUL-terminated and is overwritten). The text is viewed where it was unescaped when
// `owner` keeps the record's bytes (and no one changes them after), else copied.
Status ParseRecord(char* record, const std::shared_ptr<char>* owner, const std::string& path,
                   const std::string& stem, uint32_t line_no, rapidjson::Reader* reader, Document* doc) {
  // Iterative: the recursive parser's depth follows the input's nesting, so a line of
  // a million '[' overflowed the stack.
  RecordFields fields;
  rapidjson::InsituStringStream stream(record);
  const rapidjson::ParseResult parsed =
      reader->Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseInsituFlag>(stream, fields);
  if (parsed.IsError()) {
    const std::string reason = rapidjson::GetParseError_En(parsed.Code());
    return InputError(path, "invalid JSON: " + reason, line_no,
                      static_cast<uint32_t>(parsed.Offset() + 1));
  }
  if (!fields.root_is_object()) return InputError(path, "expected a JSON object", line_no, 1);

  using Kind = RecordFields::Kind;
  const RecordFields::Value* text = &fields[RecordFields::kText];
  if (text->kind != Kind::kString) text = &fields[RecordFields::kBody];
  if (text->kind != Kind::kString)
    return InputError(path, "missing \"text\" or \"body\" string", line_no);
  if (owner != nullptr) doc->text.Share(text->string, *owner);
  else doc->text = text->string;

  const RecordFields::Value& id = fields[RecordFields::kId];
  // An empty id is taken as none: evidence naming document "" cannot be traced back.
  const bool none = id.kind == Kind::kAbsent || id.kind == Kind::kNull || (id.kind == Kind::kString && id.string.empty());
  switch (none ? Kind::kAbsent : id.kind) {
    case Kind::kAbsent:
    case Kind::kNull:
      doc->id = stem + ":" + std::to_string(line_no);
      break;
    case Kind::kString:
      doc->id.assign(id.string);
      break;
    case Kind::kNumber:
      doc->id = id.number;
      break;
    case Kind::kOther:
      return InputError(path, "\"id\" must be a string or a number", line_no);
  }
  const auto copy_optional = [&](RecordFields::Field f, std::string* out) {
    if (fields[f].kind == Kind::kString) out->assign(fields[f].string);
    else out->clear();
  };
  copy_optional(RecordFields::kTitle, &doc->title);
  copy_optional(RecordFields::kDate, &doc->date);
  copy_optional(RecordFields::kUrl, &doc->url);
  doc->source = path;
  doc->line = line_no;
  return Status::Ok();
}

constexpr char kUtf16Error[] = "UTF-16 JSON: JSON Lines are read as UTF-8 (iconv -f UTF-16 -t UTF-8 converts them)";

// Whether `head` opens UTF-16 text, by its byte order mark.
bool IsUtf16(std::string_view head) {
  return head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF";
}

// Whether `head` opens UTF-16 text whose first character is JSON's '{' or '['.
bool IsUtf16Json(std::string_view head) {
  const bool little = head.substr(0, 2) == "\xFF\xFE";
  if (!IsUtf16(head) || head.size() < 4) return false;
  const char c = little ? head[2] : head[3];
  return (c == '{' || c == '[') && head[little ? 3 : 2] == '\0';
}

[[gnu::noinline, gnu::cold]] Status Utf16JsonError(const std::string& path) {
  return InputError(path, kUtf16Error, 1, 1);
}

constexpr char kJsonLinesHint[] = "jq -c '.[]' writes an array's objects one a line, jq -c . an indented object";

// A record's parse error, with how to make JSON Lines when the first record is the
// opening of an indented object: such a file is JSON, but not JSON Lines.
[[gnu::noinline, gnu::cold]] Status RecordError(Status error, std::string_view record, bool first) {
  const size_t begin = record.find_first_not_of(" \t\r\f\v");
  if (!first || begin == std::string_view::npos || record.substr(begin).rfind('{', 0) != 0 ||
      !IsBlank(record.substr(begin + 1)))
    return error;
  return Status::Error(error.code(), error.message() + " (a JSON object over several lines? " + kJsonLinesHint + ")",
                       error.where());
}

template <typename Source>
Status ReadJsonLines(Source* source, const std::string& path, const std::string& stem,
                     const DocumentSink& sink, const ReadOptions& options) {
  if (!source->is_open()) return InputError(path, "cannot open: " + source->Error());
  LineReader<Source> lines(source);
  std::string line;
  // One reader for every record: its stack keeps its capacity from line to line.
  rapidjson::Reader reader;
  uint32_t line_no = 0;
  bool any_record = false;
  // One document for every record, each field of it written by ParseRecord: a sink that
  // hands it back emptied with room in its strings (GraphBuilder::Add) lends that room
  // to the next record.
  Document doc;
  // Most lines are parsed where the line reader holds them: a copy of each into `line`
  // cost as much as reading it for its end.
  char* text = nullptr;
  size_t size = 0;
  while (lines.Next(&line, &text, &size)) {
    ++line_no;
    // A line in the reader's buffer is left there for the document to view; one copied
    // into `line`, which the next is copied into, is copied again into the document.
    const std::shared_ptr<char>* owner = &lines.buffer();
    if (text == nullptr) {  // a line copied: padded where it is
      PadForAlignedReads(&line);
      text = line.data();
      size = line.size();
      owner = nullptr;
    }
    std::string_view record(text, size);
    if (line_no == 1 && record.substr(0, 3) == "\xEF\xBB\xBF") record.remove_prefix(3);
    if (line_no == 1 && IsUtf16Json(record)) return Utf16JsonError(path);
    if (IsBlank(record)) continue;
    char* in_place = text + (record.data() - text);
    Status status = ParseRecord(in_place, owner, path, stem, line_no, &reader, &doc);
    if (!status.ok()) status = RecordError(std::move(status), record, !any_record);
    any_record = true;
    if (!status.ok()) {
      if (!options.skip_errors) return status;
      if (options.on_skip) options.on_skip(status);
      continue;
    }
    status = sink(std::move(doc));
    if (!status.ok()) return status;
  }
  if (lines.failed()) return InputError(path, "cannot read: " + source->Error(), line_no + 1);
  return Status::Ok();
}

// --- files and directories ---------------------------------------------------------------

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string LowerCase(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

struct FileType {
  bool json_lines = false;
  bool named = false;  // .jsonl or .txt: otherwise what the file holds is read from its bytes
  bool gzip = false;
  bool zstd = false;
  std::string stem;  // the file name without the extensions recognized here
};

// The file name: what follows the last '/'.
std::string_view FileName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

FileType TypeOf(std::string_view path) {
  FileType type;
  const std::string_view file = FileName(path);
  const internal::Compression compression = internal::CompressionOfName(file);
  type.gzip = compression == internal::Compression::kGzip;
  type.zstd = compression == internal::Compression::kZstd;
  std::string name(internal::WithoutCompression(file));
  const std::string lower = LowerCase(name);
  type.named = EndsWith(lower, ".jsonl") || EndsWith(lower, ".txt");
  if (EndsWith(lower, ".jsonl")) {
    type.json_lines = true;
    name.resize(name.size() - 6);
  } else if (EndsWith(lower, ".txt")) {
    name.resize(name.size() - 4);
  } else {
    name = fs::path(name).stem().string();
  }
  type.stem = name;
  return type;
}

// Whether a directory walk picks up this file.
bool IsDocumentFile(std::string_view path) {
  std::string lower = LowerCase(std::string(FileName(path)));
  if (EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
  if (EndsWith(lower, ".zst")) lower.resize(lower.size() - 4);
  return EndsWith(lower, ".txt") || EndsWith(lower, ".jsonl");
}

// Opens the files of a directory walk by name in their directory, kept open while the
// walk is in it: the kernel then resolves the directory's path once, not for every file.
class FileOpener {
 public:
  FileOpener() = default;
  ~FileOpener() {
    if (dir_fd_ >= 0) ::close(dir_fd_);
  }
  FileOpener(const FileOpener&) = delete;
  FileOpener& operator=(const FileOpener&) = delete;

  // A file descriptor for `path`, or -1 with errno set.
  int Open(const std::string& path) {
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ::open(path.c_str(), kFlags);
    const std::string_view dir(path.data(), slash + 1);  // with its '/': "/" stays "/"
    if (dir != dir_) {
      if (dir_fd_ >= 0) ::close(dir_fd_);
      dir_.assign(dir);
      dir_fd_ = ::open(dir_.c_str(), kDirFlags);
    }
    if (dir_fd_ < 0) return ::open(path.c_str(), kFlags);  // the error, as for the file
    return ::openat(dir_fd_, path.c_str() + slash + 1, kFlags);
  }

 private:
  static constexpr int kFlags = O_RDONLY | O_CLOEXEC;
#ifdef O_PATH
  static constexpr int kDirFlags = O_PATH | O_DIRECTORY | O_CLOEXEC;  // no read permission needed
#else
  static constexpr int kDirFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
#endif
  std::string dir_;
  int dir_fd_ = -1;
};

// The whole of an uncompressed file, in as few system calls as the file allows: a
// directory of short articles spends more on opening and reading each than on
// extracting it. A regular file is read into room for its size and one byte more, so a
// read that stops short at that size is its end; anything else (a pipe, a device, a
// file that grew) is read until read() returns 0.
Status ReadPlainFile(FileOpener* opener, const std::string& path, std::string* out) {
  const int fd = opener->Open(path);
  if (fd < 0) return InputError(path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const size_t expected = regular ? static_cast<size_t>(st.st_size) : 0;
  size_t used = 0;
  size_t room = regular ? expected + 1 : size_t{1} << 16;
  out->clear();
  for (;;) {
    out->resize(used + room);
    const ssize_t n = ::read(fd, out->data() + used, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string error = std::strerror(errno);
      ::close(fd);
      return InputError(path, "cannot read: " + error);
    }
    used += static_cast<size_t>(n);
    if (n == 0 || (regular && used == expected && static_cast<size_t>(n) < room)) break;
    room = std::max(room, size_t{1} << 16);
  }
  ::close(fd);
  out->resize(used);
  return Status::Ok();
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Text saved as UTF-16 with a byte order mark (as Windows tools save it), in UTF-8,
// which the pipeline reads; its offsets then point into the UTF-8. Read as UTF-8, every
// other byte was a NUL and the document gave nothing. A lone surrogate or odd last byte
// becomes U+FFFD. Other text is left as it is.
void Utf16ToUtf8(std::string* text) {
  const bool little = text->rfind("\xFF\xFE", 0) == 0;
  if (!little && text->rfind("\xFE\xFF", 0) != 0) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text->data());
  const size_t size = text->size();
  auto unit = [&](size_t i) -> char32_t {
    return little ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
  };
  std::string out;
  out.reserve(size + size / 2);
  size_t i = 2;
  for (; i + 1 < size; i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < size && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (cp >= 0xD800 && cp < 0xE000) {
      cp = 0xFFFD;
    }
    AppendUtf8(cp, &out);
  }
  if (i < size) AppendUtf8(0xFFFD, &out);
  text->swap(out);
}

// One document: the text `read_text(std::string*)` reads, named by the file's stem.
template <typename ReadText>
Status ReadTextDocument(const std::string& path, const std::string& stem, const DocumentSink& sink,
                        ReadText read_text) {
  Document doc;
  std::string text;
  Status status = read_text(&text);
  if (!status.ok()) return status;
  Utf16ToUtf8(&text);
  doc.text = std::move(text);
  doc.id = stem;
  doc.source = path;
  return sink(std::move(doc));
}

// The compression an input's first four bytes announce (their magic numbers).
internal::Compression CompressionOf(std::string_view head) {
  if (head.substr(0, 2) == "\x1f\x8b") return internal::Compression::kGzip;
  if (head.substr(0, 4) == "\x28\xb5\x2f\xfd") return internal::Compression::kZstd;
  return internal::Compression::kNone;
}

// What an input's first bytes announce that is not read, as an error's words; null for
// anything else. Read as text, such a file was one document of binary bytes, with a
// warning for each invalid one and exit 0.
const char* UnreadFormatOf(std::string_view head) {
  if (head.substr(0, 6) == std::string_view("\xFD" "7zXZ\0", 6))
    return "xz data is not read (.gz and .zst are; or pipe it: xz -dc FILE | actorgraph build -)";
  if (head.substr(0, 3) == "BZh" && head.size() > 3 && head[3] >= '1' && head[3] <= '9')
    return "bzip2 data is not read (.gz and .zst are; or pipe it: bzip2 -dc FILE | actorgraph build -)";
  if (head.substr(0, 4) == "\x04\x22\x4D\x18")
    return "lz4 data is not read (.gz and .zst are; or pipe it: lz4 -dc FILE | actorgraph build -)";
  if (head.substr(0, 4) == "PK\x03\x04") return "a zip archive is not read: extract its files";
  if (head.substr(0, 6) == "7z\xBC\xAF\x27\x1C") return "a 7z archive is not read: extract its files";
  if (head.substr(0, 5) == "%PDF-") return "PDF is not read: extract its text first (pdftotext)";
  return nullptr;
}

// Whether `text` opens with `open` and then, after blank space, one of `next` or its end:
// how JSON opens an object ('{' then '"' or '}') or an array of them ('[' then '{' or
// ']'), and news text ("[Reuters] ...", "{Editor's note}") does not.
bool OpensJson(std::string_view text, char open, std::string_view next) {
  if (text.empty() || text[0] != open) return false;
  const size_t after = text.find_first_not_of(" \t\r\n\f\v", 1);
  return after == std::string_view::npos || next.find(text[after]) != std::string_view::npos;
}

// Whether text whose name does not say is JSON Lines: its first bytes that are not blank,
// after a UTF-8 byte order mark, open an object. Blank text is JSON Lines of no record.
// A JSON array is an error: read as text, it made a document of JSON syntax.
template <typename Source>
Status IsJsonLines(Peekable<Source>* source, const std::string& path, bool* json_lines) {
  constexpr size_t kMostLooked = size_t{1} << 20;
  for (size_t size = 4096;; size *= 4) {
    std::string_view head;
    if (!source->Head(size, &head)) return InputError(path, "cannot read: " + source->Error());
    const bool whole = head.size() < size;
    if (IsUtf16Json(head)) return Utf16JsonError(path);
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    const size_t first = std::min(head.find_first_not_of(" \t\r\n\f\v"), head.size());
    const std::string_view rest = head.substr(first);
    // A longer look while this one holds little past its blank space: an opening
    // character is judged with what follows it in view.
    if (!whole && size < kMostLooked && rest.size() < 64) continue;
    if (OpensJson(rest, '[', "{]"))
      return InputError(path, std::string("a JSON array, not JSON Lines (one object a line): ") + kJsonLinesHint);
    *json_lines = rest.empty() || OpensJson(rest, '{', "\"}");
    return Status::Ok();
  }
}

// Text whose name does not say what it holds: JSON Lines or one plain-text document.
template <typename Source>
Status ReadTextByContent(Source* source, const std::string& path, const std::string& stem,
                         const DocumentSink& sink, const ReadOptions& options) {
  if (!source->is_open()) return InputError(path, "cannot open: " + source->Error());
  Peekable<Source> text(source);
  bool json_lines = false;
  Status status = IsJsonLines(&text, path, &json_lines);
  if (!status.ok()) return status;
  if (json_lines) return ReadJsonLines(&text, path, stem, sink, options);
  std::string_view head;
  if (!text.Head(4096, &head)) return InputError(path, "cannot read: " + text.Error());
  if (const char* format = UnreadFormatOf(head)) return InputError(path, format);
  if (head.find('\0') != std::string_view::npos && !IsUtf16(head))
    return InputError(path, "binary data (NUL bytes), not text");
  return ReadTextDocument(path, stem, sink, [&](std::string* out) { return ReadAll(&text, path, out); });
}

// An input whose name does not say what it holds (standard input, a pipe such as
// <(zstd -dc ...), "news.json"): gzip or zstd by their magic numbers, then JSON Lines or
// text by the first bytes of what they hold.
template <typename Source>
Status ReadByContent(Source* source, const std::string& path, const std::string& stem,
                     const DocumentSink& sink, const ReadOptions& options) {
  if (!source->is_open()) return InputError(path, "cannot open: " + source->Error());
  Peekable<Source> raw(source);
  std::string_view magic;
  if (!raw.Head(8, &magic)) return InputError(path, "cannot read: " + raw.Error());
  switch (CompressionOf(magic)) {
    case internal::Compression::kGzip: {
      GzipSource<Peekable<Source>> gzip(&raw);
      return ReadTextByContent(&gzip, path, stem, sink, options);
    }
    case internal::Compression::kZstd: {
      ZstdSource<Peekable<Source>> zstd(&raw);
      return ReadTextByContent(&zstd, path, stem, sink, options);
    }
    case internal::Compression::kNone:
      break;
  }
  return ReadTextByContent(&raw, path, stem, sink, options);
}

// A single file: .jsonl is JSON Lines and .txt one plain-text document, a further .gz or
// .zst decompressed; a file named otherwise is read by what it holds (ReadByContent).
Status ReadFile(const std::string& path, const DocumentSink& sink, const ReadOptions& options, FileOpener* opener) {
  const FileType type = TypeOf(path);
  auto read = [&](auto* source) {
    if (!type.named) return ReadTextByContent(source, path, type.stem, sink, options);
    return type.json_lines ? ReadJsonLines(source, path, type.stem, sink, options)
                           : ReadTextDocument(path, type.stem, sink, [&](std::string* text) { return ReadAll(source, path, text); });
  };
  const bool compressed = type.gzip || type.zstd;
  if (type.named && !type.json_lines && !compressed)
    return ReadTextDocument(path, type.stem, sink, [&](std::string* text) { return ReadPlainFile(opener, path, text); });
  FileSource file(path);
  if (type.gzip) {
    GzipSource<FileSource> source(&file);
    return read(&source);
  }
  if (type.zstd) {
    ZstdSource<FileSource> source(&file);
    return read(&source);
  }
  if (!type.named) return ReadByContent(&file, path, type.stem, sink, options);
  return ReadJsonLines(&file, path, type.stem, sink, options);
}

// Paths in the order std::filesystem::path compares them, component by component, without
// splitting them into components: '/' sorts before every other byte.
bool PathLess(const std::string& a, const std::string& b) {
  const auto [i, j] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (i == a.end() || j == b.end()) return i == a.end() && j != b.end();
  auto rank = [](char c) { return c == '/' ? 0 : static_cast<unsigned char>(c) + 1; };
  return rank(*i) < rank(*j);
}

Status ReadDirectory(const fs::path& dir, const DocumentSink& sink, const ReadOptions& options) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && IsDocumentFile(it->path().native())) files.push_back(it->path().native());
  }
  if (ec) return InputError(dir.string(), "cannot list directory: " + ec.message());
  std::sort(files.begin(), files.end(), PathLess);
  FileOpener opener;
  for (const std::string& file : files) {
    Status status = ReadFile(file, sink, options, &opener);
    if (status.ok()) continue;
    // The sink's own errors (such as a full disk) always stop the read.
    if (!options.skip_errors || status.code() != ErrorCode::kInput) return status;
    if (options.on_skip) options.on_skip(status);
  }
  return Status::Ok();
}

}  // namespace

namespace {

Status ReadPath(const std::string& path, const DocumentSink& sink, const ReadOptions& options) {
  if (path == "-") {
    StreamSource source(std::cin);
    return ReadByContent(&source, path, "stdin", sink, options);
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    return InputError(path, "no such file or directory");
  }
  if (ec) return InputError(path, ec.message());
  if (fs::is_directory(status)) return ReadDirectory(path, sink, options);
  FileOpener opener;
  return ReadFile(path, sink, options, &opener);
}

}  // namespace

Status ReadDocuments(const std::string& path, const DocumentSink& sink, const ReadOptions& options) {
  Status status = ReadPath(path, sink, options);
  // As for a file in a directory: a corpus given as a day's files should not lose the
  // week's run to one cut-off download. The sink's own errors always stop the read.
  if (status.ok() || !options.skip_errors || status.code() != ErrorCode::kInput) return status;
  if (options.on_skip) options.on_skip(status);
  return Status::Ok();
}

}  // namespace actorgraph
