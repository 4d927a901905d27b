// Writes an output so that a failed or interrupted run never leaves a half-written
// file: regular files are written to a temporary file beside the target and renamed
// over it on Commit() (through a symlink, beside and over the file it names); "-" is
// standard output; devices and pipes are written directly. A temporary file is removed
// when the OutputFile is destroyed uncommitted, and when SIGINT, SIGTERM or SIGHUP ends
// the run (a handler for them is installed at the first Open of a regular file, unless
// they are ignored).
#ifndef ACTORGRAPH_SRC_CLI_OUTPUT_FILE_H_
#define ACTORGRAPH_SRC_CLI_OUTPUT_FILE_H_

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/status.h"
#include "core/compression.h"

namespace actorgraph::cli {

// A stream buffer writing to a file descriptor, gzip- or zstd-compressed if asked (an
// output named as internal::CompressionOfName() reads, as inputs are read), that
// keeps the reason of the first write that failed: an ostream only says that one did,
// and "write failed" does not tell a full disk from a closed pipe.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd, internal::Compression compression = internal::Compression::kNone);
  ~FdBuffer() override;  // closes the descriptor unless it is standard output
  FdBuffer(const FdBuffer&) = delete;
  FdBuffer& operator=(const FdBuffer&) = delete;

  // The errno of the first failed write or close, 0 if none.
  int error() const { return error_; }
  // Flushes, ends the compressed stream, and closes (standard output: flushes only);
  // false if any write failed.
  bool Close();

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  struct Compressor;
  // Passes the buffer on (compressed, ending the stream when `finish`).
  bool Drain(bool finish = false);
  bool WriteAll(const char* data, size_t size);
  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
  std::unique_ptr<Compressor> compressor_;  // null: written as it is
};

class OutputFile {
 public:
  explicit OutputFile(std::string path) : path_(std::move(path)) {}
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status Open();
  // Where to write, once Open() succeeded.
  std::ostream& stream() { return stream_; }
  // Flushes, checks every write succeeded, and moves the file into place. A write that
  // failed is reported with the system's reason ("write failed: No space left on
  // device"), also after an exporter stopped at it.
  Status Commit();
  // An exporter's failure `s`, told as Commit() tells it when a write failed under it
  // (the exporter itself only sees that its stream went bad).
  Status WithWriteError(Status s) const;

 private:
  void Attach(int fd);
  Status Failure(const std::string& what, int error) const;
  std::string path_;
  std::string temp_;
  std::string final_;  // where temp_ is moved: path_, or the file a symlink at path_ names
  static constexpr size_t kNoSlot = ~size_t{0};
  size_t temp_slot_ = kNoSlot;  // where a signal handler finds temp_ to remove it
  std::unique_ptr<FdBuffer> buffer_;
  std::ostream stream_{nullptr};
  bool committed_ = false;
};

}  // namespace actorgraph::cli

#endif  // ACTORGRAPH_SRC_CLI_OUTPUT_FILE_H_
