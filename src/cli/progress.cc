#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace parallax::cli {
namespace {

constexpr auto kTick = std::chrono::milliseconds(250);
constexpr auto kLogEvery = std::chrono::seconds(1);

std::string Amount(std::uint64_t n, const std::string& unit) {
  char buffer[64];
  if (unit == "bytes") {
    const double mb = static_cast<double>(n) / 1e6;
    std::snprintf(buffer, sizeof buffer, mb >= 100 ? "%.0f MB" : "%.1f MB", mb);
  } else {
    std::snprintf(buffer, sizeof buffer, "%llu %s", static_cast<unsigned long long>(n),
                  unit.c_str());
  }
  return buffer;
}

std::string Duration(double seconds) {
  char buffer[32];
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", s / 3600, (s / 60) % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  }
  return buffer;
}

}  // namespace

Progress::Progress(Mode mode, std::ostream& err, int stderr_fd) : err_(err) {
  const char* term = std::getenv("TERM");
  const bool dumb = term != nullptr && std::strcmp(term, "dumb") == 0;
  terminal_ = isatty(stderr_fd) != 0 && !dumb;
  enabled_ = mode == Mode::kForced || (mode == Mode::kAuto && terminal_);
  if (enabled_) drawer_ = std::thread([this] { Loop(); });
}

Progress::~Progress() {
  if (!enabled_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    if (shown_ && terminal_) err_ << "\r\x1b[K" << std::flush;
    shown_ = false;
  }
  wake_.notify_all();
  drawer_.join();
}

void Progress::Begin(const std::string& what, std::uint64_t total, const std::string& unit) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  what_ = what;
  unit_ = unit;
  total_ = total;
  done_.store(0, std::memory_order_relaxed);
  started_ = std::chrono::steady_clock::now();
  last_line_ = started_;
  active_ = true;
  DrawLocked(false);
}

void Progress::Finish() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!active_) return;
  DrawLocked(true);
  if (terminal_) err_ << "\n" << std::flush;
  shown_ = false;
  active_ = false;
}

void Progress::Print(const std::string& text) {
  if (!enabled_) {
    err_ << text << std::flush;
    return;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (shown_ && terminal_) err_ << "\r\x1b[K";
  shown_ = false;
  err_ << text << std::flush;
}

void Progress::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, kTick);
    if (stop_ || !active_) continue;
    const auto now = std::chrono::steady_clock::now();
    if (!terminal_ && now - last_line_ < kLogEvery) continue;
    DrawLocked(false);
  }
}

void Progress::DrawLocked(bool final) {
  const std::string line = Line(final);
  if (terminal_) {
    err_ << "\r\x1b[K" << line << std::flush;
    shown_ = true;
  } else {
    err_ << line << "\n" << std::flush;
    last_line_ = std::chrono::steady_clock::now();
  }
}

std::string Progress::Line(bool final) const {
  std::uint64_t done = done_.load(std::memory_order_relaxed);
  if (final && total_ > 0) done = total_;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (unit_.empty()) {  // a stage with nothing to count: its time so far
    return what_ + ": " + Duration(seconds) + (final ? ", done" : "");
  }
  std::string line = what_ + ": " + Amount(done, unit_);
  if (total_ > 0) {
    const double share = std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
    char percent[16];
    std::snprintf(percent, sizeof percent, "%3.0f%%", share * 100);
    line += " of " + Amount(total_, unit_) + " (" + percent + ")";
  }
  if (seconds > 0.05 && done > 0) {
    const double rate = static_cast<double>(done) / seconds;
    line += ", " + Amount(static_cast<std::uint64_t>(rate), unit_) + "/s";
    if (total_ > done && !final) line += ", " + Duration((total_ - done) / rate) + " left";
  }
  if (final) line += ", done in " + Duration(seconds);
  return line;
}

}  // namespace parallax::cli
