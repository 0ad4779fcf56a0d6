"""The sanitiser: scripts, event handlers, style, frames and javascript:/data: links never survive — neither
through Markdown nor when raw HTML reaches the sanitiser directly. Ordinary formatting does survive."""

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wendbaar.communities.formatting import ALLOWED_TAGS, render, sanitise

SAFE_SCHEMES = ("http://", "https://", "mailto:")

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<<script>script>alert(1)<</script>/script>",
    "<img src=x onerror=alert(1)>",
    '<a href="#" onclick="alert(1)">klik</a>',
    '<p onmouseover="alert(1)">zweef</p>',
    '<body onload="alert(1)">',
    "<svg onload=alert(1)><circle/></svg>",
    '<iframe src="https://evil.example"></iframe>',
    "<object data=x></object><embed src=x>",
    "<style>body{display:none}</style>",
    '<p style="background:url(javascript:alert(1))">stijl</p>',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href=" javascript:alert(1)">link</a>',
    '<a href="&#106;avascript:alert(1)">link</a>',
    '<a href="java&#x09;script:alert(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    "[link](javascript:alert(1))",
    "[link](JAVASCRIPT:alert(1))",
    "[link](  javascript:alert(1)  )",
    "[link](&#106;avascript:alert(1))",
    "[link](data:text/html;base64,PHNjcmlwdD4=)",
    "[link](vbscript:alert(1))",
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "![plaatje](javascript:alert(1))",
    '[link](https://example.nl "titel" onclick="alert(1)")',
    "```\n<script>alert(1)</script>\n```",
    '<form action="https://evil.example"><input name=x></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    handle_startendtag = handle_starttag


def assert_safe(fragment: str) -> None:
    collector = _Collector()
    collector.feed(fragment)
    assert set(collector.tags) <= ALLOWED_TAGS, collector.tags
    for tag, name, value in collector.attributes:
        assert not name.startswith("on"), (tag, name)
        assert name in {"href", "title", "rel", "start"}, (tag, name)
        if name == "href":
            lowered = value.strip().lower()
            # A safe scheme, or a relative address (no scheme before the first slash).
            assert lowered.startswith(SAFE_SCHEMES) or ":" not in lowered.split("/")[0], value


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_never_lets_dangerous_html_through(payload):
    html, _text = render(payload)
    assert_safe(html)
    assert "javascript:" not in _links(html)
    assert "data:" not in _links(html)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_sanitiser_alone_removes_dangerous_html(payload):
    """The second layer holds even if raw HTML got past the Markdown renderer."""
    cleaned = sanitise(payload)
    assert_safe(cleaned)
    assert "<script" not in cleaned.lower()
    assert "javascript:" not in _links(cleaned)
    assert "data:" not in _links(cleaned)


def _links(fragment: str) -> str:
    collector = _Collector()
    collector.feed(fragment)
    return " ".join(
        value.lower().replace(" ", "") for _t, name, value in collector.attributes if name == "href"
    )


FRAGMENTS = st.sampled_from(
    [
        "<",
        ">",
        "<script>",
        "</script>",
        "<a ",
        'href="',
        "javascript:",
        "data:text/html,",
        "onerror=",
        "onclick=",
        "alert(1)",
        '"',
        "'",
        "[",
        "](",
        ")",
        "**",
        "`",
        "\n",
        " ",
        "<img src=x ",
        "<svg ",
        "&#106;",
        "&#x09;",
        "style=",
        "<iframe>",
        "tekst",
    ]
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(FRAGMENTS, max_size=30).map("".join))
def test_random_mixtures_stay_safe(source):
    html, _text = render(source)
    assert_safe(html)
    assert "javascript:" not in _links(html)
    cleaned = sanitise(source)
    assert_safe(cleaned)
    assert "javascript:" not in _links(cleaned)


def test_ordinary_formatting_survives():
    html, text = render(
        "Hallo **collega's**, zie *dit*:\n\n- paspoort\n- ID-kaart\n\n> citaat\n\n"
        "[handreiking](https://example.nl/handreiking) of mail [ons](mailto:kcc@example.nl) en `code`."
    )
    assert "<strong>collega's</strong>" in html or "<strong>collega&#39;s</strong>" in html
    assert "<em>dit</em>" in html
    assert "<li>paspoort</li>" in html
    assert "<blockquote>" in html
    assert (
        '<a href="https://example.nl/handreiking" rel="nofollow noopener noreferrer">handreiking</a>' in html
    )
    assert 'href="mailto:kcc@example.nl"' in html
    assert "<code>code</code>" in html
    assert "paspoort" in text and "<" not in text


def test_headings_and_images_are_not_markup():
    html, _text = render("# Grote kop\n\n![foto](https://example.nl/foto.png)")
    assert "<h1" not in html and "<img" not in html
    assert "# Grote kop" in html


def test_raw_html_is_shown_as_text():
    html, text = render("Gebruik <b>geen</b> HTML")
    assert "&lt;b&gt;geen&lt;/b&gt;" in html
    assert text == "Gebruik <b>geen</b> HTML"
