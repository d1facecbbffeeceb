#include "corpus/ingest.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <string_view>

#include "corpus/article_file.h"
#include "corpus/boilerplate.h"
#include "corpus/feed_reader.h"
#include "corpus/gzip.h"
#include "corpus/html_extractor.h"
#include "corpus/newsplease_reader.h"
#include "corpus/page_outlet.h"
#include "text/utf8.h"

namespace parallax {
namespace fs = std::filesystem;
namespace {

// File-name stem without any of the extensions a saved page or feed carries.
std::string StemOf(const std::string& path) {
  std::string name = path == "-" ? "stdin" : fs::path(path).filename().string();
  for (const char* ext : {".gz", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".jsonl",
                          ".json", ".txt", ".md"}) {
    const std::string_view e(ext);
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
      name.erase(name.size() - e.size());
    }
  }
  return name;
}

// What a binary file most likely is, for the error message ("" if it does not look binary).
std::string BinaryKind(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 16);
  if (head.substr(0, 8) == "\x89PNG\r\n\x1a\n") return "a PNG image";
  if (head.substr(0, 3) == "\xFF\xD8\xFF") return "a JPEG image";
  if (head.substr(0, 4) == "GIF8") return "a GIF image";
  if (head.substr(0, 4) == "%PDF") return "a PDF document";
  if (head.substr(0, 4) == "PK\x03\x04") return "a ZIP archive (or an office document)";
  if (head.substr(0, 4) ==
      "\x7F"
      "ELF")
    return "a program";
  // UTF-16 text has NULs too; it is recognised by its BOM before this check.
  const std::string_view sample = bytes.substr(0, 4096);
  const auto nuls = std::count(sample.begin(), sample.end(), '\0');
  if (nuls > 0 && nuls * 20 >= static_cast<long>(sample.size())) return "binary data";
  return "";
}

std::string_view SkipSpace(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s;
}

Article FromPage(const ExtractedPage& page, const std::string& path, Diagnostics& diags) {
  Article a;
  a.source_path = path;
  a.id = StemOf(path);
  a.title = page.title;
  a.author = page.author;
  a.url = page.url;
  a.language = page.language;
  if (!page.date.empty()) {
    if (auto d = ParseIsoDate(page.date)) {
      a.date = *d;
    } else {
      diags.push_back(
          MakeWarning(path, 0, 0, "page date '" + page.date + "' not understood; left empty"));
    }
  }
  a.outlet_name = page.site_name;
  for (std::size_t i = 0; i < page.paragraphs.size(); ++i) {
    if (i > 0) a.body += "\n\n";
    a.body += page.paragraphs[i];
  }
  if (!a.body.empty()) a.body += "\n";
  return a;
}

// The warning for a file of a listed folder that is not text at all (`kind`: "a PDF document").
Diagnostic NotAnArticleSkipped(const std::string& path, const std::string& kind) {
  return MakeWarning(path, 0, 0, "not an article file (this looks like " + kind + "); skipped",
                     "save it as plain text (.txt) to read it as an article");
}

Diagnostic TooManyArticles(const std::string& path, std::size_t max_articles) {
  return MakeError(path, 0, 0,
                   "more than " + std::to_string(max_articles) +
                       " articles; the rest of this input and the inputs after it were not read",
                   "raise the limit with --max-articles");
}

}  // namespace

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kArticle:
      return "article";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kFeed:
      return "feed";
    case InputFormat::kJson:
      return "json";
    case InputFormat::kUnknown:
      break;
  }
  return "?";
}

