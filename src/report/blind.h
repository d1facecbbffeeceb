// Blinding for a guess-the-outlet exercise (`parallax report --blind`): every outlet becomes a
// letter (A, B, C…), the same letter in every section and every format, and everything that
// would give the outlet away is replaced: its display name, its id, the ways it names itself in
// text ("told Kommersant", "OC Media member"), the initialism of its name in credits ("Jane Doe /
// MT"), its web domains, any URL, and bylines. A key file, written beside the report's folder so
// that the folder can be handed out as it is, reveals the letters.
//
// Letters follow a deterministic shuffle of the outlets (a hash of story and outlet id), not
// the corpus order, so the file names of the corpus do not give the letters away; the same
// corpus always gets the same letters.
#ifndef PARALLAX_REPORT_BLIND_H_
#define PARALLAX_REPORT_BLIND_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "corpus/outlets.h"
#include "i18n/messages.h"

namespace parallax {

// A span of text to replace: [start, end) becomes `replacement`.
struct Redaction {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string replacement;
};

class Blinder {
 public:
  // Not blinding: every method returns its input unchanged.
  Blinder() = default;

  // Blinds the outlets of `articles` (in `story`). Outlets the outlets file does not know are
  // blinded by their id alone. The labels ("Outlet A", "[byline]") and the key file are in the
  // language of `messages`.
  Blinder(const std::string& story, const std::vector<Article>& articles,
          const OutletsFile& outlets, const Messages& messages = Messages());

  bool enabled() const { return enabled_; }

  // "A", "B", … for an outlet id of the corpus; the id itself when not blinding.
  std::string Letter(const std::string& outlet_id) const;
  // What the report calls the outlet: "Outlet A" when blinding, else its display name.
  std::string OutletLabel(const std::string& outlet_id) const;
  // What the report calls an article: "A1", "A2"… (outlet letter, then its rank in the corpus
  // order) when blinding, else the article id.
  std::string ArticleLabel(const std::string& article_id) const;

  // The spans of `text` to replace, in order and not overlapping (leftmost-longest): outlet
  // names and self-references (ASCII case-insensitive, at word boundaries), initialisms of
  // outlet names of several words (in capitals, at word boundaries), outlet domains, URLs, and
  // the bylines of the corpus. Empty when not blinding.
  std::vector<Redaction> Find(std::string_view text) const;
  // `text` with Find's redactions applied.
  std::string Apply(std::string_view text) const;

  // The key: letter → outlet name, in letter order.
  std::vector<std::pair<std::string, std::string>> Key() const;
  // The key file in Markdown (see BlindKeyPath), to hand out after the exercise.
  std::string KeyMarkdown(const std::string& story) const;

 private:
  struct Pattern {
    std::string text;
    std::string replacement;
    bool word = true;         // must stand at word boundaries
    bool exact_case = false;  // else ASCII case-insensitive
  };
  bool enabled_ = false;
  Messages messages_;
  std::map<std::string, std::string> letters_;         // outlet id -> letter
  std::map<std::string, std::string> names_;           // outlet id -> display name
  std::map<std::string, std::string> article_labels_;  // article id -> "A1"
  std::vector<Pattern> patterns_;                      // longest first
};

// Where the key of a blind report written into `report_folder` goes: beside the folder, as
// FOLDER-key.md ("reports/lachin-2023-blind" -> "reports/lachin-2023-blind-key.md"), so the folder
// holds nothing the participants must not see. An absolute path.
std::string BlindKeyPath(const std::string& report_folder);

// The outlet names (and self-references) of `outlets` for the ids in `articles` that occur in
// `text`, compared ASCII case-insensitively: what a blind report must never contain.
std::vector<std::string> FindOutletNames(std::string_view text,
                                         const std::vector<Article>& articles,
                                         const OutletsFile& outlets);

}  // namespace parallax

#endif  // PARALLAX_REPORT_BLIND_H_
