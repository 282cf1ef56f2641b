"""HTML pages: the article text via trafilatura, metadata from it and the head tags.

trafilatura (favouring precision, no comments) finds the article body and drops
scripts, styles, JSON-LD, navigation, cookie banners, newsletter boxes, related
links and footers. Its text is then passed through the plain-text cleaner for the
furniture it lets through. Metadata: trafilatura's title, sitename, url and date
(from markup only: no extensive search of the page text, which guesses and is slow
on big pages), overridden where the page says so explicitly (``og:*`` and ``article:published_time``
meta tags, ``<link rel=canonical>``). When trafilatura finds nothing, a careful lxml
pass keeps the text outside script/style/nav/header/footer/aside/form and outside
elements whose class or id names a banner, menu or share box.

Deep nesting is safe: lxml stops building the tree at its depth limit (the text
below it is lost, nothing recurses in Python). This module does not run scripts,
fetch anything, follow links or read frames, and does not decode bytes.
"""

from __future__ import annotations

import logging
import re

import lxml.html
from lxml import etree

from ..errors import SourceError
from ..models import Document
from .cleaning import clean_article
from .fields import clean_value, make_document

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "textarea", "object", "embed", "canvas", "head",
    "figure", "dialog", "menu",
)
_DROP_CLASS = re.compile(
    r"cookie|consent|gdpr|newsletter|subscribe|signup|related|share|social|promo|advert"
    r"|\bads?\b|banner|comment|sidebar|footer|\bnav|menu|breadcrumb|popup|modal|teaser",
    re.IGNORECASE,
)
_KEEP = frozenset({"html", "body", "main", "article"})
_BLOCKS = (
    "p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "tr", "table", "br", "hr", "dd", "dt", "figcaption", "address",
)
_META = {
    "og:title": "title", "twitter:title": "title", "og:site_name": "outlet",
    "og:url": "url", "article:published_time": "published", "datepublished": "published",
    "date": "published", "pubdate": "published", "dc.date": "published",
}
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def head_metadata(tree: lxml.html.HtmlElement | None) -> dict[str, str]:
    """Title, outlet, url and published as the page's own tags state them."""
    meta: dict[str, str] = {}
    if tree is None:
        return meta
    for tag in tree.iter("meta"):
        name = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        field = _META.get(name.strip())
        if field and field not in meta and (value := clean_value(tag.get("content"), 2000)):
            meta[field] = value
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            meta["url"] = link.get("href", "").strip()
            break
    if "title" not in meta:
        for tag in ("title", "h1"):
            found = next(tree.iter(tag), None)
            if found is not None and (value := clean_value(found.text_content(), 500)):
                meta["title"] = value
                break
    return meta


def _trafilatura(html: str) -> tuple[str, dict[str, str]]:
    import trafilatura
    from trafilatura.settings import set_date_params

    result = trafilatura.bare_extraction(
        html, favor_precision=True, include_comments=False, with_metadata=True,
        include_images=False, include_links=False,
        date_extraction_params=set_date_params(extensive=False),  # tags only, no page scan
    )
    if result is None or isinstance(result, dict):  # a dict only when asked for one
        return "", {}
    meta = {"title": result.title, "outlet": result.sitename, "url": result.url,
            "published": result.date}
    return result.text or "", {k: v for k, v in meta.items() if v}


def fallback_text(tree: lxml.html.HtmlElement | None) -> str:
    """Visible text outside scripts, navigation, banners and boxes; blocks split by blank lines."""
    if tree is None:
        return ""
    doomed = [el for el in tree.iter(*_DROP_TAGS)]
    doomed += [el for el in tree.iter() if isinstance(el.tag, str) and el.tag not in _KEEP
               and _DROP_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}")]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    for el in tree.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    return tree.text_content()


def read_html(name: str, html: str, *, source_set: str | None = None) -> Document:
    """An HTML article; SourceError('no article text') for pages with nothing to read."""
    tree = _parse(html)
    text, meta = _trafilatura(html)
    meta.update(head_metadata(tree))
    text = "\n\n".join(text.split("\n")) if text.strip() else fallback_text(tree)
    cleaned = clean_article(text, find_title=False)
    if not cleaned.paragraphs:
        raise SourceError(name, "no article text")
    paragraphs = cleaned.paragraphs
    if meta.get("title") and " ".join(paragraphs[0].split()) == meta["title"]:
        paragraphs = paragraphs[1:]
    meta.setdefault("published", cleaned.published or "")
    return make_document(name, "\n\n".join(paragraphs), meta, source_set=source_set,
                         need_sentence=True)
