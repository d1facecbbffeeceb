#include "core/diagnostic.h"

#include <algorithm>
#include <utility>

namespace parallax {

std::string Diagnostic::ToString() const {
  std::string out;
  if (!path.empty()) {
    out += path;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
  }
  out += severity == Severity::kError ? "error: " : "warning: ";
  out += message;
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

InputError::InputError(Diagnostic diagnostic)
    : std::runtime_error(diagnostic.ToString()), diagnostic_(std::move(diagnostic)) {}

Diagnostic MakeError(std::string path, int line, int column, std::string message,
                     std::string hint) {
  return Diagnostic{Severity::kError, std::move(path),    line,
                    column,           std::move(message), std::move(hint)};
}

Diagnostic MakeWarning(std::string path, int line, int column, std::string message,
                       std::string hint) {
  return Diagnostic{Severity::kWarning, std::move(path), line, column,
                    std::move(message), std::move(hint)};
}

bool HasErrors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace parallax
