#include "scan/scanner.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <istream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "corpus/boilerplate.h"
#include "corpus/newsplease_reader.h"
#include "scan/json_line_reader.h"

namespace parallax {
namespace {

// Reads the next line of `in` into `line`, without its '\n', keeping at most `keep` bytes of it:
// the rest of a longer line is read and dropped, so one huge line (a file with no line breaks)
// cannot exhaust memory. `length` gets the whole line's length. False at the end of the input.
bool ReadBoundedLine(std::istream& in, std::string& line, std::size_t keep, std::size_t& length) {
  line.clear();
  length = 0;
  bool any = false;
  char chunk[1 << 16];
  for (;;) {
    in.getline(chunk, sizeof chunk);
    std::size_t got = static_cast<std::size_t>(in.gcount());
    if (got == 0 && (in.eof() || in.bad())) return any;
    any = true;
    const bool full = in.fail() && !in.eof();    // the chunk filled up before the line ended
    const bool ended = !in.fail() && !in.eof();  // the '\n' was read (and counted in gcount)
    if (ended) --got;
    length += got;
    if (line.size() < keep) line.append(chunk, std::min(got, keep - line.size()));
    if (full) {
      in.clear();
      continue;
    }
    if (in.eof()) in.clear(std::ios::eofbit);
    return true;
  }
}

struct Batch {
  std::size_t seq = 0;
  std::size_t first_line = 0;  // 1-based line number of lines[0]
  std::vector<std::string> lines;
  std::string output;       // records, one per line
  Diagnostics diagnostics;  // in line order
  std::size_t records = 0;
  std::size_t malformed = 0;
};

void ProcessBatch(Batch& batch, const Annotator& annotator, const ScanOptions& options,
                  JsonLineReader& reader) {
  for (std::size_t i = 0; i < batch.lines.size(); ++i) {
    const std::string& line = batch.lines[i];
    const int line_no = static_cast<int>(batch.first_line + i);
    if (line.empty() || line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (const std::size_t deep = JsonTooDeepAt(line, options.max_depth);
        deep != std::string_view::npos) {
      batch.diagnostics.push_back(
          MakeError(options.source_name, line_no, static_cast<int>(deep) + 1,
                    "arrays and objects nested more than " + std::to_string(options.max_depth) +
                        " levels deep, skipped",
                    "raise the limit with --max-depth"));
      ++batch.malformed;
      continue;
    }
    std::optional<nlohmann::json> fast = reader.Read(line);
    nlohmann::json record;
    try {
      record = fast ? std::move(*fast) : nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      batch.diagnostics.push_back(MakeError(options.source_name, line_no, static_cast<int>(e.byte),
                                            "malformed JSON line, skipped",
                                            "each line must be one JSON object"));
      ++batch.malformed;
      continue;
    } catch (const nlohmann::json::out_of_range&) {
      // A number no double holds ("1e400"): nlohmann refuses it after parsing.
      batch.diagnostics.push_back(MakeError(options.source_name, line_no, 0,
                                            "a number too large for JSON, line skipped",
                                            "write large numbers as strings"));
      ++batch.malformed;
      continue;
    }
    Diagnostics diags;
    std::optional<Article> article =
        ArticleFromJson(record, options.source_name, line_no, options.outlets, diags);
    for (Diagnostic& d : diags) {
      if (d.line == 0) d.line = line_no;
    }
    batch.diagnostics.insert(batch.diagnostics.end(), diags.begin(), diags.end());
    if (!article) {
      ++batch.malformed;
      continue;
    }
    if (options.clean) {
      CleanArticle(*article,
                   options.outlets != nullptr ? options.outlets->Find(article->outlet) : nullptr);
    } else {
      article->text = article->body;
      article->segments = {TextSegment{0, 0, article->body.size()}};
    }
    const ArticleAnnotations ann = annotator.Annotate(*article);
    const Diagnostics long_runs = LongSentenceWarnings(*article, ann, line_no);
    batch.diagnostics.insert(batch.diagnostics.end(), long_runs.begin(), long_runs.end());
    AppendScanRecord(&batch.output, *article, ann, annotator.lexicon(), options.with_text);
    batch.output += '\n';
    ++batch.records;
  }
  batch.lines.clear();
  batch.lines.shrink_to_fit();
}

}  // namespace

namespace {

// Uses of one naming variant: concept, variant, uses.
struct NamingCount {
  std::string_view concept_id;
  std::string_view form;
  int uses = 0;
};

// Uses of one loaded term by voice: own, quoted, reported.
struct LoadedCount {
  std::string_view form;
  std::array<int, 3> uses{};
};

// What a scan record counts, in the order the record lists it. Naming and loaded terms are in
// byte order of their strings (concept, then variant), equal strings counted together: the
// order and merging of a std::map keyed by the strings, without a string copy per key.
struct RecordCounts {
  std::vector<NamingCount> naming;
  std::vector<LoadedCount> loaded;
  // key (actor id, else speaker) -> speaker, perspective, quotes, quoted words
  std::map<std::string, std::tuple<std::string, std::string, int, std::size_t>> speakers;
  int scare = 0;
};

RecordCounts CountRecord(const ArticleAnnotations& ann, const Lexicon& lexicon) {
  RecordCounts c;
  for (const LexiconMatch& m : ann.matches) {
    const LexiconEntry& e = lexicon.entries[m.entry];
    if (e.kind == LexiconEntry::Kind::kNaming) {
      c.naming.push_back({e.concept_id, e.form, 1});
    } else if (e.kind == LexiconEntry::Kind::kLoaded) {
      LoadedCount l{e.form, {}};
      ++l.uses[static_cast<std::size_t>(m.voice)];  // Voice: own 0, quoted 1, reported 2
      c.loaded.push_back(l);
    }
  }
  std::sort(c.naming.begin(), c.naming.end(), [](const NamingCount& a, const NamingCount& b) {
    return a.concept_id != b.concept_id ? a.concept_id < b.concept_id : a.form < b.form;
  });
  std::size_t kept = 0;
  for (const NamingCount& n : c.naming) {
    if (kept > 0 && c.naming[kept - 1].concept_id == n.concept_id &&
        c.naming[kept - 1].form == n.form) {
      c.naming[kept - 1].uses += n.uses;
    } else {
      c.naming[kept++] = n;
    }
  }
  c.naming.resize(kept);
  std::sort(c.loaded.begin(), c.loaded.end(),
            [](const LoadedCount& a, const LoadedCount& b) { return a.form < b.form; });
  kept = 0;
  for (const LoadedCount& l : c.loaded) {
    if (kept > 0 && c.loaded[kept - 1].form == l.form) {
      for (std::size_t v = 0; v < 3; ++v) c.loaded[kept - 1].uses[v] += l.uses[v];
    } else {
      c.loaded[kept++] = l;
    }
  }
  c.loaded.resize(kept);
  for (const Quote& q : ann.quotes) {
    if (q.kind == QuoteKind::kScare) {
      ++c.scare;
      continue;
    }
    if (q.kind == QuoteKind::kTitle || q.kind == QuoteKind::kFragment || q.depth > 0) continue;
    const std::string key = (q.actor_id.empty() ? q.speaker : q.actor_id).str();
    auto& s = c.speakers[key];
    std::get<0>(s) = q.speaker;
    std::get<1>(s) = q.perspective;
    std::get<2>(s) += 1;
    std::get<3>(s) += q.word_count;
  }
  return c;
}

std::string ResolvedText(const DateMention& d) {
  return d.is_range ? d.from.ToString() + "/" + d.to.ToString() : d.from.ToString();
}

// Appends `s` as a JSON string exactly as nlohmann's dump(-1, ' ', false, replace) writes it:
// UTF-8 as it is, the short escapes, other control characters as \u00xx. A string that is not
// valid UTF-8 is left to nlohmann itself (it replaces the bad bytes in its own way).
void AppendJsonString(std::string* out, std::string_view s) {
  const std::size_t mark = out->size();
  out->push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      // Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
      const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
      bool ok = n != 0 && b <= 0xF4 && i + n <= s.size();
      for (std::size_t k = 1; ok && k < n; ++k) {
        ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
      }
      if (ok && n >= 3) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        ok = !(b == 0xE0 && b1 < 0xA0) && !(b == 0xED && b1 >= 0xA0) && !(b == 0xF0 && b1 < 0x90) &&
             !(b == 0xF4 && b1 >= 0x90);
      }
      if (!ok) {
        out->resize(mark);
        *out += nlohmann::json(std::string(s))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      out->append(s, i, n);
      i += n;
      continue;
    }
    switch (b) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (b < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          *out += "\\u00";
          out->push_back(kHex[b >> 4]);
          out->push_back(kHex[b & 0xF]);
        } else {
          out->push_back(static_cast<char>(b));
        }
    }
    ++i;
  }
  out->push_back('"');
}

