// Diagnostics: every problem found in user input is reported with where it is (file, line,
// column), what is wrong, and a hint of what would be right. Library code never prints;
// it returns or collects diagnostics and the command-line front end decides what to show.
#ifndef PARALLAX_CORE_DIAGNOSTIC_H_
#define PARALLAX_CORE_DIAGNOSTIC_H_

#include <stdexcept>
#include <string>
#include <vector>

namespace parallax {

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;  // file the problem is in ("-" for standard input, "" if none)
  int line = 0;      // 1-based; 0 when not tied to a line
  int column = 0;    // 1-based; 0 when not tied to a column
  std::string message;
  std::string hint;  // what would be right; may be empty

  // "path:line:col: error: message (hint)" — the form compilers use, so editors can jump to it.
  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

// Thrown by library functions whose input is unusable as a whole (a file that cannot be read,
// a lexicon that fails validation). Carries the diagnostic so the caller can show where.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic diagnostic);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

// Convenience constructors.
Diagnostic MakeError(std::string path, int line, int column, std::string message,
                     std::string hint = "");
Diagnostic MakeWarning(std::string path, int line, int column, std::string message,
                       std::string hint = "");

// True when any diagnostic in `diagnostics` is an error.
bool HasErrors(const Diagnostics& diagnostics);

}  // namespace parallax

#endif  // PARALLAX_CORE_DIAGNOSTIC_H_
