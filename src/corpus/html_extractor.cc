#include "corpus/html_extractor.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "corpus/gzip.h"
#include "corpus/html_dom.h"
#include "corpus/html_main_text.h"
#include "corpus/html_metadata.h"
#include "corpus/html_paragraphs.h"
#include "corpus/html_parse.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace parallax {

using internal::ChooseEncoding;
using internal::CollapseHtmlSpace;
using internal::DocPtr;
using internal::DropChrome;
using internal::ExtractMainText;
using internal::FindBody;
using internal::IsAsciiSpace;
using internal::LooksBinary;
using internal::MainTextFlags;
using internal::PageEvidence;
using internal::ParagraphsOf;
using internal::ParseHtml;
using internal::ReadMetadata;
using internal::StartsWith;
using internal::ToLower;
using internal::TotalSize;

bool LooksLikeHtml(std::string_view data) {
  if (LooksGzipped(data) || LooksBinary(data)) return false;
  std::size_t i = 0;
  if (StartsWith(data, "\xEF\xBB\xBF")) i = 3;
  while (i < data.size() && IsAsciiSpace(data[i])) ++i;
  if (i >= data.size() || data[i] != '<') return false;
  const std::string head = ToLower(data.substr(i, 2048));
  for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title",
                                  "<div", "<p>", "<p ", "<article", "<!--", "<?xml"}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  // A page may open with a long <style> or <script> block before its <html>.
  if (StartsWith(head, "<style") || StartsWith(head, "<script") || StartsWith(head, "<link")) {
    const std::string more = ToLower(data.substr(i, 256 * 1024));
    for (std::string_view marker : {"<html", "<body", "<head"}) {
      if (more.find(marker) != std::string::npos) return true;
    }
  }
  return false;
}