// Appends a count in decimal, as nlohmann writes it.
void AppendNumber(std::string* out, long long n) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out->append(digits, end);
}

// Appends `"key":` to `out`, after a comma unless `first`.
void AppendKey(std::string* out, std::string_view key, bool first = false) {
  if (!first) out->push_back(',');
  AppendJsonString(out, key);
  out->push_back(':');
}

}  // namespace

nlohmann::ordered_json ScanRecord(const Article& a, const ArticleAnnotations& ann,
                                  const Lexicon& lexicon, bool with_text) {
  using json = nlohmann::ordered_json;
  const RecordCounts c = CountRecord(ann, lexicon);
  json r = {{"id", a.id},
            {"outlet", a.outlet},
            {"date", a.date ? a.date->ToString() : ""},
            {"language", a.language},
            {"words", ann.words}};
  r["naming"] = json::object();
  for (const NamingCount& n : c.naming) {
    json& variants = r["naming"][std::string(n.concept_id)];
    if (variants.is_null()) variants = json::object();
    variants[std::string(n.form)] = n.uses;
  }
  r["loaded"] = json::object();
  for (const LoadedCount& l : c.loaded) {
    r["loaded"][std::string(l.form)] = {
        {"own", l.uses[0]}, {"quoted", l.uses[1]}, {"reported", l.uses[2]}};
  }
  r["quotations"] = json::array();
  for (const auto& [key, s] : c.speakers) {
    r["quotations"].push_back({{"speaker", std::get<0>(s)},
                               {"actor", key == std::get<0>(s) ? "" : key},
                               {"perspective", std::get<1>(s)},
                               {"quotes", std::get<2>(s)},
                               {"words", std::get<3>(s)}});
  }
  r["scare_quotes"] = c.scare;
  r["dates"] = json::array();
  for (const DateMention& d : ann.dates) {
    if (!d.resolved) continue;
    r["dates"].push_back({{"text", d.text}, {"resolved", ResolvedText(d)}});
  }
  if (with_text) {
    r["title"] = a.title;
    r["body"] = a.text;
  }
  return r;
}

