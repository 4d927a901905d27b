#include "cli/output_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>

#include <unistd.h>

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

}  // namespace

OutputFile::~OutputFile() {
  if (!temp_.empty() && !committed_) {
    file_.close();
    std::remove(temp_.c_str());
  }
}

Status OutputFile::Failure(const std::string& what) const {
  std::string reason = errno ? std::string(": ") + std::strerror(errno) : std::string();
  return Status::Error(ErrorCode::kOutput, what + reason, InFile(path_));
}

Status OutputFile::Open() {
  if (path_ == "-") return Status::Ok();
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
  errno = 0;
  file_.open(special ? path_ : temp_, std::ios::binary | std::ios::trunc);
  if (!file_) return Failure("cannot open for writing");
  return Status::Ok();
}

std::ostream& OutputFile::stream() { return path_ == "-" ? std::cout : static_cast<std::ostream&>(file_); }

Status OutputFile::Commit() {
  errno = 0;
  if (path_ == "-") {
    std::cout.flush();
    if (!std::cout) return Failure("cannot write to standard output");
    committed_ = true;
    return Status::Ok();
  }
  file_.flush();
  bool ok = static_cast<bool>(file_);
  file_.close();
  if (!ok || file_.fail()) return Failure("write failed");
  if (!temp_.empty() && std::rename(temp_.c_str(), final_.c_str()) != 0) return Failure("cannot move output into place");
  committed_ = true;
  return Status::Ok();
}

}  // namespace actorgraph::cli
