"""Safe formatting for posts: Markdown rendered to HTML, then sanitised with an allowlist.

Two layers, so that one mistake is not enough: the Markdown renderer does not pass raw HTML through (it
shows it as text), and nh3 (the Ammonia sanitiser) then keeps only the tags and attributes listed here.
Links keep http, https and mailto only, and get rel="nofollow noopener noreferrer". Headings and images are
not part of the Markdown we accept: headings would break the page's heading order, and an image from
another site tells that site who reads the post.
"""

from __future__ import annotations

import html
import re

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "del",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer"
# Dropped together with their content, not just unwrapped.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea"}

_markdown = (
    MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    .enable("strikethrough")
    .disable(["heading", "lheading", "image", "html_block", "html_inline"])
)


def sanitise(fragment: str) -> str:
    """Keep only allowlisted tags, attributes and URL schemes of an HTML fragment."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def to_text(fragment: str) -> str:
    """Plain text of sanitised HTML, for search and previews."""
    text = html.unescape(nh3.clean(fragment, tags=set()))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()


def render(source: str) -> tuple[str, str]:
    """Markdown source → (sanitised HTML, plain text)."""
    safe = sanitise(_markdown.render(source or ""))
    return safe, to_text(safe)
