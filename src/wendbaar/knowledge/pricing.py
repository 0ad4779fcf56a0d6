"""What a printed copy costs, and why.

Who pays nothing: municipal professionals — a signed-in user with a membership of an organisation of
kind "gemeente", or an e-mail address on one of the domains in ``KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS``
(that address must then confirm the order). Everyone else pays the publication's price, which includes
shipping and VAT (a consumer price, as Dutch law requires it to be shown).

The breakdown, all in whole cents with Decimal arithmetic:

    total         the price incl. shipping and VAT, e.g. 2500
    vat           VAT in the total = total × rate / (100 + rate), rounded half up   → 206 at 9 %
    shipping_vat  VAT in the shipping = shipping × rate / (100 + rate), rounded     → 41 of 495
    shipping_net  shipping − shipping_vat                                            → 454
    book_net      total − shipping_net − vat (the rest, so the lines always add up)  → 1840

One rate applies to everything: shipping is an ancillary cost and follows the VAT rate of the book
(9 % for books). Computing VAT once on the total, not per line, keeps it equal to what an invoice for
the total would show.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from wendbaar.accounts.models import Organisation, OrganisationKind
from wendbaar.knowledge.models import Eligibility, Publication


def to_cents(amount: Decimal) -> int:
    """Euros as a Decimal → whole cents, rounded half up."""
    return int((Decimal(amount) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def vat_in(gross_cents: int, rate: Decimal) -> int:
    """The VAT contained in an amount that includes VAT at ``rate`` percent, in whole cents."""
    rate = Decimal(rate)
    vat = Decimal(gross_cents) * rate / (Decimal(100) + rate)
    return int(vat.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Quote:
    eligibility: str
    total_cents: int
    book_net_cents: int
    shipping_net_cents: int
    vat_cents: int
    vat_rate: Decimal
    organisation: Organisation | None = None

    @property
    def is_free(self) -> bool:
        return self.total_cents == 0

    def as_order_fields(self) -> dict:
        return {
            "eligibility": self.eligibility,
            "total_cents": self.total_cents,
            "book_net_cents": self.book_net_cents,
            "shipping_net_cents": self.shipping_net_cents,
            "vat_cents": self.vat_cents,
            "vat_rate": self.vat_rate,
        }


def municipal_domains() -> list[str]:
    return [d.strip().lower().lstrip("@") for d in settings.KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS if d.strip()]


def is_municipal_email(email: str) -> bool:
    """True for an address on a listed domain or one of its subdomains (zwolle.nl, sociaal.zwolle.nl)."""
    _, at, domain = (email or "").strip().lower().rpartition("@")
    if not at or not domain:
        return False
    return any(domain == d or domain.endswith("." + d) for d in municipal_domains())


def municipal_membership(user) -> Organisation | None:
    """The municipality a signed-in user is a member of, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Organisation.objects.filter(memberships__user=user, kind=OrganisationKind.GEMEENTE).first()


def quote(publication: Publication, user=None, email: str = "") -> Quote:
    """The price of one printed copy for this person."""
    rate = Decimal(publication.vat_rate)
    organisation = municipal_membership(user)
    if organisation is not None:
        return Quote(Eligibility.MEMBERSHIP, 0, 0, 0, 0, rate, organisation)
    if is_municipal_email(email):
        return Quote(Eligibility.EMAIL_DOMAIN, 0, 0, 0, 0, rate)
    total = to_cents(publication.print_price)
    shipping = to_cents(publication.shipping)
    vat = vat_in(total, rate)
    shipping_net = shipping - vat_in(shipping, rate)
    return Quote(
        eligibility=Eligibility.PAID,
        total_cents=total,
        book_net_cents=total - shipping_net - vat,
        shipping_net_cents=shipping_net,
        vat_cents=vat,
        vat_rate=rate,
    )


def euro(cents: int) -> str:
    """2500 → "€ 25,00" (Dutch notation, non-breaking space after the sign)."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(int(cents)), 100)
    grouped = f"{whole:,}".replace(",", ".")
    return f"{sign}€\u00a0{grouped},{part:02d}"


def percent(rate: Decimal) -> str:
    """Decimal("9.00") → "9 %", Decimal("5.50") → "5,5 %"."""
    text = f"{Decimal(rate).normalize():f}".replace(".", ",")
    return f"{text}\u00a0%"
