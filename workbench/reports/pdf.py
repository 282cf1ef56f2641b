"""The editor report printed to PDF with WeasyPrint.

The page has no images or stylesheets of its own to fetch; the URL fetcher allows
no protocol at all anyway, so a hostile ``<img src>`` that slipped into the text
could never make the printer reach the network (the text is escaped before it gets
here). A refused resource is left out of the PDF, never fatal."""

from __future__ import annotations


def html_to_pdf(page: str) -> bytes:
    """The PDF of an HTML page (imported lazily: WeasyPrint takes a second to load)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    return HTML(string=page, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()