namespace {

// libxml2 does not always stop at bytes its decoder cannot convert (a declared "UCS-4" that is
// not, a broken multi-byte sequence in a legacy encoding): what it leaves in the tree is not
// always UTF-8. Every string of the result becomes valid UTF-8 here, malformed sequences and
// NULs U+FFFD, with one warning when anything had to change.
void EnsureValidUtf8(ExtractedPage& page, const std::string& encoding,
                     const HtmlExtractOptions& options) {
  bool changed = false;
  auto fix = [&](std::string& s) {
    if (IsValidUtf8(s) && s.find('\0') == std::string::npos) return;
    s = ToValidUtf8(s, options.source_name, nullptr);
    changed = true;
  };
  for (std::string* s : {&page.title, &page.date, &page.author, &page.site_name, &page.language,
                         &page.url, &page.description}) {
    fix(*s);
  }
  for (std::string& p : page.paragraphs) fix(p);
  // NFC, as the rest of the pipeline displays text: pages in Indic and other scripts often
  // carry decomposed or composition-excluded forms that would not match the same words typed.
  std::string normalized;
  for (std::string& p : page.paragraphs) {
    if (std::all_of(p.begin(), p.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      continue;
    }
    Normalize(p, NormalizationForm::kDisplay, &normalized, nullptr);
    p.swap(normalized);
  }
  if (changed) {
    page.warnings.push_back(MakeWarning(
        options.source_name, 0, 0,
        "the page is not valid " + encoding + "; what could not be decoded became U+FFFD",
        "check the character set the page declares (<meta charset>)"));
  }
}

// Bytes of the paragraphs of `paragraphs` that read as prose: kProseLine code points or more.
constexpr int kProseLine = 40;
std::size_t ProseSize(const std::vector<std::string>& paragraphs) {
  std::size_t size = 0;
  for (const std::string& p : paragraphs) {
    if (internal::Measure(p).chars >= kProseLine) size += p.size();
  }
  return size;
}

}  // namespace

ExtractedPage ExtractHtml(std::string_view input, const HtmlExtractOptions& options) {
  ExtractedPage page;
  std::string decompressed;
  if (LooksGzipped(input)) {
    decompressed = Gunzip(input, options.source_name, options.max_decompressed_bytes);
    input = decompressed;
  }
  const bool utf16 = StartsWith(input, "\xFF\xFE") || StartsWith(input, "\xFE\xFF");
  if (!utf16 && LooksBinary(input)) {
    throw InputError(
        MakeError(options.source_name, 0, 0,
                  "binary data, not an HTML page (NUL or control bytes near the start)",
                  "check that the file is a saved web page; images and PDFs cannot "
                  "be read as HTML"));
  }
  const std::string encoding = ChooseEncoding(input, options, page.warnings);
  // libxml2 passes malformed UTF-8 through into the tree; like every other text that enters the
  // pipeline, it becomes U+FFFD here, with a warning naming line and column (NULs too).
  std::string sanitized;
  if ((ToLower(encoding) == "utf-8" || ToLower(encoding) == "utf8") &&
      (!IsValidUtf8(input) || input.find('\0') != std::string_view::npos)) {
    sanitized = ToValidUtf8(input, options.source_name, &page.warnings);
    input = sanitized;
  }
  if (std::string opened = internal::OpenSelfClosedRawTextTags(input); !opened.empty()) {
    sanitized = std::move(opened);
    input = sanitized;
  }
  int too_deep_line = 0;
  DocPtr doc = ParseHtml(input, encoding, options.max_depth, &too_deep_line);
  if (too_deep_line > 0) {
    page.warnings.push_back(
        MakeWarning(options.source_name, too_deep_line, 0,
                    "elements are nested more than " + std::to_string(options.max_depth) +
                        " levels deep; the deeper tags were ignored and their text kept",
                    "raise the limit with --max-depth if the page really nests that deep"));
  }
  if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    if (CollapseHtmlSpace(input).empty()) return page;
    page.warnings.push_back(
        MakeWarning(options.source_name, 0, 0, "no HTML content could be parsed from the input"));
    return page;
  }
  if (options.fragment) {
    xmlNode* body = FindBody(doc.get());
    DropChrome(body);
    page.paragraphs = ParagraphsOf({body}, /*drop_link_paragraphs=*/false, /*tidy_end=*/false);
    EnsureValidUtf8(page, encoding, options);
    return page;
  }
  const PageEvidence evidence = ReadMetadata(doc.get(), options, page);
  const std::string& ld_body = evidence.ld_body;
  // Readability's fallback ladder: relax the rules when the strict pass finds too little.
  constexpr std::size_t kEnoughText = 500;
  const std::array<MainTextFlags, 4> ladder = {
      {{true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}}};
  std::vector<std::vector<std::string>> attempts;
  for (std::size_t attempt = 0; attempt < ladder.size(); ++attempt) {
    if (attempt > 0) doc = ParseHtml(input, encoding, options.max_depth, nullptr);
    if (doc == nullptr) break;
    attempts.push_back(ExtractMainText(doc.get(), ladder[attempt], evidence));
    if (TotalSize(attempts.back()) >= kEnoughText) break;
  }
  // When no attempt reached kEnoughText (a short page), prefer the strictest attempt that
  // found most of what the most lenient one did: leniency mostly adds chrome. Most of the text,
  // or most of the prose: what leniency adds to a one-paragraph post is short lines (share
  // buttons, "Like", "Related posts", a comment form's labels).
  std::size_t longest = 0, most_prose = 0;
  for (const auto& a : attempts) {
    longest = std::max(longest, TotalSize(a));
    most_prose = std::max(most_prose, ProseSize(a));
  }
  std::vector<std::string> best;
  for (auto& a : attempts) {
    if (TotalSize(a) >= kEnoughText || 10 * TotalSize(a) >= 6 * longest ||
        (most_prose > 0 && 10 * ProseSize(a) >= 6 * most_prose)) {
      best = std::move(a);
      break;
    }
  }
  // Pages rendered by JavaScript may carry the text only in their JSON-LD articleBody.
  if (TotalSize(best) < kEnoughText && ld_body.size() > 2 * TotalSize(best)) {
    std::vector<std::string> from_ld;
    std::size_t start = 0;
    while (start <= ld_body.size()) {
      std::size_t end = ld_body.find('\n', start);
      if (end == std::string::npos) end = ld_body.size();
      std::string paragraph =
          CollapseHtmlSpace(std::string_view(ld_body).substr(start, end - start));
      if (!paragraph.empty()) from_ld.push_back(std::move(paragraph));
      start = end + 1;
    }
    if (TotalSize(from_ld) > 2 * TotalSize(best)) best = std::move(from_ld);
  }
  page.paragraphs = std::move(best);
  if (page.paragraphs.empty()) {
    page.warnings.push_back(MakeWarning(options.source_name, 0, 0, "no article text found",
                                        "the page may be empty or built by JavaScript"));
  }
  EnsureValidUtf8(page, encoding, options);
  return page;
}

}  // namespace parallax