void AppendScanRecord(std::string* out, const Article& a, const ArticleAnnotations& ann,
                      const Lexicon& lexicon, bool with_text) {
  const RecordCounts c = CountRecord(ann, lexicon);
  out->push_back('{');
  AppendKey(out, "id", true);
  AppendJsonString(out, a.id);
  AppendKey(out, "outlet");
  AppendJsonString(out, a.outlet);
  AppendKey(out, "date");
  AppendJsonString(out, a.date ? a.date->ToString() : "");
  AppendKey(out, "language");
  AppendJsonString(out, a.language);
  AppendKey(out, "words");
  *out += std::to_string(ann.words);
  AppendKey(out, "naming");
  out->push_back('{');
  for (std::size_t k = 0; k < c.naming.size(); ++k) {
    const NamingCount& n = c.naming[k];
    const bool new_concept = k == 0 || c.naming[k - 1].concept_id != n.concept_id;
    if (new_concept) {
      if (k > 0) out->push_back('}');
      AppendKey(out, n.concept_id, k == 0);
      out->push_back('{');
    }
    AppendKey(out, n.form, new_concept);
    AppendNumber(out, n.uses);
  }
  if (!c.naming.empty()) out->push_back('}');
  out->push_back('}');
  AppendKey(out, "loaded");
  out->push_back('{');
  bool first = true;
  for (const LoadedCount& l : c.loaded) {
    AppendKey(out, l.form, std::exchange(first, false));
    *out += "{\"own\":";
    AppendNumber(out, l.uses[0]);
    *out += ",\"quoted\":";
    AppendNumber(out, l.uses[1]);
    *out += ",\"reported\":";
    AppendNumber(out, l.uses[2]);
    out->push_back('}');
  }
  out->push_back('}');
  AppendKey(out, "quotations");
  out->push_back('[');
  first = true;
  for (const auto& [key, s] : c.speakers) {
    if (!std::exchange(first, false)) out->push_back(',');
    out->push_back('{');
    AppendKey(out, "speaker", true);
    AppendJsonString(out, std::get<0>(s));
    AppendKey(out, "actor");
    AppendJsonString(out, key == std::get<0>(s) ? std::string_view() : std::string_view(key));
    AppendKey(out, "perspective");
    AppendJsonString(out, std::get<1>(s));
    AppendKey(out, "quotes");
    *out += std::to_string(std::get<2>(s));
    AppendKey(out, "words");
    *out += std::to_string(std::get<3>(s));
    out->push_back('}');
  }
  out->push_back(']');
  AppendKey(out, "scare_quotes");
  *out += std::to_string(c.scare);
  AppendKey(out, "dates");
  out->push_back('[');
  first = true;
  for (const DateMention& d : ann.dates) {
    if (!d.resolved) continue;
    if (!std::exchange(first, false)) out->push_back(',');
    *out += "{\"text\":";
    AppendJsonString(out, d.text);
    *out += ",\"resolved\":";
    AppendJsonString(out, ResolvedText(d));
    out->push_back('}');
  }
  out->push_back(']');
  if (with_text) {
    AppendKey(out, "title");
    AppendJsonString(out, a.title);
    AppendKey(out, "body");
    AppendJsonString(out, a.text);
  }
  out->push_back('}');
}

