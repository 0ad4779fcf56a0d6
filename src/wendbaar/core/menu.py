"""The main menu in the header of every page: which links a visitor gets, and which one is the current page.

Every page shows it, so it is built in plain Python instead of a template full of ``{% url %}`` tags and
``resolver_match`` tests: the addresses are looked up once per process (they only change with the code),
the current item is found with one look at the matched URL, and the menu's HTML is rendered once per
language, set of links, current page and unread count, and then kept in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

ANYONE, SIGNED_IN, SIGNED_OUT = "anyone", "signed-in", "signed-out"


def _names(*url_names: str) -> Callable:
    return lambda match, path: match is not None and match.url_name in url_names


def _namespace(namespace: str) -> Callable:
    return lambda match, path: match is not None and match.namespace == namespace


def _app(app_name: str) -> Callable:
    return lambda match, path: match is not None and match.app_name == app_name


def _under(prefix: str) -> Callable:
    return lambda match, path: path.startswith(prefix)


def _never(match, path) -> bool:
    return False


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    url_name: str
    audience: str = ANYONE
    is_current: Callable = _never


ITEMS = (
    Item("beroepen", _("Beroepen"), "taxonomy:occupations", is_current=_names("occupations", "occupation")),
    Item("vaardigheden", _("Vaardigheden"), "taxonomy:skills", is_current=_names("skills", "skill")),
    Item("bijeenkomsten", _("Bijeenkomsten"), "events:list", is_current=_under("/bijeenkomsten/")),
    Item("gesprekken", _("Gesprekken"), "events:conversations", is_current=_under("/gesprekken/")),
    Item("beroepsgroepen", _("Beroepsgroepen"), "communities:index", is_current=_namespace("communities")),
    Item("leren", _("Leren"), "learning:courses", is_current=_app("learning")),
    Item("kennisbank", _("Kennisbank"), "knowledge:index", is_current=_namespace("knowledge")),
    Item("mijn", _("Mijn wendbaar"), "profiles:dashboard", SIGNED_IN, _app("profiles")),
    Item("meldingen", _("Meldingen"), "notifications:list", SIGNED_IN, _app("notifications")),
    Item("verkennen", _("Verkennen"), "explore:verkennen", SIGNED_IN, _names("verkennen")),
    Item("inzicht", _("Inzicht"), "insight:index", SIGNED_IN, _namespace("insight")),
    Item("kansen", _("Kansen"), "opportunities:index", SIGNED_IN, _namespace("opportunities")),
    Item("account", _("Mijn account"), "accounts:account", SIGNED_IN),
    Item("inloggen", _("Inloggen"), "accounts:login", SIGNED_OUT),
    Item("account-maken", _("Account maken"), "accounts:signup", SIGNED_OUT),
)


@dataclass(frozen=True)
class Link:
    key: str
    label: str
    url: str
    current: bool


@cache
def _addresses(script_prefix: str) -> dict[str, str]:
    return {item.key: reverse(item.url_name) for item in ITEMS}


def menu_for(request) -> tuple[Link, ...]:
    """The links this visitor gets, in order, labelled in the active language; the inzicht link only for
    who may see a dashboard."""
    from wendbaar.insight.rules import shows_link

    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    audience = {ANYONE, SIGNED_IN if signed_in else SIGNED_OUT}
    addresses = _addresses(get_script_prefix())
    match, path = getattr(request, "resolver_match", None), request.path
    return tuple(
        Link(item.key, str(item.label), addresses[item.key], item.is_current(match, path))
        for item in ITEMS
        if item.audience in audience and (item.key != "inzicht" or shows_link(user))
    )


@lru_cache(maxsize=512)
def _rendered(language: str, links: tuple[Link, ...], unread: int) -> str:
    with translation.override(language):
        return render_to_string("components/main_menu.html", {"links": links, "unread": unread})


def main_menu(request) -> dict:
    """Context processor: the menu's list items. A callable: the template builds the menu when it shows
    it, pages without a header pay nothing."""
    from wendbaar.notifications.services import unread_count

    @cache
    def items() -> str:
        links = menu_for(request)
        unread = unread_count(request.user) if any(link.key == "meldingen" for link in links) else 0
        return _rendered(translation.get_language(), links, unread)

    return {"main_menu": items}
