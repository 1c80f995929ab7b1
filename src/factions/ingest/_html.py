"""HTML pages: the main text through trafilatura, never scripts, styles or navigation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factions.ingest._build import ReadOptions, make_document
from factions.ingest._dates import date_from_filename
from factions.ingest._decode import decode
from factions.ingest._report import Report
from factions.ingest._sources import Source, read_limited
from factions.records import Document

_BLOCKS = re.compile(r"\n+")
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "head")


def read_html(source: Source, options: ReadOptions, report: Report) -> Iterator[Document]:
    decoded = decode(read_limited(source, options.max_bytes))
    if decoded.replaced:
        report.warn(source.name, f"{decoded.replaced} undecodable bytes replaced by U+FFFD")
    text, meta = html_main_text(decoded.text)
    doc = make_document(
        text,
        source.name,
        options,
        report,
        title=meta.get("title"),
        published=meta.get("date"),
        fallback_published=date_from_filename(source.path.name),
        url=meta.get("url"),
        outlet=meta.get("sitename"),
    )
    if doc is not None:
        yield doc


def html_main_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text (paragraphs separated by blank lines) and metadata of an HTML page."""
    import trafilatura

    meta: dict[str, str] = {}
    extracted = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
        favor_recall=True,
    )
    body = ""
    if extracted is not None:
        data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
        body = data.get("text") or ""
        for key in ("title", "date", "url", "sitename"):
            if data.get(key):
                meta[key] = str(data[key])
    if not body.strip():
        body = fragment_text(html)
    title = meta.get("title")
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    return _BLOCKS.sub("\n\n", body.strip()), meta


def fragment_text(html: str) -> str:
    """Visible text of a small HTML fragment (a feed entry, a short page trafilatura declines)."""
    import lxml.html

    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in list(root.iter(*_DROP_TAGS)):
        bad.drop_tree()
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    text: str = root.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
