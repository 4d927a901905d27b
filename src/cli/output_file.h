// Writes an output so that a failed or interrupted run never leaves a half-written
// file: regular files are written to a temporary file beside the target and renamed
// over it on Commit() (through a symlink, beside and over the file it names); "-" is
// standard output; devices and pipes are written directly.
#ifndef ACTORGRAPH_SRC_CLI_OUTPUT_FILE_H_
#define ACTORGRAPH_SRC_CLI_OUTPUT_FILE_H_

#include <fstream>
#include <ostream>
#include <string>

#include "actorgraph/status.h"

namespace actorgraph::cli {

class OutputFile {
 public:
  explicit OutputFile(std::string path) : path_(std::move(path)) {}
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status Open();
  std::ostream& stream();
  // Flushes, checks every write succeeded, and moves the file into place.
  Status Commit();

 private:
  Status Failure(const std::string& what) const;
  std::string path_;
  std::string temp_;
  std::string final_;  // where temp_ is moved: path_, or the file a symlink at path_ names
  std::ofstream file_;
  bool committed_ = false;
};

}  // namespace actorgraph::cli

#endif  // ACTORGRAPH_SRC_CLI_OUTPUT_FILE_H_
