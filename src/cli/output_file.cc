#include "cli/output_file.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

namespace actorgraph::cli {
namespace fs = std::filesystem;
namespace {

// The file a symlink at `path` names, through a chain of links, even one that does not
// exist yet; `path` itself when it is no link.
fs::path LinkTarget(fs::path path, std::error_code* ec) {
  ec->clear();
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code not_there;  // no file at all: no link either
    if (!fs::is_symlink(fs::symlink_status(path, not_there))) return path;
    const fs::path next = fs::read_symlink(path, *ec);
    if (*ec) return path;
    path = next.is_absolute() ? next : path.parent_path() / next;
  }
  *ec = std::make_error_code(std::errc::too_many_symbolic_link_levels);
  return path;
}

// Temporary files a signal's end of the run removes: a run stopped with Ctrl-C while it
// wrote an output left a ".graph.svg.tmp.PID" behind, one more each time.
constexpr size_t kMostTemps = 64;
std::atomic<const char*> live_temps[kMostTemps];

extern "C" void RemoveTempsAndDie(int signal) {
  for (auto& temp : live_temps)
    if (const char* path = temp.load()) ::unlink(path);
  ::raise(signal);  // SA_RESETHAND: the default action, once the handler returns
}

// The handler, for the signals that end a run, unless they are ignored (nohup, a
// background job): an ignored signal stays ignored.
void RemoveTempsOnSignals() {
  static const bool installed = [] {
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      if (::sigaction(signal, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
      struct sigaction action {};
      action.sa_handler = RemoveTempsAndDie;
      sigemptyset(&action.sa_mask);
      action.sa_flags = SA_RESETHAND;
      ::sigaction(signal, &action, nullptr);
    }
    return true;
  }();
  (void)installed;
}

// A slot in live_temps holding `path`, or kMostTemps when all are taken (the file is
// then only removed by a normal end).
size_t AddLiveTemp(const char* path) {
  RemoveTempsOnSignals();
  for (size_t i = 0; i < kMostTemps; ++i) {
    const char* empty = nullptr;
    if (live_temps[i].compare_exchange_strong(empty, path)) return i;
  }
  return kMostTemps;
}

void DropLiveTemp(size_t slot) {
  if (slot < kMostTemps) live_temps[slot].store(nullptr);
}

}  // namespace

// A gzip or zstd stream; Compress() passes `data` on to `write` in compressed chunks.
struct FdBuffer::Compressor {
  explicit Compressor(internal::Compression as) : kind(as), out(1 << 16) {
    if (kind == internal::Compression::kGzip) {
      ready = deflateInit2(&gzip, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    } else {
      zstd = ZSTD_createCCtx();
      ready = zstd != nullptr;
    }
  }
  ~Compressor() {
    if (kind == internal::Compression::kGzip && ready) deflateEnd(&gzip);
    ZSTD_freeCCtx(zstd);
  }
  template <typename Write>
  bool Compress(const char* data, size_t size, bool finish, Write write) {
    if (!ready) return false;
    return kind == internal::Compression::kGzip ? Deflate(data, size, finish, write) : ZstdStream(data, size, finish, write);
  }
  template <typename Write>
  bool Deflate(const char* data, size_t size, bool finish, Write write) {
    gzip.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    gzip.avail_in = static_cast<uInt>(size);  // at most the 64 KB buffer
    for (;;) {
      gzip.next_out = reinterpret_cast<Bytef*>(out.data());
      gzip.avail_out = static_cast<uInt>(out.size());
      const int result = deflate(&gzip, finish ? Z_FINISH : Z_NO_FLUSH);
      if (result == Z_STREAM_ERROR) return false;
      if (!write(out.data(), out.size() - gzip.avail_out)) return false;
      if (finish ? result == Z_STREAM_END : gzip.avail_out != 0) return true;
    }
  }
  template <typename Write>
  bool ZstdStream(const char* data, size_t size, bool finish, Write write) {
    ZSTD_inBuffer in{data, size, 0};
    for (;;) {
      ZSTD_outBuffer chunk{out.data(), out.size(), 0};
      const size_t left = ZSTD_compressStream2(zstd, &chunk, &in, finish ? ZSTD_e_end : ZSTD_e_continue);
      if (ZSTD_isError(left)) return false;
      if (!write(out.data(), chunk.pos)) return false;
      if (finish ? left == 0 : in.pos == in.size) return true;
    }
  }

  internal::Compression kind;
  bool ready = false;
  z_stream gzip{};
  ZSTD_CCtx* zstd = nullptr;
  std::vector<char> out;
};

FdBuffer::FdBuffer(int fd, internal::Compression compression) : fd_(fd), buffer_(1 << 16) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  if (compression != internal::Compression::kNone) compressor_ = std::make_unique<Compressor>(compression);
}

FdBuffer::~FdBuffer() {
  if (fd_ > STDOUT_FILENO) ::close(fd_);
}

FdBuffer::int_type FdBuffer::overflow(int_type c) {
  if (!Drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

int FdBuffer::sync() { return Drain() ? 0 : -1; }

// Writes what the buffer holds, compressed if asked; after a failure, nothing more is
// written.
bool FdBuffer::Drain(bool finish) {
  const size_t size = static_cast<size_t>(pptr() - pbase());
  if (error_ == 0) {
    if (compressor_ == nullptr) {
      WriteAll(pbase(), size);
    } else if (!compressor_->Compress(pbase(), size, finish, [&](const char* p, size_t n) { return WriteAll(p, n); }) &&
               error_ == 0) {
      error_ = EIO;  // the compressor's own failure (out of memory)
    }
  }
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return error_ == 0;
}

bool FdBuffer::WriteAll(const char* data, size_t size) {
  for (const char* end = data + size; error_ == 0 && data < end;) {
    const ssize_t n = ::write(fd_, data, static_cast<size_t>(end - data));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) error_ = n < 0 ? errno : EIO;
    else data += n;
  }
  return error_ == 0;
}

bool FdBuffer::Close() {
  Drain(/*finish=*/true);
  if (fd_ > STDOUT_FILENO) {
    if (::close(fd_) != 0 && error_ == 0) error_ = errno;
    fd_ = -1;
  }
  return error_ == 0;
}

OutputFile::~OutputFile() {
  if (!temp_.empty() && !committed_) {
    buffer_.reset();
    std::remove(temp_.c_str());
  }
  DropLiveTemp(temp_slot_);
}

Status OutputFile::Failure(const std::string& what, int error) const {
  std::string reason = error != 0 ? std::string(": ") + std::strerror(error) : std::string();
  return Status::Error(ErrorCode::kOutput, what + reason, InFile(path_));
}

Status OutputFile::Open() {
  if (path_ == "-") {
    std::cout.flush();  // what was written there before comes first
    Attach(STDOUT_FILENO);
    return Status::Ok();
  }
  std::error_code ec;
  fs::file_status st = fs::status(path_, ec);
  bool special = !ec && fs::exists(st) && !fs::is_regular_file(st);
  if (!special) {
    // Through a symlink to the file it names: renamed over the link itself, the output
    // replaced a "latest.jsonld" link with a file and left its target as it was.
    const fs::path target = LinkTarget(path_, &ec);
    if (ec) return Status::Error(ErrorCode::kOutput, "cannot follow the link: " + ec.message(), InFile(path_));
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(dir, ec))
      return Status::Error(ErrorCode::kOutput, "cannot write: directory does not exist", InFile(path_));
    temp_ = (dir / ("." + target.filename().string() + ".tmp." + std::to_string(getpid()))).string();
    final_ = target.string();
  }
  const std::string& name = special ? path_ : temp_;
  if (!special) temp_slot_ = AddLiveTemp(temp_.c_str());
  const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return Failure("cannot open for writing", errno);
  Attach(fd);
  return Status::Ok();
}

void OutputFile::Attach(int fd) {
  // "-" is written as it is; a file, device or pipe by its name's extension.
  buffer_ = std::make_unique<FdBuffer>(fd, path_ == "-" ? internal::Compression::kNone : internal::CompressionOfName(path_));
  stream_.rdbuf(buffer_.get());
}

Status OutputFile::WithWriteError(Status s) const {
  if (s.ok() || buffer_ == nullptr || buffer_->error() == 0) return s;
  return Failure(path_ == "-" ? "cannot write to standard output" : "write failed", buffer_->error());
}

Status OutputFile::Commit() {
  if (buffer_ == nullptr) return Failure("not open for writing", 0);
  stream_.flush();
  const bool ok = buffer_->Close() && stream_.good();
  if (!ok) {
    const std::string what = path_ == "-" ? "cannot write to standard output" : "write failed";
    return Failure(what, buffer_->error());
  }
  if (!temp_.empty() && std::rename(temp_.c_str(), final_.c_str()) != 0)
    return Failure("cannot move output into place", errno);
  committed_ = true;
  DropLiveTemp(temp_slot_);
  temp_slot_ = kNoSlot;
  return Status::Ok();
}

}  // namespace actorgraph::cli
