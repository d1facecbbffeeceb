// One self-updating progress line on standard error, for commands that can run long.
//
// `scan` over an archive, `report` over a large folder: people expect long work to show where it
// is. Progress draws one line — what is being done, done / total where the total is known (with
// a percentage, the rate and the time left), a plain counter where it is not — redrawn at most
// four times a second by a drawing thread of its own, so worker threads never write to the
// terminal: they only add to an atomic counter.
//
//   mode        when it draws
//   kAuto       standard error is a terminal and TERM is not "dumb" (the default)
//   kForced     always (--progress); off a terminal each update is a line of its own, once a
//               second, for a log file
//   kOff        never (--quiet)
//
// Standard output is never touched. Print() and Clear() take the line off the terminal first, so
// a warning is never lost under it; the line is redrawn at the next tick.
#ifndef PARALLAX_CLI_PROGRESS_H_
#define PARALLAX_CLI_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace parallax::cli {

class Progress {
 public:
  enum class Mode { kAuto, kForced, kOff };
  static Mode ModeFor(bool quiet, bool force) {
    return quiet ? Mode::kOff : force ? Mode::kForced : Mode::kAuto;
  }

  // `stderr_fd` is the descriptor `err` writes to (to ask whether it is a terminal).
  Progress(Mode mode, std::ostream& err, int stderr_fd = 2);
  ~Progress();  // stops drawing and clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }

  // Starts a stage: `what` ("annotating"), its total in `unit`s ("bytes", "articles"; 0: not
  // known; an empty unit: nothing is counted, the line shows the time so far). Draws at once.
  void Begin(const std::string& what, std::uint64_t total, const std::string& unit);
  // Adds to the done count; safe from any thread, cheap (one relaxed atomic add).
  void Advance(std::uint64_t n) { done_.fetch_add(n, std::memory_order_relaxed); }
  // Ends the stage: draws it at 100 % (or its final count) and leaves that line on a terminal.
  void Finish();
  // Writes `text` (a whole line, with its newline) to the error stream, the line taken off first.
  void Print(const std::string& text);
  // Takes the line off the terminal (before writing to standard output when both are the same
  // terminal, or before other code writes to standard error); the next tick redraws it.
  void Clear() { Print(""); }

 private:
  void Loop();
  void DrawLocked(bool final);
  std::string Line(bool final) const;

  std::ostream& err_;
  bool enabled_ = false;
  bool terminal_ = false;  // redraw in place with \r; else one line per update
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread drawer_;
  bool stop_ = false;
  bool active_ = false;  // a stage is running
  bool shown_ = false;   // a line is on the terminal now
  std::string what_;
  std::string unit_;
  std::uint64_t total_ = 0;
  std::atomic<std::uint64_t> done_{0};
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_line_;
};

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_PROGRESS_H_