ScanStats Scan(std::istream& in, std::ostream& out, const Annotator& annotator,
               const ScanOptions& options,
               const std::function<void(const Diagnostic&)>& on_diagnostic) {
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t window =
      options.max_batches_in_flight > 0 ? options.max_batches_in_flight : 2 * threads + 2;
  const std::size_t batch_lines = std::max<std::size_t>(1, options.batch_lines);

  std::mutex mu;
  std::condition_variable work_ready;  // workers wait for batches
  std::condition_variable done_ready;  // the caller waits for finished batches / window space
  std::deque<Batch*> todo;
  std::map<std::size_t, Batch*> finished;  // by seq
  bool input_done = false;
  std::size_t in_flight = 0;

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      JsonLineReader reader;
      for (;;) {
        Batch* batch = nullptr;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return !todo.empty() || input_done; });
          if (todo.empty()) return;
          batch = todo.front();
          todo.pop_front();
        }
        ProcessBatch(*batch, annotator, options, reader);
        {
          std::lock_guard<std::mutex> lock(mu);
          finished[batch->seq] = batch;
        }
        done_ready.notify_all();
      }
    });
  }

  ScanStats stats;
  std::size_t next_to_write = 0;
  // Writes every finished batch that is next in order. Called with the lock held; releases it
  // while writing.
  auto drain = [&](std::unique_lock<std::mutex>& lock) {
    for (auto it = finished.find(next_to_write); it != finished.end();
         it = finished.find(next_to_write)) {
      Batch* batch = it->second;
      finished.erase(it);
      lock.unlock();
      out << batch->output;
      for (const Diagnostic& d : batch->diagnostics) on_diagnostic(d);
      stats.records += batch->records;
      stats.malformed += batch->malformed;
      delete batch;
      lock.lock();
      --in_flight;
      ++next_to_write;
    }
  };

  std::size_t seq = 0;
  std::size_t line_no = 0;
  std::string line;
  std::size_t length = 0;
  // One byte more than the limit is kept, so an over-long line is told from one at the limit.
  const std::size_t keep = options.max_line_bytes + (options.max_line_bytes < SIZE_MAX ? 1 : 0);
  bool eof = false;
  while (!eof) {
    auto* batch = new Batch;
    batch->seq = seq++;
    batch->first_line = line_no + 1;
    while (batch->lines.size() < batch_lines) {
      if (!ReadBoundedLine(in, line, keep, length)) {
        eof = true;
        break;
      }
      ++line_no;
      stats.bytes += length + 1;
      if (options.on_progress) options.on_progress(length + 1);
      if (line.find_first_not_of(" \t\r") != std::string::npos) ++stats.lines;
      if (length > options.max_line_bytes) {
        batch->diagnostics.push_back(MakeError(
            options.source_name, static_cast<int>(line_no), 0,
            "line longer than " + std::to_string(options.max_line_bytes) + " bytes, skipped",
            "raise the limit with --max-bytes"));
        ++batch->malformed;
        line.clear();
      }
      batch->lines.push_back(std::move(line));
      line.clear();
    }
    std::unique_lock<std::mutex> lock(mu);
    done_ready.wait(lock, [&] {
      drain(lock);
      return in_flight < window;
    });
    ++in_flight;
    todo.push_back(batch);
    lock.unlock();
    work_ready.notify_one();
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    input_done = true;
    work_ready.notify_all();
    done_ready.wait(lock, [&] {
      drain(lock);
      return in_flight == 0;
    });
  }
  for (std::thread& w : workers) w.join();
  out.flush();
  return stats;
}

}  // namespace parallax
