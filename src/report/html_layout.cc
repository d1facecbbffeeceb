#include "report/html_layout.h"

#include <algorithm>

namespace parallax {
namespace {

const char* kCss = R"css(
:root{--ink:#1a1a1a;--muted:#555;--rule:#ccc;--bg:#fff;--soft:#f4f4f4}
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 "DejaVu Sans",Verdana,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header,section{padding:0.6rem 2rem 1.2rem}
header{background:#2b2b2b;color:#fff}
header h1{margin:0.2rem 0;font-size:1.7rem}
header p{margin:0.2rem 0}
nav ol{margin:0.4rem 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:0.3rem 1rem}
nav a{color:#fff}
h2{font-size:1.45rem;border-bottom:3px solid var(--ink);padding-bottom:0.2rem;margin:1rem 0 0.6rem}
h3{font-size:1.15rem;margin:1rem 0 0.4rem}
p.lead{color:var(--muted);margin-top:0}
table{border-collapse:collapse;width:100%;margin:0.4rem 0 1rem}
th,td{border:1px solid var(--rule);padding:0.3rem 0.45rem;vertical-align:top;text-align:left}
thead th{background:var(--soft)}
td.num,th.num{text-align:right;white-space:nowrap}
td.date{white-space:nowrap}
.table-wrap{overflow-x:auto}
table.matrix{table-layout:fixed}
table.matrix th,table.matrix td{overflow-wrap:break-word}
table.matrix td.num{white-space:normal}
table.matrix th.key{width:12em}
table.matrix th.date{width:7.5em}
table.matrix th.event{width:14em}
table.matrix caption{text-align:left;color:var(--muted);font-size:0.9em;padding:0.2rem 0}
svg{max-width:100%;height:auto}
.chip{display:inline-block;width:0.9em;height:0.9em;border-radius:2px;vertical-align:-0.1em;margin-right:0.3em;border:1px solid #0006}
.legend{display:flex;flex-wrap:wrap;gap:0.2rem 1.2rem;margin:0.3rem 0;padding:0;list-style:none}
.note{color:var(--muted);font-size:0.85em}
.warning{border-left:4px solid #b35900;padding-left:0.6em;font-weight:600}
.omission{background:repeating-linear-gradient(135deg,#fff,#fff 6px,#f3e3e3 6px,#f3e3e3 12px);color:#7a1f1f;font-weight:bold}
.absent{color:var(--muted)}
.variant{display:block}
.variant a{font-weight:bold}
span.passage{display:block;font-size:0.9em}
span.passage+span.passage{margin-top:0.3rem}
figure{margin:0.5rem 0 1rem}
figcaption{color:var(--muted);font-size:0.9em}
svg text{font-family:"DejaVu Sans",Verdana,Arial,sans-serif}
svg a:hover rect{opacity:0.75}
.articles{display:grid;grid-template-columns:repeat(auto-fill,minmax(370px,1fr));gap:1rem}
article.text{border:1px solid var(--rule);padding:0.5rem 0.8rem;background:#fff}
article.text h3{margin-top:0.2rem}
.body{white-space:pre-wrap;overflow-wrap:anywhere;font-size:0.95em}
mark{background:none;color:inherit;padding:0 1px;border-radius:2px}
mark.naming,mark.loaded{border-bottom:3px solid var(--pc,#bbb);background:var(--pb,#eee)}
mark.loaded{font-weight:bold}
mark.cue{border-bottom:2px dashed #444}
mark.scare{outline:2px dotted #7a1f1f}
mark.quote{background:#f1f1f1;font-style:italic}
mark.reported{background:none;border-bottom:1px dashed #9a9a9a}
mark.passage{background:none}
mark.v-quoted.naming,mark.v-quoted.loaded{border-bottom-style:dotted}
mark:target{outline:3px solid #d00;outline-offset:1px}
sup.fn{display:none;font-size:0.7em;color:var(--muted)}
ol.footnotes{font-size:0.8em;color:var(--muted);padding-left:1.6em}
ol.prompts>li{margin-bottom:0.8rem}
.evidence{font-size:0.9em}
.evidence li{margin:0.15rem 0}
dl.provenance dt{font-weight:bold}
dl.provenance dd{margin:0 0 0.4rem 1rem;font-family:"DejaVu Sans Mono",monospace;font-size:0.85em;overflow-wrap:anywhere}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{font-size:10.5pt}
  header{background:none;color:#000;border-bottom:2px solid #000}
  nav{display:none}
  section{break-before:page;padding:0}
  section#at-a-glance{break-before:auto}
  header,section{padding-left:0;padding-right:0}
  figure,tr,li,article.text h3{break-inside:avoid}
  h2,h3{break-after:avoid}
  thead{display:table-header-group}
  .table-wrap{overflow:visible}
  table.matrix{font-size:8.5pt}
  table.matrix th,table.matrix td{padding:0.15rem 0.2rem}
  table.matrix thead th{font-size:8pt}
  table.matrix th.key{width:9em}
  html:not(:lang(en)) table.matrix th.key{width:12em}
  table.matrix th.date{width:6.6em}
  table.matrix th.event{width:9em}
  .articles{display:block}
  article.text{border:none;padding:0;margin-bottom:1rem;break-before:page}
  article.text:first-child{break-before:auto}
  .body{font-size:10pt}
  sup.fn{display:inline}
  a{color:inherit}
  mark:target{outline:none}
}
)css";

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> OutletGroups(std::size_t outlets) {
  const std::size_t groups =
      std::max<std::size_t>(1, (outlets + kMaxOutletColumns - 1) / kMaxOutletColumns);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    const std::size_t size = outlets / groups + (g < outlets % groups ? 1 : 0);
    out.push_back({begin, begin + size});
    begin += size;
  }
  return out;
}

const char* ReportCss() { return kCss; }

}  // namespace parallax
