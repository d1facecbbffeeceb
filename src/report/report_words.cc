#include "report/report_words.h"

#include <algorithm>
#include <iterator>

namespace parallax {
namespace {

// Looks `value` up among the marked msgids of one vocabulary; unknown values stay as written.
template <std::size_t N>
std::string Vocabulary(const Messages& m, const char* context, const char* const (&known)[N],
                       std::string_view value) {
  const auto it =
      std::find_if(std::begin(known), std::end(known), [&](const char* k) { return value == k; });
  return it == std::end(known) ? std::string(value) : m.TrC(context, *it);
}

const char* const kGenres[] = {NC_("genre", "news"), NC_("genre", "analysis"),
                               NC_("genre", "opinion"), NC_("genre", "interview")};

const char* const kCategories[] = {
    NC_("loaded term category", "accusation"),
    NC_("loaded term category", "atrocity"),
    NC_("loaded term category", "denial"),
    NC_("loaded term category", "grievance"),
    NC_("loaded term category", "hostility"),
    NC_("loaded term category", "humanitarian"),
    NC_("loaded term category", "legitimacy"),
    NC_("loaded term category", "metaphor"),
    NC_("loaded term category", "sovereignty"),
    NC_("loaded term category", "status-qualifier"),
    NC_("loaded term category", "territorial-claim"),
};

const char* const kRules[] = {
    NC_("cleaning rule", "comment-form"),
    NC_("cleaning rule", "comment-section"),
    NC_("cleaning rule", "dateline"),
    NC_("cleaning rule", "donation-appeal"),
    NC_("cleaning rule", "duplicate-line"),
    NC_("cleaning rule", "membership-appeal"),
    NC_("cleaning rule", "photo-caption"),
    NC_("cleaning rule", "related-articles"),
    NC_("cleaning rule", "related-link"),
    NC_("cleaning rule", "repeated-kicker"),
    NC_("cleaning rule", "script-code"),
    NC_("cleaning rule", "source-link"),
    NC_("cleaning rule", "subscription-appeal"),
    NC_("cleaning rule", "translation-link"),
    NC_("cleaning rule", "ui-line"),
};

}  // namespace

std::string ReportTitle(const StoryReport& report) {
  const Messages& m = report.messages();
  return Fill(report.options().blind ? m.Tr("Blind framing report: {story}")
                                     : m.Tr("Framing report: {story}"),
              {{"story", report.story()}});
}

std::string ArticlesFromOutlets(const StoryReport& report) {
  const Messages& m = report.messages();
  const std::size_t articles = report.articles().size();
  const std::size_t outlets = report.outlet_ids().size();
  return Fill(m.TrN("{n} article", "{n} articles", articles), {{"n", std::to_string(articles)}}) +
         " " +
         Fill(m.TrN("from {n} outlet", "from {n} outlets", outlets),
              {{"n", std::to_string(outlets)}});
}

std::string LeftOutSentence(const StoryReport& report) {
  const Messages& m = report.messages();
  const std::vector<LeftOutFile>& files = report.provenance().left_out;
  if (files.empty()) return "";
  const std::string n = std::to_string(files.size());
  if (report.options().blind) {
    return Fill(m.TrN("{n} file of the story folder is not in this report: it could not be read "
                      "(the terminal said why).",
                      "{n} files of the story folder are not in this report: they could not be "
                      "read (the terminal said why).",
                      files.size()),
                {{"n", n}});
  }
  constexpr std::size_t kNamed = 3;
  std::string named;
  for (std::size_t i = 0; i < files.size() && i < kNamed; ++i) {
    const LeftOutFile& f = files[i];
    if (!named.empty()) named += "; ";
    named += f.line > 0
                 ? Fill(m.Tr("{file}, line {line}: {error}"),
                        {{"file", f.file}, {"line", std::to_string(f.line)}, {"error", f.error}})
                 : Fill(m.Tr("{file}: {error}"), {{"file", f.file}, {"error", f.error}});
  }
  if (files.size() > kNamed) {
    const std::size_t more = files.size() - kNamed;
    named +=
        "; " + Fill(m.TrN("and {n} more", "and {n} more", more), {{"n", std::to_string(more)}});
  }
  return Fill(m.TrN("{n} file of the story folder is not in this report: it could not be read "
                    "({files}).",
                    "{n} files of the story folder are not in this report: they could not be "
                    "read ({files}).",
                    files.size()),
              {{"n", n}, {"files", named}});
}

std::string NoNamingSentence(const StoryReport& report) {
  for (const OutletProfile& p : report.measures().outlets) {
    if (!p.naming.empty()) return "";
  }
  return report.messages().Tr(
      "No article uses a naming form of the lexicons read: no lexicon names this story's "
      "contested places, groups or laws (see the lexicon fit above).");
}

std::string BlindEditionNote(const Messages& m) {
  return m.Tr(
      "Blind edition: outlet names, self-references, web addresses and bylines are replaced by "
      "letters; the key is in a separate file.");
}

std::string GenreName(const Messages& m, std::string_view genre) {
  return Vocabulary(m, "genre", kGenres, genre);
}

std::string CategoryName(const Messages& m, std::string_view category) {
  return Vocabulary(m, "loaded term category", kCategories, category);
}

std::string RuleName(const Messages& m, std::string_view rule) {
  return Vocabulary(m, "cleaning rule", kRules, rule);
}

std::string DateRange(const Messages& m, const Date& from, const Date& to) {
  if (to == from) return m.FormatDate(from);
  return Fill(m.Tr("{first} to {last}"),
              {{"first", m.FormatDate(from)}, {"last", m.FormatDate(to)}});
}

std::vector<std::string> MethodParagraphs(const Messages& m) {
  return {
      m.Tr("Articles are read from the story folder and cleaned of boilerplate (see above). Every "
           "naming variant, loaded term, actor and cue of the lexicon is matched on normalised "
           "tokens; each match is in the outlet's own voice, or inside a quotation with its "
           "speaker. Naming shares count own-voice forms only. Quoted words are the words inside "
           "direct quotations, grouped by the speaker's perspective. Scare quotes are short "
           "quotations with no speaker. Claims are sentences of different outlets with similar "
           "content terms (every naming variant counts as its concept); an omission is a claim an "
           "outlet does not carry although it covers the same story or event in one of the "
           "claim's languages. Small counts are shown as counts."),
      m.Tr("Perspective colours come from the lexicon and say whose usage a form reflects, not "
           "which form is right. The tool describes usage; readers draw the conclusions."),
      m.Tr("The report is deterministic: the same corpus and lexicon give the same bytes. Its "
           "date is the newest article date, not the time it was generated."),
  };
}

std::string ProvenanceDate(const StoryReport& report) {
  const std::string& date = report.provenance().date;
  if (date.empty()) return report.messages().Tr("undated");
  const std::optional<Date> parsed = ParseIsoDate(date);
  return parsed ? report.messages().FormatDate(*parsed) : date;
}

std::string InQuotes(const Messages& m, std::string_view text) {
  // TRANSLATORS: the quotation marks around quoted words and excerpts.
  return Fill(m.TrC("quotation", "“{text}”"), {{"text", text}});
}

std::string EndSentence(std::string text) {
  if (text.empty() || text.back() != '.') text += '.';
  return text;
}

std::size_t Utf8Length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace parallax
