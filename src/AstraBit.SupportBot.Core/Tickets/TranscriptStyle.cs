namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// The transcript page's one inline style sheet: light and dark schemes, narrow screens, the card and role colours. It
/// loads nothing (no url(), no @import), so the page's Content-Security-Policy holds.
/// </summary>
internal static class TranscriptStyle
{
    public const string Sheet =
        ":root{color-scheme:light dark;--bg:#fff;--fg:#1e1f22;--muted:#5c5e66;--line:#dcdde1;--card:#f4f5f7;--member:#2563eb;--staff:#15803d;--bot:#7c3aed}" +
        "@media (prefers-color-scheme:dark){:root{--bg:#1e1f22;--fg:#e3e5e8;--muted:#a0a3ab;--line:#3a3c42;--card:#2b2d31;--member:#7aa7ff;--staff:#4ade80;--bot:#c4a5ff}}" +
        "*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" +
        "main{max-width:56rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.2rem 0 .8rem}h2{font-size:1.1rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}" +
        "dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.4rem 1rem;margin:0}dl.facts div{min-width:0}dt{color:var(--muted);font-size:.8rem}dd{margin:0;overflow-wrap:anywhere}" +
        ".notice{border:1px solid #d97706;background:rgba(217,119,6,.12);padding:.6rem .8rem;border-radius:6px;margin:1rem 0}" +
        ".card,.embed,.container{background:var(--card);border-left:4px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}" +
        ".verdict-pass{border-left-color:#16a34a}.verdict-warn{border-left-color:#d97706}.verdict-fail,.verdict-error{border-left-color:#dc2626}" +
        ".card h3{font-size:1rem;margin:0 0 .4rem}.card ul{margin:.4rem 0 0;padding-left:1.2rem}.fix{color:var(--muted)}" +
        "ol{list-style:none;margin:0;padding:0}.timeline li{padding:.3rem 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}" +
        ".msg{padding:.55rem 0;border-bottom:1px solid var(--line)}.meta{display:flex;flex-wrap:wrap;gap:.15rem .5rem;align-items:baseline}" +
        ".author{font-weight:600}.role{font-size:.75rem;padding:0 .35rem;border-radius:4px;border:1px solid currentColor}" +
        ".role-member .role{color:var(--member)}.role-staff .role{color:var(--staff)}.role-bot .role{color:var(--bot)}.role-other .role{color:var(--muted)}" +
        ".uid,time{color:var(--muted);font-size:.8rem}.content,.text,.field,.note{white-space:pre-wrap;overflow-wrap:anywhere}" +
        ".embed-title,.field-name{font-weight:600}.note{color:var(--muted);font-size:.85rem}.section{margin:.3rem 0}" +
        ".control{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 .4rem;margin:.2rem .3rem 0 0;font-size:.85rem}" +
        ".media,.file,.files{color:var(--muted);font-size:.85rem}.files{margin:.3rem 0 0;padding-left:1.2rem;list-style:disc}" +
        "blockquote.forward{margin:.4rem 0;padding-left:.7rem;border-left:3px solid var(--line)}.forward-label{color:var(--muted);font-size:.8rem}" +
        "hr{border:0;border-top:1px solid var(--line)}footer{color:var(--muted);font-size:.8rem;margin:2rem 0 1rem}" +
        "@media (max-width:600px){main{padding:.6rem}body{font-size:14px}dl.facts{grid-template-columns:1fr 1fr}}";
}