IngestedInput IngestBytes(std::string bytes, const std::string& path,
                          const IngestOptions& options) {
  IngestedInput in;
  in.path = path;
  if (bytes.empty()) {
    in.diagnostics.push_back(MakeError(path, 0, 0, "empty file", "nothing to read"));
    return in;
  }
  if (LooksGzipped(bytes)) {
    try {
      bytes = Gunzip(bytes, path, options.max_bytes);
    } catch (const InputError& e) {
      in.diagnostics.push_back(e.diagnostic());
      return in;
    }
  }
  const TextEncoding encoding = DetectEncoding(bytes);
  if (encoding != TextEncoding::kUtf16Le && encoding != TextEncoding::kUtf16Be) {
    if (std::string kind = BinaryKind(bytes); !kind.empty()) {
      in.diagnostics.push_back(MakeError(path, 0, 0, "this looks like " + kind + ", not text",
                                         "give a saved web page, a feed, JSON or a text file"));
      in.binary_kind = std::move(kind);
      return in;
    }
  }
  // Recognise the format on a decoded prefix; feeds and pages declare their own encodings
  // (windows-1251, ISO-8859-x …), so libxml2 gets their undecoded bytes unless they are UTF-16.
  const bool utf16 = encoding == TextEncoding::kUtf16Le || encoding == TextEncoding::kUtf16Be;
  const std::string probe = DecodeTextFile(std::string_view(bytes).substr(0, 8192), path, nullptr);
  const std::string_view head = SkipSpace(probe);
  if (LooksLikeFeed(head)) {
    in.format = InputFormat::kFeed;
    FeedReadResult r = ReadFeed(bytes, path, options.outlets, options.max_depth);
    in.articles = std::move(r.articles);
    in.diagnostics.insert(in.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
  } else if (LooksLikeHtml(head) || (!utf16 && LooksLikeHtml(bytes))) {  // a long <style> first
    in.format = InputFormat::kHtml;
    HtmlExtractOptions html_options;
    html_options.source_name = path;
    html_options.max_decompressed_bytes = options.max_bytes;
    html_options.max_depth = options.max_depth;
    try {
      const ExtractedPage page =
          ExtractHtml(utf16 ? DecodeTextFile(bytes, path, &in.diagnostics) : bytes, html_options);
      in.diagnostics.insert(in.diagnostics.end(), page.warnings.begin(), page.warnings.end());
      if (page.paragraphs.empty()) {
        in.diagnostics.push_back(
            MakeError(path, 0, 0, "no article text found in this page",
                      "is it the article page itself, saved after it loaded?"));
      } else {
        in.articles.push_back(FromPage(page, path, in.diagnostics));
      }
    } catch (const InputError& e) {
      in.diagnostics.push_back(e.diagnostic());
    }
  } else if (LooksLikeJson(head)) {
    in.format = InputFormat::kJson;
    const std::string text = DecodeTextFile(bytes, path, &in.diagnostics);
    NewsPleaseResult r = ReadNewsPlease(text, path, options.outlets, options.max_depth);
    in.articles = std::move(r.articles);
    in.diagnostics.insert(in.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
  } else {
    in.format = InputFormat::kArticle;
    const std::string text = DecodeTextFile(bytes, path, &in.diagnostics);
    ArticleParseOptions parse;
    parse.outlet_given = !options.outlet.empty();
    ArticleReadResult r = ParseArticle(text, path, parse);
    in.diagnostics.insert(in.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
    if (r.ok()) in.articles.push_back(std::move(r.article));
  }
  std::optional<Slugger> slugger;
  for (Article& a : in.articles) {
    // A page's own address (canonical, og:url) names its outlet best; the address it was
    // fetched from is its `url:` and names the outlet when the page gives none.
    const std::string own_url = a.url.empty() ? options.source_url : a.url;
    if (!options.source_url.empty() && in.format == InputFormat::kHtml) a.url = options.source_url;
    if (!options.language.empty()) a.language = options.language;
    if (a.source_path.empty()) a.source_path = path;
    OutletSource source = OutletSource::kGiven;
    if (!options.outlet.empty()) {
      a.outlet = options.outlet;
    } else if (!a.outlet.empty()) {
      if (options.outlets != nullptr && options.outlets->Find(a.outlet) != nullptr)
        source = OutletSource::kOutletsFile;
    } else {
      if (!slugger) slugger.emplace();
      PageOutlet found = OutletOfPage(own_url, a.outlet_name, options.outlets, *slugger);
      a.outlet = std::move(found.id);
      if (!found.name.empty()) a.outlet_name = std::move(found.name);
      source = found.source;
      if (a.outlet.empty() && in.format != InputFormat::kArticle) {  // (article files warn)
        in.diagnostics.push_back(
            MakeWarning(path, 0, 0, "nothing names the outlet (no site name, no web address)",
                        "give it with --outlet ID, or add 'outlet:' to the article file"));
      }
    }
    // Outlet ids compare ignoring case (`outlet: CNN` is the outlets file's `cnn`): the article
    // takes the id as the outlets file writes it, so that one outlet is never two.
    if (const Outlet* o = options.outlets != nullptr ? options.outlets->Find(a.outlet) : nullptr)
      a.outlet = o->id;
    in.outlet_sources.push_back(source);
  }
  return in;
}

IngestedInput IngestFile(const std::string& path, const IngestOptions& options) {
  try {
    return IngestBytes(ReadFile(path, options.max_bytes), path, options);
  } catch (const InputError& e) {
    IngestedInput in;
    in.path = path;
    in.diagnostics.push_back(e.diagnostic());
    return in;
  }
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    const fs::file_status st = fs::status(input, ec);
    if (ec) {
      const std::string why =
          ec == std::errc::too_many_symbolic_link_levels ? "a symbolic link loop" : ec.message();
      diagnostics.push_back(MakeError(input, 0, 0, "cannot read: " + why));
      continue;
    }
    if (!fs::is_directory(st)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::error_code type_ec;
      const fs::file_status s = it->status(type_ec);
      if (type_ec) {
        diagnostics.push_back(
            MakeError(it->path().string(), 0, 0, "cannot read: " + type_ec.message()));
        continue;
      }
      if (fs::is_regular_file(s) && IsFolderNotes(name)) {
        diagnostics.push_back(FolderNotesSkipped(it->path().string()));
      } else if (fs::is_regular_file(s) && IsStoryCompanion(it->path())) {
        continue;  // (events.xml; the page kept beside its article, which is read instead)
      } else if (fs::is_regular_file(s)) {
        found.push_back(it->path().string());
      } else if (!fs::is_directory(s)) {
        diagnostics.push_back(MakeWarning(it->path().string(), 0, 0,
                                          "not a regular file (a FIFO, socket or device); skipped",
                                          "copy the page into a plain file"));
      }
    }
    if (ec)
      diagnostics.push_back(MakeError(input, 0, 0, "cannot list the folder: " + ec.message()));
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

LoadedArticles LoadArticles(const std::vector<std::string>& inputs, const IngestOptions& options) {
  LoadedArticles out;
  const std::vector<std::string> files = ExpandInputs(inputs, out.diagnostics);
  const std::set<std::string> named(inputs.begin(), inputs.end());
  for (std::size_t f = 0; f < files.size(); ++f) {
    IngestedInput in = IngestFile(files[f], options);
    // A stray document in a story folder (notes.docx, a PDF, a picture) is skipped with a
    // warning, as the report skips it; given by name, it stays an error.
    if (!in.binary_kind.empty() && named.count(files[f]) == 0) {
      out.diagnostics.push_back(NotAnArticleSkipped(files[f], in.binary_kind));
      continue;
    }
    out.diagnostics.insert(out.diagnostics.end(), in.diagnostics.begin(), in.diagnostics.end());
    if (in.rejected()) ++out.rejected_inputs;
    const bool over = out.articles.size() + in.articles.size() > options.max_articles;
    if (over) in.articles.resize(options.max_articles - out.articles.size());
    for (Article& a : in.articles) {
      const Outlet* outlet = options.outlets != nullptr ? options.outlets->Find(a.outlet) : nullptr;
      // Saved pages were cleaned by DOM scoring; the generic line rules are for pasted text.
      CleanOptions clean;
      clean.generic_rules = in.format != InputFormat::kHtml;
      CleanArticle(a, outlet, clean);
      out.articles.push_back(std::move(a));
    }
    if (over) {
      out.diagnostics.push_back(TooManyArticles(files[f], options.max_articles));
      out.rejected_inputs += files.size() - f - 1;
      break;
    }
  }
  UnifyOutletIdCase(out.articles);
  return out;
}

}  // namespace parallax
