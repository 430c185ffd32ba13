/// The report's inline stylesheet: system fonts only, responsive, print-friendly.
/// (Kept free of `<` and `&` so the page also parses as XML.)
enum ReportStyle {
    static let css = """
    :root { color-scheme: light; --text: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
      --accent: #0072B2; --warn-bg: #fff8e6; --warn-line: #d4a72c; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: #f3f4f6; color: var(--text); line-height: 1.5;
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
    .wrap { max-width: 1160px; margin: 0 auto; padding: 0 20px; }
    .page-header { background: #0b3d63; color: #ffffff; padding: 28px 0 22px; }
    .page-header .eyebrow { margin: 0; font-size: 13px; letter-spacing: .08em; text-transform: uppercase; color: #cfe3f3; }
    .page-header h1 { margin: 4px 0 6px; font-size: 28px; line-height: 1.25; font-weight: 650; overflow-wrap: anywhere; }
    .page-header .subtitle { margin: 0; color: #dbe9f5; font-size: 14px; overflow-wrap: anywhere; }
    nav.toc { display: flex; flex-wrap: wrap; gap: 6px 8px; padding-top: 14px; padding-bottom: 4px; }
    nav.toc a { font-size: 13px; color: #0b3d63; background: #ffffff; border: 1px solid var(--line);
      border-radius: 999px; padding: 3px 12px; text-decoration: none; }
    nav.toc a:hover, nav.toc a:focus { border-color: var(--accent); color: var(--accent); }
    main { padding-top: 10px; padding-bottom: 30px; }
    section.card { background: #ffffff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px 22px;
      margin: 16px 0; box-shadow: 0 1px 2px rgba(31, 35, 40, .04); }
    section.card h2 { margin: 0 0 6px; font-size: 20px; line-height: 1.3; }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    p.explain { color: var(--muted); margin: 4px 0 14px; max-width: 78ch; }
    p.lead { font-size: 16px; margin: 6px 0 16px; max-width: 80ch; }
    .note-line { color: var(--muted); font-size: 14px; margin: 6px 0 0; }
    .callout { background: var(--warn-bg); border: 1px solid var(--warn-line); border-radius: 8px; padding: 10px 16px; margin: 16px 0; }
    .callout h2 { font-size: 15px; margin: 0 0 4px; }
    .callout ul { margin: 0; padding-left: 20px; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(136px, 1fr)); gap: 10px; margin: 8px 0 16px; }
    .tile { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
    .tile .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
    .tile .label { font-size: 13px; color: var(--muted); }
    .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr)); gap: 8px 24px; }
    .figure { margin: 8px 0 4px; overflow-x: auto; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 12px 24px; }
    svg.chart { display: block; max-width: 100%; height: auto; }
    svg.chart text { font-family: inherit; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { padding: 5px 9px; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: top; }
    th { font-weight: 600; color: var(--muted); background: var(--soft); border-bottom: 1px solid var(--line); }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    th { line-height: 1.25; vertical-align: bottom; }
    td.id { overflow-wrap: anywhere; }
    table.kv th { width: 38%; color: var(--muted); font-weight: 500; }
    table.kv th, table.kv td { vertical-align: baseline; }
    table.kv th, table.kv td, table.kv tbody tr:nth-child(even) td { background: none; border-bottom: 1px solid #eaeef2; }
    tbody tr:nth-child(even) td { background: #fafbfc; }
    .table-scroll { max-height: 560px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; }
    .table-scroll thead th { position: sticky; top: 0; z-index: 1; }
    .freq { display: flex; align-items: center; justify-content: flex-end; gap: 8px; }
    .freq .bar { display: inline-block; width: 70px; height: 8px; background: #e6e8eb; border-radius: 4px; overflow: hidden; }
    .freq .bar span { display: block; height: 100%; background: var(--accent); }
    .yes { color: #0b6b3a; font-weight: 600; }
    .no { color: var(--muted); }
    code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
    pre.cmd { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 4px 0 0;
      white-space: pre-wrap; overflow-wrap: anywhere; }
    table.confusion { width: auto; font-size: 13px; }
    table.confusion th[scope=row] { font-weight: 500; white-space: nowrap; }
    table.confusion td.diag { font-weight: 700; }
    details { margin-top: 12px; }
    summary { cursor: pointer; color: var(--accent); font-size: 14px; }
    footer { color: var(--muted); font-size: 13px; padding: 8px 0 40px; }
    @media (max-width: 640px) {
      body { font-size: 14px; }
      section.card { padding: 14px 14px 16px; border-radius: 8px; }
      .page-header h1 { font-size: 22px; }
      th, td { padding: 4px 6px; }
    }
    @media print {
      body { background: #ffffff; }
      nav.toc { display: none; }
      section.card { break-inside: avoid; box-shadow: none; border-color: #bbbbbb; }
      .table-scroll { max-height: none; overflow: visible; }
      .page-header { background: #ffffff; color: var(--text); border-bottom: 2px solid #0b3d63; }
      .page-header .eyebrow, .page-header .subtitle { color: var(--muted); }
    }
    """
}
